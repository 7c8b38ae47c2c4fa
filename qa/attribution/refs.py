"""What a cue says about its speaker: a name, a pronoun, a title with no name, "menteri itu", the holder of a
lowercase title, a role, or "perusahaan itu". Data only: `phrases` and `subjects` read them out of the narration,
`reader` resolves them against the register."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .words import Token


@dataclass(frozen=True)
class Title:
    head: str  # folded title words, e.g. "presiden", "juru bicara"
    former: bool
    phrase: str  # as written, e.g. "CEO PasarKita", "mantan Presiden"
    short: str | None = None  # the short form given in parentheses: "Menhub" in "Menteri Perhubungan (Menhub)"


@dataclass(frozen=True)
class NameRef:
    tokens: Sequence[Token]
    title: Title | None = None
    role: str | None = None


@dataclass(frozen=True)
class PronounRef:
    pass


@dataclass(frozen=True)
class TitleRef:  # "Presiden AS" with no name
    head: str
    phrase: str


@dataclass(frozen=True)
class AnaphorRef:  # "menteri itu", "sang pelatih", "pria itu", "kepala dinas itu"
    head: str | None
    field: tuple[str, ...] = ()  # words after the title that narrow it down: ("dinas",)


@dataclass(frozen=True)
class HolderRef:  # "jaksa" in lowercase: the holder of that title, if the article named one
    head: str
    # The title with the body it serves ("koordinator relawan PMI Kota Palu"): with no holder named, a
    # speaker known only by that role.
    phrase: str | None = None


@dataclass(frozen=True)
class RoleRef:  # "seorang juru bicara Perum Bulog"
    phrase: str
    head: str | None


@dataclass(frozen=True)
class OrgRef:  # "perusahaan itu", "lembaga tersebut": the organisation talked about last
    noun: str | None = None  # the kind of body it names ("perusahaan", "yayasan"), folded


Ref = NameRef | PronounRef | TitleRef | AnaphorRef | HolderRef | RoleRef | OrgRef
