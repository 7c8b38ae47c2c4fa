"""Who is the subject of a verb of saying: the phrase before it ("Santoso mengatakan", "Budi, petani di
Karawang, mengatakan", "PT X dalam keterangan tertulis menyatakan") or after it ("kata Santoso", "ujar menteri
itu", "menurut pengamat X"), read as a reference."""

from __future__ import annotations

from . import cues
from .names import is_cue, is_person_like, name_run, trailing_name, whole_name
from .phrases import classify, titled
from .quotes import closing_paren, opening_paren
from .refs import AnaphorRef, HolderRef, NameRef, Ref, RoleRef, TitleRef
from .roles import is_role, role_text, with_places
from .text import Text
from .titles import has_title, match_title
from .words import (
    CLAUSE_MARKS,
    TITLE_WORDS,
    VERB_PREFIXES,
    Token,
    breaks_name,
    clause_end,
    is_degree,
    is_function_word,
)


def subject_before(text: Text, sentence_start: int, cue: int) -> Ref | None:
    """The subject of a verb of saying: "Santoso mengatakan", "Ia juga mengingatkan", "X, role, mengatakan",
    or the subject before an adjunct: "PT X dalam keterangan tertulis menyatakan", "Budi saat ditemui
    mengatakan", "sumber yang enggan disebutkan namanya mengungkapkan"."""
    ref = _subject_right_before(text, sentence_start, cue)
    if ref is not None and (opener := _subordinate(text, sentence_start, cue)) is not None:
        if not _passive_after(text, opener):
            return None
        # "Budi saat dihubungi Kompas mengatakan": the clause has no subject of its own ("Kompas" is who called),
        # and the speaker is the subject before it.
        ref = None
    opener = cue - 1
    while ref is None and opener > sentence_start and not is_cue(text.tokens[opener]):
        if text.tokens[opener].fold in cues.ADJUNCT_OPENERS:
            if _names_a_document(text, sentence_start, opener):
                return None  # "tertuang dalam surat Badan Geologi yang menyebutkan …": a document says it
            ref = _subject_right_before(text, sentence_start, _past_place_aside(text, sentence_start, opener))
            # "Pedagang yang enggan disebutkan namanya itu mengaku": that trader, met before.
            pointing = text.tokens[cue - 1].fold in cues.DEMONSTRATIVES
            if pointing and text.tokens[opener].fold == cues.RELATIVE and isinstance(ref, (RoleRef, TitleRef)):
                ref = AnaphorRef(ref.head)
        opener -= 1
    return ref


def _past_place_aside(text: Text, sentence_start: int, end: int) -> int:
    """Where the subject before `end` ends, past a place set between commas right before it: "Seorang warga
    Desa X, Kecamatan Y, yang enggan disebut namanya mengaku": the resident of Desa X."""
    if end - 1 <= sentence_start or text.tokens[end - 1].text != ",":
        return end
    comma = end - 2
    while comma > sentence_start and text.tokens[comma].text != ",":
        comma -= 1
    opens_with_place = comma > sentence_start and text.tokens[comma + 1].fold in cues.PLACE_UNITS
    return comma if opens_with_place else end


def _subordinate(text: Text, sentence_start: int, cue: int) -> int | None:
    """Where the subordinating conjunction stands that the words before the cue open with, if they do: "…
    setelah keluarga pasien mengaku …" tells why or when, and quotes nobody."""
    index = cue - 1
    while index > sentence_start and text.tokens[index].is_word and text.tokens[index].fold not in cues.CLAUSE_OPENERS:
        index -= 1
    return index if text.tokens[index].fold in cues.SUBORDINATORS else None


def _passive_after(text: Text, opener: int) -> bool:
    """Whether a passive verb follows the conjunction ("saat dihubungi", "usai diperiksa"): a clause whose subject
    is the sentence's own."""
    after = text.tokens[opener + 1] if opener + 1 < len(text.tokens) else None
    return after is not None and not after.is_cap and after.fold.startswith("di") and len(after.fold) > 5


def _names_a_document(text: Text, sentence_start: int, end: int) -> bool:
    """Whether the phrase ending before `end` is a document named by its issuer or addressee: "surat Badan
    Geologi Kementerian Energi dan Sumber Daya Mineral", "laporan BPS", "surat kepada Presiden"."""
    index = end - 1
    while index > sentence_start and (
        text.tokens[index].is_cap
        or text.tokens[index].fold in cues.TITLE_CONNECTORS
        or text.tokens[index].fold in cues.NAME_CONNECTORS
        or text.tokens[index].fold in cues.DOCUMENT_LINKS
    ):
        index -= 1
    return index < end - 1 and text.tokens[index].fold in cues.DOCUMENT_WORDS


