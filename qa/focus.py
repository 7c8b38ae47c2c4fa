"""What a question asks for: the kind of answer (an amount, a time, a place, a person), the names it mentions,
the words of the thing it asks about; and whether a sentence holds an answer of that kind.

Questions name things in the asker's language, articles in Indonesian: what is compared here is what no
translation changes (digits, years, capitalised names), or words of one list for both languages.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache
from typing import Literal

from wordfreq import zipf_frequency

from .attribution import cues
from .resources import data_lines
from .tokens import fold, stopwords

Wanted = Literal["amount", "time", "place", "person"]

# Checked in this order: "tahun berapa" asks for a time, not an amount.
_WANTED: dict[Wanted, re.Pattern[str]] = {
    "time": re.compile(
        r"\b(?:kapan(?:kah)?|(?:tahun|tanggal|bulan|hari|pukul|jam)\s+(?:berapa|apa)|"
        r"(?:what|which)\s+(?:year|date|time|day|month)|since\s+when)\b"
        # "When …?" asks for a time; "What did she say when …" does not.
        r"|(?:^|[,;]\s*|\band\s+)when\b",
        re.IGNORECASE,
    ),
    "amount": re.compile(
        r"\b(?:berapa(?:kah)?|seberapa|how\s+(?:many|much|long|big|large|old)|"
        r"what\s+(?:percentage|share|proportion|amount|number|price|cost)|number\s+of)\b",
        re.IGNORECASE,
    ),
    "place": re.compile(
        r"\b(?:di\s*mana(?:kah)?|ke\s*mana|(?:in|from|at)\s+(?:which|what)\s+"
        r"(?:city|country|place|province|town|region)|(?:kota|negara|provinsi|daerah)\s+mana)\b"
        r"|(?:^|[,;]\s*|\band\s+)where\b",
        re.IGNORECASE,
    ),
}
# The words that say what kind of answer is asked for are not the thing asked about.
_ASKING_WORDS = frozenset(
    "berapa berapakah seberapa kapan kapankah mana manakah dimana kemana siapa siapakah apa apakah bagaimana "
    "gimana mengapa kenapa jumlah besaran total banyak lama besar gede panjang lebar tinggi luas jauh berat "
    "how many much long big large far old when where "
    "who whom whose which what why year date time percentage share proportion amount number whats wheres whos "
    "hows".split()
)
# Verbs any question may carry that say nothing about the thing asked: "How many … does X have?".
_GENERIC_VERBS = frozenset(
    "punya mempunyai memiliki ada adalah ialah merupakan menjadi jadi sih kah dong ya nih tuh have has had get "
    "got make made does did do there".split()
)
# "per tahun", "this year": units of time, not the thing asked about.
_TIME_UNITS = frozenset("detik menit jam hari pekan minggu bulan tahun day days week weeks month months year years".split())
# A misspelt name ("Mousavizade") is still the article's: the ratio `attribution` uses for speakers' names.
NAME_SIMILARITY = 0.8
# A word this common in English is an ordinary word, whatever its capital ("United States", "White House"):
# it may be the translation of what the article calls otherwise ("Amerika Serikat"), so it names no one.
ENGLISH_COMMON_ZIPF = 4.5
# A question's first word has its capital by position: only a rare one is a name ("Elon Musk said what?").
FIRST_WORD_COMMON_ZIPF = 3.5

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s?$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A number that is not a year alone: "10.000", "US$5,6", "27", "2.000"; "2023" says when, not how many.
_AMOUNT = re.compile(r"(?<![\w.,])(?!(?:1[89]|20)\d\d(?!\d|[.,]\d))\d+(?:[.,]\d+)*")
# "27/1", "17/10/2025", "pekan lalu", "tiga hari kemudian", "last year": a date, or a period counted from now.
_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
    r"|\b(?:hari|pekan|minggu|bulan|tahun|abad|dekade)\s+(?:lalu|depan|ini|silam|mendatang|kemarin|lampau|sebelumnya)\b"
    r"|\b(?:hari|pekan|minggu|bulan|tahun)\s+(?:ke-?\d+|pertama|terakhir)\b"
    r"|\b\w+\s+(?:hari|pekan|minggu|bulan|tahun)\s+(?:lalu|kemudian|silam|setelahnya)\b"
    r"|\b(?:last|next|this|that)\s+(?:week|month|year|day)\b|\bago\b",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"(?:US|S|A)?\$\s*\d|\bRp\.?\s*\d", re.IGNORECASE)
_CLITIC_NYA = re.compile(r"(?<=\w\w\w)nya$", re.IGNORECASE)
# English adjectives of place and field end so ("Brazilian", "Constitutional"): words, not names.
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|al|ic)$")
ADJECTIVE_ZIPF = 3.0
_PLACE_AFTER = re.compile(r"\b(?:di|ke|dari|in|at|from)\s+[A-Z]")


@cache
def _answer_words() -> dict[str, frozenset[str]]:
    rows = (line.split("\t") for line in data_lines("answer_words.tsv"))
    words = {kind: frozenset(text.split()) for kind, text in rows}
    words["time"] |= frozenset(data_lines("capitalised_id.txt")[:19])  # months and days come first there
    return words


@cache
def _role_words() -> frozenset[str]:
    """Titles and roles, in both languages: "Presiden", "Minister", "CEO" name an office, not a person."""
    phrases = [*cues.STATE_TITLES, *cues.OFFICE_TITLES, *cues.GENERIC_ROLES, *cues.ROLE_TRANSLATIONS.values()]
    words = {word for phrase in phrases for word in phrase.split()}
    return frozenset(
        words | set(cues.ROLE_TRANSLATIONS) | set(cues.TITLE_ABBREVIATIONS) | cues.TITLE_FIELD_WORDS | cues.ORG_WORDS
    )


def is_ordinary(word: str) -> bool:
    """A word that is no name: function and question words, titles and roles, days and months, places,
    common English."""
    folded = fold(word)
    return (
        _is_listed(word)
        or zipf_frequency(folded, "en") >= ENGLISH_COMMON_ZIPF
        or (bool(_ADJECTIVE.search(folded)) and zipf_frequency(folded, "en") >= ADJECTIVE_ZIPF)
    )


def _is_listed(word: str) -> bool:
    """A word of the lists: function and question words, titles and roles, days and months, places."""
    folded = fold(word)
    return (
        folded in stopwords()
        or folded in cues.ENGLISH_COMMON
        or folded in _ASKING_WORDS
        or folded in _role_words()
        or folded in cues.TIME_WORDS
        or folded in cues.PLACE_UNITS
        or folded in cues.HONORIFICS
        or folded in cues.PLACE_WORDS
    )


def _is_name_word(word: str, first: bool) -> bool:
    if not word[:1].isupper() or is_ordinary(word):
        return False
    folded = fold(word)
    return not first or max(zipf_frequency(folded, "en"), zipf_frequency(folded, "id")) < FIRST_WORD_COMMON_ZIPF


def mentions(text: str) -> tuple[str, ...]:
    """The names a question mentions, as written: runs of capitalised words that are not ordinary words
    ("What did Elon Musk say about Telkom?" -> "Elon Musk", "Telkom")."""
    runs: list[tuple[int, list[str]]] = []  # where each run starts, and its words
    previous = -2
    for index, match in enumerate(_WORD.finditer(text)):
        word = _CLITIC_NYA.sub("", _POSSESSIVE.sub("", match.group()))
        if _is_name_word(word, index == 0):
            if previous != index - 1:
                runs.append((index, []))
            runs[-1][1].append(word)
            previous = index
    # One capitalised word opening the question is as often a misspelt question word ("Wht did …") as a name.
    return tuple(" ".join(words) for start, words in runs if start > 0 or len(words) > 1)


# Where a question names the person whose words it asks for: "Apa kata X tentang …", "bagaimana tanggapan X
# soal …", "Menurut X, …", "What did X say …", "How did X react …", "X's response".
_PERSON_SLOTS = (
    re.compile(
        r"\b(?:kata|ucapan|pendapat|tanggapan|komentar|pandangan|reaksi|respons|sikap|penilaian|pernyataan|"
        r"menurut|versi)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)\s*(?=\b(?:soal|tentang|mengenai|terhadap|"
        r"terkait|atas|perihal|dalam|di|pada|ketika|saat|setelah|sih|ya)\b|[?.!,]|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:did|does|do|has|have|will|would|is|was)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)\s+"
        r"(?:say|said|think|comment|commented|react|respond|tell|feel|claim|argue|warn|predict|expect|suggest|"
        r"believe|mean|reply|answer|saying|commenting)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\baccording\s+to\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)\s*(?=[?.!,]|$)", re.IGNORECASE),
    re.compile(
        r"(?P<who>\b[\w.-]+(?:\s+[\w.-]+){0,2}?)['’]s\s+(?:response|reaction|view|views|opinion|comment|"
        r"comments|take|stance|position|answer|reply)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\s*(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)\s+(?:komentar|bilang|ngomong|mengatakan|berkata|said|says|"
        r"claims|claimed|thinks)\b",
        re.IGNORECASE,
    ),
)


def asked_person(text: str) -> str | None:
    """The person whose words a question asks for, as written, when it names one rather than a role
    ("What did Elon Musk say …?" -> "Elon Musk"; "Apa kata pakar …?" -> None)."""
    for pattern in _PERSON_SLOTS:
        match = pattern.search(text)
        if match:
            words = _WORD.findall(match.group("who"))
            if text.lower() != text:  # the asker uses capitals, so a name has one: "the election watchdog" is none
                # (but not by position alone: "Terus kasat reskrim bilang apa?")
                first = match.start("who") == len(text) - len(text.lstrip())
                words = [w for i, w in enumerate(words) if w[:1].isupper() and not (first and i == 0)]
            # Titles and function words around the name go ("the", "pak", "Presiden"); a first name that
            # is also an English word ("Mark") stays.
            while words and _is_listed(words[0]):
                words.pop(0)
            while words and _is_listed(words[-1]):
                words.pop()
            if not any(not is_ordinary(word) for word in words):
                continue
            if words:
                return " ".join(words)
    return None


def is_short_form(word: str, run: tuple[str, ...], taken: int = 0) -> bool:
    """Whether `word` is made of the starts of two or more consecutive words of `run` (folded), from its
    first, as Indonesian short forms are: initials ("TSMC"), syllables ("Kemenkes": Kementerian Kesehatan)."""
    if not word:
        return taken >= 2
    if not run:
        return False
    first = run[0]
    return any(
        word[:n] == first[:n] and is_short_form(word[n:], run[1:], taken + 1)
        for n in range(1, min(len(word), len(first)) + 1)
    )


def names_speaker(person: str, speaker: str, role: str | None) -> bool:
    """Whether every name word of `person` is a word of the speaker's name or role, a near misspelling of one,
    or a short form of some of them ("the UI economist" for an "ekonom … Universitas Indonesia")."""
    have = [fold(w) for w in _WORD.findall(f"{speaker} {role or ''}")]
    return all(
        w in have
        or difflib.get_close_matches(w, have, n=1, cutoff=NAME_SIMILARITY)
        or any(is_short_form(w, tuple(have[i:])) for i in range(len(have)))
        for w in (fold(word) for word in _WORD.findall(person) if not is_ordinary(word))
    )


def wanted(text: str) -> Wanted | None:
    """The kind of answer a question asks for, when it asks for an amount, a time or a place."""
    return next((kind for kind, pattern in _WANTED.items() if pattern.search(text)), None)


def focus_words(text: str, names: Iterable[str], excluded: Iterable[str] = ()) -> tuple[str, ...]:
    """The words of the thing asked about, folded, in order: what is left of the question without its question
    and function words, the names it mentions and `excluded` (the speaker's name, the verbs of saying)."""
    dropped = {fold(part) for name in [*names, *excluded] for part in _WORD.findall(name)}
    words = (fold(word) for word in _WORD.findall(text))
    return tuple(
        dict.fromkeys(
            word
            for word in words
            if len(word) >= 3
            and not _DIGIT.search(word)
            and word not in dropped
            and word not in stopwords()
            and word not in cues.ENGLISH_COMMON
            and word not in _ASKING_WORDS
            and word not in _GENERIC_VERBS
            and word not in cues.TOPIC_MARKERS
            and word not in _answer_words()["time"]
            and word not in _TIME_UNITS
        )
    )


def counted(text: str, focus: tuple[str, ...]) -> str | None:
    """The thing an amount question counts: the first of its focus words after "berapa" or "how many"."""
    match = _WANTED["amount"].search(text)
    if match is None:
        return None
    after = {fold(word) for word in _WORD.findall(text[match.end() :])}
    return next((word for word in focus if word in after), None)


def names_money(word: str) -> bool:
    """A word for a sum of money in general ("biaya", "cost"), which any amount of a currency answers."""
    return fold(word) in _answer_words()["money"]


def holds_money(sentence: str) -> bool:
    words = {fold(word) for word in _WORD.findall(sentence)}
    return bool(_CURRENCY.search(sentence) or words & _answer_words()["currency"])


def holds(sentence: str, kind: Wanted, speaker: str | None = None, asked: str = "") -> bool:
    """Whether a sentence holds an answer of the kind asked for: a number or amount, a time, a place, or a
    person: its speaker, or a name in it, that the question `asked` does not already give ("Siapa nama juru
    bicara X?" is not answered by the role-only "Juru bicara X")."""
    words = {fold(word) for word in _WORD.findall(sentence)}
    if kind == "amount":
        return bool(_AMOUNT.search(sentence) or words & _answer_words()["amount"])
    if kind == "time":
        return bool(_YEAR.search(sentence) or _DATE.search(sentence) or words & _answer_words()["time"])
    if kind == "place":
        return bool(_PLACE_AFTER.search(sentence) or words & (_answer_words()["place"] | cues.PLACE_WORDS))
    given = {fold(word) for word in _WORD.findall(asked)}
    if speaker is not None and any(fold(word) not in given for word in _WORD.findall(speaker)):
        return True
    names = [m.group() for i, m in enumerate(_WORD.finditer(sentence)) if i > 0 and _is_name_word(m.group(), False)]
    return any(fold(name) not in given for name in names)
