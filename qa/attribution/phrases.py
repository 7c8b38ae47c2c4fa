"""What the subject phrase of a cue refers to: a name (with the title before it, if any), a pronoun, a title
or a role with no name, "menteri itu", or "perusahaan itu"."""

from __future__ import annotations

from . import cues
from .names import is_person_like, name_run, person_after_comma, rank_at, trailing_name
from .quotes import closing_paren, in_parens, short_form_in_parens
from .refs import AnaphorRef, HolderRef, NameRef, OrgRef, PronounRef, Ref, RoleRef, Title, TitleRef
from .text import Text
from .titles import after_title, match_title, short_form
from .words import VERB_PREFIXES, TitleKind, Token, breaks_name, is_function_word


def classify(text: Text, start: int, end: int) -> Ref | None:
    """What the subject phrase tokens[start:end] of a cue refers to."""
    folds = [token.fold for token in text.tokens[start:end]]
    if not folds or folds[0] in cues.DOCUMENT_WORDS:
        return None
    if cues.NAMED in folds[:-1]:
        # "kuasa hukum bernama Budi Santoso, S.H., itu", "seorang warga bernama Siti": the name given, its
        # description before "bernama" its role.
        named = start + folds.index(cues.NAMED) + 1
        run_end = name_run(text.tokens, named, end)
        if run_end > named and text.tokens[named].is_cap:
            return NameRef(tuple(text.tokens[named:run_end]), role=text.span(start, named - 1) or None)
    for index in range(start + 1, end):
        # "Forum Warga Peduli Air (Forwapa) dalam pernyataannya menilai": the organisation its short form
        # stands for, when no name follows it ("… (BKPM) Budi Santoso" is Budi).
        short = in_parens(text.tokens, index, end)
        if short is not None and (body := text.known.organisation(short.fold)) is not None:
            after = text.tokens[index + 3 : end]
            if not any(token.is_cap and not breaks_name(token, False) for token in after):
                return NameRef((short,))
            # "Badan Pengelola Transportasi Jabodetabek (BPTJ) Kementerian Perhubungan" or "… (BPTJ) Kemenhub":
            # the body, then its parent
            whole = all(token.fold in body.words for token in text.tokens[start:index] if token.is_word)
            if whole and after and (after[0].fold in cues.ORG_WORDS or after[0].fold in cues.BODY_ABBREVIATIONS):
                return NameRef((short,))
    if (body := _body_around_short_form(text, start, end)) is not None:
        return NameRef(body)
    if folds[0] == cues.PARTITIVE and len(folds) > 2 and folds[1] in cues.PARTITIVE_UNITS:
        title = match_title(text.tokens, start + 2)
        return RoleRef(text.span(start + 2, end), title[1] if title else None)  # "salah satu suporter"
    if cues.INDEFINITE in folds:
        first = start + folds.index(cues.INDEFINITE) + 1
        # "Seorang penumpang yang enggan disebut namanya": the role ends where the clause about them begins.
        stop = next((i for i in range(first, end) if text.tokens[i].fold == cues.RELATIVE), end)
        if first < stop:
            title = match_title(text.tokens, first)
            return RoleRef(text.span(first, stop), title[1] if title else None)
    if folds[-1] in cues.PRONOUNS and all(is_function_word(fold) for fold in folds[:-1]):
        return PronounRef()
    if all(fold in cues.PERSON_NOUNS for fold in folds):
        return AnaphorRef(None)  # "Pria yang akrab disapa Mas Bay itu bercerita"
    bodies = cues.ORG_ROLE_WORDS | cues.ORG_WORDS  # "perusahaan itu", "stasiun tersebut", "dinas itu"
    if folds[-1] in cues.DEMONSTRATIVES and folds[0] in bodies or folds in ([f] for f in cues.BODY_NOUNS):
        return OrgRef(folds[0])
    if folds[-1] in cues.DEMONSTRATIVES or folds[0] == cues.DETERMINER:
        for index in range(start, end):
            title = match_title(text.tokens, index)
            if title:
                field = folds[index - start + title[0] :]
                return AnaphorRef(title[1], tuple(f for f in field if f not in cues.DEMONSTRATIVES))
            if text.tokens[index].fold in cues.PERSON_NOUNS:
                # "Orang nomor satu di Kuansing itu": the place or body it names narrows down who is meant.
                # The noun itself narrows nothing, even capitalised by a spinner ("Sosok itu Mengucapkan").
                return AnaphorRef(None, tuple(t.fold for t in text.tokens[index + 1 : end] if t.is_cap))
        # "mantan advokat ini menerangkan": what someone was describes the person being talked about
        return AnaphorRef(None) if folds[0] in cues.FORMER_MARKERS else None
    first_title: int | None = None
    last_title: tuple[int, int, str, TitleKind] | None = None
    index = start
    while index < end:
        title = match_title(text.tokens, index)
        if title:
            last_title = (index, index + title[0], title[1], title[2])
            first_title = index if first_title is None else first_title
        index += title[0] if title else 1
    if first_title is not None and first_title > start and not text.tokens[first_title].is_cap:
        # "Kombes Rina Sari Ginting kabid humas polda Sumut mengatakan": a name, then its office in lowercase
        name = trailing_name(text, start, first_title)
        if name is not None and name[1] == first_title:
            return NameRef(text.tokens[name[0] : name[1]], role=text.span(first_title, end))
    if last_title is not None:
        # "Wakil Menteri Investasi/Wakil Kepala BKPM Faisal": the name follows the last title, the role
        # runs from the first.
        return titled(text, start, end, *last_title, phrase_from=first_title)
    name = trailing_name(text, start, end)
    if name is None or text.tokens[name[0]].fold in cues.DOCUMENT_WORDS:
        return None  # "… dalam Berita Resmi Statistik": a document names no one
    return NameRef(text.tokens[name[0] : name[1]])


