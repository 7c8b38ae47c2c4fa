"""Speaker attribution: who speaks in each paragraph of an Indonesian news article.

Rules, not a model: Indonesian news marks speech with a small set of cues (a verb of saying after its subject,
"kata X" after a quote, the clitic "katanya", "menurut X"), and the hard part is naming the subject. The
synonym spinner capitalises the words it replaces in mid-sentence ("Demi", "Kagak", "Mengucapkan"), so a
capitalised word is taken for a name only where a name can stand (subject of a cue, after a title, head of an
appositive) and only when it is not an ordinary word, unless the article introduced it as part of a longer
name ("Siti" after "Siti Rahmawati"). No dictionary decides what is ordinary: the article itself does, since
names keep their capital everywhere while an ordinary word is also written in lowercase somewhere (itself or
another form of its Snowball stem); function-word and spin lists and the Indonesian confixes ("Perdagangan",
"Kementerian") cover what a short article does not write in lowercase.

Quotations are masked first, so that nothing said inside a quote ("Budi menunjukkan …", a nested ‘…’)
is taken for narration. Each article is read in order, keeping a register of the people and organisations
met so far: short names ("Santoso"), pronouns ("Ia", "katanya") and titles ("Presiden AS", "menteri itu")
are resolved against it. A paragraph that is only a quotation continues the previous paragraph's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from qa import speaker_cues as cues
from qa.normalize import lexicon
from qa.tokens import fold, stem, stopwords


@dataclass(frozen=True)
class Speaker:
    name: str  # full name, or the role ("Juru bicara Perum Bulog") when only a role is known
    role: str | None  # role or affiliation as the article words it, without a leading "seorang"


def attribute(paragraphs: Sequence[str]) -> list[Speaker | None]:
    """One entry per body paragraph, in order: who speaks in it, or None for narration."""
    reader = _ArticleReader(_Vocabulary.of(paragraphs))
    chosen = [reader.read(number, text) for number, text in enumerate(paragraphs)]
    return [None if entity is None else Speaker(entity.name, entity.role) for entity in chosen]


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
        # The name mentioned first is the one asked about ("What did Nvidia say about DeepSeek?");
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


# --- words -------------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_QUOTE = "\x00"  # stands for a masked quotation in the narration
_TOKEN_RE = re.compile(r"\x00|\d+(?:[.,]\d+)*|\w+(?:[-.&'’]\w+)*|[^\w\s]")
_VERB_PREFIXES = ("me", "ber", "di", "ter")
_CLAUSE_MARKS = frozenset(",.!?;:")


@cache
def _function_words() -> frozenset[str]:
    return stopwords() | cues.FUNCTION_WORDS | cues.TIME_WORDS | cues.HONORIFICS


def _is_stopword(word: str) -> bool:
    return word in _function_words()


@cache
def _listed_words() -> frozenset[str]:
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
class _Vocabulary:
    """The article's own evidence of which words are ordinary: those it writes in lowercase, and their stems."""

    lowercase: frozenset[str]
    stems: frozenset[str]

    @classmethod
    def of(cls, paragraphs: Iterable[str]) -> _Vocabulary:
        lowercase = frozenset(
            token.fold for paragraph in paragraphs for token in _tokenize(paragraph) if token.text[0].islower()
        )
        return cls(lowercase, frozenset(root for root in map(stem, lowercase) if len(root) >= _MIN_STEM))

    def is_common(self, word: str) -> bool:
        return (
            word in self.lowercase
            or word in _listed_words()
            or _is_affixed(word)
            or (len(word) > _MIN_STEM and stem(word) in self.stems)
        )

    def is_derived(self, word: str) -> bool:
        """An ordinary word with affixes ("Sebelumnya", "Mengucapkan"), which cannot be a first name."""
        return self.is_common(word) and stem(word) != word


class _TitleKind(Enum):
    STATE = "state"  # may stand before a one-word name: "Presiden Jokowi"
    OFFICE = "office"
    GENERIC = "generic"  # shared by many; without a name it makes a role-only speaker


