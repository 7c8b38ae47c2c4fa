"""Reading an article: paragraphs in order, each one's cues resolved against the register of those met so far.
A paragraph that is only a quotation continues the previous paragraph's speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from qa.tokens import fold

from . import cues
from .names import after_break, is_cue, is_inverted_cue, is_person_like, name_run, person_after_comma, trailing_name
from .phrases import titled
from .quotes import in_parens, mask_quotes, narration_sentences, quotation_spans, short_form_in_parens
from .refs import AnaphorRef, HolderRef, NameRef, OrgRef, PronounRef, Ref, RoleRef
from .registry import Entity, Kind, Registry, kind_of
from .roles import is_role, role_text, with_places
from .sentences import sentence_spans
from .subjects import subject_after, subject_before
from .text import Text
from .titles import match_title, titles_in
from .words import (
    CLAUSE_MARKS,
    VERB_PREFIXES,
    TitleKind,
    Token,
    Vocabulary,
    clause_end,
    is_filler,
    is_function_word,
    joined,
    tokenize,
)


@dataclass(frozen=True)
class Speaker:
    name: str  # full name, or the role ("Juru bicara Perum Bulog") when only a role is known
    role: str | None  # role or affiliation as the article words it, without a leading "seorang"


SentenceKind = Literal["direct", "reported", "narration"]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph (`sentences.sentence_spans`) and whose words it is."""

    text: str
    start: int  # character span in the paragraph
    end: int
    speaker: str | None  # None for the writer's narration
    role: str | None
    kind: SentenceKind  # "direct": someone's words in quote marks; "reported": a cue of saying reports them;
    # "narration": the writer's own, or a text the writer quotes with no speaker
    cue: str | None  # the cue words that decided ("kata", "menurut", "disampaikan oleh"), if any
    rule: str  # the rule that decided, as `python -m qa speakers --explain` shows it


@dataclass(frozen=True)
class Reading:
    """A paragraph read: its speaker, which follows from its sentences, and the sentences."""

    speaker: Speaker | None
    sentences: tuple[Sentence, ...]


def read(paragraphs: Sequence[str]) -> list[Reading]:
    """One reading per body paragraph, in order."""
    tokens = [tokenize(text) for text in paragraphs]
    reader = _ArticleReader(Vocabulary.of(tokens))
    read_ = [(text, *reader.read(number, text)) for number, text in enumerate(paragraphs)]
    read_ = [*map(_spoken_after, read_, [*read_[1:], None])]
    # Each word of the article beside the next (or "" at a paragraph's edge): what names stand apart.
    pairs: set[tuple[str, str]] = set()
    for paragraph in tokens:
        words = [token.fold for token in paragraph if token.is_word]
        pairs.update(zip(["", *words], [*words, ""]))
    # A word of an organisation's name, heard speaking with it ("PSIS Semarang menyesalkan"), calls nobody.
    bodies = {word for entity in reader.known.entities if entity.kind is Kind.ORG for word in entity.words}
    # Words side by side in people's names ("Ode Nurul" of "Wa Ode Nurul Aisyah") show given names, not an office.
    named = {pair for e in reader.known.entities if e.kind is Kind.PERSON for pair in _word_pairs(e.name)}
    for entity in reader.known.entities:
        # "Perumda Tirta Pakuan Rino Indira": a body's name may have run into its head's, with no comma between
        glued = entity.kind is Kind.ORG and len(entity.words) >= _GLUED_MIN_WORDS
        if entity.words and (entity.kind is Kind.PERSON or glued):
            _trim_leading_words(entity, pairs - (named - _word_pairs(entity.name)), bodies)
    for entity in reader.known.entities:
        if entity.kind is Kind.ORG:
            entity.name = _spelled_in(entity.name, paragraphs)
    for entity, role in reader.roles_before:
        entity.role = entity.role or role
    for entity in reader.known.entities:
        if not entity.words and entity.kind is Kind.PERSON:
            _name_role(entity, reader.known.entities)
            _name_described(entity, reader.known.entities, paragraphs)
    # Built once the whole article is read: a name or role learnt later completes an earlier mention.
    return [
        Reading(_speaker(chosen), tuple(said.record(text) for said in sentences))
        for text, chosen, sentences in read_
    ]


_BODY_WORDS = cues.ORG_WORDS | cues.COMPANY_PREFIXES


def _name_role(known_by_role: Entity, entities: Sequence[Entity]) -> None:
    """Someone known by role alone ("kuasa hukum terdakwa membantah …") is the one person the article names
    later with that role ("kata kuasa hukum bernama Budi Santoso"; "Budi, kepala kantor tersebut, …"), if
    there is one."""
    role = set(fold(known_by_role.name).split())
    named = [
        e
        for e in entities
        if e.words and e.kind is Kind.PERSON and not e.words & _BODY_WORDS
        # "kuasa hukum", not "penggemar" alone
        and len(words := e.role_words - cues.DEMONSTRATIVES) > 1 and words <= role
    ]
    if len(named) == 1:
        known_by_role.name, known_by_role.role = named[0].name, named[0].role


