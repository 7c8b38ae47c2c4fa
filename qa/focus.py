"""What a question asks for: the kind of answer (an amount, a time, a place, a person), the names it mentions,
the words of the thing it asks about; and whether a sentence holds an answer of that kind.

Questions name things in the asker's language, articles in Indonesian: what is compared here is what no
translation changes (digits, years, capitalised names), or words of one list for both languages.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import takewhile
from typing import Literal

from wordfreq import zipf_frequency

from .attribution import cues
from .language import Lang
from .normalize import normalize
from .resources import data_lines, dates
from .tokens import fold, stopwords

Wanted = Literal["amount", "time", "place", "person", "name"]

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
        r"what\s+(?:percentage|share|proportion|amount|number|price|cost)|number\s+of|"
        # "What was the estimated market value of …?", "what monthly salary …": a sum of money
        r"what\s+(?:(?:is|was|are|were)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:value|price|cost|salary|wage|fee|fare|"
        r"toll|budget|fine)s?(?=\s+(?:of|for|on|in|at|to|do|does|did|is|was|are|were|will|would|has|have)\b|\s*[?.,]|$)|"
        # "… in rupiah?", "… dalam dolar?": a sum in a currency
        r"(?:in|dalam)\s+(?:rupiah|dollars?|dolar|yuan|euros?|ringgit|yen))\b",
        re.IGNORECASE,
    ),
    "place": re.compile(
        r"\b(?:di\s*mana(?:kah)?|ke\s*mana|(?:in|from|at)\s+(?:which|what)\s+"
        r"(?:city|country|place|province|town|region)|(?:kota|negara|provinsi|daerah)\s+mana)\b"
        r"|(?:^|[,;]\s*|\band\s+)where\b",
        re.IGNORECASE,
    ),
    # "Siapa nama …?", "What is the name of …?": a name of whatever the question describes, a person's, a
    # body's or a place's.
    "name": re.compile(
        r"\b(?:(?:siapa|apa)\s+nama|nama\s+apa|what\s+(?:is|was|are|were)\s+the\s+names?|names?\s+of)\b",
        re.IGNORECASE,
    ),
}
# "Which club …?", "Kampus mana …?": the name of one of what the word names, or a place when it names places
# ("Which Central Java regency …?", "Desa mana …?"): the first word not capitalised after "which" (the others
# name where). "Which" opens the question (after a preposition or "and"); inside it, it opens a clause ("the
# firm which owns it").
_WHICH = re.compile(
    r"^\s*(?:(?:and|so|then|in|from|at|to|for|with|by|of|on|into)\s+)*which\s+(?-i:[A-Z]\w*\s+)*"
    r"(?P<which>[^\W\d_]+(?:\s+[^\W\d_]+){0,2})"
    r"|\b(?P<mana>[^\W\d_]+)\s+mana(?:kah)?\b",
    re.IGNORECASE,
)
# Where the description of what a name is asked of ends: "Siapa nama ahli gizi | yang diperiksa polisi?"
_DESCRIPTION_END = re.compile(r"\b(?:yang|yg|di|dari|pada|who|whom|whose|that|which|in|at|from)\b|[,?]", re.IGNORECASE)
# Words before the description that are not part of it: "nama lengkap korban", "the full name of the driver".
_NAME_QUALIFIERS = frozenset({"lengkap", "lengkapnya", "full", "of"})
# The words that say what kind of answer is asked for are not the thing asked about.
_ASKING_WORDS = frozenset(
    "berapa berapakah seberapa kapan kapankah mana manakah dimana kemana siapa siapakah apa apakah bagaimana "
    "gimana mengapa kenapa gara-gara jumlah besaran total banyak lama besar gede panjang lebar tinggi luas jauh berat "
    "how many much long big large far old when where "
    "who whom whose which what why year date time percentage share proportion amount number whats wheres whos "
    "hows".split()
)
# Verbs any question may carry that say nothing about the thing asked: "How many … does X have?".
_GENERIC_VERBS = frozenset(
    "punya mempunyai memiliki ada adalah ialah merupakan menjadi jadi buat bikin sih kah dong ya nih tuh have has had "
    "get got make made does did do there".split()
)
# "per tahun", "this year": units of time, not the thing asked about.
_TIME_UNITS = frozenset("detik menit jam hari pekan minggu bulan tahun day days week weeks month months year years".split())
# "Berapa harganya sekarang?", "how much is it now?": the time of asking, which no answer need repeat.
_NOW = frozenset("sekarang kini now today currently nowadays presently".split())
# "Dia dulu kerja di mana?": a time before it, which no answer need repeat either.
_BEFORE_NOW = frozenset("dulu dahulu dulunya formerly previously".split())
# A misspelt name ("Mousavizade") is still the article's: the ratio `attribution` uses for speakers' names.
NAME_SIMILARITY = 0.8
# A word this common in English is an ordinary word, whatever its capital ("United States", "White House"):
# it may be the translation of what the article calls otherwise ("Amerika Serikat"), so it names no one.
ENGLISH_COMMON_ZIPF = 4.5
# A question's first word has its capital by position: only a rare one is a name ("Elon Musk said what?").
FIRST_WORD_COMMON_ZIPF = 3.5
# Zipf 4: once in ten thousand words (`rare`).
RARE_ZIPF = 4.0

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_CLITIC_EN = re.compile(r"(?:n['’]t|['’](?:s|re|ll|ve|d|m))$")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s?$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A number that is not a year alone: "10.000", "US$5,6", "27", "2.000"; "2023" says when, not how many.
_AMOUNT = re.compile(r"(?<![\w.,])(?!(?:1[89]|20)\d\d(?!\d|[.,]\d))\d+(?:[.,]\d+)*")
# "27/1", "17/10/2025", "pekan lalu", "tiga hari kemudian", "last year": a date, or a period counted from now.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
_DATE = re.compile(
    _NUMERIC_DATE.pattern
    + r"|\b(?:hari|pekan|minggu|bulan|tahun|abad|dekade)\s+(?:lalu|depan|ini|silam|mendatang|kemarin|lampau|sebelumnya)\b"
    r"|\b(?:hari|pekan|minggu|bulan|tahun)\s+(?:ke-?\d+|pertama|terakhir)\b"
    r"|\b\w+\s+(?:hari|pekan|minggu|bulan|tahun)\s+(?:lalu|kemudian|silam|setelahnya)\b"
    r"|\b(?:last|next|this|that)\s+(?:week|month|year|day)\b|\bago\b"
    r"|\b(?:[01]?\d|2[0-3])[.:][0-5]\d\b",  # "pukul 21.00"
    re.IGNORECASE,
)
# "pukul 12.45 WIB": a time of day, which says when, not how many.
_CLOCK = re.compile(r"\b(?:pukul|jam)\s+(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\b", re.IGNORECASE)
# "Siti Aminah (54)": an age, which says how old, not how many.
_AGE = re.compile(r"(?<=\w)\s*\(\d{1,3}\)")
_ASKS_AGE = re.compile(r"\b(?:umur|usia|berumur|berusia|old|age|aged)\b", re.IGNORECASE)
# A number as written in either language ("3,500", "3.500", "10 ribu"), and a code of letters and digits
# ("B-2", "H100", "I-2025"): the particulars of a question, which the evidence must share.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
# A figure of one digit is as often written in words or Roman numerals ("kelas tiga", "semester I").
_PARTICULAR_NUMBER = re.compile(r"(?<![\w.,])(?!\d(?!\d|[.,]\d))\d+(?:[.,]\d+)*")
# Letters then digits ("B-2", "H100", "N95"); in "10am" and "15k" only the figure counts.
_CODE = re.compile(r"\b[^\W\d_]+-?\d\w*(?:-\w+)*")
_NOT_ALNUM = re.compile(r"[\W_]+")
_CURRENCY = re.compile(r"(?:US|S|A)?\$\s*\d|\bRp\.?\s*\d", re.IGNORECASE)
_CLITIC_NYA = re.compile(r"(?<=\w\w\w)nya$", re.IGNORECASE)
# English adjectives of place and field end so ("Brazilian", "Constitutional"): words, not names.
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|al|ic)$")
ADJECTIVE_ZIPF = 3.0
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”„«»\"‘’]")
_PLACE_AFTER = re.compile(r"\b(?:di|ke|dari|in|at|from)\s+([A-Z]\w*)")
# "TEMPO.CO, Semarang - ", "Sigi (ANTARA) - ", "Jakarta, CNN Indonesia -- ": where the report was filed and by
# whom, which answers no question about what it reports.
_DATELINE = re.compile(r"^(?:[A-Z][\w.]*,?\s+){1,4}(?:\([^()]{1,30}\)\s+)?[-–—]{1,2}\s+")


@cache
def _answer_words() -> dict[str, frozenset[str]]:
    rows = (line.split("\t") for line in data_lines("answer_words.tsv"))
    words = {kind: frozenset(text.split()) for kind, text in rows}
    words["time"] |= frozenset(dates())
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
        or _zipf(folded, "en") >= ENGLISH_COMMON_ZIPF
        or (bool(_ADJECTIVE.search(folded)) and _zipf(folded, "en") >= ADJECTIVE_ZIPF)
    )


def is_role_word(word: str) -> bool:
    """A word of a title, role or body ("kepala", "Kapolres", "head", "badan"), with or without "-nya"."""
    folded = fold(word)
    return folded in _role_words() or folded.removesuffix("nya") in _role_words()


def _is_listed(word: str) -> bool:
    """A word of the lists: function and question words, titles and roles, days and months, places."""
    folded = fold(word)
    return (
        folded in stopwords()
        or folded in cues.ENGLISH_COMMON
        or folded in _ASKING_WORDS
        or is_role_word(folded)  # "kadesnya": the village head just spoken of
        or folded in dates()
        or folded in cues.PLACE_UNITS
        or folded in cues.HONORIFICS
        or folded in cues.PLACE_WORDS
    )


def rare(word: str, lang: Lang) -> bool:
    """Whether a word is rarer than once in ten thousand words of its language ("joki", "posyandu", "stunting";
    not "gempa", "honor", "harga"): one that tells what a text is about."""
    return _zipf(fold(word), lang) < RARE_ZIPF


def _zipf(word: str, lang: str) -> float:
    # The "small" lists hold every word down to Zipf 3 (once in a million words), as low as any threshold here
    # reads, in 4 MB of memory where the full English list takes 34.
    return zipf_frequency(word, lang, wordlist="small")


def _is_name_word(word: str, first: bool) -> bool:
    if not word[:1].isupper() or is_ordinary(word):
        return False
    folded = fold(word)
    return not first or max(_zipf(folded, "en"), _zipf(folded, "id")) < FIRST_WORD_COMMON_ZIPF


def mentions(text: str, ordinary: bool = False) -> tuple[str, ...]:
    """The names a question mentions, as written: runs of capitalised words that are not ordinary words
    ("What did Elon Musk say about Telkom?" -> "Elon Musk", "Telkom"); with `ordinary`, also runs of two
    capitalised ordinary words or more ("Kapan Budi diwawancarai Asia Tech Review?"), unless the asker
    capitalises function words too ("What Did He Say")."""
    words = [_CLITIC_NYA.sub("", _POSSESSIVE.sub("", m.group())) for m in _WORD.finditer(text)]
    named = _runs(words, lambda i: _is_name_word(words[i], i == 0))
    # One capitalised word opening the question is as often a misspelt question word ("Wht did …") as a name.
    found = [(start, run) for start, run in named if start > 0 or len(run) > 1]
    capital = [i > 0 and w[:1].isupper() for i, w in enumerate(words)]
    if ordinary and not any(c and fold(w) in stopwords() for c, w in zip(capital, words)):
        runs = _runs(words, capital.__getitem__)
        found += [(i, run) for i, run in runs if len(run) > 1 and all(map(is_ordinary, run))]
    return tuple(" ".join(run) for _, run in sorted(found))


def _runs(words: list[str], chosen: Callable[[int], bool]) -> list[tuple[int, list[str]]]:
    """The runs of consecutive chosen words: where each starts, and its words."""
    runs: list[tuple[int, list[str]]] = []
    for index, word in enumerate(words):
        if chosen(index):
            if not runs or runs[-1][0] + len(runs[-1][1]) != index:
                runs.append((index, []))
            runs[-1][1].append(word)
    return runs


# Where a question names the person whose words it asks for: "Apa kata X tentang …", "bagaimana tanggapan X
# soal …", "Menurut X, …", "What did X say …", "How did X react …", "X's response".
_PERSON_SLOTS = (
    re.compile(
        r"\b(?:kata|ucapan|pendapat|tanggapan|komentar|pandangan|reaksi|respons|sikap|penilaian|pernyataan|"
        r"menurut|versi)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,5}?)\s*(?=\b(?:soal|tentang|mengenai|terhadap|"
        r"terkait|atas|perihal|dalam|di|pada|ketika|saat|setelah|sih|ya)\b|[?.!,]|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:did|does|do|has|have|will|would|is|was)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,5}?)\s+"
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


# A relative clause after the counted thing, the words that end it, and the words of aspect that may open it
# ("yang sudah sembuh") and say nothing of which.
_RELATIVE = frozenset({"yang", "yg"})
_CLAUSE_ENDS = frozenset(
    "di ke dari pada akibat karena krn untuk utk buat dalam oleh sejak saat ketika selama dan atau per sama "
    "dengan menurut setelah sebelum hingga sampai tahun bulan minggu pekan hari".split()
)
# Indonesian verbs by their prefixes: di-, me-, ber-, ter-, and the spoken ng-.
_VERB = re.compile(r"(?:di|me|ber|ter|ng)\w{3,}")
_ASPECTS = frozenset("sudah udah telah masih akan sedang sempat belum bisa dapat harus pernah".split())
# An English noun comes after the words that qualify it ("diphtheria patients", "fire engines"): a thing
# counted ends with the first plural among this many words ("news" and "bus" are not plurals). Embedded with
# its qualifiers it finds its translation better than alone ("fire engines" is "mobil pemadam").
COMPOUND_MAX_WORDS = 3
_PLURAL = re.compile(r"[^\Wsu]s$", re.IGNORECASE)
_PLURALS = frozenset("people children men women personnel livestock cattle".split())
# "Seberapa sering …?", "berapa lama …?", "berapa luas lahan …?": a degree may follow the question word, before
# the thing measured.
_DEGREES = frozenset("sering lama jauh tinggi luas dalam cepat mahal parah banyak besar".split())
# "How many people sheltering in tents …": a verb ends the noun's words.
_VERB_FORM = re.compile(r"\w(?:ing|ed)$", re.IGNORECASE)
# Words that put an affiliation after a name ("Budi dari Telkom"), and the most words of a name in lower case.
_AFFILIATION = frozenset("of from at with dari di asal".split())
_UNCASED_NAME_WORDS = 4


def asked_person(text: str, lang: Lang = "en") -> str | None:
    """The person whose words a question asks for, as written, when it names one rather than a role
    ("What did Elon Musk say …?" -> "Elon Musk"; "Apa kata pakar …?" -> None). In an English question with
    capitals, a name has one; Indonesian chat often types a name in lower case beside capitals elsewhere
    ("apa kata mark zuckerberg tentang AI"), so there a slot without capitals is read as in lower case."""
    for pattern in _PERSON_SLOTS:
        match = pattern.search(text)
        if match:
            words = _WORD.findall(match.group("who"))
            if text.lower() != text:  # the asker uses capitals, so a name has one: "the election watchdog" is none
                # (but not by position alone: "Terus kasat reskrim bilang apa?"). Of several runs, the last
                # that is no affiliation: "PSSI chairman Erick Thohir", but "Budi from Telkom".
                first = match.start("who") == len(text) - len(text.lstrip())
                runs = _runs(words, lambda i: words[i][:1].isupper() and not (first and i == 0))
                own = [run for start, run in runs if start == 0 or fold(words[start - 1]) not in _AFFILIATION]
                uncased = lang == "id" and len(words) <= _UNCASED_NAME_WORDS and not any(w[:1].isupper() for w in words)
                words = (own or [run for _, run in runs] or [words if uncased else []])[-1]
                if uncased and not runs and all(map(_is_listed, words)):
                    continue  # a role in lower case ("kepala dinas pendidikan") is no name
            elif len(words) > _UNCASED_NAME_WORDS:
                continue  # in lower case, a long phrase is a description ("orang yang bekerja di sana")
            # An organisation is often named in ordinary words ("ikatan dokter indonesia", "BPJS Watch"):
            # the whole phrase is who is asked about.
            if len(words) > 1 and any(fold(word) in cues.ORG_WORDS for word in words):
                return " ".join(words)
            # Titles and function words around the name go ("the", "pak", "Presiden"); a first name that
            # is also an English word ("Mark") stays.
            while words and _is_listed(words[0]):
                words.pop(0)
            while words and _is_listed(words[-1]):
                words.pop()
            # A person's name may be made of ordinary words ("Jack Ma"): two capitalised ones or more, none a
            # title or a function word, in a question that uses capitals, are a name all the same; after "the"
            # they name a place or a body the article may translate ("the White House").
            capitalised = (
                text.lower() != text
                and len(words) > 1
                and all(w[:1].isupper() for w in words)
                and not re.search(rf"\bthe\s+{re.escape(' '.join(words))}", text, re.IGNORECASE)
            )
            if not any(not is_ordinary(word) for word in words) and not (
                capitalised and not any(map(_is_listed, words))
            ):
                continue
            if words:
                return " ".join(words)
    return None


_SUBJECT_PRONOUNS = frozenset({"dia", "ia", "beliau", "mereka", "he", "she", "they"})


def asks_pronoun(text: str) -> bool:
    """Whether the person whose words a question asks for is a pronoun ("And what does she think Budi could
    do?"): someone said before, whoever else the question names."""
    return any(
        (match := pattern.search(text)) is not None and fold(match.group("who")) in _SUBJECT_PRONOUNS
        for pattern in _PERSON_SLOTS
    )


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
    # Every word of the name counts but titles and function words: "BPJS Watch" is not "BPJS Kesehatan"; an
    # organisation named in ordinary words ("ikatan dokter indonesia") is matched by all of them.
    words = [fold(word) for word in _WORD.findall(person)]
    words = [w for w in words if not _is_listed(w) or w in cues.ORG_WORDS] or [w for w in words if w not in stopwords()]
    return bool(words) and all(
        w in have
        or difflib.get_close_matches(w, have, n=1, cutoff=NAME_SIMILARITY)
        or any(is_short_form(w, tuple(have[i:])) for i in range(len(have)))
        for w in words
    )


def wanted(text: str) -> Wanted | None:
    """The kind of answer a question asks for, when it asks for an amount, a time, a place or a name."""
    kind = next((kind for kind, pattern in _WANTED.items() if pattern.search(text)), None)
    if kind is None and (head := _which_head(text)) is not None:
        return kind_asked(head)
    return kind


def _which_head(text: str) -> str | None:
    """What a "which X" or "X mana" question asks one of, folded ("club", "kampus"); None for "yang mana",
    "di mana", "which of", "which one"."""
    for match in _WHICH.finditer(text):
        if match["mana"]:
            head = fold(match["mana"])
        else:
            # "which messaging app did …", "which two hospitals got …": the noun ends the run of words before the
            # verb, at its first plural ("which regulation requires …" names no kind).
            run: list[str] = []
            for word in map(fold, match["which"].split()):
                if word in stopwords():
                    break
                run.append(word)
                if _PLURAL.search(word):
                    break
            if not run:
                continue  # "which of them"
            head = next((w for w in reversed(run) if kind_asked(w)), run[0])
        if head not in stopwords() and head not in _ASKING_WORDS and head not in _NOT_WHICH_HEADS:
            return head
    return None


def kind_asked(noun: str) -> Wanted | None:
    """What "which X" asks for when X is this noun: a place when it names places, a name when it names a kind of
    thing known by its name; None for any other noun."""
    if _singular(noun) in _answer_words()["place"]:
        return "place"
    return "name" if noun in _answer_words()["named"] else None


_NOT_WHICH_HEADS = frozenset({"one", "ones", "yang", "yg", "sebelah", "dari", "lewat"})


def _singular(noun: str) -> str:
    """An English plural as its singular, near enough for a list of nouns ("countries", "villages")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def focus_words(text: str, names: Iterable[str], excluded: Iterable[str] = ()) -> tuple[str, ...]:
    """The words of the thing asked about, folded, in order: what is left of the question without its question
    and function words, the names it mentions and `excluded` (the speaker's name, the verbs of saying)."""
    dropped = {fold(part) for name in [*names, *excluded] for part in _WORD.findall(name)}
    # "Who's", "what's", "didn't": the question or function word without its English clitic.
    written = _WORD.findall(text)
    words = (_CLITIC_EN.sub("", fold(word)) for word in written)
    # "Mbah Partini", "Pak Bupati": an honorific before a capital is no thing asked about ("ibu hamil" is).
    honorifics = {fold(a) for a, b in zip(written, written[1:]) if fold(a) in cues.HONORIFICS and b[:1].isupper()}
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
            and word not in _NOW
            and word not in _BEFORE_NOW
            and word not in honorifics
        )
    )


