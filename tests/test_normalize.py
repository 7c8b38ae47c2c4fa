"""Spun -> standard Indonesian: every lexicon entry, its guard, real sentences of the seed article, spin_score."""

from __future__ import annotations

from pathlib import Path

import pytest
from rank_bm25 import BM25Plus

from qa.normalize import Entry, is_sentence_initial, lexicon, normalize, parse_lexicon, spin_score
from qa.tokens import tokenize

SEED = Path(__file__).resolve().parent.parent / "corpus" / "deepseek.txt"
ENTRIES = sorted(lexicon().entries.values(), key=lambda e: e.spun)

UNSPUN = """\
Pemerintah Provinsi Jawa Barat menyiapkan anggaran Rp2,5 triliun untuk memperbaiki jalan rusak tahun ini. \
Gubernur mengatakan perbaikan akan dimulai dari ruas yang paling sering dilalui truk pengangkut hasil panen, \
karena kerusakan di sana paling cepat bertambah pada musim hujan.
Menurut Dinas Bina Marga, sekitar 40 persen jalan provinsi kini berada dalam kondisi sedang atau rusak. \
Kepala dinas itu menambahkan bahwa pekerjaan akan dilakukan satu demi satu agar lalu lintas tidak terputus. \
Warga di sekitar lokasi diminta memakai jalur alternatif selama perbaikan berlangsung.
Sejumlah pengusaha angkutan menyambut baik rencana tersebut. Mereka menilai jalan yang mulus akan \
menurunkan biaya logistik dan mempercepat pengiriman barang ke pelabuhan. Namun, mereka juga meminta \
pemerintah memastikan kualitas pekerjaan agar jalan tidak kembali rusak dalam waktu dekat."""


def _mid(spun: str) -> str:
    return f"Laporan itu menyebut {spun} dalam tabel."


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.spun)
def test_every_entry_is_replaced_mid_sentence(entry: Entry) -> None:
    assert normalize(_mid(entry.spun)) == _mid(entry.standard)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.guard != "always"], ids=lambda e: e.spun)
def test_guarded_entries_leave_lowercase_standard_words_alone(entry: Entry) -> None:
    text = _mid(entry.spun.lower())
    assert normalize(text) == text


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.guard == "always"], ids=lambda e: e.spun)
def test_unguarded_entries_replace_any_case(entry: Entry) -> None:
    assert normalize(_mid(entry.spun.lower())) == _mid(entry.standard)
    assert normalize(_mid(entry.spun.upper())) == _mid(entry.standard)


# Phrases whose first word is an entry of its own ("Demi ini") fall back to that word: tested below.
SENTENCE_INITIAL_MID = [
    e for e in ENTRIES if e.guard == "mid" and e.spun[0].isupper() and (" " not in e.spun or e.spun.split()[0].lower() not in lexicon().entries)
]


@pytest.mark.parametrize("entry", SENTENCE_INITIAL_MID, ids=lambda e: e.spun)
def test_mid_entries_leave_sentence_initial_words_alone(entry: Entry) -> None:
    text = f"Ini kalimat pertama. {entry.spun} membuka kalimat kedua."
    assert normalize(text) == text


def test_a_phrase_failing_its_guard_falls_back_to_its_words() -> None:
    assert normalize("Ini kalimat pertama. Demi ini kami datang.") == "Ini kalimat pertama. Untuk ini kami datang."


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.guard == "cap"], ids=lambda e: e.spun)
def test_cap_entries_replace_sentence_initial_words_keeping_the_capital(entry: Entry) -> None:
    standard = entry.standard[0].upper() + entry.standard[1:]
    assert normalize(f"Ini kalimat pertama. {entry.spun} sesuatu.") == f"Ini kalimat pertama. {standard} sesuatu."


def test_lexicon_is_curated_not_trivial() -> None:
    assert len(ENTRIES) >= 40
    assert {e.guard for e in ENTRIES} == {"always", "cap", "mid"}


