"""Which speaker a question is about, and the question without that name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from qa.tokens import fold

from . import cues
from .words import _listed_words

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def match_speaker(question: str, names: Iterable[str]) -> str | None:
    """The name among `names` that the question refers to, by full name or by one distinctive part of it."""
    words = _WORD_RE.findall(question)
    folded = [fold(word) for word in words]
    # Only an asker who uses capitals at all says, by writing a word in lowercase, that it is no name.
    cased = question.lower() != question != question.upper()
    best: tuple[tuple[int, int, int], str] | None = None
    for name in names:
        parts = [fold(part) for part in _WORD_RE.findall(name)]
        if not parts:
            continue
        full = _find_sequence(folded, parts)
        # The name mentioned first is the one asked about ("What did Telkom say about Indosat?");
        # at the same place, a full name beats a part of another.
        if full is not None and (len(parts) > 1 or _is_distinctive(parts[0], words[full], full, cased)):
            score = (-full, 1, len(parts))
        else:
            hits = [
                index
                for index, word in enumerate(folded)
                if word in parts and _is_distinctive(word, words[index], index, cased)
            ]
            if not hits:
                continue
            score = (-hits[0], 0, len(set(folded[index] for index in hits)))
        if best is None or score > best[0]:
            best = (score, name)
    return None if best is None else best[1]


def without_name(question: str, name: str) -> str:
    """The question with the words of `name` taken out, to search for what was said rather than who said it."""
    parts = {fold(part) for part in _WORD_RE.findall(name)}
    kept = _WORD_RE.sub(lambda m: "" if fold(m.group()) in parts else m.group(), question)
    return " ".join(kept.split())


def _find_sequence(words: list[str], parts: list[str]) -> int | None:
    for index in range(len(words) - len(parts) + 1):
        if words[index : index + len(parts)] == parts:
            return index
    return None


def _is_distinctive(word: str, original: str, index: int, cased: bool) -> bool:
    """Whether one word of a name, found in a question, is enough to mean that person. In a question written
    with capitals, a lowercase word is no name ("Apakah bunga itu mekar?" when "Bunga" is a name); a listed
    common word counts only when the asker capitalised it mid-question ("Apa kata Siti")."""
    if len(word) < 3 or word in cues.ENGLISH_COMMON or (cased and not original[:1].isupper()):
        return False
    if word in _listed_words():
        return cased and index > 0
    return True
