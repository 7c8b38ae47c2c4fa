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

from .attribution import cues, is_body
from .bm25 import analyze
from .focus import (
    NAME_SIMILARITY,
    clause_words,
    holds,
    holds_money,
    is_ordinary,
    is_short_form,
    kind_asked,
    names_money,
    names_speaker,
    particulars,
    person_named,
    shares,
)
from .language import Lang
from .passages import Passage, passage_id
from .question import Question
from .resources import exonyms, short_forms
from .retrieval import Retriever
from .tokens import fold, stem, stopwords

Support = Literal["full", "partial", "none"]
# "TSMC" is the article's "Taiwan Semiconductor Manufacturing Company", "Kemenkes" its "Kementerian Kesehatan": a
# word of at most this many letters is looked for as a short form of the article's runs of capitalised words.
SHORT_FORM_MAX = 10
TERMS_CACHE_SIZE = 4096
_WORD = re.compile(r"\w+")
# A word and its translation, each embedded alone, lie this close or closer: "houses"/"rumah", "corn"/"jagung",
# "members"/"anggota" and "workers"/"pekerja" at 0.53-0.56, "residents"/"warga" and "traders"/"penjual" at
# 0.42 (query prompt for the English word, document prompt for the passage's), while the best unrelated word
# of the same sentences reached 0.33 ("women" against a sentence about workers: 0.28).
TRANSLATION_MIN = 0.40
# The pe- family of nouns: "pengguna", "penumpang", "pekerja" (see `lacking`).
_AGENT = re.compile(r"pe(?:ng|ny|m|n|r)?\w{3,}")
# The words of offices and roles ("ceo", "kepala", "juru bicara"), whose holder a who-question may ask for.
_OFFICE_WORDS = frozenset(
    word for title in (*cues.STATE_TITLES, *cues.OFFICE_TITLES, *cues.GENERIC_ROLES) for word in title.split()
) - stopwords() - cues.TITLE_FIELD_WORDS
# Who founded or owns a body the news tells in other words too ("X ialah gagasan Budi", "didirikan Budi").
_FOUNDED = frozenset({"pendiri", "pencipta", "pemilik"})
# A name in at most this many passages is a particular of the article, not its subject.
RARE_NAME_PASSAGES = 2


@dataclass(frozen=True)
class Gap:
    """What the article lacks of what a question asks: a name it never mentions ("absent"), a person it
    mentions but does not quote ("unquoted"), a name it holds only in part or a short form it never spells
    ("unmentioned"), an answer of the asked kind ("wanted"), the asked-for thing ("focus"), or a name it holds
    elsewhere but not where the answer would be ("elsewhere"); `words` are the names or words as the question
    wrote them."""

    kind: Literal["absent", "unquoted", "unmentioned", "wanted", "focus", "elsewhere"]
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
    # A full name the article never holds is absent even beside a speaker the question also matched ("What
    # did governor Anwar Hafid say about Sigi?" is not a question about the Sigi official).
    missing += tuple(m for m in question.mentions if m not in missing and _full_name(m) and not _known(m, retriever))
    if missing:
        return Gap("absent", missing)
    # A short form ("PSSI", "SD") may stand for words the article spells out otherwise: not absent, but the
    # article does not say it.
    unheard = tuple(m for m in question.mentions if m.isupper() and not _known(m, retriever))
    if unheard and question.kind in ("fact", "who"):
        return Gap("unmentioned", unheard)
    speaks = any(names_speaker(person or "", s, retriever.roles[s]) for s in question.speakers)
    if question.kind == "said" and question.person and not speaks:
        # "What did Budi say after the Telkom deal?" must not quote Telkom as Budi. A name in ordinary words
        # the article does not hold ("BPJS Watch") may be one it translates: not mentioned, but not absent.
        mentioned = all(_known_word(w, retriever) for w in _WORD.findall(question.person) if fold(w) not in stopwords())
        return Gap("unquoted" if mentioned else "unmentioned", (question.person,))
    return None


def _unnamed(speaker: str) -> bool:
    """Whether a speaker is known by role alone ("Juru bicara Telkom", "Tetangga korban"): a name has a capital
    on every word but its particles ("Muhammad bin Salman"), a role on its first only."""
    return any(w[:1].islower() and fold(w) not in cues.NAME_PARTICLES for w in _WORD.findall(speaker)[1:])


def _full_name(name: str) -> bool:
    return sum(not is_ordinary(w) for w in _WORD.findall(name)) > 1


def _known(name: str, retriever: Retriever) -> bool:
    words = [w for w in _WORD.findall(name) if not is_ordinary(w)]
    return all(_known_word(w, retriever) for w in words)