def counted(text: str, focus: tuple[str, ...], lang: Lang) -> str | None:
    """The thing an amount question counts: the first of its focus words after "berapa" or "how many" (in
    English up to the first plural of the words running from there, "how many extra nurses": the noun comes
    last), with the clause that picks out which ("Berapa rumah yang rusak sedang akibat banjir?" -> "rumah yang
    rusak sedang": houses damaged in another degree are not the answer)."""
    match = _WANTED["amount"].search(text)
    if match is None:
        return None
    if names_money(match.group().split()[-1]):
        return None  # "What was the market value of …?": a sum of money, whatever it is of
    words = _WORD.findall(text[match.end() :])
    rest = words[1:] if words and fold(words[0]) in _DEGREES else words
    # "Seberapa sering Pak Karyono nyebrang?", "Sejak umur berapa Partini bikin …?": a person opens the clause
    # after the question word, and nothing there is counted ("Berapa KK …?" counts families, "Berapa Harga
    # Mineral Acuan …?" a price).
    person = rest and (fold(rest[0]) in cues.HONORIFICS or (len(rest) > 1 and rest[1].islower()))
    if lang == "id" and person and rest[0][:1].isupper() and not rest[0].isupper():
        return None
    head = next((i for i, word in enumerate(words) if fold(word) in focus), None)
    if head is None:
        return None
    if lang == "en":
        nouns = words[head : head + COMPOUND_MAX_WORDS]
        run = list(takewhile(lambda word: fold(word) in focus and not _VERB_FORM.search(word), nouns))
        plural = next((i for i, word in enumerate(run) if _PLURAL.search(word) or fold(word) in _PLURALS), None)
        if plural is not None:
            return " ".join(fold(word) for word in run[: plural + 1])
    clause = words[head + 1 : head + 2]
    if clause and fold(clause[0]) in _RELATIVE:
        for word in words[head + 2 :]:
            # A verb is worded in many ways ("suara yang didapat" are the votes an article says were
            # "diperoleh"), and a name is looked for as a name: the clause is the words before them.
            if fold(word) in _CLAUSE_ENDS or _VERB.match(fold(word)) or word[:1].isupper():
                break
            if len(clause) > 1 or fold(word) not in _ASPECTS:
                clause.append(word)
    return " ".join([words[head], *clause]) if len(clause) > 1 else fold(words[head])


