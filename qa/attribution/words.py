"""Tokens, and the article's own evidence of which capitalised words are names.

The synonym spinner capitalises the words it replaces in mid-sentence ("Demi", "Kagak", "Mengucapkan"), so a
capitalised word is taken for a name only where a name can stand (subject of a cue, after a title, head of an
appositive) and only when it is not an ordinary word, unless the article introduced it as part of a longer
name ("Siti" after "Siti Rahmawati"). No dictionary decides what is ordinary: the article itself does, since
names keep their capital everywhere while an ordinary word is also written in lowercase somewhere (itself or
another form of its Snowball stem); function-word and spin lists and the Indonesian confixes ("Perdagangan",
"Kementerian") cover what a short article does not write in lowercase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

from qa.normalize import lexicon
from qa.resources import data_lines, dates
from qa.tokens import fold, stem

from . import cues

QUOTE = "\x00"  # stands for a masked quotation in the narration
_TOKEN_RE = re.compile(r"\x00|\d+(?:[.,]\d+)*|\w+(?:[-.&'’]\w+)*|[^\w\s]")
VERB_PREFIXES = ("me", "ber", "di", "ter")
CLAUSE_MARKS = frozenset(",.!?;:")
# Capitalised at any position but never a name: days and months.
TIME_WORDS = frozenset(dates())


@cache
def _function_words() -> frozenset[str]:
    """Words that are never a name: attribution's own list (not the search's stopwords, whose editing must not
    change who speaks), days and months, honorifics."""
    return frozenset(data_lines("function_words.txt")) | TIME_WORDS | cues.HONORIFICS


def is_function_word(word: str) -> bool:
    return word in _function_words()


@cache
def listed_words() -> frozenset[str]:
    """Ordinary words known without reading the article: function words, loanwords, fields of offices, and the
    spinner's words with their standard forms (one-word entries only: "Amerika Perkumpulan" must not make
    "amerika" common)."""
    spun = (word for entry in lexicon().entries.values() for word in (entry.spun, entry.standard))
    return (
        _function_words()
        | cues.EXTRA_COMMON_WORDS
        | cues.TITLE_FIELD_WORDS
        | {fold(word) for word in spun if " " not in word}
    )


@cache
def _spun_function_words() -> frozenset[str]:
    """The spinner's stand-ins for function words ("Kagak" for tidak, "Demi" for untuk)."""
    entries = lexicon().entries.values()
    return frozenset(fold(e.spun) for e in entries if " " not in e.spun and fold(e.standard) in _function_words())


def breaks_name(token: Token, first: bool) -> bool:
    """Whether a capitalised word ends a name, or (`first`) cannot start one: a preposition or adverb a spinner
    capitalised ("PT X Didalam keterangannya"), or after a name's first word a spinner's function word ("Hendra
    Kagak menjawab"; "Demi" may still be a first name)."""
    return token.fold in cues.NAME_BREAKERS or (not first and token.fold in _spun_function_words())


# A short stem is more often a coincidence inside a name ("Dimas" is not di- + "mas").
_MIN_STEM = 4
# Prefix and suffix together (ke-…-an, per-…-an, me-…-kan, …) make a derived word; a name almost never has
# both, while a prefix alone does occur in names ("Berkeley", "Diponegoro") and so does -an ("Hermawan").
_CONFIX_RE = re.compile(r"(?:ke|pe|be|me|di|te)\w{3,}(?:an|kan)")
# The clitic -nya after a base of four letters or more ("Biasanya", "Sisanya") and the endings of Indonesian
# loanwords ("Klimatologi", "Sedimentasi", "Intensitas"), which personal names do not take.
_SUFFIX_RE = re.compile(r"\w{4,}nya|\w{3,}(?:logi|asi|ensi|itas|isme|grafi)")


def _is_affixed(word: str) -> bool:
    if _SUFFIX_RE.fullmatch(word):
        return True
    return _CONFIX_RE.fullmatch(word) is not None and len(stem(word)) >= _MIN_STEM


