"""Who speaks in each sentence: its kind (direct, reported, narration), speaker, cue and rule."""

from __future__ import annotations

import pytest

from qa.attribution import Sentence, read
from qa.attribution.quotes import quotation_spans
from qa.corpus import read_article, split_paragraphs

from .test_speakers import ROOT


def sentences(*paragraphs: str) -> list[tuple[Sentence, ...]]:
    return [reading.sentences for reading in read(list(paragraphs))]


def labels(records: tuple[Sentence, ...]) -> list[tuple[str, str | None]]:
    return [(s.kind, s.speaker) for s in records]


PARAGRAPH = (
    "Keberhasilan TaniMaju dikaitkan dengan harga murah. "
    "CEO TaniMaju Rina Kartika menyebut panen naik dua kali lipat. "
    "“Kami belum puas. Target kami tiga kali lipat,” katanya."
)


def test_each_sentence_is_narration_reported_or_direct_with_its_cue() -> None:
    [records] = sentences(PARAGRAPH)
    assert labels(records) == [
        ("narration", None),
        ("reported", "Rina Kartika"),
        ("direct", "Rina Kartika"),
        ("direct", "Rina Kartika"),
    ]
    assert [s.cue for s in records] == [None, "menyebut", "katanya", "katanya"]
    assert records[1].rule == "subject-verb/name" and records[1].role == "CEO TaniMaju"
    assert records[2].rule == "quote/clitic/pronoun:same-paragraph"


def test_spans_are_offsets_into_the_paragraph() -> None:
    [records] = sentences(PARAGRAPH)
    assert all(PARAGRAPH[s.start : s.end] == s.text for s in records)
    assert records[0].start == 0 and records[-1].end == len(PARAGRAPH)


@pytest.mark.parametrize(
    ("paragraph", "rule"),
    [
        ("Budi Santoso tiba. Ia menilai kenaikan itu wajar.", "subject-verb/pronoun:just-named"),
        ("Budi Santoso tiba. Stok aman hingga Juni, menurut Budi.", "according-to/name"),
        ("Budi Santoso tiba. Menurutnya, stok aman hingga Juni.", "according-to-clitic/pronoun:just-named"),
    ],
)
def test_reported_speech_names_the_rule_that_found_its_speaker(paragraph: str, rule: str) -> None:
    [records] = sentences(paragraph)
    assert labels(records) == [("narration", None), ("reported", "Budi Santoso")]
    assert records[1].rule == rule


def test_two_speakers_in_one_paragraph_each_keep_their_quote() -> None:
    [records] = sentences("“Harga naik,” kata Budi Santoso. “Stok masih aman,” ujar Siti Rahmawati.")
    assert labels(records) == [("direct", "Budi Santoso"), ("direct", "Siti Rahmawati")]


def test_the_paragraph_speaker_follows_from_a_later_sentence_not_the_narration_before_it() -> None:
    readings = read(["Pasar ramai sejak pagi. Siti Rahmawati, pedagang beras, mengatakan, “Harga naik lagi.”"])
    assert readings[0].speaker is not None and readings[0].speaker.name == "Siti Rahmawati"
    assert labels(readings[0].sentences) == [
        ("narration", None),
        ("reported", "Siti Rahmawati"),
        ("direct", "Siti Rahmawati"),
    ]


def test_a_quotation_running_into_the_next_paragraph_stays_with_its_speaker() -> None:
    first, second = sentences("Budi Santoso mengatakan, “Kami siap.", "“Gudang sudah penuh. Stok cukup.”")
    assert labels(second) == [("direct", "Budi Santoso"), ("direct", "Budi Santoso")]
    assert {s.rule for s in second} == {"quote-continues"}


def test_a_cue_after_a_quote_makes_the_whole_sentence_direct() -> None:
    [records] = sentences("“Ya,” kata Budi Santoso kepada wartawan di kantor Dinas Pertanian Kabupaten Bogor, Senin.")
    assert labels(records) == [("direct", "Budi Santoso")] and records[0].cue == "kata"


def test_a_quotation_nobody_speaks_is_the_writers() -> None:
    [records] = sentences('Spanduk itu bertuliskan "Bayar Sesuai UMK". Massa lalu bubar.')
    assert labels(records) == [("narration", None), ("narration", None)]