def _subject_right_before(text: Text, sentence_start: int, cue: int) -> Ref | None:
    """The subject phrase that ends right before `cue`, past adverbs and degrees; one closed by a comma is an
    appositive."""
    index = cue - 1
    while index >= sentence_start and text.tokens[index].fold in cues.ADVERBS:
        index -= 1
    # "Dr. H. Zainal Arifin, M.Ag. mengatakan": degrees after the name stand between it and its verb.
    while index > sentence_start and (text.tokens[index].text == "." or is_degree(text.tokens[index])):
        index -= 1
        if text.tokens[index].text == "," and is_degree(text.tokens[index + 1]):
            index -= 1
    if index < sentence_start:
        return None
    if text.tokens[index].text == ",":
        return _appositive(text, sentence_start, index)
    end = index + 1
    while index >= sentence_start:
        token = text.tokens[index]
        if token.text == ")":
            opening = opening_paren(text.tokens, index, sentence_start)
            if opening == index:
                break
            index = opening - 1
            continue
        after_honorific = index > sentence_start and text.tokens[index - 1].fold in cues.HONORIFICS
        if not token.is_word and not (token.text == "." and after_honorific):
            break
        if token.fold in cues.CHANNEL_OPENERS and index + 1 < end and not text.tokens[index + 1].is_cap:
            # "Ombudsman RI Perwakilan Jawa Tengah dalam siaran pers menyebutkan", "Polda X lewat akun Instagram-nya
            # mengumumkan": the channel is no part of the subject, which `subject_before` finds before it.
            return None
        # "Menteri Energi dan Sumber Daya Mineral Taufik": "dan" inside a title does not open a clause.
        joins = token.fold in cues.TITLE_CONNECTORS
        inside_title = joins and index > sentence_start and text.tokens[index - 1].is_cap
        office = _listed_office(text, sentence_start, index) if joins else None
        if office is not None and (title := match_title(text.tokens, office)) is not None:
            # Read as one title running up to "dan": the name follows the office's last field.
            return titled(text, office, end, office, index + 1, title[1], title[2])
        if token.fold in cues.CLAUSE_OPENERS and not (inside_title and text.tokens[index + 1].is_cap):
            if token.fold == cues.RELATIVE and text.tokens[end - 1].fold not in cues.DEMONSTRATIVES:
                # "Seorang petugas yang berjaga di gerbang TPS menuturkan": the clause describes the
                # subject before "yang" (`subject_before` reads it), and names no speaker of its own.
                return None
            break
        index -= 1
    ref = _with_capacity(text, index + 1, end) or classify(text, index + 1, end)
    if ref is None and index > sentence_start and text.tokens[index].text == ",":
        return _unclosed_appositive(text, sentence_start, index, end)
    return ref


def _listed_office(text: Text, sentence_start: int, joiner: int) -> int | None:
    """Where an office begins whose name lists its fields before "dan" ("Direktur Angkutan Sungai, Danau, dan
    Penyeberangan Kementerian Perhubungan Benny Hutagalung menjelaskan"): short runs of capitalised words set
    apart by commas, back to one that opens with a title. Not a list of subjects ("Kepala Dinas, Budi, dan Badan
    Riset Daerah menilai"): what follows "dan" opens with no body's word."""
    after = text.tokens[joiner + 1] if joiner + 1 < len(text.tokens) else None
    if after is None or after.fold in cues.ORG_WORDS or after.fold in cues.ORG_ROLE_WORDS:
        return None
    comma = joiner - 1
    while comma > sentence_start and text.tokens[comma].text == ",":
        start = comma
        while start > sentence_start and text.tokens[start - 1].is_word and text.tokens[start - 1].is_cap:
            start -= 1
        if start == comma or comma - start > cues.LISTED_FIELD_MAX_WORDS:
            return None
        if match_title(text.tokens, start):
            return start
        comma = start - 1
    return None


