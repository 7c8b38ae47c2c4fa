"""Titles in a paragraph's narration ("Menteri Pertanian", "CEO PasarKita", "Wakil Kepala BKPM"): where one
stands, where its qualifiers stop, and the name that follows it."""

from __future__ import annotations

from collections.abc import Sequence

from . import cues
from .names import is_cue, is_name, name_run, past_honorifics, person_after_comma, rank_at
from .quotes import closing_paren, in_parens
from .text import Text
from .words import (
    TITLE_WORDS,
    TITLES,
    VERB_PREFIXES,
    TitleKind,
    Token,
    is_function_word,
    is_plain_root,
    is_qualifier,
    tokenize,
)


def match_title(tokens: Sequence[Token], index: int) -> tuple[int, str, TitleKind] | None:
    """(length, head, kind) of the title starting at `index`, the longest one listed; "Wakil" before any title
    makes its deputy ("Wakil Kepala BKPM"). A title word right after a unit's word is part of the unit's name
    ("Direktorat Jenderal", "Sekretariat Jenderal"); one that opens a rank is the rank's."""
    if index > 0 and tokens[index - 1].is_cap and tokens[index - 1].fold in cues.UNIT_WORDS and tokens[index].is_cap:
        return None
    if rank_at(tokens, index):
        return None  # "Komisaris Besar Polisi Budi": a rank before the name, not the office of "komisaris"
    for entry in TITLES.get(tokens[index].fold, ()):
        end = index + len(entry.words)
        if end <= len(tokens) and tuple(token.fold for token in tokens[index:end]) == entry.words:
            if entry.kind is TitleKind.GENERIC and _in_body_name(tokens, index):
                return None  # "Ikatan Dokter Indonesia", "Balai Konservasi Sumber Daya Alam": a body's words
            return len(entry.words), entry.head, entry.kind
    if tokens[index].fold == cues.DEPUTY and index + 1 < len(tokens):
        title = match_title(tokens, index + 1)
        if title is not None:
            return title[0] + 1, f"{cues.DEPUTY} {title[1]}", title[2]
    return None


def _in_body_name(tokens: Sequence[Token], index: int) -> bool:
    """Whether the capitalised word at `index` goes on a run of capitalised words opened by a body's word."""
    start = index
    while start > 0 and tokens[start - 1].is_word and tokens[start - 1].is_cap:
        start -= 1
    return tokens[index].is_cap and start < index and tokens[start].fold in cues.ORG_WORDS


def has_title(text: Text, start: int, end: int) -> bool:
    """Whether a title stands anywhere in tokens[start:end]."""
    return any(match_title(text.tokens, index) for index in range(start, end))


def _opens_name(token: Token, nxt: Token | None) -> bool:
    """A Balinese or Sasak name's first word after a title's qualifiers ("… NTB I Made Wirata", "… NTB Lalu
    Ahmad Fikri"), which would otherwise read as one more qualifier."""
    if nxt is None or not nxt.is_cap:
        return False
    if token.text in cues.NAME_PREFIXES:
        return nxt.fold in cues.BALINESE_NAMES
    return token.is_cap and token.fold in cues.SASAK_TITLES and nxt.fold != "lintas"


def _joins_body(tokens: Sequence[Token], index: int, end: int) -> bool:
    """Whether the "dan" at `index` joins two words of a body's name, the run of capitals going on after the
    next ("Kementerian Desa dan Transmigrasi Budi Hartono"): a name does not follow "dan" inside an office."""
    return 0 < index and index + 2 < end and all(tokens[i].is_cap for i in (index - 1, index + 1, index + 2))