@pytest.mark.parametrize(
    ("spun", "standard"),
    [
        ("menciptakan masalah bagi Amerika Perkumpulan (AS).", "menciptakan masalah bagi Amerika Serikat (AS)."),
        ("pada 27 Januari Demi menjadi aplikasi gratis", "pada 27 Januari untuk menjadi aplikasi gratis"),
        ("mantan manajer Biaya lindung nilai yang beralih", "mantan manajer dana lindung nilai yang beralih"),
        ("“Ini tentang demokratisasi Ciptaan.”", "“Ini tentang demokratisasi inovasi.”"),
        ("menghabiskan Sekeliling US$100 juta Demi mengembangkan GPT-4.", "menghabiskan sekitar US$100 juta untuk mengembangkan GPT-4."),
        ("“Belum Eksis yang mendarat di bulan", "“Belum ada yang mendarat di bulan"),
        ("yang cacat dan Kagak Terkenal.”", "yang cacat dan tidak andal.”"),
        ("“Saya Kagak punya Argumen Demi meragukan", "“Saya tidak punya alasan untuk meragukan"),
        ("“Nvidia Demi ini sangat berharga karena Seluruh orang", "“Nvidia saat ini sangat berharga karena semua orang"),
        ("tetapi DeepSeek, sekali Kembali, menunjukkan bahwa kita Bisa.", "tetapi DeepSeek, sekali lagi, menunjukkan bahwa kita bisa."),
        ("Demi mempertahankan Keistimewaan yang Konsisten", "Untuk mempertahankan keunggulan yang berkelanjutan"),
        ("pencipta Mendunia AI Index dan CEO Evident", "pencipta global AI Index dan CEO Evident"),
        ("“Nyaris mustahil Demi sepenuhnya memagari", "“Hampir mustahil untuk sepenuhnya memagari"),
        ("menyoroti Langkah DeepSeek Bisa meluncurkan", "menyoroti cara DeepSeek bisa meluncurkan"),
        ("“mungkin terlalu Pagi Demi mengatakan", "“mungkin terlalu dini untuk mengatakan"),
        ("ini akan menjadi Misalnya lain dari pengembang", "ini akan menjadi contoh lain dari pengembang"),
        ("Garis besar Lazim tentang Langkah kerja o1", "Garis besar umum tentang cara kerja o1"),
        ("telah diketahui cukup Lamban–bahkan", "telah diketahui cukup lama–bahkan"),
        ("Russell mengatakan Bilangan-Bilangan Demi biaya", "Russell mengatakan angka-angka untuk biaya"),
        ("membuang-buang Fulus, dan", "membuang-buang uang, dan"),
        ("kemajuan AI yang luar Lazim dan Misalnya sempurna", "kemajuan AI yang luar biasa dan contoh sempurna"),
        ("Kini, kami Mempunyai tiga hukum", "Kini, kami memiliki tiga hukum"),
        ("Presiden AS Mengucapkan, “Ini tanda", "Presiden AS mengatakan, “Ini tanda"),
        ("merusak pilar Esensial kebijakan luar negeri", "merusak pilar utama kebijakan luar negeri"),
        ("di masa Lampau telah menghasilkan kemampuan Demi Tiba ke titik", "di masa lalu telah menghasilkan kemampuan untuk sampai ke titik"),
        ("dia (Trump) Niscaya akan condong", "dia (Trump) pasti akan condong"),
        ("menyebabkan kepunahan Sosok dalam prosesnya, karena kita Kagak Paham Langkah mengendalikan",
         "menyebabkan kepunahan manusia dalam prosesnya, karena kita tidak tahu cara mengendalikan"),
        ("Restriksi mantan Presiden Joe Biden", "Pembatasan mantan Presiden Joe Biden"),
    ],
)
def test_seed_article_sentences(spun: str, standard: str) -> None:
    assert normalize(spun) == standard


@pytest.mark.parametrize(
    "text",
    [
        "Para peserta masuk satu demi satu.",  # "demi" as a standard word
        "Ia dikenal sebagai sosok pemimpin yang tegas.",
        "Misalnya, harga beras naik dua kali bulan ini.",  # "Misalnya" opening a sentence
        "Kami berangkat pagi hari dan kembali ke Jakarta malam.",
        "Mobil itu maju perlahan di jalan yang terang.",
        "Pernyataan itu benar dan kita bisa membuktikannya.",
        "Biaya lindung nilai naik tahun ini.",  # hedging cost: standard, and sentence-initial
        "Ini tanda kepercayaan terhadap potensi Amerika.",
        "Ia berkata, “Misalnya saja harga naik.”",  # a quotation opens a sentence
        "“Harga naik,” katanya. “Sosok itu tidak dikenal.”",
        "Dugaan korupsi itu diselidiki polisi.",
        "Berapa uang yang dibuang untuk investasi chip?",
        "Apa kata pencipta Global AI Index?",
        "Apakah manusia bisa punah karena AI?",
        "Mengapa Amerika Serikat tidak bisa menahan chip masuk ke Tiongkok?",
        UNSPUN,
    ],
)
def test_standard_indonesian_is_left_alone(text: str) -> None:
    assert normalize(text) == text


def test_cap_guard_applies_at_sentence_start_too() -> None:
    assert normalize("Demi keamanan, jalan ditutup.") == "Untuk keamanan, jalan ditutup."


def test_normalize_is_idempotent_on_the_seed_article() -> None:
    once = normalize(SEED.read_text(encoding="utf-8"))
    assert normalize(once) == once