def clause_words(counted: str) -> list[str]:
    """The words of the counted thing's clause ("rusak", "sedang" of "rumah yang rusak sedang")."""
    return [fold(word) for word in counted.split()[2:]]


def names_money(word: str) -> bool:
    """A word for a sum of money in general ("biaya", "cost") or a currency ("rupiah"), which any amount of a
    currency answers."""
    return fold(word.split()[0]) in _answer_words()["money"] | _answer_words()["currency"]


def particulars(text: str) -> tuple[str, ...]:
    """The numbers, codes, months and days a question names, as written ("Tarif golongan B-2 untuk Oktober
    2025?" -> "B-2", "Oktober", "2025"): an answer about another class, day or figure is not its answer."""
    codes = list(_CODE.finditer(text))
    found = [m.group() for m in codes]
    found += [
        m.group()
        for m in _PARTICULAR_NUMBER.finditer(text)
        if not any(c.start() <= m.start() < c.end() for c in codes)
    ]
    found += [w for w in _WORD.findall(text) if fold(w) in dates() or fold(w) in dates("en")]
    return tuple(dict.fromkeys(found))


def shares(passage: str, particular: str) -> bool:
    """Whether the passage names the particular: the same number whatever its separators or zeros ("3,500"
    is "3.500"; "10" is the "10" of "10 ribu" and of "10.000"), the code whatever its hyphens, the month or day
    in Indonesian."""
    folded = fold(particular)
    if folded in dates("en"):
        folded = dates()[dates("en").index(folded)]
    if folded in dates():
        return folded in {fold(w) for w in _WORD.findall(passage)}
    if _NUMBER.fullmatch(particular):
        return _figure(particular) in {_figure(m.group()) for m in _NUMBER.finditer(passage)}
    return _NOT_ALNUM.sub("", folded) in _NOT_ALNUM.sub("", fold(passage))


