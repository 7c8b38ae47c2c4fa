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
from .focus import NAME_SIMILARITY, holds, holds_money, is_ordinary, is_short_form, names_money, names_speaker
from .passages import Passage
from .question import Question
from .retrieval import Retriever
from .tokens import fold

Support = Literal["full", "partial", "none"]
# "TSMC" is the article's "Taiwan Semiconductor Manufacturing Company", "Kemenkes" its "Kementerian Kesehatan": a
# word of at most this many letters is looked for as a short form of the article's runs of capitalised words.
SHORT_FORM_MAX = 10
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
    """The person whose words the question asks for, or when it asks for no quoted speaker the names it
    mentions, that occur nowhere in the articles ("Apa kata Elon Musk tentang …?"); then a person who occurs
    but is not quoted ("What did Budi say?" when the article only mentions Budi)."""
    person = question.person
    missing = (person,) if person and not _known(person, retriever) else ()
    # A person of the article asked about has words to look for, whatever else the question names; and a
    # short form in passing ("air PDAM") may be one the article never spells that way.
    if not question.speakers and (person is None or missing):
        missing += tuple(
            m
            for m in question.mentions
            if not m.isupper() and not (person and fold(m) in fold(person)) and not _known(m, retriever)
        )
    if missing:
        return Gap("absent", missing)
    speaks = any(names_speaker(person or "", s, retriever.roles[s]) for s in question.speakers)
    if question.kind == "said" and question.person and not speaks:
        # "What did Budi say after the Telkom deal?" must not quote Telkom as Budi.
        return Gap("unquoted", (question.person,))
    return None


def _known(name: str, retriever: Retriever) -> bool:
    words = [w for w in _WORD.findall(name) if not is_ordinary(w)]
    return all(_known_word(w, retriever) for w in words)


def _known_word(word: str, retriever: Retriever) -> bool:
    folded = fold(word)
    if folded in retriever.vocabulary:
        return True
    if len(folded) <= SHORT_FORM_MAX and any(
        is_short_form(folded, run[i:]) for run in retriever.name_runs for i in range(len(run))
    ):
        return True
    return bool(difflib.get_close_matches(folded, retriever.vocabulary, n=1, cutoff=NAME_SIMILARITY))


def lacking(question: Question, sentence: str, passage: Passage) -> Gap | None:
    """What of the asked fact the evidence does not hold: an answer of the asked kind in its sentence, and
    for an amount, the thing counted in its passage ("Berapa gaji …?" is not answered by a sum of another
    kind): a word for money in general is answered by any amount of a currency."""
    if question.kind not in ("fact", "who"):
        return None  # what someone said, or who said it: the speaker's words are the answer
    if question.wants and not holds(sentence, question.wants, passage.speaker, question.text):
        # Saying what was counted ("gaji") tells the reader more than saying that a number is missing.
        return Gap("focus", (question.counted,)) if question.counted else Gap("wanted")
    # A sum of money is asked for in any language by its words ("biaya", "cost"): an amount of a currency.
    money = [word for word in question.focus if names_money(word)] if question.wants == "amount" else []
    if money and not holds_money(sentence):
        return Gap("focus", (money[0],))
    # Only an Indonesian word can be looked for as written; a word for money in general is answered above.
    head = question.counted
    if question.lang != "id" or head is None or names_money(head) or terms(head) <= terms(passage.text):
        return None
    return Gap("focus", (head,))


def support(gap: Gap | None) -> Support:
    if gap is None:
        return "full"
    return "none" if gap.kind == "absent" else "partial"
