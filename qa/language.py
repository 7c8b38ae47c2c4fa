"""Which language a question is in: Indonesian or English, the two the bot answers in."""

from __future__ import annotations

from functools import cache
from typing import Literal

from py3langid.langid import MODEL_FILE, LanguageIdentifier

Lang = Literal["id", "en"]

# Short Indonesian questions often score as Malay, which shares most of their words; both mean "id" here.
# A question with too little text to tell ("AI", "GPT-4") stays with the articles' language.
ENGLISH_MIN_PROB = 0.7


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["id", "ms", "en"])
    return identifier


def detect(text: str) -> Lang:
    lang, prob = _identifier().classify(text)
    return "en" if lang == "en" and prob >= ENGLISH_MIN_PROB else "id"
