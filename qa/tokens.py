"""Indonesian-aware tokens for BM25.

tokenize() expects text that has been through qa.normalize.normalize() (spun words mapped back); it does
the rest: accent folding, lowercasing, numbers and codes kept whole ("US$5,6", "10.000", "H100", "GPT-4"),
reduplication ("perusahaan-perusahaan"), stopwords (Indonesian and English, negation and quote cues kept),
and Indonesian stemming with the Snowball algorithm (snowballstemmer, BSD-3-Clause; no word list).

Snowball strips affixes by rule, without a dictionary: it over-stems some words ("mengatakan" -> "ata",
"Taiwan" -> "taiw") and keeps apart some forms of one root ("memiliki" -> "pilik" but "milik" -> "milik").
Passages and questions go through the same stem(), so matching stays consistent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer

from .resources import data_lines

_RAW_TOKEN = re.compile(r"[\w$]+(?:[-.,][\w$]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_CURRENCY_GAP = re.compile(r"\$+\s*(?=\d)")  # "US$$500" (a typo in the seed article) and "US$ 500" -> "US$500"
_DIGIT = re.compile(r"\d")


@cache
def stopwords() -> frozenset[str]:
    return frozenset(word for name in ("stopwords_id.txt", "stopwords_en.txt") for word in data_lines(name))


@cache
def stem(word: str) -> str:
    """Snowball Indonesian stem of one lowercase word. Cached because news vocabulary repeats; a stemmer is
    made per call because it keeps the word being stemmed in its own state, and the server tokenizes
    questions from several threads."""
    return snowballstemmer.stemmer("indonesian").stemWord(word) or word


def fold(text: str) -> str:
    """Lowercase and strip accents ("Café" -> "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def canonical_number(number: str) -> str:
    """One spelling for Indonesian and English numbers: "10.000" and "10,000" -> "10000"; "5,6" and "5.6" -> "5.6".

    A separator followed by exactly three digits groups thousands, unless the number starts with "0"; the
    last separator is otherwise the decimal mark.
    """
    groups = re.split(r"[.,]", number)
    if len(groups[-1]) == 3 and groups[0] != "0":
        return "".join(groups)
    return "".join(groups[:-1]) + "." + groups[-1]


def _word_tokens(word: str) -> list[str]:
    """Tokens of one alphabetic word, hyphenated or not, before stopwords and stemming."""
    parts = [p for p in re.split(r"[-.,]", word) if p]
    if len(parts) == 2 and (parts[0] == parts[1] or parts[0].endswith(parts[1])):
        # reduplication: "perusahaan-perusahaan" (plural), "berlomba-lomba", "membuang-buang"
        return [parts[0]]
    return parts


def _code_tokens(code: str) -> list[str]:
    """A token with digits stays whole ("us$5.6", "gpt-4", "deepseek-r1"); its pieces are added so that
    "5,6 juta" or "DeepSeek R1" still match."""
    whole = _NUMBER.sub(lambda m: canonical_number(m.group()), code)
    pieces = [p for p in re.split(r"[-$]", whole) if p and p != whole]
    return [whole, *pieces]


def tokenize(text: str) -> list[str]:
    """BM25 tokens of normalised text (pass qa.normalize.normalize(text))."""
    text = _CURRENCY_GAP.sub("$", _POSSESSIVE.sub("", fold(text)))
    drop = stopwords()
    tokens: list[str] = []
    for raw in _RAW_TOKEN.findall(text):
        if _DIGIT.search(raw):
            tokens.extend(t for t in _code_tokens(raw) if t not in drop)
        else:
            tokens.extend(stem(t) for t in _word_tokens(raw.replace("$", "")) if t not in drop)
    return tokens