@pytest.mark.parametrize(
    ("text", "word", "initial"),
    [
        ("Demi keamanan.", "Demi", True),
        ("Satu. Demi dua.", "Demi", True),
        ("katanya.” Demi dua.", "Demi", True),
        ("mengatakan, “Demi dua.", "Demi", True),
        ('mengatakan, "Demi dua.', "Demi", True),
        ("baris satu\nDemi dua", "Demi", True),
        ("Ia pergi Demi dua.", "Demi", False),
        ("pergi, Demi dua.", "Demi", False),
        ("Ia bilang “ya” Demi dua.", "Demi", False),
    ],
)
def test_is_sentence_initial(text: str, word: str, initial: bool) -> None:
    assert is_sentence_initial(text, text.index(word)) is initial


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Demi\tuntuk\tsometimes\t# x", "unknown guard"),
        ("Demi\tuntuk\tmid", "want spun"),
        ("Demi\tuntuk\tmid\tno hash", "want spun"),
        ("Demi\tuntuk\tmid\t# a\ndemi\tuntuk\tcap\t# b", "duplicate"),
    ],
)
def test_parse_lexicon_rejects_malformed_lines(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_lexicon(line)


def test_parse_lexicon_longest_phrase() -> None:
    lex = parse_lexicon("# header\n\nA b c\tx\talways\t# three words\nD\ty\tmid\t# one\n")
    assert lex.max_words == 3
    assert lex.entries["a b c"] == Entry("A b c", "x", "always")


def test_seed_article_scores_clearly_above_unspun_text() -> None:
    seed = spin_score(SEED.read_text(encoding="utf-8"))
    plain = spin_score(UNSPUN)
    assert seed > 0.8
    assert plain < 0.3
    assert seed - plain > 0.5


def test_spin_score_counts_capitalised_common_words_outside_the_lexicon() -> None:
    plain = "Harga beras naik di pasar. Pedagang menjual beras dengan harga tinggi."
    odd = "Harga beras naik di pasar. Pedagang menjual Beras dengan Harga tinggi."
    assert spin_score(plain) == 0.0
    assert spin_score(odd) > 0.5


@pytest.mark.parametrize(
    ("word", "counted"),
    [("Kepunahan", True), ("Beras", True), ("Nvidia", False), ("Mousavizadeh", False), ("Bandung", False), ("Medan", False)],
)
def test_spin_score_counts_a_lone_capital_only_on_words_the_text_also_writes_in_lowercase(word: str, counted: bool) -> None:
    # Bandung and Medan are also common words ("bandung", "medan"), but names keep their capital everywhere.
    text = f"Ancaman kepunahan membuat harga beras naik. Ia membahas hal itu di {word} pekan lalu."
    assert (spin_score(text) > 0.5) is counted


def test_spin_score_does_not_count_single_word_names() -> None:
    text = (
        "Menurut Prabowo, program itu harus menjangkau seluruh sekolah. Sementara itu, Jokowi mengatakan "
        "anggaran sudah siap. \"Kita perlu melihat hasilnya,\" kata Faisal kepada Kompas. Saham Telkom naik, "
        "sementara saham Indofood turun. Modus serupa juga ditemukan di Bandung dan Medan lewat Telegram."
    )
    assert spin_score(text) == 0.0


def test_spin_score_ignores_names_and_words_capitalised_by_rule() -> None:
    text = "Kepala Dinas Bina Marga bertemu Anda pada Senin, 3 Januari, di kantor Pemerintah Provinsi Jawa Barat."
    assert spin_score(text) == 0.0


def test_spin_score_of_empty_text() -> None:
    assert spin_score("") == 0.0
    assert spin_score("123 456") == 0.0


# Standard-Indonesian questions whose telling words the spinner replaced, each with a substring of the
# paragraph that answers it.
BRIDGE_QUERIES = [
    ("Apakah investasi chip itu hanya membuang uang?", "membuang-buang Fulus"),
    ("Siapa pencipta Global AI Index?", "pencipta Mendunia AI Index"),
    ("Apakah AI bisa membuat manusia punah?", "kepunahan Sosok"),
    ("Siapa mantan manajer dana lindung nilai?", "Biaya lindung nilai"),
    ("Apakah terlalu dini untuk menilai?", "terlalu Pagi"),
    ("Adakah alasan untuk meragukan informasi itu?", "Argumen Demi meragukan"),
    ("Tiongkok membina bakat", "membina Potensi"),
    ("contoh sempurna", "Misalnya sempurna"),
    ("Bagaimana cara kerja o1?", "Langkah kerja o1"),
    ("Apa pilar utama kebijakan luar negeri AS?", "pilar Esensial"),
    ("kemajuan yang luar biasa", "luar Lazim"),
    ("hampir mustahil", "Nyaris mustahil"),
    ("pembatasan oleh Biden", "Restriksi mantan"),
    ("Apa yang paling penting bagi OpenAI?", "paling Krusial"),
    ("Apa asumsi di balik investasi pusat data?", "dengan Dugaan bahwa"),
    ("angka biaya pelatihan", "Bilangan-Bilangan"),
    ("Nvidia saat ini sangat berharga", "Nvidia Demi ini"),
    ("teknik AI yang tidak andal", "Kagak Terkenal"),
]


def test_bm25_finds_spun_paragraphs_from_standard_questions() -> None:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").splitlines() if len(p.split()) >= 8]
    bm25 = BM25Plus([tokenize(normalize(p)) for p in paragraphs])
    missed = []
    for question, gold in BRIDGE_QUERIES:
        scores = bm25.get_scores(tokenize(normalize(question)))
        top3 = sorted(range(len(paragraphs)), key=lambda i: -scores[i])[:3]
        if not any(gold in paragraphs[i] for i in top3):
            missed.append(question)
    assert len(missed) <= 1, missed