def _listed_fields(text: Text, comma: int, end: int) -> int | None:
    """Where the last field begins of an office that lists its fields from the comma at `comma` on ("Kepala
    Badan Meteorologi, Klimatologi, dan Geofisika Stasiun Sentani"): short runs of capitalised words set apart
    by commas, then "dan" and a word that opens neither a body's name nor a title, as `_listed_office` reads
    them backwards from "dan" (not "kata Kepala Dinas, Budi, dan Ketua DPRD, Ani": two people)."""
    index = comma
    while index < end and text.tokens[index].text == ",":
        run = index + 1
        while run < end and text.tokens[run].is_word and text.tokens[run].is_cap:
            run += 1
        if run - index - 1 > cues.LISTED_FIELD_MAX_WORDS:
            return None
        if run + 1 < end and text.tokens[run].fold in cues.TITLE_CONNECTORS:
            after = text.tokens[run + 1]
            body = after.fold in cues.ORG_WORDS or after.fold in cues.ORG_ROLE_WORDS
            titled = match_title(text.tokens, run + 1) is not None
            return run + 1 if after.is_cap and after.is_word and not body and not titled else None
        if run == index + 1:
            return None
        index = run
    return None


def _unclosed_appositive(text: Text, sentence_start: int, comma: int, end: int) -> Ref | None:
    """ "Sulastri Wulandari, korban banjir mengatakan": a name, then its role with no comma to close it."""
    head = comma
    while head > sentence_start and text.tokens[head - 1].text != ",":
        head -= 1
    name = trailing_name(text, head, comma)
    if name is None or name[0] != head or not is_role(text, comma + 1, end, strict=False):
        return None
    return NameRef(text.tokens[name[0] : name[1]], role=role_text(text, comma + 1, end))


def _with_capacity(text: Text, start: int, end: int) -> Ref | None:
    """ "AKBP Budi Santoso selaku Kapolres Magetan menjelaskan": the name, then the office it speaks in."""
    link = next((i for i in range(start + 1, end - 1) if text.tokens[i].fold == cues.CAPACITY), None)
    name = trailing_name(text, start, link) if link is not None else None
    if name is None:
        return None
    return NameRef(text.tokens[name[0] : name[1]], role=role_text(text, link + 1, end))


def subject_after(text: Text, start: int, end: int) -> Ref | None:
    """The speaker named after an inverted cue: "kata Santoso", "ujar menteri itu", "menurut pengamat X"."""
    if start + 1 < end and text.tokens[start].fold in cues.ORG_SIDE_WORDS and text.tokens[start + 1].is_cap:
        start += 1  # "tulis manajemen Persibar": the body itself
    # "kata kuasa hukum bernama Budi Santoso, S.H., itu": the name the description gives.
    named = next((i for i in range(start, end) if not text.tokens[i].is_word or text.tokens[i].fold == cues.NAMED), None)
    if named is not None and text.tokens[named].fold == cues.NAMED:
        return classify(text, start, name_run(text.tokens, named + 1, end))
    index = start
    qualifying = False
    while index < end:
        token = text.tokens[index]
        if token.text == "(":
            closing = closing_paren(text.tokens, index, end)
            if closing == index:
                break
            index = closing + 1
            continue
        if token.text == "." and index > start and text.tokens[index - 1].fold in cues.HONORIFICS:
            index += 1
            continue
        if token.text == "," and match_title(text.tokens, start) and (last := _listed_fields(text, index, end)):
            index = last  # "kata Kepala Dinas Kebudayaan, Pariwisata, Pemuda, dan Olahraga Sleman, Budi": one office
            continue
        if not token.is_word:
            break
        if token.fold in cues.PRONOUNS:
            index += 1
            break
        body = token.fold in cues.ORG_WORDS or token.fold in cues.ORG_ROLE_WORDS  # "ujar perusahaan itu"
        describes = token.fold in cues.PERSON_NOUNS or (not token.is_cap and (token.fold in TITLE_WORDS or body))
        if index == start and (describes or token.fold == cues.PARTITIVE):
            # "seru pria kelahiran Klaten itu", "ucap pemain asal Sidoarjo itu", "kata salah satu
            # suporter": a description, up to its demonstrative or its end.
            description_end = _description_end(text, index, end)
            if token.fold == cues.PARTITIVE or text.tokens[description_end - 1].fold in cues.DEMONSTRATIVES:
                ref = classify(text, start, description_end)
                if description_end + 1 < end and text.tokens[description_end].text == ",":
                    # "kata salah seorang warga, Darman (40).": the one of them, named after a comma
                    return _with_trailing_appositive(text, ref, start, description_end, end)
                return ref
        qualifies_title = (
            qualifying
            and not token.is_cap
            and not is_function_word(token.fold)
            and not token.fold.startswith(VERB_PREFIXES)
            and text.words.is_common(token.fold)
        )
        if breaks_name(token, index == start):
            break  # "Ucap Morita Melalui …": a spinner's capital, not part of the name
        keep = (
            token.is_cap
            or token.fold in cues.HONORIFICS  # "disampaikan Direktur RSUD Deli Husada dr. Ratna Lubis"
            or (token.fold in cues.NAME_PARTICLES and index + 1 < end and text.tokens[index + 1].is_cap)
            # "kata Kepala Bidang Pencegahan dan Pengendalian Penyakit …": "dan" inside an office's name
            or (token.fold in cues.TITLE_CONNECTORS and index > start and _between_capitals(text, index, end))
            or token.fold in cues.DEMONSTRATIVES
            or token.fold in cues.FORMER_MARKERS
            or token.fold in (cues.DETERMINER, cues.INDEFINITE)
            # "kata seorang pria yang …": one described by what they are
            or (token.fold in cues.PERSON_NOUNS and index > start and text.tokens[index - 1].fold == cues.INDEFINITE)
            or token.fold in TITLE_WORDS
            or qualifies_title
            # "kata seorang pedagang cabai di Pasar Kramat Jati": where the role is held belongs to it.
            or (qualifying and token.fold == cues.LOCATIVE and index + 1 < end and text.tokens[index + 1].is_cap)
        )
        # Lowercase words may follow a title as its qualifiers: "pengamat sepak bola Dimas Anggara".
        qualifying = not token.is_cap and (token.fold in TITLE_WORDS or qualifies_title)
        if not keep:
            break
        index += 1
    ref = classify(text, start, index)
    # The clause may name the person after a comma, past the role's last words: "disampaikan Direktur
    # Pelaksana Harbourview Advisory untuk Asia Tenggara, Jonathan Whitfield."
    comma = clause_end(text.tokens, index, end)
    if comma + 1 < end and text.tokens[comma].text == ",":
        return _with_trailing_appositive(text, ref, start, comma, end)
    return ref


