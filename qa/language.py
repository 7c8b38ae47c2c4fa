"""Which language a question is in: Indonesian or English, the two the bot answers in."""

from __future__ import annotations

import copy
from functools import cache
from typing import Literal

from py3langid.langid import MODEL_FILE, LanguageIdentifier

Lang = Literal["id", "en"]

# Short Indonesian questions often score as Malay, which shares most of their words; both mean "id" here.
# A question with too little text to tell ("AI", "GPT-4") stays with the articles' language.
ENGLISH_MIN_PROB = 0.7
# Sure enough that a question is in neither language to tell the user so. No question of the evals, short
# Indonesian ones included, scores above this for a third language.
FOREIGN_MIN_PROB = 0.8
# Languages close enough to Indonesian that a short Indonesian question may score as them.
_NEIGHBOURS = frozenset({"id", "ms", "jv", "su", "en"})


@cache
def _identifier(restricted: bool) -> LanguageIdentifier:
    if not restricted:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # A copy shares the model's tables (reading them again takes 0.3 s of a cold start); restricting it
    # replaces the copy's own, not the shared ones.
    identifier = copy.copy(_identifier(False))
    identifier.set_languages(["id", "ms", "en"])
    return identifier


def detect(text: str) -> Lang:
    lang, prob = _identifier(True).classify(text)
    return "en" if lang == "en" and prob >= ENGLISH_MIN_PROB else "id"


def foreign(text: str) -> str | None:
    """The ISO 639-1 code of the language a question is written in, when that is clearly neither Indonesian
    nor English ("fr" for "Combien a coûté …?"), else None."""
    lang, prob = _identifier(False).classify(text)
    return lang if lang not in _NEIGHBOURS and prob >= FOREIGN_MIN_PROB else None


def text_language(text: str) -> str:
    """The ISO 639-1 code of the language a longer text (an article) is written in, among all py3langid knows."""
    return _identifier(False).classify(text)[0]