def _name_described(known_by_noun: Entity, entities: Sequence[Entity], paragraphs: Sequence[str]) -> None:
    """Someone known only as what they are ("…,” kata seorang pria …") is the one the article then names with that
    word ("Pria bernama Yohanes Bria itu …"); one called by the first word of that name alone ("Yohanes
    mengatakan …") is them too."""
    noun = fold(known_by_noun.name)
    if noun not in cues.PERSON_NOUNS:
        return
    pattern = re.compile(rf"\b(?i:{re.escape(noun)})\s+{cues.NAMED}\s+((?:[A-Z][\w'’-]*\s+){{0,3}}[A-Z][\w'’-]*)")
    names = {m.group(1) for text in paragraphs for m in pattern.finditer(text)}
    if len(names) != 1:
        return
    name = names.pop()
    known_by_noun.name, known_by_noun.words = name, frozenset(fold(w) for w in name.split()) - cues.NAME_PARTICLES
    first = fold(name.split()[0])
    for entity in entities:
        if entity.kind is Kind.PERSON and entity.words == {first}:
            entity.name, entity.words = name, known_by_noun.words


def _spelled_in(name: str, paragraphs: Sequence[str]) -> str:
    """A body's name that opens with a short form, as the article spells it out anywhere ("Dinkes Sumberwangi"
    for "Dinas Kesehatan Kabupaten Sumberwangi", written in a title before), else as it is."""
    first, *rest = name.split()
    spelled = cues.BODY_ABBREVIATIONS.get(fold(first))
    if spelled is None or not rest:
        return name
    units = "|".join(unit.title() for unit in cues.PLACE_UNITS)
    words = [re.escape(word.title()) for word in spelled.split()]
    pattern = re.compile(rf"\b{' '.join(words)}(?: (?:{units}))? {re.escape(' '.join(rest))}\b")
    found = next((match.group() for text in paragraphs if (match := pattern.search(text))), None)
    return found or name


def _spoken_after(paragraph: _Read, following: _Read | None) -> _Read:
    """Quotations a paragraph gives nobody, or only by going on from the paragraph before, that the next paragraph
    names the speaker of: one left open, closed there ("“Kami akan bangun tanggul. …" then "Warga diminta
    bersabar,” kata Heri."), or a paragraph of quotation summed up there ("Demikian disampaikan Direktur …")."""
    text, chosen, said = paragraph
    if following is None or not said:
        return paragraph
    next_text, _, next_said = following
    first = next_said[0] if next_said else None
    if first is None or first.entity is None:
        return paragraph
    if first.kind == "direct" and said[-1].rule == _UNATTRIBUTED and _left_open(text):
        if next_text.lstrip()[:1] in cues.DOUBLE_QUOTES:
            return paragraph  # the next paragraph opens a quotation of its own
        closed = replace(first, rule="quote-closed-later", cue=None)
        said = [replace(closed, start=s.start, end=s.end) if s.rule == _UNATTRIBUTED else s for s in said]
        return text, chosen or first.entity, said
    summed_up = first.kind == "reported" and fold(next_text).lstrip().startswith(cues.SUMMING_UP + " ")
    if summed_up and all(s.rule in (_UNATTRIBUTED, _CONTINUES) for s in said):
        spoken = replace(first, kind="direct", rule="quote-summed-up-after", cue=None)
        return text, first.entity, [replace(spoken, start=s.start, end=s.end) for s in said]
    return paragraph


def _left_open(paragraph: str) -> bool:
    quotes = quotation_spans(paragraph)
    return bool(quotes) and quotes[-1][1] == len(paragraph) and paragraph.rstrip()[-1] not in cues.DOUBLE_QUOTES


def attribute(paragraphs: Sequence[str]) -> list[Speaker | None]:
    """One entry per body paragraph, in order: who speaks in it, or None for narration."""
    return [reading.speaker for reading in read(paragraphs)]


def _trim_leading_words(entity: Entity, pairs: set[tuple[str, str]], bodies: set[str]) -> None:
    """Drop the words a person's name picked up from the office or place before it ("Regional 2 Panjang Hendra
    Gunawan", "Persiba Sumbawa Carlos Moreno"), where the article itself shows the split: those words stand
    elsewhere without the rest of the name and never name anyone alone, and the rest stands elsewhere without
    them ("kata Hendra"). In a run of four words or more, the article calling someone by the word where the rest
    begins is enough ("Direktur Utama PT Sinar Bahari Nusantara Hendra Wijaya …, kata Hendra"): a body's name is
    not said to speak by one word of its middle."""
    words = entity.name.split()
    folded = [fold(word) for word in words]
    # `pairs` leaves out the word pairs of other people's names: "Muhammad" before "Ridwan" in "La Ode Muhammad
    # Ridwan" does not show "Muhammad Faisal Akbar" to be "Faisal Akbar" after an office's word.
    for cut in range(1, len(words) - 1):
        before, first = folded[cut - 1], folded[cut]
        if words[cut - 1] in cues.NAME_PREFIXES or (before not in bodies and _called_by(before, pairs)):
            return  # "I Nyoman Wirawan": a name's own prefix; "kata Nabila": the person's own name
        if not words[cut][:1].isupper():
            return
        alone = any(a == before and b != first for a, b in pairs)  # "Persiba Sumbawa." with no "Carlos" after
        rest_alone = any(b == first and a != before for a, b in pairs)  # "kata Carlos"
        called = cut >= 2 and len(words) - cut >= 2 and _called_by(first, pairs)
        if rest_alone and (called or (alone and entity.kind is Kind.PERSON)):
            if entity.role is not None:
                entity.role = " ".join([entity.role, *words[:cut]])  # "Direktur Utama" of "PT Sinar Bahari …"
            entity.name = " ".join(words[cut:])
            entity.words = frozenset(folded[cut:]) - cues.NAME_PARTICLES
            entity.kind = Kind.PERSON
            return