def _figure(number: str) -> str:
    return re.sub(r"\D", "", number).rstrip("0") or "0"


def holds_money(sentence: str) -> bool:
    words = {fold(word) for word in _WORD.findall(sentence)}
    return bool(_CURRENCY.search(sentence) or words & _answer_words()["currency"])


def time_precision(asked: str) -> re.Pattern[str] | None:
    """What gives the time of the day, the date or the year a question asks for ("Jam berapa …?", "Tanggal
    berapa …?", "What year …?"); None when any time answers it."""
    return next((gives for asks, gives in _time_precisions() if asks.search(asked)), None)


@cache
def _time_precisions() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """What asks for a time of the day, a date or a year, and what gives one."""
    months = "|".join(dates()[:12] + dates("en")[:12])
    parts_of_day = r"dini\s+hari|pagi|siang|sore|malam|morning|noon|afternoon|evening|night"
    return (
        (
            re.compile(r"\b(?:jam|pukul)\s+berapa\b|\bwhat\s+time\b", re.IGNORECASE),
            re.compile(rf"\b\d{{1,2}}[.:]\d{{2}}\b|\b(?:pukul|jam)\s+\d|\b(?:{parts_of_day})\b", re.IGNORECASE),
        ),
        (
            re.compile(r"\btanggal\s+berapa\b|\b(?:what|which)\s+date\b", re.IGNORECASE),
            re.compile(
                rf"{_NUMERIC_DATE.pattern}|\b\d{{1,2}}\s+(?:{months})\b|\b(?:{months})\s+\d{{1,2}}\b", re.IGNORECASE
            ),
        ),
        (
            re.compile(r"\btahun\s+berapa\b|\b(?:what|which)\s+year\b", re.IGNORECASE),
            re.compile(
                rf"{_YEAR.pattern}|\btahun\s+(?:lalu|ini|depan|silam|kemarin)\b|\b(?:last|this|next)\s+year\b",
                re.IGNORECASE,
            ),
        ),
    )


