"""References: what a cue says about its speaker (a name, a pronoun, a bare title, "menteri itu", a role),
read out of the narration of one paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qa.tokens import fold

from . import cues
from .quotes import _closing_paren, _opening_paren
from .words import (
    _CLAUSE_MARKS,
    _TITLE_WORDS,
    _TITLES,
    _VERB_PREFIXES,
    _is_filler,
    _is_plain_root,
    _is_qualifier,
    _is_stopword,
    _is_strong,
    _TitleKind,
    _Token,
    _tokenize,
    _Vocabulary,
)

if TYPE_CHECKING:
    from .registry import _Registry


@dataclass(frozen=True)
class _Title:
    head: str  # folded title words, e.g. "presiden", "juru bicara"
    former: bool
    phrase: str  # as written, e.g. "CEO PasarKita", "mantan Presiden"


@dataclass(frozen=True)
class _NameRef:
    tokens: tuple[_Token, ...]
    title: _Title | None = None
    role: str | None = None


@dataclass(frozen=True)
class _PronounRef:
    pass


@dataclass(frozen=True)
class _TitleRef:  # "Presiden AS" with no name
    head: str
    phrase: str


@dataclass(frozen=True)
class _AnaphorRef:  # "menteri itu", "sang pelatih", "pria itu"
    head: str | None


@dataclass(frozen=True)
class _RoleRef:  # "seorang juru bicara Perum Bulog"
    phrase: str
    head: str | None


_Ref = _NameRef | _PronounRef | _TitleRef | _AnaphorRef | _RoleRef


def _match_title(tokens: Sequence[_Token], index: int) -> tuple[int, str, _TitleKind] | None:
    """(length, head, kind) of the title starting at `index`, the longest one listed."""
    for words, kind in _TITLES.get(tokens[index].fold, ()):
        end = index + len(words)
        if end <= len(tokens) and tuple(token.fold for token in tokens[index:end]) == words:
            return len(words), " ".join(words), kind
    return None


def _name_run(tokens: Sequence[_Token], start: int, end: int) -> int:
    """End of the run of capitalised words (with particles such as "van" inside) that starts at `start`."""
    index = start
    while index < end:
        token = tokens[index]
        if token.is_word and token.is_cap and not _is_cue(token):
            index += 1
        elif (
            token.fold in cues.NAME_PARTICLES
            and index > start
            and index + 1 < end
            and tokens[index + 1].is_cap
            and tokens[index + 1].is_word
        ):
            index += 1
        else:
            break
    return index


def _is_cue(token: _Token) -> bool:
    return token.fold in cues.SPEECH_VERBS or token.fold in cues.PASSIVE_CUES


class _Text:
    """The narration of one paragraph, tokenised, with the helpers that read names out of it."""

    def __init__(self, narration: str, known: _Registry, words: _Vocabulary) -> None:
        self.narration = narration
        self.tokens = _tokenize(narration)
        self.known = known
        self.words = words

    def span(self, start: int, end: int) -> str:
        return self.narration[self.tokens[start].start : self.tokens[end - 1].end]

    def is_name(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] can be a name: something strong in it, an organisation, or met before."""
        if start >= end:
            return False
        names = self.tokens[start:end]
        if any(_is_cue(token) for token in names):
            return False
        if any(_is_strong(token, self.words) for token in names):
            return True
        if names[0].fold in cues.ORG_WORDS and len(names) > 1:
            return True
        return self.known.find(tuple(token.fold for token in names)) is not None

    def trailing_name(self, start: int, end: int) -> tuple[int, int] | None:
        """The name that ends tokens[start:end], once fillers ("Bahkan", "Sementara", "Senin") are stripped."""
        short_form: tuple[int, int] | None = None
        if end > start and self.tokens[end - 1].text == ")":
            opening = _opening_paren(self.tokens, end - 1, start)
            if opening == end - 3 and self.tokens[end - 2].is_acronym:
                short_form = (end - 2, end - 1)  # "(BMKG)", the name to use when the long one is cut by commas
            end = opening
        while end > start and self.tokens[end - 1].fold in cues.TIME_WORDS:
            end -= 1
        first = end
        while first > start:
            token = self.tokens[first - 1]
            inside = first < end and token.fold in cues.NAME_PARTICLES and first - 1 > start
            if not ((token.is_word and token.is_cap and not _is_cue(token)) or inside):
                break
            first -= 1
        while first < end and _is_filler(self.tokens[first], self.words):
            first += 1
        # "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)": the long name is cut, the short one is whole.
        cut = first > 0 and self.tokens[first - 1].fold in cues.CLAUSE_OPENERS
        if self.is_name(first, end) and not (short_form and cut):
            return first, end
        return short_form

    def after_title(self, start: int, end: int, kind: _TitleKind) -> tuple[int, tuple[int, int] | None]:
        """Skip the qualifiers of a title ("AS", "Pertanian", "PasarKita", "(PSSI)"); return where they stop and
        the name that follows them, if any."""
        index = start
        lowercase = 0
        joined = -1  # end of the last "of Japan" taken into the qualifiers
        while index < end:
            token = self.tokens[index]
            nxt = self.tokens[index + 1] if index + 1 < end else None
            if token.text == "(":
                closing = _closing_paren(self.tokens, index, end)
                if closing == index:
                    break
                index = closing + 1
            elif token.fold in cues.PLACE_UNITS and nxt is not None and nxt.is_cap:
                index += 2  # "RSUD Kota Bandung": the word after "Kota" is a place
                joined = index
            elif token.fold in cues.NAME_CONNECTORS and nxt is not None and nxt.is_cap and index > start:
                index += 2  # "Bank of Japan", "Deep Learning & Research Lab": the next word belongs to the name
                joined = index
            elif not token.is_word or _is_cue(token):
                break
            elif token.is_cap:
                if not (_is_qualifier(token, self.words) or token.fold in self.known.org_words):
                    break
                if _is_stopword(token.fold) and not (nxt and nxt.is_cap):
                    break
                index += 1
            elif (
                lowercase < 3
                and not _is_stopword(token.fold)
                and not token.fold.startswith(_VERB_PREFIXES)
                and (token.fold in _TITLE_WORDS or self.words.is_common(token.fold))
            ):
                lowercase += 1
                index += 1
            else:
                break
        name_end = _name_run(self.tokens, index, end)
        if name_end == index or not self.is_name(index, name_end):
            # Nothing but ordinary words: two of them after the qualifiers are a name ("Presiden Bambang
            # Kusuma"), one alone is part of the title ("Menteri Agama").
            first = index
            while first > max(start, joined) and _is_plain_root(self.tokens[first - 1], self.words):
                first -= 1
            return (first, (first, index)) if index - first >= 2 else (index, None)
        while name_end - index >= 3 and self.tokens[index].fold.endswith(cues.ENGLISH_WORD_ENDINGS):
            index += 1
        if index > start and index != joined and _is_plain_root(self.tokens[index - 1], self.words):
            index -= 1  # "Menteri Keuangan Sri Mulyani": a first name that is also a word
        single = name_end - index == 1
        if single and kind is not _TitleKind.STATE and self.known.find((self.tokens[index].fold,)) is None:
            return name_end, None  # "CEO PasarKita": the one word is the company
        return index, (index, name_end)

    def is_person_like(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] look like a personal name: strong words, save perhaps a first name that is
        also an ordinary word ("Budi Santoso"), and nothing of a place, an organisation or a title."""
        names = [token for token in self.tokens[start:end] if token.fold not in cues.NAME_PARTICLES]
        if not names or not all(token.is_word and token.is_cap for token in names):
            return False

        def plain_name(token: _Token) -> bool:
            return _is_strong(token, self.words) and not (token.is_acronym or token.is_camel)

        return all(plain_name(token) for token in names[1:]) and (
            plain_name(names[0]) or _is_plain_root(names[0], self.words)
        ) and not any(token.fold in cues.ORG_WORDS for token in names)

    def classify(self, start: int, end: int) -> _Ref | None:
        """What the subject phrase tokens[start:end] of a cue refers to."""
        folds = [token.fold for token in self.tokens[start:end]]
        if not folds:
            return None
        if cues.INDEFINITE in folds:
            first = start + folds.index(cues.INDEFINITE) + 1
            if first < end:
                title = _match_title(self.tokens, first)
                return _RoleRef(self.span(first, end), title[1] if title else None)
        if folds[-1] in cues.PRONOUNS and all(_is_stopword(fold) for fold in folds[:-1]):
            return _PronounRef()
        if folds[-1] in cues.DEMONSTRATIVES or folds[0] == cues.DETERMINER:
            for index in range(start, end):
                title = _match_title(self.tokens, index)
                if title:
                    return _AnaphorRef(title[1])
                if self.tokens[index].fold in cues.PERSON_NOUNS:
                    return _AnaphorRef(None)
            return None
        last_title: tuple[int, int, str, _TitleKind] | None = None
        index = start
        while index < end:
            title = _match_title(self.tokens, index)
            if title:
                last_title = (index, index + title[0], title[1], title[2])
            index += title[0] if title else 1
        if last_title is not None:
            return self.titled(start, end, *last_title)
        name = self.trailing_name(start, end)
        return _NameRef(self.tokens[name[0] : name[1]]) if name else None

    def titled(self, start: int, end: int, first: int, after: int, head: str, kind: _TitleKind) -> _Ref | None:
        former = first > start and self.tokens[first - 1].fold in cues.FORMER_MARKERS
        qualifiers_end, name = self.after_title(after, end, kind)
        phrase_start = first - 1 if former else first
        if name is not None:
            phrase = self.span(phrase_start, qualifiers_end) if qualifiers_end > phrase_start else ""
            return _NameRef(self.tokens[name[0] : name[1]], _Title(head, former, phrase))
        if not self.tokens[first].is_cap:
            return None  # a lowercase bare title is a common noun: "tim pelatih sudah mengingatkan"
        if kind is _TitleKind.GENERIC:
            return _RoleRef(self.span(first, end), head)
        return _TitleRef(head, self.span(phrase_start, end))

    def subject_before(self, sentence_start: int, cue: int) -> _Ref | None:
        """The subject of a verb of saying: "Santoso mengatakan", "Ia juga mengingatkan", "X, role, mengatakan"."""
        index = cue - 1
        while index >= sentence_start and self.tokens[index].fold in cues.ADVERBS:
            index -= 1
        if index < sentence_start:
            return None
        if self.tokens[index].text == ",":
            return self.appositive(sentence_start, index)
        end = index + 1
        while index >= sentence_start:
            token = self.tokens[index]
            if token.text == ")":
                opening = _opening_paren(self.tokens, index, sentence_start)
                if opening == index:
                    break
                index = opening - 1
                continue
            if not token.is_word or token.fold in cues.CLAUSE_OPENERS:
                break
            index -= 1
        return self.classify(index + 1, end)

    def subject_after(self, start: int, end: int) -> _Ref | None:
        """The speaker named after an inverted cue: "kata Santoso", "ujar menteri itu", "menurut pengamat X"."""
        index = start
        qualifying = False
        while index < end:
            token = self.tokens[index]
            if token.text == "(":
                closing = _closing_paren(self.tokens, index, end)
                if closing == index:
                    break
                index = closing + 1
                continue
            if not token.is_word:
                break
            if token.fold in cues.PRONOUNS:
                index += 1
                break
            qualifies_title = (
                qualifying
                and not token.is_cap
                and not _is_stopword(token.fold)
                and not token.fold.startswith(_VERB_PREFIXES)
                and self.words.is_common(token.fold)
            )
            keep = (
                token.is_cap
                or token.fold in cues.DEMONSTRATIVES
                or token.fold in cues.FORMER_MARKERS
                or token.fold in (cues.DETERMINER, cues.INDEFINITE)
                or token.fold in _TITLE_WORDS
                or qualifies_title
            )
            # Lowercase words may follow a title as its qualifiers: "pengamat sepak bola Dimas Anggara".
            qualifying = not token.is_cap and (token.fold in _TITLE_WORDS or qualifies_title)
            if not keep:
                break
            index += 1
        ref = self.classify(start, index)
        if index + 1 < end and self.tokens[index].text == ",":
            return self._with_trailing_appositive(ref, start, index, end)
        return ref

    def _with_trailing_appositive(self, ref: _Ref | None, start: int, comma: int, end: int) -> _Ref | None:
        """ "ucap Ketua Gapensi, Benny Soetrisno." names the person after the comma; "kata Budi Santoso,
        petani di Karawang." gives the role there."""
        segment_end = comma + 1
        while segment_end < end and self.tokens[segment_end].text not in _CLAUSE_MARKS:
            segment_end += 1
        name = self.whole_name(comma + 1, segment_end)
        # A full name behind the comma wins over a bare role or over words a title seemed to end with
        # ("ucap Ketua Asosiasi Eksportir Kopi, Benny Soetrisno").
        titled = isinstance(ref, _NameRef) and ref.title is not None
        untitled_role = ref is None and start < comma and self.tokens[start].is_cap
        if name is not None and (
            isinstance(ref, (_TitleRef, _RoleRef))
            or ((titled or untitled_role) and name[1] - name[0] >= 2 and self.is_person_like(*name))
        ):
            return _NameRef(self.tokens[name[0] : name[1]], role=self.role_text(start, comma))
        if isinstance(ref, _NameRef) and ref.role is None and ref.title is None:
            if self.is_role(comma + 1, segment_end, strict=True):
                return _NameRef(ref.tokens, role=self.role_text(comma + 1, segment_end))
        return ref

    def appositive(self, sentence_start: int, comma: int) -> _Ref | None:
        """The subject of "X, role, mengatakan" or "role, X, mengatakan"."""
        segments: list[tuple[int, int]] = []
        begin = sentence_start
        for index in range(sentence_start, comma + 1):
            if self.tokens[index].text == ",":
                segments.append((begin, index))
                begin = index + 1
        for (head_start, head_end), (role_start, role_end) in zip(segments, segments[1:]):
            name = self.trailing_name(head_start, head_end)
            if name and not self.has_title(head_start, head_end) and self.is_role(role_start, role_end, strict=False):
                return _NameRef(self.tokens[name[0] : name[1]], role=self.role_text(role_start, role_end))
        last_start, last_end = segments[-1]
        name = self.whole_name(last_start, last_end)
        if name is None:
            return None
        role = None
        if len(segments) > 1:
            role_start, role_end = segments[-2]
            # A sentence-initial role is capitalised anyway: "Epidemiolog Universitas Padjadjaran, Hendro, …".
            opening = role_start == sentence_start and not _is_stopword(self.tokens[role_start].fold)
            if opening or self.is_role(role_start, role_end, strict=False):
                role = self.role_text(role_start, role_end)
        return _NameRef(self.tokens[name[0] : name[1]], role=role)

    def has_title(self, start: int, end: int) -> bool:
        return any(_match_title(self.tokens, index) for index in range(start, end))

    def whole_name(self, start: int, end: int) -> tuple[int, int] | None:
        """The name that fills tokens[start:end], honorifics aside ("dr. Lestari Widodo", "Rina (34)")."""
        while start < end and (self.tokens[start].fold in cues.HONORIFICS or self.tokens[start].text == "."):
            start += 1
        name = self.trailing_name(start, end)
        return name if name is not None and name[0] == start else None

    def is_role(self, start: int, end: int, strict: bool) -> bool:
        """Whether tokens[start:end] describes someone: "seorang profesor …", "perusahaan …", "Menteri …".
        Not strict (the appositive is closed by a verb of saying), any lowercase opening will do."""
        if start >= end or not self.tokens[start].is_word:
            return False
        if self.tokens[start].fold == cues.PARTITIVE and start + 1 < end:
            start += 1  # "Salah seorang pengungsi"
        first = self.tokens[start]
        if first.fold in cues.HONORIFICS:
            return False  # "dr. Lestari Widodo" is a name
        if first.fold in cues.PERSON_ROLE_WORDS or first.fold in cues.ORG_ROLE_WORDS:
            return True
        if _match_title(self.tokens, start):
            return True
        return not strict and not first.is_cap and first.fold not in cues.CLAUSE_OPENERS - {"yang"}

    def role_text(self, start: int, end: int) -> str:
        text = self.span(start, end).strip().rstrip(".!?;:").rstrip()
        folded = fold(text)
        for prefix in cues.INDEFINITE_PREFIXES:
            if folded.startswith(prefix + " "):
                return text[len(prefix) + 1 :]
        return text