@dataclass(frozen=True)
class Vocabulary:
    """The article's own evidence of which words are ordinary: those it writes in lowercase, and their stems;
    and of which are places: those it writes after "Kabupaten", "Kota", … ("Kabupaten Kupang" makes "Wakil
    Bupati Kupang Markus Ndun" the deputy regent of Kupang)."""

    lowercase: frozenset[str]
    stems: frozenset[str]
    places: frozenset[str]

    @classmethod
    def of(cls, tokens: Sequence[Sequence[Token]]) -> Vocabulary:
        """From the article's paragraphs, tokenized."""
        lowercase = frozenset(token.fold for words in tokens for token in words if token.text[0].islower())
        places = frozenset(
            after.fold
            for words in tokens
            for before, unit, after in zip([None, *words], words, words[1:])
            if unit.fold in cues.PLACE_UNITS
            and after.is_cap
            # "Wali Kota Hasan" is a mayor's title and his name
            and not (before is not None and f"{before.fold} {unit.fold}" in cues.STATE_TITLES)
        )
        # "di Garut,", "asal Sidoarjo": one capitalised word after a word of place, not the start of a longer name
        places |= {
            word.fold
            for words in tokens
            for marker, word, after in zip(words, words[1:], [*words[2:], None])
            if marker.fold in cues.PLACE_MARKERS
            and word.is_cap
            and word.is_word
            and not (after is not None and after.is_word and after.is_cap)
        }
        return cls(
            lowercase,
            frozenset(root for root in map(stem, lowercase) if len(root) >= _MIN_STEM),
            places | _dateline(tokens[0] if tokens else []),
        )

    def is_common(self, word: str) -> bool:
        return (
            word in self.lowercase
            or word in listed_words()
            or _is_affixed(word)
            or (len(word) > _MIN_STEM and stem(word) in self.stems)
        )

    def is_derived(self, word: str) -> bool:
        """An ordinary word with affixes ("Sebelumnya", "Mengucapkan"), which cannot be a first name."""
        return self.is_common(word) and stem(word) != word


def _dateline(tokens: Sequence[Token]) -> frozenset[str]:
    """The place an article is filed from, before its agency or a dash: "GARUT, KOMPAS.com -", "Bandar Lampung
    (ANTARA) -"."""
    for index, token in enumerate(tokens[: cues.PLACE_MAX_WORDS + 1]):
        if token.text in cues.DATELINE_ENDS:
            return frozenset(t.fold for t in tokens[:index])
        if not (token.is_word and token.is_cap):
            break
    return frozenset()


class TitleKind(Enum):
    STATE = "state"  # may stand before a one-word name: "Presiden Jokowi"
    OFFICE = "office"
    GENERIC = "generic"  # shared by many; without a name it makes a role-only speaker


@dataclass(frozen=True)
class _TitleEntry:
    words: tuple[str, ...]  # as written: "wamen", "wakil menteri"
    kind: TitleKind
    head: str  # the full title an abbreviation stands for: "wakil menteri" for "wamen"


def _title_table() -> dict[str, list[_TitleEntry]]:
    kinds = {
        title: kind
        for titles, kind in (
            (cues.STATE_TITLES, TitleKind.STATE),
            (cues.OFFICE_TITLES, TitleKind.OFFICE),
            (cues.GENERIC_ROLES, TitleKind.GENERIC),
        )
        for title in titles
    }
    entries = [_TitleEntry(tuple(title.split()), kind, title) for title, kind in kinds.items()]
    # A short form is of its full title's kind, or of its head's ("kasat": "kepala satuan", a "kepala"; a
    # deputy's, "wakapolres", of what the deputy stands in for).
    entries += [
        _TitleEntry((short,), kinds.get(full) or kinds[full.removeprefix(f"{cues.DEPUTY} ").split()[0]], full)
        for short, full in cues.TITLE_ABBREVIATIONS.items()
    ]
    table: dict[str, list[_TitleEntry]] = {}
    for entry in sorted(entries, key=lambda entry: -len(entry.words)):
        table.setdefault(entry.words[0], []).append(entry)
    return table


TITLES = _title_table()
# "Agung" qualifies a title only inside it ("Jaksa Agung"), and is one of the commonest given names ("Agung
# Nugroho"); the other qualifiers ("Umum", "Besar") are no names.
TITLE_WORDS = frozenset(
    word for entries in TITLES.values() for entry in entries for word in entry.words
) - cues.GIVEN_NAME_QUALIFIERS
# The one-word roles many share ("pedagang", "nelayan", "petani"): inside a body's name, never a first name.
GENERIC_TITLE_WORDS = frozenset(role for role in cues.GENERIC_ROLES if " " not in role)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    fold: str
    start: int
    end: int

    @property
    def is_quote(self) -> bool:
        return self.text == QUOTE

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()

    @property
    def is_camel(self) -> bool:
        """"PasarKita", "TaniMaju"; not "Bilangan-Bilangan", whose parts are each capitalised normally."""
        parts = self.text.split("-")
        return any(char.isupper() for part in parts for char in part[1:]) and any(c.islower() for c in self.text)