def _body_around_short_form(text: Text, start: int, end: int) -> list[Token] | None:
    """The words of a body's name written around its short form, which is left out: "Kantor Perwakilan Bank
    Indonesia (BI) Provinsi Bengkulu", "Perusahaan Umum Daerah (Perumda) Pasar Kliwon"; None unless the phrase
    opens with a body's word and names nobody after it."""
    tokens = text.tokens
    paren = next((i for i in range(start, end) if tokens[i].text == "("), None)
    if paren is None or not (short := short_form_in_parens(tokens, paren, end)) or not tokens[start].is_cap:
        return None
    # "Unit Penyelenggara Bandar Udara (UPBU) Wunopito Lembata": words its short form spells out are a body's
    # name, whatever word opens it.
    spelt = "".join(token.text[0] for token in tokens[start:paren] if token.is_cap) == short[0].text
    if not (spelt or tokens[start].fold in cues.ORG_WORDS | cues.ORG_ROLE_WORDS):
        return None
    closing = closing_paren(tokens, paren, end)
    kept = [*tokens[start:paren], *tokens[closing + 1 : end]]
    joins = cues.TITLE_CONNECTORS | cues.NAME_CONNECTORS
    if closing == end - 1 or not all((t.is_word and t.is_cap) or t.fold in joins for t in kept):
        return None
    # "… (BPBD) Kabupaten Lumajang", "… (UPBU) Wunopito Lembata": what follows a short form that spells out
    # the words before it, or a place's word, is the body's place, not a person.
    place = spelt or tokens[closing + 1].fold in cues.PLACE_UNITS
    return None if is_person_like(text, closing + 1, end) and not place else kept


# What may stand before a title that opens a clause: a comma, or the dash after a dateline ("Samarinda - ").
_OPENING_MARKS = frozenset(",-–—")