def _word_pairs(name: str) -> set[tuple[str, str]]:
    words = [fold(word) for word in name.split()]
    return set(zip(words, words[1:]))


def _called_by(word: str, pairs: set[tuple[str, str]]) -> bool:
    """Whether the article calls someone by this word alone: "kata Nabila", "Nabila menambahkan"."""
    return any(
        (b == word and (a in cues.INVERTED_CUES or a == cues.ACCORDING_TO)) or (a == word and b in cues.SPEECH_VERBS)
        for a, b in pairs
    )


def _speaker(entity: Entity | None) -> Speaker | None:
    return None if entity is None else Speaker(entity.name, entity.role)


# A body's name and a person's run together make at least four words ("PT Sinar Abadi Budi Santoso").
_GLUED_MIN_WORDS = 4

_SPAN = 1_000_000  # positions: paragraph number * _SPAN + token index
_UNATTRIBUTED = "quote-unattributed"
_CONTINUES = "quote-continues"
# An age has at most three digits: "(2019)" after a name is a year.
_AGE_MAX_DIGITS = 3


@dataclass(frozen=True)
class _Heard:
    """A cue of saying found in the narration, and whom it resolved to."""

    entity: Entity
    at: int  # character offset of the cue in the paragraph
    cue: str
    rule: str
    quote: int | None = None  # start of the quotation the cue's sentence introduces or follows


@dataclass(frozen=True)
class _Said:
    """A sentence's reading, kept with the entity until the article is read to its end."""

    start: int
    end: int
    entity: Entity | None
    kind: SentenceKind
    cue: str | None
    rule: str

    def record(self, paragraph: str) -> Sentence:
        entity = self.entity
        name, role = (entity.name, entity.role) if entity else (None, None)
        return Sentence(paragraph[self.start : self.end], self.start, self.end, name, role, self.kind, self.cue, self.rule)


_Read = tuple[str, Entity | None, list[_Said]]  # a paragraph, its speaker and its sentences


def _quote_touched(tokens: Sequence[Token], start: int, end: int) -> int | None:
    """The quotation (its offset) the sentence tokens[start:end] leads into ("Budi mengatakan, “…”") or follows
    ("“…,” kata Budi"); one that ends with a full stop before a quotation is narration beside it."""
    if end < len(tokens) and tokens[end].is_quote and end > start and tokens[end - 1].text != ".":
        return tokens[end].start
    if start > 0 and tokens[start - 1].is_quote:
        return tokens[start - 1].start
    return None


def _sentences_of(
    paragraph: str,
    quotes: Sequence[tuple[int, int]],
    heard: Sequence[_Heard],
    continued: Entity | None,
    chosen: Entity | None,
) -> list[_Said]:
    """Each sentence's reading: a quoted one is the words of the cue bound to its quotation (else of the quote
    before it in the paragraph, of the previous paragraph's speaker when the paragraph opens with it, of the
    cue bound to a later quote, or of the paragraph's speaker); one holding a cue of saying reports its
    speaker; the rest is narration."""
    owners: dict[int, _Heard] = {}
    for cue in heard:
        if cue.quote is not None:
            owners.setdefault(cue.quote, cue)
    said: list[_Said] = []
    for start, end in sentence_spans(paragraph):
        overlaps = [(min(end, b) - max(start, a), a) for a, b in quotes if a < end and b > start]
        # "“…,” kata Budi kepada wartawan di Jakarta, Senin.": the cue after a quote is part of its sentence.
        cued = any((owner := owners.get(a)) and start <= owner.at < end and owner.at > a for _, a in overlaps)
        if overlaps and (cued or 2 * sum(length for length, _ in overlaps) >= end - start):
            said.append(_quoted(max(overlaps)[1], owners, quotes, continued, chosen, start, end))
            continue
        inside = [cue for cue in heard if start <= cue.at < end]
        people = [cue for cue in inside if cue.entity.kind is Kind.PERSON] or inside
        if people:
            said.append(_Said(start, end, people[0].entity, "reported", people[0].cue, people[0].rule))
        else:
            said.append(_Said(start, end, None, "narration", None, "no-cue"))
    return said


def _quoted(
    quote: int,
    owners: dict[int, _Heard],
    quotes: Sequence[tuple[int, int]],
    continued: Entity | None,
    chosen: Entity | None,
    start: int,
    end: int,
) -> _Said:
    if (owner := owners.get(quote)) is not None:
        return _Said(start, end, owner.entity, "direct", owner.cue, f"quote/{owner.rule}")
    before = [owners[a] for a, _ in quotes if a < quote and a in owners]
    if before:
        return _Said(start, end, before[-1].entity, "direct", None, "quote-runs-on")
    if continued is not None and quote == quotes[0][0]:
        return _Said(start, end, continued, "direct", None, _CONTINUES)
    after = [owners[a] for a, _ in quotes if a > quote and a in owners]
    if after:
        return _Said(start, end, after[0].entity, "direct", None, "quote-before-cue")
    if chosen is not None:
        return _Said(start, end, chosen, "direct", None, "quote-in-paragraph")
    # A quotation nobody is said to speak (a banner, an article of law) is quoted by the writer.
    return _Said(start, end, None, "narration", None, _UNATTRIBUTED)


