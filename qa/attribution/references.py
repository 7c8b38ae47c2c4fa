"""References: what a cue says about its speaker (a name, a pronoun, a bare title, "menteri itu", a role),
read out of the narration of one paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qa.tokens import fold

from . import cues
from .quotes import _closing_paren, _in_parens, _opening_paren
from .words import (
    _CLAUSE_MARKS,
    _TITLE_WORDS,
    _TITLES,
    _VERB_PREFIXES,
    _is_degree,
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
    short: str | None = None  # the short form given in parentheses: "Menhub" in "Menteri Perhubungan (Menhub)"


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
class _AnaphorRef:  # "menteri itu", "sang pelatih", "pria itu", "kepala dinas itu"
    head: str | None
    field: tuple[str, ...] = ()  # words after the title that narrow it down: ("dinas",)


@dataclass(frozen=True)
class _HolderRef:  # "jaksa" in lowercase: the holder of that title, if the article named one
    head: str


@dataclass(frozen=True)
class _RoleRef:  # "seorang juru bicara Perum Bulog"
    phrase: str
    head: str | None


@dataclass(frozen=True)
class _OrgRef:  # "perusahaan itu", "lembaga tersebut": the organisation talked about last
    pass


_Ref = _NameRef | _PronounRef | _TitleRef | _AnaphorRef | _HolderRef | _RoleRef | _OrgRef


def _match_title(tokens: Sequence[_Token], index: int) -> tuple[int, str, _TitleKind] | None:
    """(length, head, kind) of the title starting at `index`, the longest one listed; "Wakil" before any title
    makes its deputy ("Wakil Kepala BKPM")."""
    for entry in _TITLES.get(tokens[index].fold, ()):
        end = index + len(entry.words)
        if end <= len(tokens) and tuple(token.fold for token in tokens[index:end]) == entry.words:
            return len(entry.words), entry.head, entry.kind
    if tokens[index].fold == cues.DEPUTY and index + 1 < len(tokens):
        title = _match_title(tokens, index + 1)
        if title is not None:
            return title[0] + 1, f"{cues.DEPUTY} {title[1]}", title[2]
    return None


def _name_run(tokens: Sequence[_Token], start: int, end: int) -> int:
    """End of the run of capitalised words (with particles such as "van" inside) that starts at `start`."""
    index = start
    while index < end:
        token = tokens[index]
        if token.is_word and token.is_cap and not _is_cue(token):
            index += 1
        elif token.fold in cues.NAME_PARTICLES and index > start:
            # "Marco van Houten", "Marcel van der Heijden": particles, then a capitalised word
            after = index + 1
            while after < end and tokens[after].fold in cues.NAME_PARTICLES:
                after += 1
            if not (after < end and tokens[after].is_cap and tokens[after].is_word):
                break
            index = after
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
        first = self._past_honorifics(first, end, end)[0]
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
            elif token.text == "/" and nxt is not None and nxt.is_cap:
                # "Wakil Menteri Investasi/Wakil Kepala BKPM Faisal": two offices held together.
                title = _match_title(self.tokens, index + 1)
                index += 1 + (title[0] if title else 0)
            elif token.fold in cues.HONORIFICS and nxt is not None:
                index += 2 if nxt.text == "." else 1  # "Kepala Dinas Kesehatan Dr. dr. Ratna Dewi"
            elif token.fold in cues.TITLE_CONNECTORS and nxt is not None and _is_qualifier(nxt, self.words):
                index += 2  # "Menteri Komunikasi dan Digital", "Kepala Bidang Pembinaan dan Prestasi"
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
        if _in_parens(self.tokens, name_end, end) is not None:
            # "Otoritas Jasa Keuangan (OJK) Ratna Dewi": a run with its short form is an organisation.
            after = _name_run(self.tokens, name_end + 3, end)
            if after > name_end + 3:
                index, name_end = name_end + 3, after
        index, name_end = self._past_honorifics(index, name_end, end)
        if name_end == index or not self.is_name(index, name_end):
            # Nothing but ordinary words: two of them after the qualifiers are a name ("Presiden Bambang
            # Kusuma"), one alone is part of the title ("Menteri Agama").
            first = index
            while first > max(start, joined) and _is_plain_root(self.tokens[first - 1], self.words):
                first -= 1
            return (first, (first, index)) if index - first >= 2 else (index, None)
        if name_end < end and self.tokens[name_end].fold in cues.DEMONSTRATIVES:
            return name_end, None  # "pelantun Rindu Tak Bertuan itu": the singer of that song, someone met before
        person = self._person_after_comma(name_end, end)
        if person is not None:
            return name_end, person  # "Pelatih Rajawali FC, Marcel van Dijk,": the run is the club, then the name
        while name_end - index >= 3 and self.tokens[index].fold.endswith(cues.ENGLISH_WORD_ENDINGS):
            index += 1
        # "Presiden Direktur PT Huayang Energi Indonesia Zhang Weiming": a company's name runs into the person's,
        # which starts after its last acronym, organisation or place word.
        for last in range(name_end - 3, index - 1, -1):
            token = self.tokens[last]
            place = token.fold in cues.PLACE_WORDS or token.fold in self.words.places
            if token.is_acronym or token.fold in cues.ORG_WORDS or place:
                index = last + 1
                break
        if index > start and index != joined and _is_plain_root(self.tokens[index - 1], self.words):
            index -= 1  # "Menteri Keuangan Sri Mulyani": a first name that is also a word
        single = name_end - index == 1
        if single and kind is not _TitleKind.STATE and self.known.find((self.tokens[index].fold,)) is None:
            return name_end, None  # "CEO PasarKita": the one word is the company
        return index, (index, name_end)

    def _past_honorifics(self, start: int, run_end: int, end: int) -> tuple[int, int]:
        """The name in a capitalised run tokens[start:run_end] that holds ranks or honorifics: it follows the
        last of them, over their full stops ("Kasat Reskrim Polres Karawang Kompol Arief Siregar",
        "Polda Metro Jaya Kombes Pol. Yohanes Situmorang")."""
        last = None
        for index in range(start, end):  # up to the end of the phrase: "Majelis Ulama (MUI) Jawa Timur KH. Ahmad"
            token = self.tokens[index]
            if token.text in ",;:" or _is_cue(token):
                break
            if token.fold in cues.HONORIFICS:
                last = index
        if last is None:
            return start, run_end
        after = last + 1
        while after < end and (self.tokens[after].text == "." or self.tokens[after].fold in cues.HONORIFICS):
            after += 1
        after_end = _name_run(self.tokens, after, end)
        return (after, after_end) if after_end > after else (start, run_end)

    def _person_after_comma(self, comma: int, end: int) -> tuple[int, int] | None:
        """The personal name of two words or more in ", Nama Lengkap," at `comma`, if that is what follows."""
        if comma + 2 >= end or self.tokens[comma].text != ",":
            return None
        start = comma + 1
        while start < end and (self.tokens[start].fold in cues.HONORIFICS or self.tokens[start].text == "."):
            start += 1  # ", Dr. Ir. Heru Prasetyo,"
        name_end = _name_run(self.tokens, start, end)
        if name_end - start >= 2 and self.is_person_like(start, name_end):
            return start, name_end
        return None

    def is_person_like(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] look like a personal name: at least one strong word, the others strong or
        names that are also ordinary words ("Budi Santoso", "Nabila Putri Anjani"), and nothing of a place, an
        organisation or a title."""
        names = [token for token in self.tokens[start:end] if token.fold not in cues.NAME_PARTICLES]
        if not names or not all(token.is_word and token.is_cap for token in names):
            return False

        def plain_name(token: _Token) -> bool:
            return _is_strong(token, self.words) and not (token.is_acronym or token.is_camel)

        def later_word(token: _Token) -> bool:  # "Hakim" in "Ahmad Fauzan Hakim" is no title
            return token.fold in _TITLE_WORDS and not (token.is_acronym or token.is_camel)

        return (
            any(plain_name(token) for token in names)
            and (plain_name(names[0]) or _is_plain_root(names[0], self.words))
            and all(plain_name(t) or _is_plain_root(t, self.words) or later_word(t) for t in names[1:])
            and not any(token.fold in cues.ORG_WORDS for token in names)
        )

    def classify(self, start: int, end: int) -> _Ref | None:
        """What the subject phrase tokens[start:end] of a cue refers to."""
        folds = [token.fold for token in self.tokens[start:end]]
        if not folds or folds[0] in cues.DOCUMENT_WORDS:
            return None
        for index in range(start + 1, end):
            # "Forum Warga Peduli Air (Forwapa) dalam pernyataannya menilai": the organisation its short form
            # stands for, when no name follows it ("… (BKPM) Budi Santoso" is Budi).
            short = _in_parens(self.tokens, index, end)
            if short is not None and self.known.organisation(short.fold) is not None:
                if not any(token.is_cap for token in self.tokens[index + 3 : end]):
                    return _NameRef((short,))
        if folds[0] == cues.PARTITIVE and len(folds) > 2 and folds[1] in cues.PARTITIVE_UNITS:
            title = _match_title(self.tokens, start + 2)
            return _RoleRef(self.span(start + 2, end), title[1] if title else None)  # "salah satu suporter"
        if cues.INDEFINITE in folds:
            first = start + folds.index(cues.INDEFINITE) + 1
            # "Seorang penumpang yang enggan disebut namanya": the role ends where the clause about them begins.
            stop = next((i for i in range(first, end) if self.tokens[i].fold == cues.RELATIVE), end)
            if first < stop:
                title = _match_title(self.tokens, first)
                return _RoleRef(self.span(first, stop), title[1] if title else None)
        if folds[-1] in cues.PRONOUNS and all(_is_stopword(fold) for fold in folds[:-1]):
            return _PronounRef()
        if all(fold in cues.PERSON_NOUNS for fold in folds):
            return _AnaphorRef(None)  # "Pria yang akrab disapa Mas Bay itu bercerita"
        if folds[-1] in cues.DEMONSTRATIVES and folds[0] in cues.ORG_ROLE_WORDS:
            return _OrgRef()
        if folds[-1] in cues.DEMONSTRATIVES or folds[0] == cues.DETERMINER:
            for index in range(start, end):
                title = _match_title(self.tokens, index)
                if title:
                    field = folds[index - start + title[0] :]
                    return _AnaphorRef(title[1], tuple(f for f in field if f not in cues.DEMONSTRATIVES))
                if self.tokens[index].fold in cues.PERSON_NOUNS:
                    # "Orang nomor satu di Kuansing itu": the place or body it names narrows down who is meant.
                    return _AnaphorRef(None, tuple(t.fold for t in self.tokens[index:end] if t.is_cap))
            return None
        first_title: int | None = None
        last_title: tuple[int, int, str, _TitleKind] | None = None
        index = start
        while index < end:
            title = _match_title(self.tokens, index)
            if title:
                last_title = (index, index + title[0], title[1], title[2])
                first_title = index if first_title is None else first_title
            index += title[0] if title else 1
        if last_title is not None:
            # "Wakil Menteri Investasi/Wakil Kepala BKPM Faisal": the name follows the last title, the role
            # runs from the first.
            return self.titled(start, end, *last_title, phrase_from=first_title)
        name = self.trailing_name(start, end)
        return _NameRef(self.tokens[name[0] : name[1]]) if name else None

    def titled(
        self, start: int, end: int, first: int, after: int, head: str, kind: _TitleKind, phrase_from: int | None = None
    ) -> _Ref | None:
        former = first > start and self.tokens[first - 1].fold in cues.FORMER_MARKERS
        qualifiers_end, name = self.after_title(after, end, kind)
        phrase_start = min(first - 1 if former else first, first if phrase_from is None else phrase_from)
        if name is not None:
            while qualifiers_end > phrase_start and (
                self.tokens[qualifiers_end - 1].fold in cues.HONORIFICS or self.tokens[qualifiers_end - 1].text == "."
            ):
                qualifiers_end -= 1  # "Kepala Dinas Kesehatan Dr. dr. Ratna": the honorifics are not the office
            phrase = self.span(phrase_start, qualifiers_end) if qualifiers_end > phrase_start else ""
            title = _Title(head, former, phrase, self.short_form(after, name[0]))
            return _NameRef(self.tokens[name[0] : name[1]], title)
        if not self.tokens[first].is_cap:
            # "jaksa menyebut …" points at the prosecutor named before; after another noun ("tim pelatih sudah
            # mengingatkan") or with nobody holding it, a lowercase title is a common noun.
            if first > start:
                return None
            # "sumber di kementerian mengungkapkan": a role many share is an unnamed speaker.
            return _RoleRef(self.span(first, end), head) if kind is _TitleKind.GENERIC else _HolderRef(head)
        if kind is _TitleKind.GENERIC:
            return _RoleRef(self.span(first, end), head)
        return _TitleRef(head, self.span(phrase_start, end))

    def short_form(self, start: int, end: int) -> str | None:
        """A title's own short form in parentheses before the name: "Menteri Perhubungan (Menhub) Budi". An
        all-capitals one is the organisation's: "Kepala Badan Koordinasi Penanaman Modal (BKPM) Budi"."""
        for index in range(start, end):
            word = _in_parens(self.tokens, index, end)
            if word is not None and word.is_cap and not word.is_acronym:
                return word.fold
        return None

    def subject_before(self, sentence_start: int, cue: int) -> _Ref | None:
        """The subject of a verb of saying: "Santoso mengatakan", "Ia juga mengingatkan", "X, role, mengatakan",
        or the subject before an adjunct: "PT X dalam keterangan tertulis menyatakan", "Budi saat ditemui
        mengatakan", "sumber yang enggan disebutkan namanya mengungkapkan"."""
        ref = self._subject_right_before(sentence_start, cue)
        opener = cue - 1
        while ref is None and opener > sentence_start and not _is_cue(self.tokens[opener]):
            if self.tokens[opener].fold in cues.ADJUNCT_OPENERS:
                ref = self._subject_right_before(sentence_start, opener)
                # "Pedagang yang enggan disebutkan namanya itu mengaku": that trader, met before.
                pointing = self.tokens[cue - 1].fold in cues.DEMONSTRATIVES
                if pointing and self.tokens[opener].fold == cues.RELATIVE and isinstance(ref, (_RoleRef, _TitleRef)):
                    ref = _AnaphorRef(ref.head)
            opener -= 1
        return ref

    def _subject_right_before(self, sentence_start: int, cue: int) -> _Ref | None:
        index = cue - 1
        while index >= sentence_start and self.tokens[index].fold in cues.ADVERBS:
            index -= 1
        # "Dr. H. Zainal Arifin, M.Ag. mengatakan": degrees after the name stand between it and its verb.
        while index > sentence_start and (self.tokens[index].text == "." or _is_degree(self.tokens[index])):
            index -= 1
            if self.tokens[index].text == "," and _is_degree(self.tokens[index + 1]):
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
            after_honorific = index > sentence_start and self.tokens[index - 1].fold in cues.HONORIFICS
            if not token.is_word and not (token.text == "." and after_honorific):
                break
            # "Menteri Energi dan Sumber Daya Mineral Taufik": "dan" inside a title does not open a clause.
            joins = token.fold in cues.TITLE_CONNECTORS
            inside_title = joins and index > sentence_start and self.tokens[index - 1].is_cap
            if token.fold in cues.CLAUSE_OPENERS and not (inside_title and self.tokens[index + 1].is_cap):
                if token.fold == cues.RELATIVE and self.tokens[end - 1].fold not in cues.DEMONSTRATIVES:
                    # "Seorang petugas yang berjaga di gerbang TPS menuturkan": the clause describes the
                    # subject before "yang" (`subject_before` reads it), and names no speaker of its own.
                    return None
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
            if token.text == "." and index > start and self.tokens[index - 1].fold in cues.HONORIFICS:
                index += 1
                continue
            if not token.is_word:
                break
            if token.fold in cues.PRONOUNS:
                index += 1
                break
            describes = token.fold in cues.PERSON_NOUNS or (not token.is_cap and token.fold in _TITLE_WORDS)
            if index == start and (describes or token.fold == cues.PARTITIVE):
                # "seru pria kelahiran Klaten itu", "ucap pemain asal Sidoarjo itu", "kata salah satu
                # suporter": a description, up to its demonstrative or its end.
                description_end = self._description_end(index, end)
                if token.fold == cues.PARTITIVE or self.tokens[description_end - 1].fold in cues.DEMONSTRATIVES:
                    return self.classify(start, description_end)
            qualifies_title = (
                qualifying
                and not token.is_cap
                and not _is_stopword(token.fold)
                and not token.fold.startswith(_VERB_PREFIXES)
                and self.words.is_common(token.fold)
            )
            keep = (
                token.is_cap
                or token.fold in cues.HONORIFICS  # "disampaikan Direktur RSUD Deli Husada dr. Ratna Lubis"
                or (token.fold in cues.NAME_PARTICLES and index + 1 < end and self.tokens[index + 1].is_cap)
                or token.fold in cues.DEMONSTRATIVES
                or token.fold in cues.FORMER_MARKERS
                or token.fold in (cues.DETERMINER, cues.INDEFINITE)
                or token.fold in _TITLE_WORDS
                or qualifies_title
                # "kata seorang pedagang cabai di Pasar Kramat Jati": where the role is held belongs to it.
                or (qualifying and token.fold == cues.LOCATIVE and index + 1 < end and self.tokens[index + 1].is_cap)
            )
            # Lowercase words may follow a title as its qualifiers: "pengamat sepak bola Dimas Anggara".
            qualifying = not token.is_cap and (token.fold in _TITLE_WORDS or qualifies_title)
            if not keep:
                break
            index += 1
        ref = self.classify(start, index)
        # The clause may name the person after a comma, past the role's last words: "disampaikan Direktur
        # Pelaksana Harbourview Advisory untuk Asia Tenggara, Jonathan Whitfield."
        comma = index
        while comma < end and self.tokens[comma].text not in _CLAUSE_MARKS:
            comma += 1
        if comma + 1 < end and self.tokens[comma].text == ",":
            return self._with_trailing_appositive(ref, start, comma, end)
        return ref

    def _description_end(self, start: int, end: int) -> int:
        """End of a describing phrase that opens at `start`: through its demonstrative ("pria asal Medan
        itu"), else up to the first punctuation or function word ("salah satu suporter seusai laga")."""
        limit = min(end, start + cues.DESCRIPTION_MAX_WORDS)
        for index in range(start, limit):
            if self.tokens[index].fold in cues.DEMONSTRATIVES:
                return index + 1
        index = start + 1
        while index < limit and self.tokens[index].is_word and not (
            index > start + 2 and _is_stopword(self.tokens[index].fold)
        ):
            index += 1
        return index

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
        # "Ratna Dewi, M.Kes., mengatakan": a degree after the name is neither a name nor a role, nor is an age
        # ("Marlina, 45 tahun, pembudidaya ikan, mengatakan").
        while len(segments) > 1 and all(_is_degree(t) or t.text == "." for t in self.tokens[slice(*segments[-1])]):
            segments.pop()
        segments = [s for s in segments if not self.tokens[s[0]].text[0].isdigit()] or segments
        # "Seorang warga, yang meminta namanya tidak disebutkan, mengatakan", "Seorang juru bicara PT X, operator
        # kapal rute Kalimantan, mengakui": a clause or description after the subject is neither name nor role.
        while len(segments) > 1 and self._describes(segments[-2][0], *segments[-1]):
            segments.pop()
        if len(segments) == 1:
            return self.classify(*segments[0])
        for (head_start, head_end), (role_start, role_end) in zip(segments, segments[1:]):
            name = self.trailing_name(head_start, head_end)
            if name and not self.has_title(head_start, head_end) and self.is_role(role_start, role_end, strict=False):
                role_end = self.with_places(role_end, comma)
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

    def with_places(self, role_end: int, end: int) -> int:
        """The end of a role that stops at the comma `role_end`, moved past the places that follow it
        ("profesor di Universitas Gadjah Mada, Yogyakarta,"; "petani di Karawang, Jawa Barat,"): each a short
        run of capitalised words, closed by another comma, that no one has been called by."""
        while role_end < end and self.tokens[role_end].text == ",":
            place_end = role_end + 1
            while place_end < end and self.tokens[place_end].is_word and self.tokens[place_end].is_cap:
                place_end += 1
            words = tuple(t.fold for t in self.tokens[role_end + 1 : place_end])
            closed = place_end < len(self.tokens) and self.tokens[place_end].text == ","
            if not (closed and 0 < len(words) <= cues.PLACE_MAX_WORDS and self.known.find(words) is None):
                break
            role_end = place_end
        return role_end

    def _describes(self, subject: int, start: int, end: int) -> bool:
        """Whether tokens[start:end] is a clause about the subject opening at `subject`, rather than its name or
        role: a relative clause, or a description of someone who is known only by role ("Seorang juru bicara")."""
        unnamed = self.tokens[subject].fold in (cues.INDEFINITE, cues.PARTITIVE) or not self.tokens[subject].is_cap
        described = unnamed and not self.tokens[start].is_cap and self.is_role(start, end, strict=False)
        return self.tokens[start].fold == cues.RELATIVE or described

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
        if start >= end or not self.tokens[start].is_word or self.tokens[start].text[0].isdigit():
            return False  # "Marlina, 45 tahun, pembudidaya ikan": an age is no role
        if self.tokens[start].fold == cues.PARTITIVE and start + 1 < end:
            start += 1  # "Salah seorang pengungsi"
        first = self.tokens[start]
        if first.fold in cues.HONORIFICS:
            return False  # "dr. Lestari Widodo" is a name
        if first.fold in cues.PERSON_ROLE_WORDS or first.fold in cues.ORG_ROLE_WORDS:
            return True
        if _match_title(self.tokens, start):
            return True
        return not strict and not first.is_cap and first.fold not in cues.CLAUSE_OPENERS

    def role_text(self, start: int, end: int) -> str:
        text = self.span(start, end).strip().rstrip(".!?;:").rstrip()
        folded = fold(text)
        for prefix in cues.INDEFINITE_PREFIXES:
            if folded.startswith(prefix + " "):
                return text[len(prefix) + 1 :]
        return text