def _title_table() -> dict[str, list[tuple[tuple[str, ...], _TitleKind]]]:
    table: dict[str, list[tuple[tuple[str, ...], _TitleKind]]] = {}
    for titles, kind in (
        (cues.STATE_TITLES, _TitleKind.STATE),
        (cues.OFFICE_TITLES, _TitleKind.OFFICE),
        (cues.GENERIC_ROLES, _TitleKind.GENERIC),
    ):
        for title in titles:
            words = tuple(title.split())
            table.setdefault(words[0], []).append((words, kind))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return table


_TITLES = _title_table()
_TITLE_WORDS = frozenset(word for entries in _TITLES.values() for words, _ in entries for word in words)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    fold: str
    start: int
    end: int

    @property
    def is_quote(self) -> bool:
        return self.text == _QUOTE

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


def _tokenize(text: str) -> list[_Token]:
    return [_Token(m.group(), fold(m.group()), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _is_qualifier(token: _Token, words: _Vocabulary) -> bool:
    """A capitalised word that qualifies a title ("AS", "PasarKita", "Pertanian") rather than naming a person."""
    return (
        token.is_acronym
        or token.is_camel
        or token.fold in cues.PLACE_WORDS
        or token.fold in cues.ORG_WORDS
        or words.is_common(token.fold)
    )


def _is_strong(token: _Token, words: _Vocabulary) -> bool:
    """A capitalised word that can only be a name: not an ordinary word, a place, a month or a title."""
    return (
        token.is_cap
        and token.fold not in cues.PLACE_WORDS
        and token.fold not in _TITLE_WORDS
        and (token.is_acronym or token.is_camel or not words.is_common(token.fold))
    )


def _is_filler(token: _Token, words: _Vocabulary) -> bool:
    """A word to strip from the front of a name: "Bahkan", "Sementara", "Pak", an inflected ordinary word."""
    if token.fold in cues.ORG_WORDS:
        return False
    if token.fold in cues.NAME_PARTICLES:
        return not token.is_cap
    return _is_stopword(token.fold) or token.fold in _TITLE_WORDS or words.is_derived(token.fold)


def _is_plain_root(token: _Token, words: _Vocabulary) -> bool:
    """A capitalised root word that may be a first name ("Sri", "Surya"), not a title's field ("Keuangan")."""
    return (
        token.is_word
        and token.is_cap
        and not token.is_acronym
        and not token.is_camel
        and words.is_common(token.fold)
        and not words.is_derived(token.fold)
        and not _is_stopword(token.fold)
        and token.fold not in cues.PLACE_WORDS
        and token.fold not in cues.ORG_WORDS
        and token.fold not in cues.TITLE_FIELD_WORDS
        and token.fold not in _TITLE_WORDS
    )


# --- quotations and sentences ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Masked:
    narration: str  # the paragraph with every quotation replaced by _QUOTE
    opens_with_quote: bool


def _mask_quotes(paragraph: str) -> _Masked:
    pieces: list[str] = []
    depth = 0  # curly quotes nest
    straight = False
    for char in paragraph:
        if char == cues.STRAIGHT_QUOTE and depth == 0:
            straight = not straight
            if straight:
                pieces.append(f" {_QUOTE} ")
        elif straight:
            continue
        elif char in cues.OPEN_QUOTES or (char in cues.CLOSE_QUOTES and depth == 0):
            # A closing mark with no quote open is a writer's opening mark.
            if depth == 0:
                pieces.append(f" {_QUOTE} ")
            depth += 1
        elif char in cues.CLOSE_QUOTES:
            depth -= 1
        elif depth == 0:
            pieces.append(char)
    first = paragraph.lstrip()[:1]
    opens = bool(first) and (first in cues.OPEN_QUOTES or first in cues.CLOSE_QUOTES or first == cues.STRAIGHT_QUOTE)
    return _Masked("".join(pieces), opens)


def _sentences(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Token ranges of the sentences of the narration; a masked quotation also separates them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index, token in enumerate(tokens):
        ends = token.is_quote or (
            token.text in ".!?" and not (index > 0 and tokens[index - 1].fold in cues.ABBREVIATIONS)
        )
        if ends:
            if index > start:
                spans.append((start, index if token.is_quote else index + 1))
            start = index + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def _closing_paren(tokens: Sequence[_Token], index: int, end: int) -> int:
    """Index of the ")" closing the "(" at `index`, or `index` when it is not closed before `end`."""
    for other in range(index + 1, end):
        if tokens[other].text == ")":
            return other
    return index


def _opening_paren(tokens: Sequence[_Token], index: int, start: int) -> int:
    for other in range(index - 1, start - 1, -1):
        if tokens[other].text == "(":
            return other
    return index


# --- references: what a cue says about its speaker ---------------------------------------------------------


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


# --- the register of people and organisations --------------------------------------------------------------


class _Kind(Enum):
    PERSON = "person"
    ORG = "org"
    UNKNOWN = "unknown"


@dataclass
class _Entity:
    """Someone met in the article; mutable while the article is read, so that later mentions can add a
    longer name, a role or a title."""

    name: str
    words: frozenset[str]  # folded words of the name; empty for someone known only by role
    kind: _Kind
    role: str | None = None
    titles: dict[str, bool] = field(default_factory=dict)  # title head -> held formerly
    seen: int = -1  # position of the latest mention


class _Registry:
    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self.org_words: set[str] = set()  # short forms given in parentheses: "(PSSI)", "(Bapanas)"

    def find(self, words: tuple[str, ...]) -> _Entity | None:
        """The latest-seen entity whose name contains all these words ("Santoso" in "Budi Santoso")."""
        wanted = set(words) - cues.NAME_PARTICLES
        matches = [entity for entity in self.entities if wanted and wanted <= entity.words]
        return max(matches, key=lambda entity: entity.seen) if matches else None

    def by_word(self, word: str) -> _Entity | None:
        matches = [entity for entity in self.entities if word in entity.words]
        return max(matches, key=lambda entity: entity.seen) if matches else None

    def latest(
        self, since: int, until: int, exclude_former: str | None = None, unconfirmed: bool = False
    ) -> _Entity | None:
        """The person mentioned last within [since, until); with `unconfirmed`, names not yet heard speaking too."""
        kinds = (_Kind.PERSON, _Kind.UNKNOWN) if unconfirmed else (_Kind.PERSON,)
        people = [
            entity
            for entity in self.entities
            if entity.kind in kinds
            and since <= entity.seen < until
            and not (exclude_former and entity.titles.get(exclude_former))
        ]
        return max(people, key=lambda entity: entity.seen) if people else None

    def holder(self, head: str) -> _Entity | None:
        """The latest-seen current holder of a title."""
        holders = [entity for entity in self.entities if entity.titles.get(head) is False]
        return max(holders, key=lambda entity: entity.seen) if holders else None

    def add(self, entity: _Entity) -> _Entity:
        self.entities.append(entity)
        return entity

    def role_only(self, phrase: str) -> _Entity:
        name = phrase[:1].upper() + phrase[1:]
        for entity in self.entities:
            if not entity.words and entity.name == name:
                return entity
        return self.add(_Entity(name, frozenset(), _Kind.PERSON))


def _kind_of(tokens: Sequence[_Token], title: _Title | None, role: str | None) -> _Kind:
    if any(token.fold in cues.ORG_WORDS for token in tokens):
        return _Kind.ORG
    if role:
        first = fold(role.split()[0])
        if first in cues.ORG_ROLE_WORDS:
            return _Kind.ORG
        if first in cues.PERSON_ROLE_WORDS or first in _TITLE_WORDS or first == cues.INDEFINITE:
            return _Kind.PERSON
    if title is not None:
        return _Kind.PERSON
    if any(token.is_acronym or token.is_camel for token in tokens):
        return _Kind.ORG
    return _Kind.PERSON if len(tokens) > 1 else _Kind.UNKNOWN


def _titles_in(role: str) -> dict[str, bool]:
    """Title heads named in a role: "mantan Presiden", "Menteri Pertanian", "pelatih tim nasional"."""
    tokens = _tokenize(role)
    found: dict[str, bool] = {}
    for index in range(len(tokens)):
        title = _match_title(tokens, index)
        if title and title[1] not in found:
            found[title[1]] = index > 0 and tokens[index - 1].fold in cues.FORMER_MARKERS
    return found


# --- reading an article ------------------------------------------------------------------------------------

_SPAN = 1_000_000  # positions: paragraph number * _SPAN + token index


class _ArticleReader:
    def __init__(self, words: _Vocabulary) -> None:
        self.words = words
        self.known = _Registry()
        self.previous: _Entity | None = None
        self.paragraph_start = 0

    def read(self, number: int, paragraph: str) -> _Entity | None:
        masked = _mask_quotes(paragraph)
        text = _Text(masked.narration, self.known, self.words)
        self.paragraph_start = number * _SPAN
        speakers: list[_Entity] = []
        for start, end in _sentences(text.tokens):
            self._read_sentence(text, start, end, speakers)
        if speakers:
            people = [entity for entity in speakers if entity.kind is _Kind.PERSON]
            chosen = people[0] if people else speakers[0]
        elif masked.opens_with_quote:
            chosen = self.previous
        else:
            chosen = None
        self.previous = chosen
        return chosen

    def _read_sentence(self, text: _Text, start: int, end: int, speakers: list[_Entity]) -> None:
        tokens = text.tokens
        skip_until = start
        for index in range(start, end):
            position = self.paragraph_start + index
            token = tokens[index]
            if index >= skip_until and (title := _match_title(tokens, index)):
                skip_until = self._register_titled(text, start, index, end, title, position)
            if token.text == "(" and index + 2 < end and tokens[index + 2].text == ")" and tokens[index + 1].is_cap:
                self.known.org_words.add(tokens[index + 1].fold)  # "Badan Pangan Nasional (Bapanas)"
            starts_run = token.is_word and token.is_cap and not (index > start and tokens[index - 1].is_cap)
            if index >= skip_until and starts_run:
                self._register_bare_name(text, index, end, position)
            if token.is_word and token.is_cap and (entity := self.known.by_word(token.fold)):
                entity.seen = position
            if token.text == ",":
                self._register_appositive(text, start, index, end, position)
            ref = self._cue(text, start, end, index)
            if ref is not None and (entity := self._resolve(ref, position, speakers)):
                entity.seen = max(entity.seen, position)
                speakers.append(entity)

    def _cue(self, text: _Text, start: int, end: int, index: int) -> _Ref | None:
        tokens = text.tokens
        fold = tokens[index].fold
        after_break = index > 0 and (tokens[index - 1].text == "," or tokens[index - 1].is_quote)
        if fold in cues.SPEECH_VERBS:
            return text.subject_before(start, index)
        if fold in cues.INVERTED_CUES and (after_break or index == start):
            return text.subject_after(index + 1, end)
        if fold in cues.CLITIC_CUES and after_break:
            return _PronounRef()
        if fold == cues.ACCORDING_TO:
            return text.subject_after(index + 1, end)
        if fold == cues.ACCORDING_TO_CLITIC:
            return _PronounRef()
        if fold in cues.PASSIVE_CUES:
            agent = index + 2 if index + 1 < end and tokens[index + 1].fold == cues.AGENT_MARKER else index + 1
            return text.subject_after(agent, end)
        return None

    def _register_titled(
        self, text: _Text, sentence_start: int, index: int, end: int, title: tuple[int, str, _TitleKind], position: int
    ) -> int:
        """Note "mantan Presiden Bambang Kusuma" or "CEO PasarKita Nadia Prameswari" wherever it stands; return where it ends."""
        length, head, kind = title
        ref = text.titled(sentence_start, end, index, index + length, head, kind)
        if not isinstance(ref, _NameRef):
            return index + length
        self._named(ref).seen = position
        return text.tokens.index(ref.tokens[-1]) + 1

    def _register_bare_name(self, text: _Text, index: int, end: int, position: int) -> None:
        """Note a two- or three-word name mentioned in passing ("Budi Santoso menanam padi"), so that a later
        "kata Budi" finds it. Unconfirmed: it only becomes a person once it speaks."""
        run_end = _name_run(text.tokens, index, end)
        while index < run_end and _is_filler(text.tokens[index], text.words):
            index += 1
        names = text.tokens[index:run_end]
        if not 2 <= len(names) <= 3 or not text.is_person_like(index, run_end):
            return
        if self.known.find(tuple(token.fold for token in names)) is None:
            self.known.add(_Entity(" ".join(t.text for t in names), frozenset(t.fold for t in names), _Kind.UNKNOWN))

    def _register_appositive(self, text: _Text, start: int, comma: int, end: int, position: int) -> None:
        """Note "Siti Rahmawati, mantan pedagang …," or "TaniMaju, perusahaan …," with its role."""
        head_start = comma
        while head_start > start and text.tokens[head_start - 1].text != ",":
            head_start -= 1
        name = text.trailing_name(head_start, comma)
        role_end = comma + 1
        while role_end < end and text.tokens[role_end].text not in _CLAUSE_MARKS:
            role_end += 1
        if name is None or not text.is_role(comma + 1, role_end, strict=True):
            return
        entity = self._named(_NameRef(text.tokens[name[0] : name[1]], role=text.role_text(comma + 1, role_end)))
        entity.seen = max(entity.seen, self.paragraph_start + name[1] - 1)

    def _named(self, ref: _NameRef) -> _Entity:
        words = tuple(token.fold for token in ref.tokens)
        entity = self.known.find(words)
        if entity is None:
            longer = set(words) - cues.NAME_PARTICLES
            shorter = [e for e in self.known.entities if e.words and e.words < longer]
            if shorter:
                entity = max(shorter, key=lambda e: e.seen)
                entity.name = " ".join(token.text for token in ref.tokens)
                entity.words = frozenset(longer)
        if entity is None:
            entity = self.known.add(
                _Entity(
                    " ".join(token.text for token in ref.tokens),
                    frozenset(words) - cues.NAME_PARTICLES,
                    _kind_of(ref.tokens, ref.title, ref.role),
                )
            )
        if ref.role and entity.role is None:
            entity.role = ref.role
            entity.titles = {**_titles_in(ref.role), **entity.titles}
        if ref.title is not None:
            entity.titles.setdefault(ref.title.head, ref.title.former)
            if entity.role is None and ref.title.phrase:
                entity.role = ref.title.phrase
        if entity.kind is _Kind.UNKNOWN:
            # A name of two words or more that speaks is a person, unless something marked it as an organisation.
            entity.kind = _kind_of(ref.tokens, ref.title, ref.role)
            if entity.kind is _Kind.UNKNOWN and len(entity.words) > 1:
                entity.kind = _Kind.PERSON
        return entity

    def _resolve(self, ref: _Ref, position: int, speakers: list[_Entity]) -> _Entity | None:
        if isinstance(ref, _NameRef):
            return self._named(ref)
        if isinstance(ref, _PronounRef):
            if speakers:
                return speakers[-1]
            return (
                self.known.latest(self.paragraph_start, position, unconfirmed=True)
                or self.previous
                or self.known.latest(0, position)
            )
        if isinstance(ref, _RoleRef):
            entity = self.known.role_only(ref.phrase)
            if ref.head:
                entity.titles.setdefault(ref.head, False)
            return entity
        if isinstance(ref, _AnaphorRef):
            return (self.known.holder(ref.head) if ref.head else None) or self.known.latest(0, position)
        holder = self.known.holder(ref.head)
        if holder is not None:
            return holder
        # A title nobody holds yet: the person just talked about, if any ("Joko Pranoto mengumumkan …
        # Presiden AS mengucapkan …"), else someone known only by that title.
        recent = self.known.latest(self.paragraph_start - _SPAN, position, exclude_former=ref.head)
        if recent is None:
            return self.known.role_only(ref.phrase)
        recent.titles[ref.head] = False
        if recent.role is None:
            recent.role = ref.phrase
        return recent


def _find_sequence(words: list[str], parts: list[str]) -> int | None:
    for index in range(len(words) - len(parts) + 1):
        if words[index : index + len(parts)] == parts:
            return index
    return None


def _is_distinctive(word: str, original: str, index: int, cased: bool) -> bool:
    """Whether one word of a name, found in a question, is enough to mean that person. In a question written
    with capitals, a lowercase word is no name ("Apakah liang itu dalam?"); a listed common word counts only
    when the asker capitalised it mid-question ("Apa kata Siti")."""
    if len(word) < 3 or word in cues.ENGLISH_COMMON or (cased and not original[:1].isupper()):
        return False
    if word in _listed_words():
        return cased and index > 0
    return True