def _in_place_name(tokens: Sequence[Token], start: int, index: int) -> bool:
    """Whether tokens[index] is in a place's name ("Desa Nanga Lanjak", "di Kecamatan Lanjak Deras"), which
    mentions nobody that shares a word with it."""
    first = index
    while first > start and tokens[first - 1].is_cap:
        first -= 1
    return tokens[first].fold in cues.PLACE_UNITS or (first > start and tokens[first - 1].fold in cues.PLACE_UNITS)


def _age_at(tokens: Sequence[Token], index: int, end: int) -> bool:
    """Whether an age stands at `index`, closed by a comma: "56 tahun," or "56,"."""
    age_end = index + 2 if index + 1 < end and tokens[index + 1].fold == cues.YEARS else index + 1
    return index < end and _is_age(tokens[index].text) and age_end < end and tokens[age_end].text == ","


def _is_age(text: str) -> bool:
    return text.isdigit() and len(text) <= _AGE_MAX_DIGITS


def _is_item(tokens: Sequence[Token], sentences: int) -> bool:
    """Whether a paragraph with no cue of its own can be an item of a list: one sentence ("Pertamax turun …"),
    or any that opens with an ordinal, a number or a bullet ("Kedua, …. …")."""
    if sentences == 1:
        return True
    first = tokens[0] if tokens else None
    return first is not None and (first.fold in cues.ORDINALS or first.text in cues.BULLETS or first.text.isdigit())


def _paragraph_speaker(heard: Sequence[_Heard]) -> Entity | None:
    """A person whose quotation the paragraph holds, else a person heard in it, else whoever is."""
    # "Belum selesai Dewi berbicara, Budi menyela. “Interupsi!” ujar Budi": the quotation is Budi's.
    quoting = [cue.entity for cue in heard if cue.quote is not None]
    people = [entity for entity in quoting + [cue.entity for cue in heard] if entity.kind is Kind.PERSON]
    return people[0] if people else heard[0].entity if heard else None


def _most_quoted(said: Sequence[_Said]) -> Entity | None:
    """Of two people quoted in one paragraph, the one quoted at more length: a judge's question is the
    paragraph of the witness who answers it. None when one person or nobody is quoted."""
    lengths: dict[int, int] = {}
    people: dict[int, Entity] = {}
    for sentence in said:
        if sentence.kind == "direct" and sentence.entity is not None and sentence.entity.kind is Kind.PERSON:
            people[id(sentence.entity)] = sentence.entity
            lengths[id(sentence.entity)] = lengths.get(id(sentence.entity), 0) + sentence.end - sentence.start
    return people[max(lengths, key=lengths.__getitem__)] if len(lengths) > 1 else None


def _spelled_out(tokens: Sequence[Token], start: int, paren: int, short: str) -> int:
    """Where a long form begins whose initials spell the short form ("Badan Kepegawaian Negara (BKN)"), its
    words listed with commas or not ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"); else `paren`."""
    letters = short.upper()
    initials = ""
    first = paren
    while first > start and letters.endswith(initials) and initials != letters:
        token = tokens[first - 1]
        if token.is_word and token.is_cap:
            initials = token.text[0].upper() + initials
        elif not (token.text == "," or token.fold in cues.TITLE_CONNECTORS):
            break
        first -= 1
    return first if initials == letters else paren


def _ends_role(token: Token) -> bool:
    return (
        token.text in CLAUSE_MARKS
        or is_cue(token)
        or token.fold == cues.RELATIVE
        or (not token.is_cap and token.fold.startswith(VERB_PREFIXES))
    )


