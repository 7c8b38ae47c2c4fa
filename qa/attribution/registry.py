"""The register of the people and organisations met so far in an article, against which short names
("Santoso"), pronouns ("Ia", "katanya") and titles ("Presiden AS", "menteri itu") are resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import Enum

from qa.tokens import fold

from . import cues
from .refs import Title
from .words import TITLE_WORDS, Token


class Kind(Enum):
    PERSON = "person"
    ORG = "org"
    UNKNOWN = "unknown"


@dataclass
class Entity:
    """Someone met in the article; mutable while the article is read, so that later mentions can add a
    longer name, a role or a title."""

    name: str
    words: frozenset[str]  # folded words of the name; empty for someone known only by role
    kind: Kind
    role: str | None = None
    titles: dict[str, bool] = field(default_factory=dict)  # title head -> held formerly
    seen: int = -1  # position of the latest mention

    @property
    def role_words(self) -> frozenset[str]:
        return frozenset(fold(self.role or "").split())


# A first name cut short keeps at least this much of it; a spelling variant is at least this similar.
SHORT_NAME_MIN = 3
SPELLING_SIMILARITY = 0.8
# Two letters would spell a row of initials in many names by chance.
ABBREVIATION_MIN = 3


def _short_form_of(word: str, name: str) -> bool:
    # "Sutejo" is no short form of "Sutejo-Ani", a pair of names joined by a hyphen.
    return len(word) >= SHORT_NAME_MIN and len(name) > len(word) and name.startswith(word) and name[len(word)] != "-"


def _spelled_like(word: str, name: str) -> bool:
    return (
        min(len(word), len(name)) >= 5
        and word[0] == name[0]
        and SequenceMatcher(None, word, name).ratio() >= SPELLING_SIMILARITY
    )


def _abbreviates(word: str, name: str) -> bool:
    """Whether `word` is the initials of words in a row of an organisation's name ("PNI" in "PT Pelayaran
    Nasional Indonesia", "PP" and "IDAI" in "Pengurus Pusat Ikatan Dokter Anak Indonesia")."""
    initials = "".join(part[0] for part in name.split() if part[0].isupper())
    return len(word) >= ABBREVIATION_MIN and fold(word) in fold(initials)


def _joins(word: str, name: str) -> bool:
    """Whether `word` is words in a row of an organisation's name written as one ("TaniPintar" of "PT Tani
    Pintar Nusantara"), the way a brand is written beside the company's legal name."""
    parts = [fold(part) for part in name.split()]
    return any(
        fold(word) == "".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)
    )


