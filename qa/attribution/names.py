"""Personal and organisation names in a paragraph's narration: where a run of capitalised words ends, whether it
can be a name, and the name that ends or fills a span once fillers, honorifics and ranks are set aside."""

from __future__ import annotations

from collections.abc import Sequence

from . import cues
from .quotes import closing_paren, opening_paren
from .text import Text
from .words import CLAUSE_MARKS, TIME_WORDS, TITLE_WORDS, Token, breaks_name, is_filler, is_plain_root, is_strong


def is_cue(token: Token) -> bool:
    """A verb of saying, active or passive ("mengatakan", "disampaikan"): never part of a name."""
    return token.fold in cues.SPEECH_VERBS or token.fold in cues.PASSIVE_CUES


def after_break(tokens: Sequence[Token], index: int) -> bool:
    """Whether tokens[index] follows a comma or a quote mark, where an inverted cue stands ("“…,” kata Budi")."""
    return index > 0 and (tokens[index - 1].text == "," or tokens[index - 1].is_quote)


def is_inverted_cue(tokens: Sequence[Token], index: int) -> bool:
    """An inverted cue in its place, with its speaker after it: after a comma or a quote ("“…,” kata Budi"), or
    for a spinner's stand-in, capitalised right after a quote ("“…,” Istilah Aini"). A spinner may capitalise
    the cue ("“…,” Tandas Maria"), which makes it no part of the name."""
    token = tokens[index]
    if token.fold in cues.SPUN_INVERTED_CUES:
        return token.is_cap and index > 0 and tokens[index - 1].is_quote
    return token.fold in cues.INVERTED_CUES and (after_break(tokens, index) or _before_pronoun(tokens, index))


def _before_pronoun(tokens: Sequence[Token], index: int) -> bool:
    """ "Adapun kejadiannya kata dia, bermula …": a cue with its pronoun set off by a comma, with no comma before
    it; "kata" as a noun is never followed so."""
    after = tokens[index + 1 : index + 3]
    return len(after) == 2 and after[0].fold in cues.PRONOUNS and after[1].text in CLAUSE_MARKS


def name_run(tokens: Sequence[Token], start: int, end: int) -> int:
    """End of the run of capitalised words (with particles such as "van" inside) that starts at `start`."""
    index = start
    while index < end:
        token = tokens[index]
        if token.is_word and token.is_cap and not is_cue(token) and not breaks_name(token, index == start):
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


def is_name(text: Text, start: int, end: int) -> bool:
    """Whether tokens[start:end] can be a name: something strong in it, an organisation, or met before."""
    if start >= end:
        return False
    names = text.tokens[start:end]
    if any(is_cue(token) for token in names):
        return False
    if any(is_strong(token, text.words) for token in names):
        return True
    if names[0].fold in cues.ORG_WORDS and len(names) > 1:
        return True
    return text.known.find(tuple(token.fold for token in names)) is not None


def trailing_name(text: Text, start: int, end: int) -> tuple[int, int] | None:
    """The name that ends tokens[start:end], once fillers ("Bahkan", "Sementara", "Senin") are stripped."""
    short_form: tuple[int, int] | None = None
    legal_end = None
    if end > start and text.tokens[end - 1].text == ")":
        opening = opening_paren(text.tokens, end - 1, start)
        if opening == end - 3 and text.tokens[end - 2].is_acronym:
            short_form = (end - 2, end - 1)  # "(BMKG)", the name to use when the long one is cut by commas
        if opening == end - 3 and text.tokens[end - 2].fold in cues.LEGAL_FORMS:
            legal_end = end  # "PT Pos Indonesia (Persero)"
        end = opening
    while end > start and (text.tokens[end - 1].fold in TIME_WORDS or _spun_after_name(text.tokens[end - 1])):
        end -= 1
    first = end
    while first > start:
        token = text.tokens[first - 1]
        inside = first < end and token.fold in cues.NAME_PARTICLES and first - 1 > start
        if not ((token.is_word and token.is_cap and not is_cue(token)) or inside):
            break
        if is_inverted_cue(text.tokens, first - 1):
            break  # "“…,” Keluh Nurhayati (38), warga …": the name starts after the cue
        first -= 1
    first = past_honorifics(text, first, end, end)[0]
    while first < end and is_filler(text.tokens[first], text.words):
        first += 1
    # "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)": the long name is cut, the short one is whole.
    cut = first > 0 and text.tokens[first - 1].fold in cues.CLAUSE_OPENERS
    if is_name(text, first, end) and not (short_form and cut):
        return first, legal_end or end
    return short_form


def _spun_after_name(token: Token) -> bool:
    """A spinner's capitalised word right after a name: "Hendra Kagak menjawab" ("tidak")."""
    return token.is_cap and breaks_name(token, False)


def whole_name(text: Text, start: int, end: int) -> tuple[int, int] | None:
    """The name that fills tokens[start:end], honorifics and ranks aside ("dr. Lestari Widodo", "Rina (34)",
    "Brigjen Pol (Purn) Budi Santoso")."""
    first = start
    while start < end:
        token = text.tokens[start]
        if token.fold in cues.HONORIFICS or token.text == "." or (start > first and token.fold in cues.RANK_CORPS):
            start += 1
        elif start > first and (past := _past_bracketed_rank(text.tokens, start, end)) > start:
            start = past
        elif rank := rank_at(text.tokens, start):
            start += rank  # "Kolonel Inf Budi"
        else:
            break
    name = trailing_name(text, start, end)
    return name if name is not None and name[0] == start else None


