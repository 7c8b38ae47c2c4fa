"""Speaker attribution: gold tables for whole articles, one test per cue pattern, and match_speaker."""

from __future__ import annotations

import json
import re
import time
from functools import cache
from pathlib import Path

import pytest

from qa.attribution import Speaker, attribute, match_speaker

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "speakers_gold.json").read_text(encoding="utf-8"))


def body_paragraphs(text: str) -> list[str]:
    """Non-blank lines, without headings: a heading is a short line (≤ 6 words) with no sentence-final mark."""
    lines = (line.strip() for line in text.splitlines())
    return [
        line
        for line in lines
        if line and not (len(line.split()) <= 6 and not re.search(r"[.!?\"”’]$", line))
    ]


@cache
def attributed(article: str) -> tuple[list[str], list[Speaker | None]]:
    paragraphs = body_paragraphs((ROOT / GOLD[article]["article"]).read_text(encoding="utf-8"))
    return paragraphs, attribute(paragraphs)


def names(paragraphs: list[str]) -> list[str | None]:
    return [None if speaker is None else speaker.name for speaker in attribute(paragraphs)]


# --- gold tables ---------------------------------------------------------------------------------------------

GOLD_CASES = [
    (article, number)
    for article, table in GOLD.items()
    for number in range(len(table["speakers"]))
]
ROLE_CASES = [(article, name, role) for article, table in GOLD.items() for name, role in table["roles"].items()]


@pytest.mark.parametrize("article", sorted(GOLD))
def test_gold_article_has_the_expected_body_paragraphs(article: str) -> None:
    paragraphs, speakers = attributed(article)
    assert len(paragraphs) == len(GOLD[article]["speakers"]) == len(speakers)


def test_seed_article_split_drops_the_three_headings() -> None:
    paragraphs, _ = attributed("deepseek")
    assert len(paragraphs) == 32
    assert not {"Dampak signifikan", "Persaingan chatbot", "Masa depan AI di AS"} & set(paragraphs)


@pytest.mark.parametrize(("article", "number"), GOLD_CASES, ids=[f"{a}-{n + 1}" for a, n in GOLD_CASES])
def test_gold_speaker(article: str, number: int) -> None:
    paragraphs, speakers = attributed(article)
    speaker = speakers[number]
    assert (None if speaker is None else speaker.name) == GOLD[article]["speakers"][number], paragraphs[number]


@pytest.mark.parametrize(("article", "name", "role"), ROLE_CASES, ids=[f"{a}-{n}" for a, n, _ in ROLE_CASES])
def test_gold_role(article: str, name: str, role: str | None) -> None:
    _, speakers = attributed(article)
    assert Speaker(name, role) in speakers


def test_one_person_keeps_one_speaker_value_across_paragraphs() -> None:
    _, speakers = attributed("deepseek")
    russell = {speaker for speaker in speakers if speaker is not None and speaker.name == "Stuart Russell"}
    assert len(russell) == 1


def test_attribute_is_fast_on_a_thirty_paragraph_article() -> None:
    paragraphs, _ = attributed("deepseek")
    paragraphs = paragraphs[:30]
    attribute(paragraphs)  # warms the stem cache
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        attribute(paragraphs)
        best = min(best, time.perf_counter() - start)
    assert best < 0.05