def _known_word(word: str, retriever: Retriever) -> bool:
    folded = fold(word)
    if folded in retriever.vocabulary:
        return True
    # "Kemenhub" is known to an article that writes "Kementerian Perhubungan".
    if (spelt := short_forms().get(folded)) and all(w in retriever.vocabulary for w in spelt.split()):
        return True
    if exonyms().get(folded) in retriever.vocabulary:  # "Java" is known to an article that writes "Jawa"
        return True
    if len(folded) <= SHORT_FORM_MAX and any(
        is_short_form(folded, run[i:]) for run in retriever.name_runs for i in range(len(run))
    ):
        return True
    return bool(difflib.get_close_matches(folded, retriever.vocabulary, n=1, cutoff=NAME_SIMILARITY))


def lacking(
    question: Question, sentence: str, said_by: str | None, passage: Passage, retriever: Retriever
) -> Gap | None:
    """What of the asked fact the evidence (a sentence, said by `said_by`, of `passage`) does not hold: the
    numbers, codes and months the question names; an answer of the asked kind about what it names; for an
    amount, the thing counted ("Berapa gaji …?" is not answered by a sum of another kind: a word for money in
    general is answered by any amount of a currency), by its words in Indonesian and by its meaning in
    English."""
    if question.kind == "said" and question.wants and not answers(question, sentence, said_by, passage, retriever):
        return Gap("wanted")  # "How many … does Budi expect?": Budi's words, with a number in them
    if question.named is not None and said_by and _unnamed(said_by) and not person_named(sentence, question.text):
        return Gap("wanted")  # "Siapa nama juru bicara X?" is not answered by the words of "Juru bicara X"
    if question.kind not in ("fact", "who"):
        return None  # what someone said, or who said it: the speaker's words are the answer
    # The particulars of the question name what the answer is about: evidence without them is about
    # something else ("Berapa tarif golongan B-2?" answered with the tariff of another class).
    missing = [p for p in particulars(question.text) if not shares(passage.text, p)]
    # So do names the article holds in a passage or two ("konsumsi Pertalite" is not answered by that of
    # Pertamax); its subject and its places, repeated throughout, need not be repeated in the evidence, nor
    # a name the passage before it gives ("Ia kemudian memberikan …").
    here = {passage.id, passage_id(passage.article, passage.paragraph - 1)}
    elsewhere = []
    for name in question.mentions:
        holding = frozenset().union(*(retriever.word_passages.get(w, frozenset()) for w in _name_words(name)))
        if not holding & here and 0 < len(holding) <= RARE_NAME_PASSAGES:
            elsewhere.append(name)
    if missing:
        return Gap("focus", tuple(missing))
    if elsewhere:
        # The article names them, in another passage: saying it does not would be untrue.
        return Gap("elsewhere", tuple(elsewhere))
    if question.wants and not answers(question, sentence, said_by, passage, retriever):
        # Saying what was counted ("gaji") tells the reader more than saying that a number is missing.
        return Gap("focus", (question.counted,)) if question.counted else Gap("wanted")
    # A time or a place is of something that happened: the passage names it by one of the question's words
    # ("Kapan Budi lahir?" is not answered by the year he founded his firm). Not in English, where a word alone
    # finds its translation too seldom ("Where is the hearing held?" for an article's "rapat dengar pendapat").
    if question.wants in ("time", "place") and question.lang == "id" and question.focus and not any(
        _held(word, question.lang, sentence, passage, retriever) for word in question.focus
    ):
        return Gap("focus", (question.focus[0],))
    # A sum of money is asked for in any language by its words ("biaya", "cost"): an amount of a currency.
    money = [word for word in question.focus if names_money(word)] if question.wants == "amount" else []
    if money and not holds_money(sentence):
        return Gap("focus", (money[0],))
    # A word for money in general is answered above; an English word is looked for by its meaning.
    head = question.counted
    if head is None or names_money(head):
        return None
    return None if _held(head, question.lang, sentence, passage, retriever) else Gap("focus", (head,))


def _held(head: str, lang: Lang, sentence: str, passage: Passage, retriever: Retriever) -> bool:
    """Whether the passage holds the thing `head` names (a word or a counted thing with its clause): in
    Indonesian by its words, in English by its meaning."""
    if lang != "id":
        return _translated(head, sentence, passage, retriever)
    held, words = terms(passage.text), {fold(w) for w in _WORD.findall(passage.text)}
    noun = fold(head.split()[0])
    noun = noun.removesuffix("nya") if len(noun) > len("nya") + 3 else noun  # "pengungsinya": the evacuees
    head = " ".join([noun, *head.split()[1:]])
    # A noun of the pe- family names who does it ("pengguna", "penumpang"), which its stem shares with the
    # verbs ("menggunakan"): it is looked for as written, its endings aside. (The doing, pe-…-an, is often
    # written otherwise: "perjalanan" is an article's "waktu tempuh".)
    agent = _AGENT.match(noun) is not None and stem(noun) != noun and not noun.endswith("an")
    if agent and not any(w.startswith(noun) for w in words):
        return False
    return terms(head) <= held and all(w in words or terms(w) & held for w in clause_words(head))


