"""Bridge spun text back to standard Indonesian for matching, and score how spun an article looks.

A synonym spinner rewrote some articles ("Amerika Perkumpulan" for "Amerika Serikat", "Demi" for "untuk",
"Kagak" for "tidak"). Readers always see the verbatim article; normalize() only feeds matching, and it is
applied identically to passages and to questions. The spinner leaves its replacements Capitalised even
mid-sentence; the lexicon's guards (see qa/data/spin_lexicon.tsv) use that capital so that standard
Indonesian, such as a user's question, is left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .resources import DATA_DIR, data_lines, dates

Guard = Literal["always", "cap", "mid"]
GUARDS: frozenset[str] = frozenset({"always", "cap", "mid"})

_WORD = re.compile(r"\w+(?:-\w+)*")
_OPENERS = "“‘«([{"
_CLOSERS = "”’»)]}\"'"
_SENTENCE_END = ".!?…"
# Share of suspicious words at which spin_score reaches 1 - 1/e; a fully spun article has several per cent.
_SPIN_SCALE = 0.02


@dataclass(frozen=True)
class Entry:
    spun: str
    standard: str
    guard: Guard


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, Entry]  # keyed by the spun form in lowercase
    max_words: int


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


def parse_lexicon(text: str) -> Lexicon:
    """Parse the lexicon format documented at the top of spin_lexicon.tsv."""
    entries: dict[str, Entry] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[3].startswith("#"):
            raise ValueError(f"lexicon line {number}: want spun<TAB>standard<TAB>guard<TAB># comment")
        spun, standard, guard = (f.strip() for f in fields[:3])
        if guard not in GUARDS:
            raise ValueError(f"lexicon line {number}: unknown guard {guard!r}")
        key = spun.lower()
        if key in entries:
            raise ValueError(f"lexicon line {number}: duplicate entry {spun!r}")
        entries[key] = Entry(spun, standard, guard)  # type: ignore[arg-type]
    max_words = max((len(k.split()) for k in entries), default=1)
    return Lexicon(entries, max_words)


@cache
def lexicon() -> Lexicon:
    return parse_lexicon((DATA_DIR / "spin_lexicon.tsv").read_text(encoding="utf-8"))


@cache
def _capitalised_by_rule() -> frozenset[str]:
    return frozenset(data_lines("capitalised_id.txt")) | frozenset(dates())


def is_sentence_initial(text: str, start: int) -> bool:
    """True where the word at text[start] opens a line, a sentence or a quotation (so its capital is ordinary)."""
    if start > 0 and (text[start - 1] in _OPENERS or (text[start - 1] in "\"'" and _opens_quote(text, start - 1))):
        return True
    before = text[:start].rstrip()
    if not before or "\n" in text[len(before) : start]:
        return True
    return before.rstrip(_CLOSERS).endswith(tuple(_SENTENCE_END))


def _opens_quote(text: str, quote: int) -> bool:
    return quote == 0 or text[quote - 1].isspace()


def _spans(text: str) -> list[_Span]:
    return [_Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _guard_passes(entry: Entry, text: str, start: int, matched: str) -> bool:
    if entry.guard == "always":
        return True
    if matched != entry.spun:  # the spinner's capital is required, exactly as the lexicon spells it
        return False
    return entry.guard == "cap" or not is_sentence_initial(text, start)


def _one_line_phrase(text: str, group: list[_Span]) -> bool:
    gaps = (text[a.end : b.start] for a, b in zip(group, group[1:]))
    return all(gap.isspace() and "\n" not in gap for gap in gaps)


def _matches(text: str, spans: list[_Span]) -> Iterator[tuple[int, int, Entry]]:
    """Greedy longest-first lexicon matches as (first span index, span count, entry)."""
    lex = lexicon()
    i = 0
    while i < len(spans):
        for n in range(min(lex.max_words, len(spans) - i), 0, -1):
            group = spans[i : i + n]
            if not _one_line_phrase(text, group):
                continue
            matched = " ".join(s.text for s in group)
            entry = lex.entries.get(matched.lower())
            if entry is not None and _guard_passes(entry, text, group[0].start, matched):
                yield i, n, entry
                i += n
                break
        else:
            i += 1


def normalize(text: str) -> str:
    """Spun Indonesian -> standard Indonesian, for matching only; text without spinner marks comes back unchanged."""
    spans = _spans(text)
    out: list[str] = []
    cursor = 0
    for i, n, entry in _matches(text, spans):
        start = spans[i].start
        out.append(text[cursor:start])
        # keeps the normalised text well-formed Indonesian for readers of it, such as embedding models
        initial = text[start].isupper() and is_sentence_initial(text, start)
        out.append(entry.standard[:1].upper() + entry.standard[1:] if initial else entry.standard)
        cursor = spans[i + n - 1].end
    out.append(text[cursor:])
    return "".join(out)


def _is_titlecase(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _in_capitalised_run(text: str, spans: list[_Span], i: int) -> bool:
    """Whether a neighbouring word is capitalised too: runs such as "Dinas Bina Marga" are names."""
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(spans)]
    return any(spans[j].text[0].isupper() and _one_line_phrase(text, sorted([spans[i], spans[j]], key=lambda s: s.start)) for j in neighbours)


def spin_score(text: str) -> float:
    """How machine-spun an article looks, in [0, 1] (1 only where floats round 1 - e^-x up).

    A word is suspicious when the lexicon matches it, or when it is written Capitalised mid-sentence on its
    own although the same text also writes it in lowercase: the spinner capitalises the common words it
    puts in, while names keep their capital everywhere. Runs of capitalised words are names ("Dinas Bina
    Marga"); months, days and "Anda" are capitalised by rule. The score saturates with the share of
    suspicious words, so the capital signal still scores a spinner's words the lexicon does not know.
    """
    spans = _spans(text)
    words = [s for s in spans if any(c.isalpha() for c in s.text)]
    if not words:
        return 0.0
    suspicious: set[int] = set()
    for i, n, _ in _matches(text, spans):
        suspicious.update(range(i, i + n))
    lowercase = {s.text for s in spans if s.text.islower()}
    for i, s in enumerate(spans):
        if (
            _is_titlecase(s.text)
            and s.text.lower() in lowercase
            and s.text.lower() not in _capitalised_by_rule()
            and not is_sentence_initial(text, s.start)
            and not _in_capitalised_run(text, spans, i)
        ):
            suspicious.add(i)
    share = len(suspicious) / len(words)
    return 1.0 - math.exp(-share / _SPIN_SCALE)