def test_the_library_names_no_person_of_the_seed_article() -> None:
    """Rules must hold for articles never seen, so nothing under qa/ (code, data, comments) may name the seed
    article's people; organisations and roles ("Nvidia", "Juru bicara") are not people."""
    people = {name for name in GOLD["deepseek"]["speakers"] if name} - {"DeepSeek", "Juru bicara Nvidia"}
    words = {word for name in people for word in name.split()} | {"Biden"}  # named, but never quoted
    found = [
        (str(path.relative_to(ROOT)), word)
        for path in sorted((ROOT / "qa").rglob("*"))
        if path.is_file() and path.suffix in {".py", ".tsv", ".txt", ".json"}
        for word in words
        if re.search(rf"\b{word}\b", path.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert len(words) >= 15 and found == []


def test_empty_article() -> None:
    assert attribute([]) == []


# --- one pattern at a time -----------------------------------------------------------------------------------


def test_cue_before_with_appositive_and_quote() -> None:
    speakers = attribute(
        ["Budi Santoso, seorang petani di Karawang, mengatakan kepada Kompas, “Panen tahun ini bagus.”"]
    )
    assert speakers == [Speaker("Budi Santoso", "petani di Karawang")]


def test_role_before_name_appositive() -> None:
    speakers = attribute(["Seorang pedagang sayur, Wati Lestiani, menuturkan harga cabai naik."])
    assert speakers == [Speaker("Wati Lestiani", "pedagang sayur")]


@pytest.mark.parametrize("cue", ["kata", "ujar", "ucap", "tegas", "tutur"])
def test_cue_after_quote_with_a_short_name(cue: str) -> None:
    paragraphs = ["Budi Santoso menanam padi di Karawang.", f"“Panen tahun ini bagus,” {cue} Budi."]
    assert names(paragraphs) == [None, "Budi Santoso"]


@pytest.mark.parametrize("clitic", ["katanya", "ujarnya", "tuturnya", "pungkasnya", "tandasnya"])
def test_clitic_cue_points_at_the_speaker(clitic: str) -> None:
    paragraphs = [
        "Budi Santoso, petani di Karawang, mengatakan panen bagus.",
        f"“Harga gabah juga naik,” {clitic}.",
    ]
    assert names(paragraphs) == ["Budi Santoso", "Budi Santoso"]


@pytest.mark.parametrize(
    "verb",
    [
        "mengatakan",
        "mengatakan bahwa",
        "menilai",
        "mengingatkan bahwa",
        "menyebut",
        "mengeklaim bahwa",
        "mengumumkan",
        "menambahkan",
        "menguraikan",
    ],
)
def test_verb_of_saying_in_narration(verb: str) -> None:
    assert names([f"Rina Kartika {verb} harga pupuk akan turun."]) == ["Rina Kartika"]


def test_colon_after_the_verb() -> None:
    assert names(["Rina Kartika menjawab: “Kami siap.”"]) == ["Rina Kartika"]


@pytest.mark.parametrize(
    "paragraph",
    ["Menurut Rina Kartika, inflasi masih terkendali.", "Inflasi masih terkendali, menurut Rina Kartika."],
)
def test_according_to(paragraph: str) -> None:
    assert names([paragraph]) == ["Rina Kartika"]


def test_according_to_with_clitic() -> None:
    paragraphs = ["Rina Kartika, seorang ekonom, mengatakan harga naik.", "Menurutnya, inflasi masih terkendali."]
    assert names(paragraphs) == ["Rina Kartika", "Rina Kartika"]


@pytest.mark.parametrize(
    "paragraph", ["Menurut data BPS, inflasi masih terkendali.", "Dengan kata lain, harga naik."]
)
def test_according_to_a_document_is_narration(paragraph: str) -> None:
    assert names([paragraph]) == [None]


def test_quote_continues_over_several_paragraphs_until_narration() -> None:
    paragraphs = [
        "Rina Kartika mengatakan kepada wartawan, “Harga pupuk akan turun bulan depan.",
        "“Pabrik sudah menambah produksi.",
        "“Distribusi juga kami percepat.”",
        "Harga pupuk sempat naik tajam tahun lalu.",
        "“Petani mengeluh.”",
    ]
    assert names(paragraphs) == ["Rina Kartika"] * 3 + [None, None]


def test_narration_after_a_quote_is_nobody() -> None:
    paragraphs = ["“Kami siap,” kata Rina Kartika.", "Hujan turun deras sore itu di Karawang."]
    assert names(paragraphs) == ["Rina Kartika", None]


def test_quote_inside_a_quote_is_not_a_new_speaker() -> None:
    paragraph = (
        "Rina Kartika mengatakan, “Petani bilang ‘Budi Santoso menyebut harga naik,’ kata mereka kemarin.”"
    )
    assert names([paragraph]) == ["Rina Kartika"]


def test_speech_inside_a_quote_is_not_narration() -> None:
    paragraphs = ["Rina Kartika mengatakan harga naik.", "“Tetapi Budi Santoso menunjukkan bahwa kita Bisa.”"]
    assert names(paragraphs) == ["Rina Kartika", "Rina Kartika"]


@pytest.mark.parametrize("pronoun", ["Ia", "Dia", "Beliau"])
def test_pronoun_subject_is_the_previous_speaker(pronoun: str) -> None:
    paragraphs = ["Rina Kartika, ekonom, mengatakan harga naik.", f"{pronoun} menambahkan di X, “Kami waspada.”"]
    assert names(paragraphs) == ["Rina Kartika", "Rina Kartika"]


def test_pronoun_prefers_a_person_just_named_in_the_paragraph() -> None:
    paragraphs = [
        "Rina Kartika mengatakan harga naik.",
        "Soal pupuk, Budi Santoso punya pandangan lain. Ia mengatakan subsidi harus dicabut.",
    ]
    assert names(paragraphs) == ["Rina Kartika", "Budi Santoso"]


def test_title_resolves_to_its_current_holder_not_a_former_one() -> None:
    paragraphs = [
        "Presiden Surya Adinata duduk di samping mantan Presiden Bambang Kusuma.",
        "Presiden Mengucapkan selamat kepada para pemain.",
    ]
    assert names(paragraphs) == [None, "Surya Adinata"]


def test_unheld_title_falls_back_to_the_person_just_mentioned() -> None:
    paragraphs = [
        "Ekonomi melambat setelah masa jabatan mantan Presiden Bambang Kusuma berakhir.",
        "Pada Senin, Joko Pranoto mengumumkan program baru.",
        "Presiden RI Mengucapkan, “Ini untuk rakyat.”",
    ]
    assert attribute(paragraphs)[1:] == [Speaker("Joko Pranoto", "Presiden RI")] * 2


def test_title_nobody_holds_becomes_a_role_only_speaker() -> None:
    assert names(["Harga cabai naik.", "Gubernur Jawa Barat mengatakan stok aman."]) == [None, "Gubernur Jawa Barat"]


def test_demonstrative_title_points_back_at_the_minister() -> None:
    paragraphs = [
        "Menteri Perdagangan Rina Kartika meninjau Pasar Kramat Jati.",
        "Harga cabai di pasar itu naik dua kali lipat.",
        "Menteri itu mengatakan pasokan dari Jawa Tengah segera tiba.",
    ]
    assert attribute(paragraphs) == [None, None, Speaker("Rina Kartika", "Menteri Perdagangan")]


def test_lowercase_title_without_demonstrative_is_a_common_noun() -> None:
    paragraphs = ["Pelatih tim, Marco van Houten, mengatakan timnya siap.", "Tim pelatih sudah mengingatkan pemain."]
    assert names(paragraphs) == ["Marco van Houten", None]


def test_role_only_speaker() -> None:
    speakers = attribute(["Seorang juru bicara Kementerian Perdagangan mengatakan impor dibuka."])
    assert speakers == [Speaker("Juru bicara Kementerian Perdagangan", None)]


def test_straight_quotes() -> None:
    assert names(['"Kami siap bertanding," kata Rina Kartika.', '"Lawan kuat."']) == ["Rina Kartika"] * 2


@pytest.mark.parametrize(
    "paragraph",
    [
        "Harga beras Kagak turun Demi Seluruh warga.",
        "Kagak Eksis menilai harga wajar.",
        "Seluruh Mengucapkan harga naik.",
        "Bahkan Apabila harga turun, Bisa menambahkan stok.",
    ],
)
def test_spun_capitalised_words_are_not_names(paragraph: str) -> None:
    assert names([paragraph]) == [None]


def test_spun_capitalised_cue_verb_still_counts() -> None:
    assert names(["Rina Kartika Mengucapkan, “Terima kasih.”"]) == ["Rina Kartika"]


def test_organisation_speaks_when_nobody_else_does() -> None:
    speakers = attribute(["TaniMaju, perusahaan rintisan pertanian, mengeklaim bahwa panen naik."])
    assert speakers == [Speaker("TaniMaju", "perusahaan rintisan pertanian")]


def test_person_wins_over_an_organisation_in_the_same_paragraph() -> None:
    paragraph = "TaniMaju mengeklaim bahwa panen naik. CEO TaniMaju Rina Kartika menyebut angka itu wajar."
    assert attribute([paragraph]) == [Speaker("Rina Kartika", "CEO TaniMaju")]


def test_asking_for_comment_is_narration() -> None:
    assert names(["Kompas menghubungi Kementerian Pertanian Demi memberikan komentar."]) == [None]


# --- match_speaker ---------------------------------------------------------------------------------------------

SEED_NAMES = ["Gary Marcus", "Stuart Russell", "Alexandra Mousavizadeh", "Liang Wenfeng", "Juru bicara Nvidia"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Apa kata Gary Marcus tentang Tiongkok?", "Gary Marcus"),
        ("What did Russell say about the AI race?", "Stuart Russell"),
        ("apa kata mousavizadeh soal chip", "Alexandra Mousavizadeh"),
        ("WHAT DID RUSSELL SAY?", "Stuart Russell"),
        ("Apa kata Liang tentang demokratisasi?", "Liang Wenfeng"),
        ("Apa kata juru bicara Nvidia?", "Juru bicara Nvidia"),
        ("Berapa biaya pelatihan model itu?", None),
        ("Siapa juru masak terbaik?", None),
        ("Apakah liang itu dalam?", None),
    ],
)
def test_match_speaker(question: str, expected: str | None) -> None:
    assert match_speaker(question, SEED_NAMES) == expected


def test_match_speaker_folds_accents_both_ways() -> None:
    assert match_speaker("Apa kata Jose Mourinho?", ["José Mourinho"]) == "José Mourinho"
    assert match_speaker("Apa kata Mourinhó?", ["Jose Mourinho"]) == "Jose Mourinho"


def test_match_speaker_needs_a_whole_word() -> None:
    assert match_speaker("Apa dampak pengalihan anggaran ke Alibaba?", ["Ali Rahman"]) is None


def test_match_speaker_ignores_a_name_that_is_a_common_word() -> None:
    assert match_speaker("Apakah harga akan maju?", ["Maju"]) is None


def test_match_speaker_takes_the_name_mentioned_first() -> None:
    names = ["DeepSeek", "Juru bicara Nvidia"]
    assert match_speaker("What did Nvidia say about DeepSeek?", names) == "Juru bicara Nvidia"
    assert match_speaker("Apa kata DeepSeek tentang Nvidia?", names) == "DeepSeek"


def test_match_speaker_prefers_the_fuller_match() -> None:
    assert match_speaker("Apa kata Budi Hartono?", ["Budi Santoso", "Budi Hartono"]) == "Budi Hartono"


def test_name_after_an_inverted_cue_and_a_comma() -> None:
    paragraph = '"Ekspor kami naik," ucap Ketua Asosiasi Eksportir Kopi, Benny Soetrisno.'
    assert attribute([paragraph]) == [Speaker("Benny Soetrisno", "Ketua Asosiasi Eksportir Kopi")]


def test_role_after_an_inverted_cue_and_a_comma() -> None:
    paragraph = "“Panen bagus,” kata Budi Santoso, petani di Karawang."
    assert attribute([paragraph]) == [Speaker("Budi Santoso", "petani di Karawang")]


def test_organisation_name_with_an_english_connector_is_not_part_of_the_person() -> None:
    paragraph = "Gubernur Bank of Japan Kenji Watanabe mengatakan inflasi stabil."
    assert attribute([paragraph]) == [Speaker("Kenji Watanabe", "Gubernur Bank of Japan")]


def test_short_form_in_parentheses_names_an_organisation_whose_long_name_is_a_list() -> None:
    paragraph = "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan masih turun."
    assert names([paragraph]) == ["BMKG"]


# --- ordinary words without a dictionary -----------------------------------------------------------------------


def test_capitalised_word_the_article_also_writes_in_lowercase_is_not_a_name() -> None:
    paragraphs = ["Kabar Gembira menyebut harga turun.", "Itu kabar gembira bagi petani."]
    assert names(paragraphs) == [None, None]


def test_clitic_sentence_opener_is_not_part_of_a_name() -> None:
    assert names(["Biasanya Budi Santoso menyebut harga wajar."]) == ["Budi Santoso"]


@pytest.mark.parametrize(
    ("paragraph", "role"),
    [
        ("Kepala Stasiun Klimatologi Retno Handayani mengatakan hujan turun.", "Kepala Stasiun Klimatologi"),
        ("Kepala Dinas Ketahanan Pangan Retno Handayani mengatakan stok aman.", "Kepala Dinas Ketahanan Pangan"),
    ],
)
def test_fields_of_an_office_are_not_part_of_the_name(paragraph: str, role: str) -> None:
    assert attribute([paragraph]) == [Speaker("Retno Handayani", role)]
