"""How far the article supports an answer: whether what the question is about is in the article at all, and
whether the evidence holds an answer of the asked-for kind about the asked-for thing.

No reader model is available offline, so this checks what a question pins down and an article can be
searched for: the names it mentions (people, organisations), the person whose words it asks for, the kind of
answer (an amount, a time, a place, a person), and for an amount the thing counted. What cannot be checked
(a paraphrase the embeddings matched) is not held against the answer: a wrong "not in the article" costs a
reader more than a partial answer they can read for themselves.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .bm25 import analyze
from .focus import holds, holds_money, is_ordinary, names_money
from .passages import Passage
from .question import Question
from .retrieval import Retriever
from .tokens import fold

Support = Literal["full", "partial", "none"]
# A misspelt name ("Mousavizade") is still the article's: the ratio `attribution` uses for speakers' names.
NAME_SIMILARITY = 0.8
# "TSMC" is the article's "Taiwan Semiconductor Manufacturing Company": a short form of at most this many letters
# is looked for as the initials of the article's capitalised runs.
ACRONYM_MAX = 6
TERMS_CACHE_SIZE = 4096
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gap:
    """What the article lacks of what a question asks: a name it never mentions ("absent"), a person it
    mentions but does not quote ("unquoted"), an answer of the asked kind ("wanted"), or the asked-for thing
    ("focus"); `words` are the names or words as the question wrote them."""

    kind: Literal["absent", "unquoted", "wanted", "focus"]
    words: tuple[str, ...] = ()


@lru_cache(maxsize=TERMS_CACHE_SIZE)
def terms(text: str) -> frozenset[str]:
    """The text's BM25 terms (spin bridged, stemmed): what it says, whatever its spelling."""
    return frozenset(analyze(text))


def absent(question: Question, retriever: Retriever) -> Gap | None:
    """The names the question mentions, or the person whose words it asks for, that occur nowhere in the
    articles ("Apa kata Elon Musk tentang …?"); then a person who occurs but is not quoted ("What did Budi
    say?" when the article only mentions Budi)."""
    names = [question.person] if question.person and not question.speakers else []
    # A speaker of the article asked about has words to show, whatever else the question names.
    if not question.speakers:
        names += [m for m in question.mentions if not any(fold(m) in fold(name) for name in names)]
    missing = tuple(name for name in names if not _known(name, retriever))
    if missing:
        return Gap("absent", missing)
    if question.person and not question.speakers and question.kind == "said":
        return Gap("unquoted", (question.person,))
    return None


def _known(name: str, retriever: Retriever) -> bool:
    words = [w for w in _WORD.findall(name) if not is_ordinary(w)]
    return all(_known_word(w, retriever) for w in words)


def _known_word(word: str, retriever: Retriever) -> bool:
    folded = fold(word)
    if folded in retriever.vocabulary:
        return True
    if word.isupper() and len(word) <= ACRONYM_MAX:
        return folded in retriever.initials
    return bool(difflib.get_close_matches(folded, retriever.vocabulary, n=1, cutoff=NAME_SIMILARITY))


def lacking(question: Question, sentence: str, passage: Passage) -> Gap | None:
    """What of the asked fact the evidence does not hold: an answer of the asked kind in its sentence, and
    for an amount, the thing counted in its passage ("Berapa gaji …?" is not answered by a sum of another
    kind): a word for money in general is answered by any amount of a currency."""
    if question.kind not in ("fact", "who"):
        return None  # what someone said, or who said it: the speaker's words are the answer
    speaker = passage.speaker if question.wants == "person" else None
    if question.wants and not holds(sentence, question.wants, speaker):
        # Saying what was counted ("gaji") tells the reader more than saying that a number is missing.
        return Gap("focus", (question.counted,)) if question.counted else Gap("wanted")
    # Only an Indonesian word can be looked for as written.
    head = question.counted
    if question.lang != "id" or head is None:
        return None
    if terms(head) <= terms(passage.text) or (names_money(head) and holds_money(sentence)):
        return None
    return Gap("focus", (head,))


def support(gap: Gap | None) -> Support:
    if gap is None:
        return "full"
    return "none" if gap.kind == "absent" else "partial"
