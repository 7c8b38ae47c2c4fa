"""Passages: the retrievable units, one per body paragraph, each with its speaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .attribution import Sentence, read
from .corpus import Article, split_paragraphs


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