def _between_capitals(text: Text, index: int, end: int) -> bool:
    return text.tokens[index - 1].is_cap and index + 1 < end and text.tokens[index + 1].is_cap


def _description_end(text: Text, start: int, end: int) -> int:
    """End of a describing phrase that opens at `start`: through its demonstrative ("pria asal Medan
    itu"), else up to the first punctuation or function word ("salah satu suporter seusai laga")."""
    limit = min(end, start + cues.DESCRIPTION_MAX_WORDS)
    for index in range(start, limit):
        if text.tokens[index].fold in cues.DEMONSTRATIVES:
            return index + 1
    index = start + 1
    while (
        index < limit
        and text.tokens[index].is_word
        and not (index > start + 2 and is_function_word(text.tokens[index].fold))
    ):
        index += 1
    return index


def _with_trailing_appositive(text: Text, ref: Ref | None, start: int, comma: int, end: int) -> Ref | None:
    """ "ucap Ketua Gapensi, Benny Soetrisno." names the person after the comma; "kata Budi Santoso,
    petani di Karawang." gives the role there, past an age ("kata Siti Aminah, 29, ibu dua anak")."""
    if comma + 2 < end and text.tokens[comma + 1].text.isdigit() and text.tokens[comma + 2].text == ",":
        comma += 2
    segment_end = comma + 1
    while segment_end < end and (
        text.tokens[segment_end].text not in CLAUSE_MARKS or _honorific_stop(text, segment_end)
    ):
        segment_end += 1
    # "ujar Direktur Operasi PT Logam Nusantara, Danu di Batang, …": the name, then where it was said
    name_end = next(
        (i for i in range(comma + 2, segment_end) if text.tokens[i].fold in cues.ADJUNCT_OPENERS), segment_end
    )
    name = whole_name(text, comma + 1, name_end)
    if name is None and (title := match_title(text.tokens, comma + 1)) is not None:
        name = whole_name(text, comma + 1 + title[0], name_end)  # "…, Kapten Dimas Arya": a title, then the name
    # A full name behind the comma wins over a bare role or over words a title seemed to end with
    # ("ucap Ketua Asosiasi Eksportir Kopi, Benny Soetrisno").
    titled = isinstance(ref, NameRef) and ref.title is not None
    # "ucap tokoh adat Desa Sungai Bakau, Yohanes Kadun": a role that is no title, capitalised or a person noun
    first = text.tokens[start]
    untitled_role = ref is None and start < comma and (first.is_cap or first.fold in cues.PERSON_NOUNS)
    if name is not None and (
        isinstance(ref, (TitleRef, RoleRef, HolderRef))
        or ((titled or untitled_role) and name[1] - name[0] >= 2 and is_person_like(text, *name))
    ):
        return NameRef(text.tokens[name[0] : name[1]], role=role_text(text, start, comma))
    if isinstance(ref, NameRef) and ref.role is None and ref.title is None:
        if is_role(text, comma + 1, segment_end, strict=True):
            return NameRef(ref.tokens, role=role_text(text, comma + 1, segment_end))
    return ref