class Registry:
    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.org_words: set[str] = set()  # short forms given in parentheses: "(PSSI)", "(Bapanas)"

    def find(self, words: tuple[str, ...]) -> Entity | None:
        """The latest-seen entity whose name contains all these words ("Santoso" in "Budi Santoso")."""
        wanted = set(words) - cues.NAME_PARTICLES
        matches = [entity for entity in self.entities if wanted and wanted <= entity.words]
        spelled_out = {word for short in wanted for word in cues.BODY_ABBREVIATIONS.get(short, short).split()}
        if not matches and spelled_out != wanted:
            matches = [entity for entity in self.entities if spelled_out <= entity.words]  # "Pemkab Sleman"
        if not matches:
            matches = self._resembling(wanted)
        if not matches:
            matches = [
                entity
                for entity in self.entities
                if entity.kind is Kind.ORG
                and wanted
                and all(
                    word in entity.words or _abbreviates(word, entity.name) or _joins(word, entity.name)
                    for word in wanted
                )
            ]
        return max(matches, key=lambda entity: entity.seen) if matches else None

    def _resembling(self, wanted: set[str]) -> list[Entity]:
        """People with a longer name that this one word is a short form of ("Bima" for "Bimastyaji Surya",
        "Yuli" for "Yuliarni") or a spelling of ("Afifuddin" for "Affifuddin", "Yusup" for "Yusuf"); of a name
        of several words, one must be the same ("Yusup Hidayatullah" for "Yusuf Hidayatullah")."""

        def like(word: str, name: str) -> bool:
            return word == name or _short_form_of(word, name) or _spelled_like(word, name)

        return [
            entity
            for entity in self.entities
            if entity.kind is not Kind.ORG
            and all(any(like(word, name) for name in entity.words) for word in wanted)
            and (len(wanted) == 1 or bool(wanted & entity.words))
        ]

    def latest_organisation(self, until: int, noun: str | None = None, speaking: Entity | None = None) -> Entity | None:
        """The organisation talked about last; with the noun the text names it by, the last of that kind if
        any ("Perusahaan memastikan …" after a regulator spoke of the company: the company); else the one
        `speaking` in the paragraph ("BGN menyatakan … di sebagian kecil SPPG. Lembaga itu juga meminta …": BGN,
        not the body its words were about)."""
        organisations = [e for e in self.entities if e.kind is Kind.ORG and e.seen < until]
        kind = cues.COMPANY_PREFIXES | cues.LEGAL_FORMS if noun in cues.COMPANY_NOUNS else {noun}
        fitting = [e for e in organisations if e.words & kind]
        if not fitting and speaking is not None:
            return speaking
        return max(fitting or organisations, key=lambda entity: entity.seen) if organisations else None

    def organisation(self, short: str) -> Entity | None:
        """The organisation a short form given in parentheses stands for ("Forwapa")."""
        entity = self.find((short,))
        return entity if entity is not None and entity.kind is Kind.ORG else None

    def by_word(self, word: str) -> Entity | None:
        matches = [entity for entity in self.entities if word in entity.words]
        return max(matches, key=lambda entity: entity.seen) if matches else None

    def latest(
        self, since: int, until: int, exclude_former: str | None = None, unconfirmed: bool = False
    ) -> Entity | None:
        """The person mentioned last within [since, until); with `unconfirmed`, names not yet heard speaking too."""
        kinds = (Kind.PERSON, Kind.UNKNOWN) if unconfirmed else (Kind.PERSON,)
        people = [
            entity
            for entity in self.entities
            if entity.kind in kinds
            and since <= entity.seen < until
            and not (exclude_former and entity.titles.get(exclude_former))
        ]
        return max(people, key=lambda entity: entity.seen) if people else None

    def holder(self, head: str, field: Sequence[str] = (), named: bool = False) -> Entity | None:
        """The latest-seen current holder of a title (`named`: a person with a name, not one known only by
        role); of several, one whose role holds the `field` words ("kepala dinas itu": the head of the
        agency, not the head of the school)."""
        holders = [e for e in self.entities if self._holds_title(e, head) and (e.words or not named)]
        fitting = [e for e in holders if field and set(field) <= e.role_words]
        return max(fitting or holders, key=lambda entity: entity.seen) if holders else None

    @staticmethod
    def _holds_title(entity: Entity, head: str) -> bool:
        """Whether the entity currently holds the title; one of several words, a short form's ("Kadinkes" for
        "kepala dinas kesehatan"), is held by the holder of its first word whose role has the others."""
        first, *rest = head.split()
        if entity.titles.get(head) is False:
            return True
        return bool(rest) and entity.titles.get(first) is False and set(rest) <= entity.role_words

    def described(self, words: Sequence[str]) -> Entity | None:
        """The latest-seen person whose role names one of these words ("Bupati Kuansing" for "Kuansing")."""
        people = [
            entity
            for entity in self.entities
            if entity.kind is Kind.PERSON and set(words) & entity.role_words
        ]
        return max(people, key=lambda entity: entity.seen) if people else None

    def add(self, entity: Entity) -> Entity:
        self.entities.append(entity)
        return entity

    def role_only(self, phrase: str) -> Entity:
        name = phrase[:1].upper() + phrase[1:]
        for entity in self.entities:
            if not entity.words and entity.name == name:
                return entity
        return self.add(Entity(name, frozenset(), Kind.PERSON))


def kind_of(tokens: Sequence[Token], title: Title | None, role: str | None) -> Kind:
    # "Perusahaan Umum Daerah Pasar X", "Dinkes X": a name opening with a body's noun or short form is the body's
    opening = tokens[0].fold if tokens else ""
    bodies = opening in cues.ORG_ROLE_WORDS or opening in cues.BODY_ABBREVIATIONS
    # … and so is one opening with a short form, whatever role it is given ("BKSDA Jambi"); initials alone
    # ("HS") are a person's.
    if bodies or any(token.fold in cues.ORG_WORDS for token in tokens) or (len(tokens) > 1 and tokens[0].is_acronym):
        return Kind.ORG
    if role:
        first = fold(role.split()[0])
        if first in cues.ORG_ROLE_WORDS:
            return Kind.ORG
        # "Sukarti (49), penjual gorengan di depan pasar": a role of common words, lowercase, is a person's trade.
        if first in cues.PERSON_ROLE_WORDS or first in TITLE_WORDS or first == cues.INDEFINITE or role[0].islower():
            return Kind.PERSON
    if title is not None:
        return Kind.PERSON
    if any(token.is_acronym or token.is_camel for token in tokens):
        return Kind.ORG
    return Kind.PERSON if len(tokens) > 1 else Kind.UNKNOWN