class _ArticleReader:
    def __init__(self, words: Vocabulary) -> None:
        self.words = words
        self.known = Registry()
        self.previous: Entity | None = None
        # the previous paragraph's last speaker, whom a pronoun or a bare quotation opening the next goes on from
        self.last_heard: Entity | None = None
        self.listing: Entity | None = None  # who introduced the list the paragraphs now run through
        # Someone this paragraph brings in with an age ("Rahmah (44), warga Dusun …, …"): the reporter's way of
        # putting a new voice on stage, whom the next "Ia …" means, before anyone named after them.
        self.introduced: Entity | None = None
        # Roles written before a name in passing ("dengan kapten tim, Rizky …"), for whoever the article gives
        # no other role.
        self.roles_before: list[tuple[Entity, str]] = []
        self.paragraph_start = 0

    def read(self, number: int, paragraph: str) -> tuple[Entity | None, list[_Said]]:
        """The paragraph's speaker, and its sentences read."""
        masked = mask_quotes(paragraph)
        text = Text.of(masked.narration, self.known, self.words)
        self.paragraph_start = number * _SPAN
        self.introduced = None
        heard: list[_Heard] = []
        for start, end in narration_sentences(text.tokens):
            found = len(heard)
            self._read_sentence(text, start, end, heard)
            if (quote := _quote_touched(text.tokens, start, end)) is not None:
                heard[found:] = [replace(cue, quote=quote) for cue in heard[found:]]
        continued = self.last_heard if masked.opens_with_quote else None
        chosen = _paragraph_speaker(heard) or continued
        said = _sentences_of(paragraph, masked.quotes, heard, continued, chosen)
        chosen = _most_quoted(said) or chosen
        if self.listing is not None and not heard and not masked.quotes and _is_item(text.tokens, len(said)):
            chosen = self.listing
            said = [replace(s, entity=chosen, kind="reported", rule="list-item") for s in said]
        else:
            self.listing = None
        if paragraph.rstrip().endswith(cues.LIST_OPENER) and chosen is not None:
            self.listing = chosen
        self.previous = chosen
        people = [cue.entity for cue in heard if cue.entity.kind is Kind.PERSON]
        self.last_heard = people[-1] if people else chosen
        return chosen, said

    def _read_sentence(self, text: Text, start: int, end: int, heard: list[_Heard]) -> None:
        tokens = text.tokens
        skip_until = start
        reporting = False  # past "Budi mengatakan," or "… menjelaskan bahwa": what follows is Budi's account
        for index in range(start, end):
            position = self.paragraph_start + index
            token = tokens[index]
            if index >= skip_until and (title := match_title(tokens, index)):
                skip_until = self._register_titled(text, start, index, end, title, position)
            if shorts := short_form_in_parens(tokens, index, end):
                self.known.org_words.update(short.fold for short in shorts)  # "Badan Pangan Nasional (Bapanas)"
                self._register_long_form(text, start, index, shorts, position)
            starts_run = token.is_word and token.is_cap and not (index > start and tokens[index - 1].is_cap)
            if index >= skip_until and starts_run:
                self._register_bare_name(text, index, end, position)
            if token.is_word and token.is_cap and (entity := self.known.by_word(token.fold)):
                if not _in_place_name(tokens, start, index):
                    entity.seen = position
            if token.text == ",":
                self._register_appositive(text, start, index, end, position)
            if token.fold in cues.COPULAS:
                self._register_copula(text, start, index, end)
            if token.fold == cues.ALIAS and start < index < end - 1 and tokens[index + 1].is_cap:
                # "Agus Triyono alias Gondes": a later "ujar Gondes" is Agus Triyono.
                if (entity := self.known.by_word(tokens[index - 1].fold)) is not None:
                    entity.words |= {t.fold for t in tokens[index + 1 : name_run(tokens, index + 1, end)]}
            if token.text == "(" and (age := in_parens(tokens, index, end)) is not None and _is_age(age.text):
                self._register_aged(text, start, index, position)
            described = index + 1 < end and tokens[index + 1].is_word and not tokens[index + 1].is_cap
            if token.fold == cues.INDEFINITE and described:
                # "datang dari seorang keluarga pasien asal Percut. Dia mengaku …": someone known by role only,
                # up to what is said of them ("seorang pemudik lain yang enggan …", "seorang nakhoda membenarkan").
                role_end = index + 1
                while role_end < end and not _ends_role(tokens[role_end]):
                    role_end += 1
                self.known.role_only(role_text(text, index, role_end)).seen = position
            if token.fold in cues.NICKNAME_CUES and index + 1 < end and tokens[index + 1].is_cap:
                self._register_nickname(text, index + 1, end, position)
            # "Syamsul mengatakan, warga meminta harga …": a verb of saying inside someone's account is what
            # they report, and its subject no one the sentence hears from (nor whom a later "dia" means).
            cue = None if reporting else self._cue(text, start, end, index)
            if cue is None:
                continue
            ref, rule, words = cue
            reporting = index + 1 < end and (tokens[index + 1].text == "," or tokens[index + 1].fold == cues.THAT)
            entity, how = self._resolve(ref, position, heard)
            if entity is not None:
                entity.seen = max(entity.seen, position)
                heard.append(_Heard(entity, token.start, words, f"{rule}/{how}"))

    def _cue(self, text: Text, start: int, end: int, index: int) -> tuple[Ref, str, str] | None:
        """The reference a cue of saying at `index` makes to its speaker, the rule that read it, and the cue's
        words."""
        tokens = text.tokens
        token = tokens[index]
        fold = token.fold
        follows_break = after_break(tokens, index)
        if fold in cues.SPEECH_VERBS:
            if fold in cues.REQUEST_VERBS and index + 1 < end and tokens[index + 1].fold in cues.REQUEST_OBJECTS:
                return None  # "Tempo telah meminta tanggapan kementerian": the reporter asks, nobody speaks
            if index > start and tokens[index - 1].fold in cues.PURPOSE_MARKERS:
                return None
            if index > start and tokens[index - 1].fold in cues.COORDINATORS:
                return PronounRef(), "coordinated-verb", token.text  # "Ia meminta maaf dan menyebut …"
            ref = subject_before(text, start, index)
            return None if ref is None else (ref, "subject-verb", token.text)
        # "Kata Budi, …" opening a sentence, or after an opening adverb: "Kemudian lanjut Budi, …"
        opens = index == start or (index == start + 1 and tokens[start].fold in cues.ADVERBS)
        if is_inverted_cue(tokens, index) or (fold in cues.INVERTED_CUES and opens):
            ref = subject_after(text, index + 1, end)
            return None if ref is None else (ref, "verb-subject", token.text)
        # "Saat ini katanya, BPBD …": set off by a comma after it, with none before
        set_off = index + 1 < end and tokens[index + 1].text == ","
        if fold in cues.CLITIC_CUES and (follows_break or set_off):
            return PronounRef(), "clitic", token.text
        if fold == cues.ACCORDING_TO and index + 1 < end and tokens[index + 1].fold.endswith("nya"):
            # "Menurut perhitungannya, …": by the reckoning of the person talked about
            return PronounRef(), "according-to-clitic", text.span(index, index + 2)
        if fold == cues.ACCORDING_TO:
            named = index + 2 if index + 1 < end and tokens[index + 1].fold in cues.ACCOUNT_NOUNS else index + 1
            ref = subject_after(text, named, end)
            return None if ref is None else (ref, "according-to", token.text)
        if fold == cues.ACCORDING_TO_CLITIC:
            return PronounRef(), "according-to-clitic", token.text
        sourced = fold in cues.SOURCE_CUES and index + 1 < end and tokens[index + 1].fold == cues.SOURCE_MARKER
        if fold in cues.PASSIVE_CUES and index == start and set_off:
            return PronounRef(), "passive-no-agent", token.text  # "Dijelaskan, …": by the person talked about
        if fold in cues.PASSIVE_CUES or sourced:
            agent = index + 2 if index + 1 < end and tokens[index + 1].fold == cues.AGENT_MARKER else index + 1
            if agent < end and tokens[agent].fold == cues.SOURCE_MARKER:
                agent += 1  # past the document: "dalam siaran pers Kementerian X"
                while agent < end and tokens[agent].is_word and not tokens[agent].is_cap:
                    if tokens[agent].fold == cues.LOCATIVE:
                        return None  # "disampaikan dalam konferensi pers di Lobi Mapolres": where, not who
                    if agent > index + 2 and tokens[agent].fold in cues.ORG_WORDS:
                        break  # "dalam keterangan tertulis stasiun tersebut": the body that wrote it
                    agent += 1
            ref = subject_after(text, agent, end)
            return None if ref is None else (ref, "passive-agent", text.span(index, agent))
        return None

    def _register_titled(
        self, text: Text, sentence_start: int, index: int, end: int, title: tuple[int, str, TitleKind], position: int
    ) -> int:
        """Note "mantan Presiden Bambang Kusuma" or "CEO PasarKita Nadia Prameswari" wherever it stands; return
        where it ends."""
        length, head, kind = title
        ref = titled(text, sentence_start, end, index, index + length, head, kind)
        if not isinstance(ref, NameRef):
            return index + length
        self._named(ref).seen = position
        return text.tokens.index(ref.tokens[-1]) + 1

    def _register_long_form(self, text: Text, start: int, paren: int, shorts: Sequence[Token], position: int) -> None:
        """Note "Badan Riset dan Inovasi Nasional (BRIN)" as one organisation, so that a later "kata BRIN" is
        that organisation under its full name."""
        short = shorts[0]
        folds = tuple(token.fold for token in shorts)
        tokens = text.tokens
        first = paren
        while first > start and (
            tokens[first - 1].is_cap
            or (
                first - 1 > start
                and tokens[first - 1].fold in cues.TITLE_CONNECTORS | cues.NAME_CONNECTORS
                and tokens[first - 2].is_cap
            )
        ):
            first -= 1
        # "Kantor Regional IV Badan Kepegawaian Negara (BKN)": the short form is of the words it spells.
        spelled = _spelled_out(tokens, start, paren, "".join(t.text for t in shorts if t.is_acronym))
        if spelled < paren:
            first = spelled - (spelled > start and tokens[spelled - 1].fold in cues.COMPANY_PREFIXES)  # "PT Liga …"
        else:
            while first < paren and is_filler(tokens[first], text.words):
                first += 1
            if first < paren and tokens[first].fold in cues.FORMER_MARKERS:
                first += 1  # "Mantan Kepala Dinas Pekerjaan Umum (PUPR)": a former office, then the organisation
            if not short.is_acronym and match_title(tokens, first):
                return  # "Menteri Perhubungan (Menhub)": the short form of a title, not of an organisation
            while first < paren and match_title(tokens, first):
                first += 1  # "Kepala Badan Koordinasi Penanaman Modal (BKPM)": the office is not the organisation
        if paren - first < 2 or not tokens[first].is_cap or self.known.find(folds) is not None:
            return
        name = text.span(first, paren).strip()
        words = frozenset(t.fold for t in tokens[first:paren]) - cues.NAME_PARTICLES
        closing = paren + len(shorts) + 1
        place = name_run(tokens, closing + 1, len(tokens))
        if tokens[paren - 1].fold in cues.PLACE_UNITS and place > closing + 1:
            # "Pemerintah Kabupaten (Pemkab) Sintang": the body of the place named after its short form
            name = f"{name} {text.span(closing + 1, place)}"
            words |= {t.fold for t in tokens[closing + 1 : place]}
        # A part of the long form read as a name of its own just before ("Inovasi Nasional") was no one.
        since = self.paragraph_start + start
        self.known.entities = [e for e in self.known.entities if not (e.seen >= since and e.words < words)]
        self.known.add(Entity(name, words | set(folds), Kind.ORG)).seen = position

    def _register_bare_name(self, text: Text, index: int, end: int, position: int) -> None:
        """Note a two- or three-word name mentioned in passing ("Budi Santoso menanam padi"), so that a later
        "kata Budi" finds it. Unconfirmed: it only becomes a person once it speaks."""
        if is_inverted_cue(text.tokens, index):
            index += 1  # "“…,” Tandas Maria."
        if index >= end:
            return  # "…, Terang" at the very end: a cue with no name after it
        after_topic = index > 0 and text.tokens[index - 1].fold == cues.DOCUMENT_TOPIC
        if after_topic or text.tokens[index].fold in cues.DOCUMENT_WORDS:
            return  # "Undang-Undang Nomor 20 … tentang Pemberantasan Tindak Pidana Korupsi": a law and its title
        run_end = name_run(text.tokens, index, end)
        while index < run_end and is_filler(text.tokens[index], text.words):
            index += 1
        names = text.tokens[index:run_end]
        # "Kecamatan Percut Sei Tuan", "di Kabupaten Bekasi": a place, whether its unit opens the run or not
        is_place = index > 0 and text.tokens[index - 1].fold in cues.PLACE_UNITS
        is_place |= bool(names) and names[0].fold in cues.PLACE_UNITS
        if names and names[0].fold in cues.COMPANY_PREFIXES and len(names) > 1:
            # "dikerjakan oleh PT Kemuning Graha Mandiri": an organisation a later "perusahaan itu" can mean.
            if self.known.find(tuple(token.fold for token in names)) is None:
                words = frozenset(t.fold for t in names)
                legal = in_parens(text.tokens, run_end, end)
                if legal is not None and legal.fold in cues.LEGAL_FORMS:
                    names = text.tokens[index : run_end + 3]  # "PT Pos Indonesia (Persero)"
                self.known.add(Entity(joined(names), words, Kind.ORG)).seen = position
            return
        parts = [token for token in names if token.fold not in cues.NAME_PARTICLES]
        if not 2 <= len(parts) <= 3 or is_place or not is_person_like(text, index, run_end):
            return
        if self.known.find(tuple(token.fold for token in names)) is None:
            self.known.add(Entity(" ".join(t.text for t in names), frozenset(t.fold for t in names), Kind.UNKNOWN))

    def _register_nickname(self, text: Text, start: int, end: int, position: int) -> None:
        """ "Andika Pratama, yang dijuluki Bung Kiper," or "akrab disapa Andi": the nickname names the person
        just mentioned too."""
        person = self.known.latest(self.paragraph_start, position, unconfirmed=True)
        if person is not None:
            person.words |= {token.fold for token in text.tokens[start : name_run(text.tokens, start, end)]}

    def _register_aged(self, text: Text, start: int, paren: int, position: int) -> None:
        """Note "… ialah Hasnawati (52)." or "Rina (34) mengaku …": a name with an age is a person brought in."""
        name = trailing_name(text, start, paren)
        if name is None:
            return
        entity = self._named(NameRef(text.tokens[name[0] : name[1]]))
        entity.kind = Kind.PERSON
        entity.seen = max(entity.seen, self.paragraph_start + name[1] - 1)
        self.introduced = entity

    def _register_appositive(self, text: Text, start: int, comma: int, end: int, position: int) -> None:
        """Note "Siti Rahmawati, mantan pedagang …," or "TaniMaju, perusahaan …," with its role."""
        head_start = comma
        while head_start > start and text.tokens[head_start - 1].text != ",":
            head_start -= 1
        name = trailing_name(text, head_start, comma)
        # an age with the name ("Hamsir (48),") or after it ("Suwarni, 56 tahun,") marks a person: any role will do
        # (a year in parentheses, "(2019)", is no age)
        in_parens_age = comma > 1 and text.tokens[comma - 1].text == ")" and _is_age(text.tokens[comma - 2].text)
        age_after = _age_at(text.tokens, comma + 1, end)
        aged = in_parens_age or age_after
        if age_after:
            comma = clause_end(text.tokens, comma + 1, end)
        role_end = clause_end(text.tokens, comma + 1, end)
        # "Menanggapi kritik Forwapa, Direktur Utama Perumda itu menjawab:": a speaker after the comma, no role.
        segment = text.tokens[comma + 1 : role_end]
        clause = any(is_cue(token) for token in segment) or (bool(segment) and segment[-1].fold in cues.DEMONSTRATIVES)
        if name is None or clause or comma >= end or not is_role(text, comma + 1, role_end, strict=not aged):
            self._register_role_before(text, start, comma, end)
            return
        role_end = with_places(text, role_end, end)
        entity = self._named(NameRef(text.tokens[name[0] : name[1]], role=role_text(text, comma + 1, role_end)))
        entity.seen = max(entity.seen, self.paragraph_start + name[1] - 1)
        if aged:
            # An age is a person's, whatever the role's first word ("operator produksi di sebuah pabrik").
            entity.kind = Kind.PERSON
            self.introduced = entity

    def _register_copula(self, text: Text, start: int, copula: int, end: int) -> None:
        """Note "Pria bernama Gregorius Lado itu merupakan kuasa hukum PT X.": the role a name is said to hold,
        unless the article gives them another."""
        before = copula
        while before > start and text.tokens[before - 1].fold in cues.DEMONSTRATIVES:
            before -= 1
        name = trailing_name(text, start, before)
        role_end = clause_end(text.tokens, copula + 1, end)
        if name is None or name[1] != before or not is_role(text, copula + 1, role_end, strict=True):
            return
        self._named(NameRef(text.tokens[name[0] : name[1]], role=role_text(text, copula + 1, role_end)))

    def _register_role_before(self, text: Text, start: int, comma: int, end: int) -> None:
        """Note "… berbincang dengan kapten tim, Rizky Aditya Nugraha, sebelum …": a person named after a role in
        lowercase words, which a later "kata kaptennya" asks for, unless the article gives them another; the role
        runs back to a function word."""
        name = person_after_comma(text, comma, end)
        role_start = comma
        while role_start > start and text.tokens[role_start - 1].is_word and not text.tokens[role_start - 1].is_cap:
            if is_function_word(text.tokens[role_start - 1].fold):
                break
            role_start -= 1
        if name is None or role_start == comma or not is_role(text, role_start, comma, strict=True):
            return
        entity = self._named(NameRef(text.tokens[name[0] : name[1]]))
        entity.kind = Kind.PERSON
        self.roles_before.append((entity, role_text(text, role_start, comma)))

    def _named(self, ref: NameRef) -> Entity:
        words = tuple(token.fold for token in ref.tokens)
        entity = self.known.find(words)
        if entity is None:
            longer = set(words) - cues.NAME_PARTICLES
            shorter = [e for e in self.known.entities if e.words and e.words < longer]
            if shorter:
                entity = max(shorter, key=lambda e: e.seen)
                entity.name = joined(ref.tokens)
                entity.words = frozenset(longer)
        if entity is None:
            entity = self.known.add(
                Entity(
                    joined(ref.tokens),
                    frozenset(words) - cues.NAME_PARTICLES,
                    kind_of(ref.tokens, ref.title, ref.role),
                )
            )
        if ref.role and entity.role is None:
            entity.role = ref.role
            entity.titles = {**titles_in(ref.role), **entity.titles}
        if ref.title is not None:
            entity.titles.setdefault(ref.title.head, ref.title.former)
            if ref.title.short:
                entity.words |= {ref.title.short}  # "Menhub menegaskan" is then that minister
            if entity.role is None and ref.title.phrase:
                entity.role = ref.title.phrase
        if entity.kind is Kind.UNKNOWN:
            # A name of two words or more that speaks is a person, unless something marked it as an organisation.
            entity.kind = kind_of(ref.tokens, ref.title, ref.role)
            if entity.kind is Kind.UNKNOWN and len(entity.words) > 1:
                entity.kind = Kind.PERSON
        return entity

    def _resolve(self, ref: Ref, position: int, heard: Sequence[_Heard]) -> tuple[Entity | None, str]:
        """The entity a reference stands for, and how it was found."""
        if isinstance(ref, NameRef):
            return self._named(ref), "name"
        if isinstance(ref, PronounRef):
            return _first(
                (heard[-1].entity if heard else None, "pronoun:same-paragraph"),
                (self.introduced, "pronoun:introduced"),
                (self.known.latest(self.paragraph_start, position, unconfirmed=True), "pronoun:just-named"),
                (self.last_heard, "pronoun:previous-paragraph"),
                (self.known.latest(0, position), "pronoun:last-heard"),
            )
        if isinstance(ref, RoleRef):
            entity = self.known.role_only(ref.phrase)
            if ref.head:
                entity.titles.setdefault(ref.head, False)
            return entity, "role"
        if isinstance(ref, HolderRef):
            holder = self.known.holder(ref.head)
            if holder is None and ref.phrase is not None:
                holder = self.known.role_only(ref.phrase)
                holder.titles.setdefault(ref.head, False)  # a later "kata kepala sekolah" is them again
                return holder, "role"
            return holder, "title-holder"
        if isinstance(ref, OrgRef):
            spoke = [h.entity for h in heard if h.entity.kind is Kind.ORG]
            return self.known.latest_organisation(position, ref.noun, spoke[-1] if spoke else None), "organisation"
        if isinstance(ref, AnaphorRef):
            # "menteri itu" is whoever holds that office; "pria asal Medan itu", "pemain berusia 19 tahun itu"
            # describe the person being talked about: this paragraph's speaker, or the person it just
            # named, else the previous paragraph's speaker if a person, else the last person heard speaking.
            previous = self.previous if self.previous is not None and self.previous.kind is not Kind.ORG else None
            return _first(
                # "sang hakim" for "Ketua majelis hakim, Dwi …": failing a holder, the office named in a role
                (
                    (self.known.holder(ref.head, ref.field, named=True) or self.known.described((ref.head,)))
                    if ref.head
                    else self.known.described(ref.field),
                    "anaphor:described",
                ),
                (heard[-1].entity if heard else None, "anaphor:same-paragraph"),
                (self.introduced, "anaphor:introduced"),
                (self.known.latest(self.paragraph_start, position, unconfirmed=True), "anaphor:just-named"),
                (previous, "anaphor:previous-paragraph"),
                (self.known.latest(0, position), "anaphor:last-heard"),
                (self.known.latest(0, position, unconfirmed=True), "anaphor:last-named"),
            )
        holder = self.known.holder(ref.head)
        if holder is not None:
            return holder, "title-holder"
        # A title nobody holds yet: the person just talked about, if any ("Joko Pranoto mengumumkan …
        # Presiden AS mengucapkan …"), else someone known only by that title.
        recent = self.known.latest(self.paragraph_start - _SPAN, position, exclude_former=ref.head)
        # Someone who holds another office is not the holder of this one: "Direktur Keuangan ARNK menjelaskan"
        # after the bank's president is another director, known by that role until named.
        if recent is None or _holds_another_office(recent, ref.phrase):
            return self.known.role_only(ref.phrase), "title-only"
        recent.titles[ref.head] = False
        if recent.role is None:
            recent.role = ref.phrase
        return recent, "title:just-named"


def _holds_another_office(entity: Entity, phrase: str | None) -> bool:
    """Whether the entity holds a current title and its role does not hold the words of this title phrase
    (a short form, "Menhub", as the words it stands for)."""
    current = any(not former for former in entity.titles.values())
    words = {part for word in fold(phrase or "").split() for part in cues.TITLE_ABBREVIATIONS.get(word, word).split()}
    return current and not words <= entity.role_words


def _first(*candidates: tuple[Entity | None, str]) -> tuple[Entity | None, str]:
    return next(((entity, how) for entity, how in candidates if entity is not None), (None, "unresolved"))