def _translated(word: str, sentence: str, passage: Passage, retriever: Retriever) -> bool:
    """Whether the passage holds a word that means `word` (an English one: "nurses" is the passage's
    "perawat"): the word as written, or a word of the passage, or two words running in the evidence sentence
    ("lalu lintas" for "traffic"), whose vector, embedded alone, lies as close to it as a translation does."""
    held = list(dict.fromkeys(fold(w) for w in _WORD.findall(passage.text) if fold(w) not in stopwords()))
    if fold(word) in held:
        return True
    running = [fold(w) for w in _WORD.findall(sentence)]
    pairs = [f"{a} {b}" for a, b in zip(running, running[1:]) if not (a.isdigit() or b.isdigit())]
    candidates = [w for w in held if len(w) >= 3 and not w.isdigit()] + pairs
    if not candidates:
        return False
    similarity = retriever.encoder.words(candidates) @ retriever.encoder.query(word)[0]
    return bool(similarity.max() >= TRANSLATION_MIN)


def answers(question: Question, sentence: str, said_by: str | None, passage: Passage, retriever: Retriever) -> bool:
    """Whether the sentence holds an answer of the asked kind about what the question names: each name of
    the question that the passage holds is in the sentence too, or speaks it ("Kapan Budi diwawancarai
    Tempo?" is not answered by the year Budi founded his firm, told in the sentence before the interview)."""
    speaker, asked = said_by, question.text
    if question.wants in ("person", "name") and said_by and not _may_be_asked(question, said_by, passage, retriever):
        # Someone who only tells it answers nothing, nor does their name in the cue ("kata Kapolres X").
        speaker, asked = None, f"{question.text} {said_by} {retriever.roles.get(said_by) or ''}"
    if question.wants is None or not holds(sentence, question.wants, speaker, asked):
        return False
    # "Siapa direktur utama PT X?" is not answered by "Budi, kuasa hukum PT X": a name the evidence gives
    # holds the office asked for where the evidence names that office, or its speaker does ("Siapa nakhoda
    # kapal X?" is not answered by the ferry operator's manager listing the ships, "Siapa CEO Nvidia?" by an
    # unnamed spokesperson of Nvidia).
    offices = _offices(question.text) - _FOUNDED if question.kind == "who" else frozenset()
    holders = f"{sentence} {speaker} {retriever.roles.get(speaker) or ''}" if speaker else sentence
    if offices and not offices & _offices(holders):
        return False
    return all(
        _names(name, sentence) or (said_by is not None and names_speaker(name, said_by, None))
        for name in question.mentions
        if _names(name, passage.text)
    )


def _may_be_asked(question: Question, said_by: str, passage: Passage, retriever: Retriever) -> bool:
    """Whether the sentence's speaker may be whom a who-question asks for, rather than someone telling it: the
    passage holds the words of the names the question gives that the article holds in a passage or two
    ("Siapa yang memimpin Satgas Pangan?" is not answered by an official speaking of prices in a passage that
    never names the task force; the article's subject, named throughout, need not be there), and a question
    after the name of one of a group ("Siapa nama guru honorer yang …?") is answered by its speaker only when
    their role is of that group."""
    for word in (fold(w) for name in question.mentions for w in _WORD.findall(name)):
        holding = retriever.word_passages.get(word, frozenset())
        if passage.id not in holding and len(holding) <= RARE_NAME_PASSAGES:
            return False
    role = retriever.roles.get(said_by)
    head = question.named
    if head and kind_asked(head[0]) is None and is_body(said_by, role):
        return False  # "Siapa nama pilot …?" asks for a person, whom a company's statement is not
    if role is None or not head:
        return True
    # "Siapa nama juru bicara X?" asks for the one whose role opens with what it describes, not for a "kader
    # posyandu" when it asks the name of the posyandu.
    words = [fold(w) for w in _WORD.findall(role)]
    return bool(words) and terms(words[0]) == terms(head[0]) and terms(" ".join(head)) <= terms(role)


def _offices(text: str) -> frozenset[str]:
    """The words of the offices and roles a text names, in Indonesian: "CEO", "Kapolres", "spokesperson" (as
    "juru bicara"), "dirut" (as "direktur utama"), "bos" (as "CEO" too)."""
    folded = (fold(w) for w in _WORD.findall(text))
    meant = (
        cues.ROLE_TRANSLATIONS.get(w) or cues.TITLE_ABBREVIATIONS.get(w) or f"{w} {cues.ROLE_SYNONYMS.get(w, '')}"
        for w in folded
    )
    return frozenset(part for words in meant for part in words.split() if part in _OFFICE_WORDS)


def _names(name: str, text: str) -> bool:
    """Whether the text holds a word of the name ("Budi" of "Budi Santoso")."""
    words = {fold(w) for w in _WORD.findall(text)}
    return any(w in words for w in _name_words(name))


def _name_words(name: str) -> list[str]:
    """The words of a name that tell it apart, folded: all of them when all are ordinary ("Asia Tech Review")."""
    return [fold(w) for w in _WORD.findall(name) if not is_ordinary(w)] or [fold(w) for w in _WORD.findall(name)]


def support(gap: Gap | None) -> Support:
    if gap is None:
        return "full"
    return "none" if gap.kind == "absent" else "partial"