# Degrees and professional credentials written after a name: "Ratna Dewi, M.Kes.", "dr. Fadli Hakim, Sp.A",
# "Euis Nurhayati, S.Pd.", an analyst's "Edwin Kurniadi, CFA,", a physician's fellowship "Sp.PD., FINASIM,".
_DEGREE_RE = re.compile(
    r"[A-Z][a-z]{0,2}(?:\.[A-Z][A-Za-z]{0,3})+|Lc|MBA|MPH|MSc|PhD|MARS|MKM|SKM|SKep|SPd|SSos|SIP|CFA|CPA|CFP|FRM"
    r"|FINASIM|FIHA|FACS|FICS|FRCP|FRCS|FCCP|FISR|FAPSR"
)


def is_degree(token: Token) -> bool:
    return _DEGREE_RE.fullmatch(token.text) is not None


def joined(tokens: Iterable[Token]) -> str:
    """Words as a name is written: spaced, but not inside parentheses ("PT Pos Indonesia (Persero)")."""
    return re.sub(r"\( | \)", lambda m: m.group().strip(), " ".join(token.text for token in tokens))


# News repeats its words, and attribution tokenizes every paragraph twice (whole, then its narration).
_fold_word = lru_cache(maxsize=1 << 16)(fold)


def tokenize(text: str) -> list[Token]:
    return [Token(word := m.group(), _fold_word(word), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def clause_end(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where the clause running from `start` ends: at its first comma or stop, else at `end`."""
    return next((i for i in range(start, end) if tokens[i].text in CLAUSE_MARKS), end)


def is_qualifier(token: Token, words: Vocabulary) -> bool:
    """A capitalised word that qualifies a title ("AS", "PasarKita", "Pertanian") rather than naming a person."""
    return (
        token.is_acronym
        or token.is_camel
        or token.fold in cues.PLACE_WORDS
        or token.fold in words.places  # "Bupati Pandeglang" where the article writes "Kabupaten Pandeglang"
        or token.fold in cues.ORG_WORDS
        or token.fold in GENERIC_TITLE_WORDS  # "Ketua Paguyuban Pedagang Budi": the traders' association
        or words.is_common(token.fold)
    )


def is_strong(token: Token, words: Vocabulary) -> bool:
    """A capitalised word that can only be a name: not an ordinary word, a place, a month or a title."""
    return (
        token.is_cap
        and token.fold not in cues.PLACE_WORDS
        and token.fold not in TITLE_WORDS
        and (token.is_acronym or token.is_camel or not words.is_common(token.fold))
    )


def is_filler(token: Token, words: Vocabulary) -> bool:
    """A word to strip from the front of a name: "Bahkan", "Sementara", "Pak", an inflected ordinary word."""
    if token.fold in cues.ORG_WORDS:
        return False
    if token.fold in cues.ORG_SIDE_WORDS:
        return True
    if token.fold in cues.NAME_PARTICLES:
        return not token.is_cap
    if token.text in cues.NAME_PREFIXES:
        return False  # "I Made Suryawan", "Ni Luh Putu"
    if token.is_acronym and len(token.text) > 2:
        return False  # "WHO", written in capitals, is the organisation, not the English word
    return is_function_word(token.fold) or token.fold in TITLE_WORDS or words.is_derived(token.fold)


def is_plain_root(token: Token, words: Vocabulary) -> bool:
    """A capitalised root word that may be a first name ("Sri", "Surya"), not a title's field ("Keuangan")."""
    return (
        token.is_word
        and token.is_cap
        and not token.is_acronym
        and not token.is_camel
        and words.is_common(token.fold)
        and not words.is_derived(token.fold)
        and not is_function_word(token.fold)
        and token.fold not in cues.PLACE_WORDS
        and token.fold not in cues.ORG_WORDS
        and token.fold not in cues.TITLE_FIELD_WORDS
        and token.fold not in TITLE_WORDS
    )