def named_head(text: str) -> tuple[str, ...] | None:
    """When the question asks for a name, the words, folded, of what it asks the name of ("Siapa nama juru
    bicara Nvidia yang …?" -> ("juru", "bicara", "nvidia"); "Which club …?" -> ("club",)); else None."""
    match = _WANTED["name"].search(text)
    if match is None:
        head = _which_head(text)
        return (head,) if head is not None and wanted(text) == "name" else None
    rest = text[match.end() :]
    description = rest[: end.start()] if (end := _DESCRIPTION_END.search(rest)) else rest
    words = [fold(w) for w in _WORD.findall(description)]
    return tuple(w for w in words if w not in stopwords() and w not in _NAME_QUALIFIERS)


def holds(sentence: str, kind: Wanted, speaker: str | None = None, asked: str = "") -> bool:
    """Whether a sentence holds an answer of the kind asked for: a number or amount, a time, a place, or a
    person: its speaker, or a name in it, that the question `asked` does not already give ("Siapa nama juru
    bicara X?" is not answered by the role-only "Juru bicara X")."""
    sentence = _DATELINE.sub("", sentence)
    words = {fold(word) for word in _WORD.findall(sentence)}
    if kind == "amount":
        # A date ("Kamis (16/10/2025)") or a time of day is no count, nor an age unless the age is asked, nor a
        # number the question gives itself ("How many pupils does SDN 2 have?" is not answered by "SDN 2").
        counted = _NUMERIC_DATE.sub("", sentence if _ASKS_AGE.search(asked) else _AGE.sub("", sentence))
        counted = _CLOCK.sub("", counted)
        given = {m.group() for m in _NUMBER.finditer(asked)}
        counted = _NUMBER.sub(lambda m: " " if m.group() in given else m.group(), counted)
        # An amount of money counts however it is glued to its currency ("Rp5.200", which _AMOUNT, wanting no
        # letter before a number, does not see).
        return bool(_AMOUNT.search(counted) or _CURRENCY.search(counted) or words & _answer_words()["amount"])
    if kind == "time":
        # "Jam berapa …?", "Tanggal berapa …?", "What year …?" ask for that much of a time, which a day or a
        # year does not give.
        if (precise := time_precision(asked)) is not None:
            return bool(precise.search(sentence))
        return bool(_YEAR.search(sentence) or _DATE.search(sentence) or words & _answer_words()["time"])
    given = {fold(word) for word in _WORD.findall(asked)}
    if kind == "place":
        # A place other than the one asked about: "Where is Terminal X?" is not answered by "ke Terminal X"; one
        # named after the word for it ("Desa Tirawonua") answers "Desa mana …?".
        return bool(_places_in(sentence) - given or (words - given) & (_answer_words()["place"] | cues.PLACE_WORDS))
    if speaker is not None and any(fold(word) not in given for word in _WORD.findall(speaker)):
        return True
    if kind == "name":
        # Of whatever the question describes, but not a place: the places of an article are its setting. A name
        # that opens with what it names ("di Laboratorium Kesehatan …") is no place for coming after "di".
        # A body's name is often all ordinary words ("Laboratorium Kesehatan Daerah"): one opening with what it
        # names answers a question after the name of a body, not of a person.
        named = _answer_words()["named"]
        places = _places_in(sentence) - named
        head = named_head(asked)
        bodies = head is not None and head[0] in named
        # Nor, for the name of a person ("the two night guards"), a body's ("RSUD Sunan Kalijaga").
        others = set() if bodies or head is None else named | cues.ORG_WORDS | cues.COMPANY_PREFIXES
        runs = _names_in(sentence, bodies)
        return any(
            not set(words) <= given
            and (words[0] in named or not _is_place(words))
            and words[0] not in places
            and not {words[0], *_word_before(sentence, run)} & others
            for run, words in ((run, [fold(w) for w in run.split()]) for run in runs)
        )
    return person_named(sentence, asked) is not None


