"""Which language a question is in: Indonesian or English, the two the bot answers in."""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Literal

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .resources import data_lines

Lang = Literal["id", "en"]

# Short Indonesian questions often score as Malay, which shares most of their words; both mean "id" here.
# A question with too little text to tell ("AI", "GPT-4") stays with the articles' language.
ENGLISH_MIN_PROB = 0.7
# Sure enough that a question is in neither language to tell the user so. No question of the evals, short
# Indonesian ones included, scores above this for a third language.
FOREIGN_MIN_PROB = 0.8
# Languages close enough to Indonesian that a short Indonesian question may score as them.
_NEIGHBOURS = frozenset({"id", "ms", "jv", "su", "en"})
# A capitalised word inside a sentence is most often a name, which is in the article's language whatever the
# question's ("When did the Yayasan Bina Insan Cilaku kitchen open?" scored as Indonesian): a question is
# English when it reads so with its names or, when at least this many words are left, without them.
_NAME_WORD = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’.-]*")
WORDS_WITHOUT_NAMES_MIN = 2
ENGLISH_FUNCTION_WORDS_MIN = 2


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
    without_names = _NAME_WORD.sub(" ", text)
    readings = [text] + [without_names] * (len(re.findall(r"\w+", without_names)) >= WORDS_WITHOUT_NAMES_MIN)
    if any(_english(reading) for reading in readings):
        return "en"
    # A short question is told by few letters, and its names lean it either way ("What did Brad Smith say?"
    # scored as Indonesian): English function words that outnumber Indonesian ones settle a lean to English.
    english, indonesian = _function_words()
    words = [word.lower() for word in re.findall(r"\w+", without_names)]
    count = sum(word in english for word in words)
    enough = count >= ENGLISH_FUNCTION_WORDS_MIN and count > sum(word in indonesian for word in words)
    return "en" if enough and _identifier(True).classify(without_names)[0] == "en" else "id"


@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """English function words that are no Indonesian word, and Indonesian ones (the BM25 stopword lists)."""
    indonesian = frozenset(data_lines("stopwords_id.txt"))
    return frozenset(data_lines("stopwords_en.txt")) - indonesian, indonesian


def _english(text: str) -> bool:
    lang, prob = _identifier(True).classify(text)
    return lang == "en" and prob >= ENGLISH_MIN_PROB


def foreign(text: str) -> str | None:
    """The ISO 639-1 code of the language a question is written in, when that is clearly neither Indonesian
    nor English ("fr" for "Combien a coûté …?"), else None."""
    lang, prob = _identifier(False).classify(text)
    return lang if lang not in _NEIGHBOURS and prob >= FOREIGN_MIN_PROB else None


def text_language(text: str) -> str:
    """The ISO 639-1 code of the language a longer text (an article) is written in, among all py3langid knows."""
    return _identifier(False).classify(text)[0]
