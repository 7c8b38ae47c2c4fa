"""Roles given in an appositive ("Budi Santoso, petani di Karawang, mengatakan"): whether a span describes
someone, how far the role runs past the places after it, and its text as the article words it."""

from __future__ import annotations

from qa.tokens import fold

from . import cues
from .text import Text
from .titles import match_title


def is_role(text: Text, start: int, end: int, strict: bool) -> bool:
    """Whether tokens[start:end] describes someone: "seorang profesor …", "perusahaan …", "Menteri …".
    Not strict (the appositive is closed by a verb of saying), any lowercase opening will do."""
    if start >= end or not text.tokens[start].is_word or text.tokens[start].text[0].isdigit():
        return False  # "Marlina, 45 tahun, pembudidaya ikan": an age is no role
    if _office_clause(text, start, end) > start:
        return True  # "Meilani, yang menjabat sebagai direktur keuangan sejak Oktober,"
    if text.tokens[start].fold == cues.PARTITIVE and start + 1 < end:
        if text.tokens[start + 1].fold in cues.PARTITIVE_UNITS:
            return True  # "Salah seorang pengungsi", "salah Satu pemuda" (a spinner's capital): one of a group
        start += 1
    first = text.tokens[start]
    honoured = start + 1 < end and (text.tokens[start + 1].is_cap or text.tokens[start + 1].text == ".")
    # "Sri Wahyuni (48), ibu Dimas,": after a name and an age, a lowercase word for kin is a role.
    kin = not strict and not first.is_cap and first.fold in cues.KIN
    if first.fold in cues.HONORIFICS and honoured and not kin:
        return False  # "dr. Lestari Widodo" is a name; "ibu dua anak" is a role
    if first.fold in cues.PERSON_ROLE_WORDS or first.fold in cues.ORG_ROLE_WORDS:
        return True
    if match_title(text.tokens, start):
        return True
    if strict:
        return False
    if not first.is_cap:
        return first.fold not in cues.CLAUSE_OPENERS
    # "Liam O'Connor, Pelancong asal Perth,": a spinner capitalised the role's noun, which says where its holder
    # comes from.
    return start + 1 < end and text.tokens[start + 1].fold in cues.ORIGIN_MARKERS


def with_places(text: Text, role_end: int, end: int) -> int:
    """The end of a role that stops at the comma `role_end`, moved past the places that follow it
    ("profesor di Universitas Gadjah Mada, Yogyakarta,"; "petani di Karawang, Jawa Barat,"): each a short
    run of capitalised words, closed by another comma, that no one has been called by."""
    while role_end < end and text.tokens[role_end].text == ",":
        place_end = role_end + 1
        while place_end < end and text.tokens[place_end].is_word and text.tokens[place_end].is_cap:
            place_end += 1
        words = tuple(t.fold for t in text.tokens[role_end + 1 : place_end])
        closed = place_end < len(text.tokens) and text.tokens[place_end].text == ","
        if not (closed and 0 < len(words) <= cues.PLACE_MAX_WORDS and text.known.find(words) is None):
            break
        role_end = place_end
    return role_end


def _office_clause(text: Text, start: int, end: int) -> int:
    """Where the office begins after a relative clause that says it is held ("yang menjabat sebagai", "yang
    juga menjabat"), or `start` when tokens[start:end] opens with none."""
    words = [token.fold for token in text.tokens[start:end]]
    if words[:1] != [cues.RELATIVE]:
        return start
    index = 1
    while index < len(words) and words[index] in cues.OFFICE_CLAUSE_ASPECTS:
        index += 1
    if index >= len(words) or words[index] != cues.HOLDS_OFFICE:
        return start
    index += 1
    if index < len(words) and words[index] == cues.CAPACITY_AS:
        index += 1
    return start + index if index < len(words) else start


def role_text(text: Text, start: int, end: int) -> str:
    """The role in tokens[start:end] as written, without the sentence's closing mark or a leading "seorang";
    of an office held ("yang menjabat sebagai direktur keuangan sejak Oktober"), the office alone."""
    office = _office_clause(text, start, end)
    if office > start:
        since = next((i for i in range(office, end) if text.tokens[i].fold in cues.OFFICE_CLAUSE_ENDS), end)
        start, end = office, since
    role = text.span(start, end).strip().rstrip(".!?;:").rstrip()
    folded = fold(role)
    for prefix in cues.INDEFINITE_PREFIXES:
        if folded.startswith(prefix + " "):
            return role[len(prefix) + 1 :]
    return role