def _word_before(sentence: str, run: str) -> list[str]:
    """The word before a name in the sentence, folded, if any ("rsud" before "Sunan Kalijaga"); found by its first
    word, as a name may be read across a dash ("Tol Betung Tempino" of "Jalan Tol Betung–Tempino–Jambi")."""
    at = sentence.find(run.split()[0])
    return [fold(w) for w in _WORD.findall(sentence[: max(at, 0)])][-1:]


def _names_in(sentence: str, bodies: bool = False) -> list[str]:
    """The names a sentence holds, past its dateline; with `bodies`, also those in ordinary words that open
    with what they name ("Laboratorium Kesehatan Daerah"). A name runs within a clause: "kepada Tempo, “Garuda
    akan …" names no "Tempo Garuda". A synonym spinner's capitals are none ("akan Mempunyai Dampak"): the sentence is
    read as the spin bridge writes it."""
    clauses = _CLAUSE_BREAK.split(_DATELINE.sub("", normalize(sentence)))
    named = [run for clause in clauses for run in mentions(clause)]
    if bodies:
        runs = (run for clause in clauses for run in mentions(clause, ordinary=True))
        named += [run for run in runs if fold(run.split()[0]) in _answer_words()["named"]]
    return named


def _places_in(sentence: str) -> set[str]:
    """The first words, folded, of the places a sentence names after "di"/"ke"/"in"/"from" or after the word for a
    place ("ke Terminal Giwangan", "Desa Tirawonua"), or of a room or building after "di"/"ke"/"in"/"at" ("di
    ruang perpustakaan")."""
    patterns = (_PLACE_AFTER, _place_unit_before(), _venue_after())
    return {fold(m[1]) for pattern in patterns for m in pattern.finditer(sentence)}


