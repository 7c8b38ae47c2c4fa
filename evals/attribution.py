"""Speaker attribution against the hand-labelled gold in tests/data: paragraph speakers (`speakers_gold.json`,
the articles the rules were built on, and `speakers_heldout.json`, articles written in the style of real wire
news and labelled cold, first run only after labelling) and sentence speakers and kinds (`sentences_gold.json`).

`python -m evals.attribution` prints the table; `evals/test_attribution.py` asserts its totals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from qa.attribution import Reading, read
from qa.corpus import read_article, split_paragraphs

from .harness import ROOT

GOLD = ROOT / "tests" / "data"


@dataclass
class Score:
    paragraphs: int = 0
    paragraphs_right: int = 0
    sentences: int = 0
    sentences_right: int = 0  # the speaker (None for narration)
    kinds_right: int = 0
    direct: int = 0  # sentences the gold calls direct quotes
    direct_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("paragraphs", "paragraphs_right", "sentences", "sentences_right", "kinds_right", "direct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.direct_right += other.direct_right
        self.misses += other.misses

    def rate(self, right: int, total: int) -> float:
        return right / total if total else 1.0


@cache
def gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


@cache
def paragraph_gold() -> dict:
    return {**gold("speakers_gold.json"), **gold("speakers_heldout.json")}


def held_out() -> list[str]:
    return sorted(gold("speakers_heldout.json"))


@cache
def readings(path: str) -> tuple[Reading, ...]:
    return tuple(read([p.text for p in split_paragraphs(read_article(ROOT / path))]))


def score(article: str) -> Score:
    """One article against whichever gold it has."""
    result = Score()
    if (table := paragraph_gold().get(article)) is not None:
        for number, (want, reading) in enumerate(zip(table["speakers"], readings(table["article"]), strict=True), 1):
            got = reading.speaker.name if reading.speaker else None
            result.paragraphs += 1
            result.paragraphs_right += got == want
            if got != want:
                result.misses.append(f"{article} ¶{number}: {got!r}, gold {want!r}")
    if (table := gold("sentences_gold.json").get(article)) is not None:
        for number, (labelled, reading) in enumerate(zip(table["paragraphs"], readings(table["article"]), strict=True), 1):
            records = {s.text: s for s in reading.sentences}
            for want in labelled:
                got = records[want["text"]]
                right = got.speaker == want["speaker"]
                result.sentences += 1
                result.sentences_right += right
                result.kinds_right += got.kind == want["kind"]
                result.direct += want["kind"] == "direct"
                result.direct_right += right and want["kind"] == "direct"
                if not right or got.kind != want["kind"]:
                    result.misses.append(
                        f"{article} ¶{number} {got.kind}/{got.speaker!r} [{got.rule}], gold "
                        f"{want['kind']}/{want['speaker']!r}: {want['text'][:70]}"
                    )
    return result


def articles() -> list[str]:
    return sorted(set(paragraph_gold()) | set(gold("sentences_gold.json")))


def total(names: list[str] | None = None) -> Score:
    result = Score()
    for article in names or articles():
        result.add(score(article))
    return result


def table(names: list[str] | None = None) -> list[str]:
    def row(name: str, s: Score) -> str:
        sentences = f"{s.sentences_right}/{s.sentences}" if s.sentences else "-"
        direct = f"{s.direct_right}/{s.direct}" if s.direct else "-"
        return f"{name:36} {s.paragraphs_right:>3}/{s.paragraphs:<3} {sentences:>9} {direct:>9}"

    names = names or articles()
    lines = [f"{'article':36} paragraphs sentences    direct"]
    lines += [row(name, score(name)) for name in names]
    s = total(names)
    lines.append(row("total", s))
    lines.append(
        f"paragraph speakers {s.rate(s.paragraphs_right, s.paragraphs):.3f}, sentence speakers "
        f"{s.rate(s.sentences_right, s.sentences):.3f} (kinds {s.rate(s.kinds_right, s.sentences):.3f}), "
        f"direct-quote speakers {s.rate(s.direct_right, s.direct):.3f}"
    )
    return lines


if __name__ == "__main__":
    import sys

    chosen = held_out() if sys.argv[1:] == ["--held-out"] else None
    chosen = [a for a in articles() if any(a.startswith(prefix) for prefix in sys.argv[1:])] or chosen
    print("\n".join(table(chosen)))
    print("\n".join(total(chosen).misses))