def _appositive(text: Text, sentence_start: int, comma: int) -> Ref | None:
    """The subject of "X, role, mengatakan" or "role, X, mengatakan"."""
    segments: list[tuple[int, int]] = []
    begin = sentence_start
    for index in range(sentence_start, comma + 1):
        if text.tokens[index].text == ",":
            segments.append((begin, index))
            begin = index + 1
    # "Ratna Dewi, M.Kes., mengatakan": a degree after the name is neither a name nor a role, nor is an age
    # ("Marlina, 45 tahun, pembudidaya ikan, mengatakan").
    while len(segments) > 1 and all(_in_degree(t) for t in text.tokens[slice(*segments[-1])]):
        segments.pop()
    segments = [s for s in segments if not text.tokens[s[0]].text[0].isdigit()] or segments
    # "Seorang warga, yang meminta namanya tidak disebutkan, mengatakan", "Seorang juru bicara PT X, operator
    # kapal rute Kalimantan, mengakui": a clause or description after the subject is neither name nor role.
    unnamed = False
    while len(segments) > 1 and _describes(text, segments[-2][0], *segments[-1]):
        unnamed |= any(t.fold == cues.OWN_NAME for t in text.tokens[slice(*segments.pop())])
    # "Seorang sopir tujuan Kalabahi, Alor, yang enggan disebut namanya, …": someone who gives no name is
    # given none by the words between commas before that clause: they are a place.
    while unnamed and len(segments) > 1 and _is_place_run(text, *segments[-1]):
        segments.pop()
    if len(segments) == 1:
        return classify(text, *segments[0])
    for (head_start, head_end), (role_start, role_end) in zip(segments, segments[1:]):
        name = trailing_name(text, head_start, head_end)
        if name and not has_title(text, head_start, head_end) and is_role(text, role_start, role_end, strict=False):
            role_end = with_places(text, role_end, comma)
            return NameRef(text.tokens[name[0] : name[1]], role=role_text(text, role_start, role_end))
    last_start, last_end = segments[-1]
    name = whole_name(text, last_start, last_end)
    if name is None:
        # "Sementara itu, Kapolres Kuningan AKBP Budi, S.I.K., mengatakan": a titled name after an opening phrase.
        return classify(text, last_start, last_end) if has_title(text, last_start, last_end) else None
    role = None
    if len(segments) > 1:
        role_start, role_end = segments[-2]
        if len(segments) > 2 and with_places(text, segments[-3][1], role_end + 1) > segments[-3][1]:
            role_start = segments[-3][0]  # "Peneliti dari Universitas Kyoto, Jepang, Takeshi Yamamoto,"
        # A sentence-initial role is capitalised anyway: "Epidemiolog Universitas Padjadjaran, Hendro, …".
        opening = role_start == sentence_start and not is_function_word(text.tokens[role_start].fold)
        if opening or is_role(text, role_start, role_end, strict=False):
            role = role_text(text, role_start, role_end)
    return NameRef(text.tokens[name[0] : name[1]], role=role)


def _honorific_stop(text: Text, index: int) -> bool:
    """Whether tokens[index] is the full stop of an honorific ("Prof. Dr. dr. Irawati"), not a sentence's."""
    return text.tokens[index].text == "." and index > 0 and text.tokens[index - 1].fold in cues.HONORIFICS


def _in_degree(token: Token) -> bool:
    """A token of a degree written after a name: "M.Kes.", "Sp.A(K)" (a consultant's "(K)" included)."""
    return is_degree(token) or token.text in ".()" or (len(token.text) == 1 and token.text.isupper())


def _is_place_run(text: Text, start: int, end: int) -> bool:
    run = text.tokens[start:end]
    return 0 < len(run) <= cues.PLACE_MAX_WORDS and all(t.is_word and t.is_cap for t in run)


def _describes(text: Text, subject: int, start: int, end: int) -> bool:
    """Whether tokens[start:end] is a clause about the subject opening at `subject`, rather than its name or
    role: a relative clause, an aside on where the words were reported ("seperti dikutip dari Antara"), or a
    description of someone who is known only by role ("Seorang juru bicara")."""
    unnamed = text.tokens[subject].fold in (cues.INDEFINITE, cues.PARTITIVE) or not text.tokens[subject].is_cap
    described = unnamed and not text.tokens[start].is_cap and is_role(text, start, end, strict=False)
    return text.tokens[start].fold in (cues.RELATIVE, *cues.ASIDE_OPENERS) or described