@cache
def _venue_after() -> re.Pattern[str]:
    venues = "|".join(sorted(_answer_words()["venue"], key=len, reverse=True))
    return re.compile(rf"\b(?:di|ke|in|at)\s+(?:the\s+)?({venues})\b", re.IGNORECASE)


@cache
def _place_unit_before() -> re.Pattern[str]:
    """A name after a word for a place: "Kecamatan Sumberjaya", "Kabupaten Tangerang"."""
    units = "|".join(sorted(_answer_words()["place"] | cues.PLACE_UNITS, key=len, reverse=True))
    return re.compile(rf"\b(?i:{units})\s+([A-Z]\w*)")


def _is_place(words: list[str]) -> bool:
    """Whether a name (its words, folded) is a place's: opening with a word for one ("Stadion Bumi Lempake",
    "Kecamatan Merapi"), or of a region ("Lampung Barat")."""
    return words[0] in _answer_words()["place"] or words[0] in cues.PLACE_UNITS or bool(set(words) & cues.PLACE_WORDS)


def person_named(sentence: str, asked: str) -> str | None:
    """The first person the sentence names whom the question `asked` does not: a run of two name words or
    more, not an organisation's ("Nvidia", "DeepSeek Inc")."""
    given = {_POSSESSIVE.sub("", fold(word)) for word in _WORD.findall(asked)}
    for run in _names_in(sentence):
        words = [fold(w) for w in run.split()]
        # A short form in capitals ("GPU Nvidia", "PT KAI") is a thing or a body's, not a person's name, and a
        # name opening with a word for a place ("Stadion Bumi Lempake") is the place's.
        acronym = any(len(w) > 1 and w.isupper() for w in run.split())
        body = any(w in cues.ORG_WORDS for w in words)
        # "Jalan Tol Betung–Tempino", read without its first word: the place its word before names
        before = _word_before(sentence, run)
        place = _is_place(words) or (bool(before) and _is_place(before))
        if len(words) > 1 and not (acronym or place or body) and not set(words) <= given:
            return run
    return None