# The ranks by their first word, longest first: most tokens open none, and are passed over at once.
_RANKS_BY_FIRST = {
    first: sorted((rank for rank in cues.RANKS if rank[0] == first), key=len, reverse=True)
    for first in {rank[0] for rank in cues.RANKS}
}


def rank_at(tokens: Sequence[Token], index: int) -> int:
    """The length of the rank written out in full at `index` ("Ajun Komisaris Besar Polisi"), else 0; none right
    after a unit's word, whose name it is part of ("Direktorat Jenderal"), and none in lower case: "kapten tim"
    is an office, "Kapten Stefanus" a rank."""
    in_unit = index > 0 and tokens[index - 1].is_cap and tokens[index - 1].fold in cues.UNIT_WORDS
    if in_unit or not tokens[index].is_cap:
        return 0
    ranks = _RANKS_BY_FIRST.get(tokens[index].fold, ())
    return next((len(r) for r in ranks if _ranked_name_at(tokens, index, r)), 0)


def _ranked_name_at(tokens: Sequence[Token], index: int, rank: tuple[str, ...]) -> bool:
    """The rank is written at `index` before a name or its corps ("Kolonel (Purn) Budi"): "Kapten tim Persija"
    opens no name."""
    after = index + len(rank)
    before_name = after < len(tokens) and (tokens[after].is_cap or tokens[after].text == "(")
    return before_name and tuple(t.fold for t in tokens[index:after]) == rank


def _past_bracketed_rank(tokens: Sequence[Token], index: int, end: int) -> int:
    """Where the words after a rank's corps or retirement in brackets at `index` begin ("Mayjen TNI (Purn)
    Budi": it belongs to the rank), else `index`."""
    if index + 1 < end and tokens[index].text == "(" and tokens[index + 1].fold in cues.RANK_CORPS:
        return closing_paren(tokens, index, end) + 1
    return index


def past_honorifics(text: Text, start: int, run_end: int, end: int) -> tuple[int, int]:
    """The name in a capitalised run tokens[start:run_end] that holds ranks or honorifics: it follows the
    last of them, over their full stops ("Kasat Reskrim Polres Karawang Kompol Arief Siregar",
    "Polda Metro Jaya Kombes Pol. Yohanes Situmorang")."""
    last = None
    tokens = text.tokens
    for index in range(start, end):  # up to the end of the phrase: "Majelis Ulama (MUI) Jawa Timur KH. Ahmad"
        token = tokens[index]
        # a word in lowercase that is no honorific ends the phrase: "Bupati X Budi meninjau … Letkol Inf Bayu"
        clause = token.is_word and not token.is_cap and not token.text[0].isdigit()
        if clause and token.fold in cues.ABBREVIATIONS | cues.TITLE_CONNECTORS:
            clause = False  # "dr.", "dan" inside an office
        if token.text in ",;:" or is_cue(token) or clause:
            break
        if token.fold in cues.HONORIFICS:
            last = index
        if rank := rank_at(tokens, index):
            last = index + rank - 1
    if last is None:
        return start, run_end
    after = last + 1
    while after < end and (tokens[after].text == "." or tokens[after].fold in cues.HONORIFICS | cues.RANK_CORPS):
        after = _past_bracketed_rank(tokens, after + 1, end)
    after_end = name_run(text.tokens, after, end)
    return (after, after_end) if after_end > after else (start, run_end)


def person_after_comma(text: Text, comma: int, end: int) -> tuple[int, int] | None:
    """The personal name of two words or more in ", Nama Lengkap," at `comma`, if that is what follows."""
    if comma + 2 >= end or text.tokens[comma].text != ",":
        return None
    start = comma + 1
    while start < end and (text.tokens[start].fold in cues.HONORIFICS or text.tokens[start].text == "."):
        start += 1  # ", Dr. Ir. Heru Prasetyo,"
    name_end = name_run(text.tokens, start, end)
    if name_end - start >= 2 and is_person_like(text, start, name_end):
        return start, name_end
    return None


def is_person_like(text: Text, start: int, end: int) -> bool:
    """Whether tokens[start:end] look like a personal name: at least one strong word, the others strong or
    names that are also ordinary words ("Budi Santoso", "Nabila Putri Anjani"), and nothing of a place, an
    organisation or a title."""
    names = [token for token in text.tokens[start:end] if token.fold not in cues.NAME_PARTICLES]
    if not names or not all(token.is_word and token.is_cap for token in names):
        return False

    def plain_name(token: Token) -> bool:
        return is_strong(token, text.words) and not (token.is_acronym or token.is_camel)

    def later_word(token: Token) -> bool:  # "Hakim" in "Ahmad Fauzan Hakim" is no title
        return token.fold in TITLE_WORDS and not (token.is_acronym or token.is_camel)

    return (
        any(plain_name(token) for token in names)
        and (plain_name(names[0]) or is_plain_root(names[0], text.words))
        and all(plain_name(t) or is_plain_root(t, text.words) or later_word(t) for t in names[1:])
        and not any(token.fold in cues.ORG_WORDS for token in names)
    )