def _opens_phrase(text: Text, start: int, index: int) -> bool:
    """Whether a title at `index` opens a noun phrase of its own: first in the clause, after a comma or a
    dateline's dash, after a verb ("dihadiri kapten tim, Rizky") or "dan"; not inside a longer role
    ("Pendiri sekaligus CEO PasarKita")."""
    if index == start:
        return True
    before = text.tokens[index - 1]
    verb = not before.is_cap and before.fold.startswith(VERB_PREFIXES)
    # "…, dan kapten tim, Rizky"; not "Kementerian Energi dan Sumber Daya Mineral", one name joined by "dan"
    joined = before.fold in cues.TITLE_CONNECTORS and not (index > 1 and text.tokens[index - 2].is_cap)
    return before.text in _OPENING_MARKS or verb or joined


def titled(
    text: Text,
    start: int,
    end: int,
    first: int,
    after: int,
    head: str,
    kind: TitleKind,
    phrase_from: int | None = None,
) -> Ref | None:
    """What tokens[start:end] refers to, given the title tokens[first:after] in it: the person named after the
    title; with no name, the title itself, its holder (a title in lowercase), or a role many share."""
    former = first > start and text.tokens[first - 1].fold in cues.FORMER_MARKERS
    qualifiers_end, name = after_title(text, after, end, kind)
    if name is not None and head in cues.TERRITORIAL_TITLES and name[0] == after and name[1] - name[0] >= 3:
        qualifiers_end, name = name[0] + 1, (name[0] + 1, name[1])  # "Bupati Ciamis Engkus Sutisna"
    phrase_start = min(first - 1 if former else first, first if phrase_from is None else phrase_from)
    if name is None and _opens_phrase(text, start, phrase_start):
        # "Ketua majelis hakim, Dwi Prasetyo Hadi,": a title that opens a clause, then the name after a comma
        name = person_after_comma(text, qualifiers_end, end)
    if name is not None:
        tokens = text.tokens
        while qualifiers_end > phrase_start and (
            tokens[qualifiers_end - 1].fold in cues.HONORIFICS
            or tokens[qualifiers_end - 1].text == "."
            # a rank's corps after it ("Letkol Inf"), or its retirement in brackets ("Mayjen TNI (Purn)"), not a
            # body of that name ("Bareskrim Polri")
            or (
                tokens[qualifiers_end - 1].fold in cues.RANK_CORPS
                and (tokens[qualifiers_end - 2].fold in cues.HONORIFICS or tokens[qualifiers_end - 2].text == "(")
            )
            or (tokens[qualifiers_end - 1].text == ")" and tokens[qualifiers_end - 2].fold in cues.RANK_CORPS)
            or tokens[qualifiers_end - 1].text == "("
        ):
            qualifiers_end -= 1  # "Kepala Dinas Kesehatan Dr. dr. Ratna": the honorifics are not the office
        # "Kapolda Jatim Komisaris Besar Polisi Budi": nor is a rank written out
        qualifiers_end = next((i for i in range(after, qualifiers_end) if rank_at(text.tokens, i)), qualifiers_end)
        phrase = text.span(phrase_start, qualifiers_end) if qualifiers_end > phrase_start else ""
        title = Title(head, former, phrase, short_form(text, after, name[0]))
        return NameRef(text.tokens[name[0] : name[1]], title)
    if not text.tokens[first].is_cap:
        # "jaksa menyebut …" points at the prosecutor named before; after another noun ("tim pelatih sudah
        # mengingatkan") or with nobody holding it, a lowercase title is a common noun. Two titles in a row
        # make one role ("koordinator relawan PMI").
        if phrase_start > start:
            return None
        # "sumber di kementerian mengungkapkan": a role many share is an unnamed speaker.
        if kind is TitleKind.GENERIC:
            return RoleRef(text.span(phrase_start, end), head)
        serves = any(token.is_cap for token in text.tokens[after:qualifiers_end])
        return HolderRef(head, text.span(phrase_start, end) if serves else None)
    if kind is TitleKind.GENERIC:
        return RoleRef(text.span(first, end), head)
    return TitleRef(head, text.span(phrase_start, end))