def test_a_rank_abbreviation_does_not_end_a_sentence() -> None:
    [records] = sentences("Hal itu dibenarkan Kapolres Bogor AKBP Pol. Rudi Hartono. Ia menyebut tersangka sudah ditahan.")
    assert [s.text for s in records][0].endswith("Rudi Hartono.")
    assert labels(records)[1] == ("reported", "Rudi Hartono")


def test_narration_between_speakers_is_nobodys() -> None:
    # The examples: the writer's sentence beside a speaker's is the writer's, in the seed article.
    paragraphs = [p.text for p in split_paragraphs(read_article(ROOT / "corpus" / "deepseek.txt"))]
    records = [s for reading in read(paragraphs) for s in reading.sentences]

    def speaker(opening: str) -> str | None:
        return next(s.speaker for s in records if s.text.startswith(opening))

    assert speaker("DeepSeek mengeklaim bahwa mereka melatih") == "DeepSeek"
    assert speaker("OpenAI yang berbasis di AS dilaporkan") is None
    assert speaker("DeepSeek, perusahaan yang kurang dikenal") is None
    assert speaker("Liang mengatakan kepada Asia Tech Review,") == "Liang Wenfeng"
    assert speaker("Tetapi, keberhasilan DeepSeek dapat merusak") is None
    assert speaker("Mousavizadeh menguraikan pilihan Trump.") == "Alexandra Mousavizadeh"


def test_quotation_spans_nest_curly_quotes_and_run_an_open_quote_to_the_end() -> None:
    text = "Budi berkata, “Ia bilang ‘tunggu’ dulu.” Lalu pergi. “Kami lanjut"
    spans = [text[a:b] for a, b in quotation_spans(text)]
    assert spans == ["“Ia bilang ‘tunggu’ dulu.”", "“Kami lanjut"]


def test_quotation_spans_pair_straight_quotes() -> None:
    text = 'Ia berkata, "Kami siap." Lalu "selesai" katanya.'
    assert [text[a:b] for a, b in quotation_spans(text)] == ['"Kami siap."', '"selesai"']


@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        # a first name cut short, and a spelling variant of a name, in the same article
        (["Bimastyaji Surya Ramadan hadir.", "“Kami siap,” kata Bima."], "Bimastyaji Surya Ramadan"),
        (["Ahmad Affifuddin hadir.", "“Kami siap,” kata Afifuddin."], "Ahmad Affifuddin"),
        # a corps after a rank
        (["“Kami siap,” ujar Komandan Korem Brigjen TNI Bambang Hartono."], "Bambang Hartono"),
        # a place before the name that the article shows is not part of it
        (
            ["Pelatih PSMT Sumbawa Marcos Ferreira da Silva hadir.", "PSMT Sumbawa kalah.", "“Kami siap,” kata Marcos."],
            "Marcos Ferreira da Silva",
        ),
    ],
)
def test_the_name_is_the_persons_own(paragraphs: list[str], name: str) -> None:
    assert read(paragraphs)[-1].speaker is not None and read(paragraphs)[-1].speaker.name == name


@pytest.mark.parametrize(
    "paragraph",
    [
        "Kami tidak mau ada kericuhan. Jalur resmi kami tempuh,\" tegas Budi Santoso.",  # no opening mark
        "“Kami tidak mau ada kericuhan,“ tegas Budi Santoso.",  # closed with an opening mark
        "”Kami tidak mau ada kericuhan,” tegas Budi Santoso.",  # opened with a closing mark
    ],
)
def test_a_quote_with_its_marks_mixed_up_is_still_the_speakers(paragraph: str) -> None:
    [records] = sentences(paragraph)
    assert {(s.kind, s.speaker) for s in records} == {("direct", "Budi Santoso")}


def test_a_list_and_a_written_statement_have_their_speakers() -> None:
    listing, written = sentences(
        "Budi Santoso merinci syaratnya, yaitu: KTP, kartu keluarga, dan surat domisili.",
        "Disebutkan dalam keterangan tertulis Kementerian Kesehatan, stok vaksin cukup.",
    )
    assert labels(listing) == [("reported", "Budi Santoso")]
    assert labels(written) == [("reported", "Kementerian Kesehatan")]
    assert written[0].cue == "Disebutkan dalam keterangan tertulis"