def _short_form_ahead(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where the short form in parentheses that ends the long name opening at `start` stands ("Asosiasi
    Logistik dan Forwarder Indonesia (ALFI)"), or `start` when no short form in capitals closes the run."""
    index = start
    while index < end and (tokens[index].is_cap or tokens[index].fold in cues.TITLE_CONNECTORS | cues.NAME_CONNECTORS):
        index += 1
    short = in_parens(tokens, index, end)
    return index if index > start and short is not None and short.is_acronym else start


def after_title(text: Text, start: int, end: int, kind: TitleKind) -> tuple[int, tuple[int, int] | None]:
    """Skip the qualifiers of a title ("AS", "Pertanian", "PasarKita", "(PSSI)"); return where they stop and
    the name that follows them, if any."""
    index = start
    lowercase = 0
    joined = -1  # end of the last "of Japan" taken into the qualifiers
    while index < end:
        token = text.tokens[index]
        nxt = text.tokens[index + 1] if index + 1 < end else None
        if token.text == "(":
            closing = closing_paren(text.tokens, index, end)
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
            title = match_title(text.tokens, index + 1)
            index += 1 + (title[0] if title else 0)
        elif token.fold in cues.HONORIFICS | cues.RANK_CORPS and nxt is not None:
            index += 2 if nxt.text == "." else 1  # "Kepala Dinas Kesehatan Dr. dr. Ratna Dewi"
        elif rank := rank_at(text.tokens, index):
            index += rank  # "Kapolres Kebumen Ajun Komisaris Besar Polisi Rudi"
        elif token.text[0].isdigit():
            index += 1  # "Danrem 162 Brigjen TNI Bambang", "Regional 2 Panjang"
        elif token.fold in cues.TITLE_CONNECTORS and nxt is not None and (
            is_qualifier(nxt, text.words) or _joins_body(text.tokens, index, end)
        ):
            index += 2  # "Menteri Komunikasi dan Digital", "Kepala Bidang Pembinaan dan Prestasi"
            joined = index
        elif token.fold in cues.ORIGIN_MARKERS and index > start and nxt is not None and nxt.fold in cues.ORG_WORDS:
            index += 1  # "pengamat ekonomi dari Universitas Indonesia Budi": the body the role is held at
        elif not token.is_word or is_cue(token):
            break
        elif index > start and _opens_name(token, nxt):
            break
        elif token.is_cap and (inner := match_title(text.tokens, index)):
            index += inner[0]  # "Ketua Majelis Hakim Budi", "Hakim Ketua Budi": offices in a row are one office
        elif token.is_cap and (past_body := _short_form_ahead(text.tokens, index, end)) > index:
            index = past_body  # "Ketua Asosiasi Logistik dan Forwarder Indonesia (ALFI) Lampung Budi": a body's name
        elif token.is_cap:
            if not (is_qualifier(token, text.words) or token.fold in text.known.org_words):
                break
            if is_function_word(token.fold) and not (nxt and nxt.is_cap):
                break
            index += 1
        elif (
            lowercase < 3
            and not is_function_word(token.fold)
            and not token.fold.startswith(VERB_PREFIXES)
            and (token.fold in TITLE_WORDS or text.words.is_common(token.fold))
        ):
            lowercase += 1
            index += 1
        else:
            break
    name_end = name_run(text.tokens, index, end)
    if in_parens(text.tokens, name_end, end) is not None:
        # "Otoritas Jasa Keuangan (OJK) Ratna Dewi": a run with its short form is an organisation.
        after = name_run(text.tokens, name_end + 3, end)
        if after > name_end + 3:
            index, name_end = name_end + 3, after
    index, name_end = past_honorifics(text, index, name_end, end)
    if name_end == index or not is_name(text, index, name_end):
        # Nothing but ordinary words: two of them after the qualifiers are a name ("Presiden Bambang
        # Kusuma"), one alone is part of the title ("Menteri Agama").
        first = index
        while first > max(start, joined) and is_plain_root(text.tokens[first - 1], text.words):
            first -= 1
        return (first, (first, index)) if index - first >= 2 else (index, None)
    if name_end < end and text.tokens[name_end].fold in cues.DEMONSTRATIVES:
        return name_end, None  # "pelantun Rindu Tak Bertuan itu": the singer of that song, someone met before
    person = person_after_comma(text, name_end, end)
    if person is not None:
        return name_end, person  # "Pelatih Rajawali FC, Marcel van Dijk,": the run is the club, then the name
    while name_end - index >= 3 and text.tokens[index].fold.endswith(cues.ENGLISH_WORD_ENDINGS):
        index += 1
    # "Presiden Direktur PT Huayang Energi Indonesia Zhang Weiming": a company's name runs into the person's,
    # which starts after its last acronym, organisation or place word.
    for last in range(name_end - 3, index - 1, -1):
        token = text.tokens[last]
        place = token.fold in cues.PLACE_WORDS or token.fold in text.words.places
        if token.is_acronym or token.fold in cues.ORG_WORDS or place:
            index = last + 1
            break
    if index > start and index != joined and is_plain_root(text.tokens[index - 1], text.words):
        index -= 1  # "Menteri Keuangan Sri Mulyani": a first name that is also a word
    single = name_end - index == 1
    # A rank or honorific is followed by a name, of one word too: "Kepala Basarnas Marsdya TNI Budi".
    ranked = index > start and _ends_rank(text.tokens, index - 1)
    if single and kind is not TitleKind.STATE and not ranked and text.known.find((text.tokens[index].fold,)) is None:
        return name_end, None  # "CEO PasarKita": the one word is the company
    return index, (index, name_end)


def _ends_rank(tokens: Sequence[Token], index: int) -> bool:
    """Whether tokens[index] ends a rank or honorific: "Letjen", "TNI" after one, "(Purn)", "Dr."."""
    token = tokens[index]
    before = tokens[index - 1].fold if index > 0 else ""
    if token.text in ").":
        return before in cues.HONORIFICS | cues.RANK_CORPS
    return token.fold in cues.HONORIFICS or (token.fold in cues.RANK_CORPS and before in cues.HONORIFICS)


def short_form(text: Text, start: int, end: int) -> str | None:
    """A title's own short form in parentheses before the name: "Menteri Perhubungan (Menhub) Budi". An
    all-capitals one is the organisation's: "Kepala Badan Koordinasi Penanaman Modal (BKPM) Budi"."""
    for index in range(start, end):
        word = in_parens(text.tokens, index, end)
        if word is not None and word.is_cap and not word.is_acronym:
            return word.fold
    return None


def titles_in(role: str) -> dict[str, bool]:
    """Title heads named in a role: "mantan Presiden", "Menteri Pertanian", "pelatih tim nasional"."""
    tokens = tokenize(role)
    found: dict[str, bool] = {}
    for index in range(len(tokens)):
        title = match_title(tokens, index)
        if title and title[1] not in found:
            found[title[1]] = index > 0 and tokens[index - 1].fold in cues.FORMER_MARKERS
    return found
