"""Passages: the retrievable units, one per body paragraph, each with its speaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .attribution import Sentence, cues, read
from .corpus import Article, split_paragraphs
from .tokens import fold


@dataclass(frozen=True)
class Passage:
    id: str
    article: str
    section: str | None
    paragraph: int
    text: str  # verbatim article text
    speaker: str | None = None  # display name, None for narration
    speaker_role: str | None = None
    sentences: tuple[Sentence, ...] = ()  # every sentence, with whose words it is; the speaker follows from them
    score: float = 0.0

    @classmethod
    def from_dict(cls, row: dict) -> Passage:
        """The inverse of `dataclasses.asdict`, as the index stores a passage."""
        return cls(**{**row, "sentences": tuple(Sentence(**s) for s in row.get("sentences", ()))})


def passage_id(article: str, paragraph: int) -> str:
    # Position-based, so editing one paragraph's wording leaves every id unchanged.
    return f"{article}#p{paragraph}"


def make_passages(article: Article) -> list[Passage]:
    paragraphs = split_paragraphs(article)
    readings = read([p.text for p in paragraphs])
    return [
        Passage(
            id=passage_id(article.id, p.number),
            article=article.id,
            section=p.section,
            paragraph=p.number,
            text=p.text,
            speaker=r.speaker.name if r.speaker else None,
            speaker_role=r.speaker.role if r.speaker else None,
            sentences=r.sentences,
        )
        for p, r in zip(paragraphs, readings, strict=True)
    ]


@dataclass(frozen=True)
class SpeakerProfile:
    name: str
    role: str | None
    passages: tuple[Passage, ...]


def group_by_speaker(passages: Sequence[Passage]) -> list[SpeakerProfile]:
    """The people (or roles) quoted, in order of first appearance, each with every passage they speak in."""
    grouped: dict[str, list[Passage]] = {}
    for p in passages:
        if p.speaker:
            grouped.setdefault(p.speaker, []).append(p)
    return [
        SpeakerProfile(name, next((p.speaker_role for p in ps if p.speaker_role), None), tuple(ps))
        for name, ps in grouped.items()
    ]


def list_items(passages: Sequence[Passage]) -> dict[int, tuple[int, ...]]:
    """The lists the articles set out a paragraph an item: for the index of each paragraph that opens one ("…
    empat rekomendasi kepada PLN, yaitu:"), the indices of the items that follow it in its article, each
    opening with a number, an ordinal or a bullet ("1. Mempercepat …", "Kedua, …")."""
    lists: dict[int, tuple[int, ...]] = {}
    for i, opener in enumerate(passages):
        if not opener.text.rstrip().endswith(cues.LIST_OPENER):
            continue
        items = []
        for j in range(i + 1, len(passages)):
            if passages[j].article != opener.article or not _is_item(passages[j].text):
                break
            items.append(j)
        if items:
            lists[i] = tuple(items)
    return lists


def _is_item(text: str) -> bool:
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    numbered = first.rstrip(".)").isdigit() and first[-1:] in (".", ")")
    return numbered or first in cues.BULLETS or fold(first.rstrip(",.:")) in cues.ORDINALS
