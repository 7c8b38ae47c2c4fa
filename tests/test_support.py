"""How far the article supports an answer (qa.support, qa.focus): full, partial or none, and why."""

from __future__ import annotations

import pytest

import qa
from qa import focus


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What did Elon Musk say about Telkom?", ("Elon Musk", "Telkom")),
        ("Apa kata Budi Santoso soal harga?", ("Budi Santoso",)),
        ("What did the United States say about China?", ()),  # ordinary English words, whatever their capitals
        ("Wht did the minister say?", ()),  # a capital by position is no name
        ("Apa tanggapan Presiden Jokowi?", ("Jokowi",)),  # a title is no name
    ],
)
def test_mentions_are_the_names_a_question_writes(question: str, names: tuple[str, ...]) -> None:
    assert focus.mentions(question) == names


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("What did Elon Musk say about Telkom?", "Elon Musk"),
        ("bagaimana tanggapan jensen huang soal saham?", "jensen huang"),
        ("Menurut Sri Mulyani, apakah APBN aman?", "Sri Mulyani"),
        ("What did the election watchdog say?", None),  # a role, not a name
        ("What did Tim Cook say about Apple?", "Tim Cook"),  # a name of ordinary English words
        ("Apa kata Jack Ma soal Alibaba?", "Jack Ma"),
        ("What did the White House say?", None),  # after "the": a body the article may translate
        ("Apa kata pakar tentang harga?", None),
    ],
)
def test_asked_person_is_whose_words_the_question_wants(question: str, person: str | None) -> None:
    assert focus.asked_person(question) == person


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("Berapa gaji Budi?", "amount"),
        ("How many employees does it have?", "amount"),
        ("Tahun berapa pabrik itu dibangun?", "time"),
        ("When was it founded?", "time"),
        ("What did she say when she arrived?", None),  # "when" opening a clause asks for no time
        ("Di mana kantor pusatnya?", "place"),
        ("Apa kata Budi?", None),
        ("What is the name of the shop that ordered them?", "name"),
        ("Apa nama pemasok sayurnya?", "name"),
        ("Nama apa yang dipakai aplikasi itu?", "name"),
        # "Which X" and "X mana" ask for the name of one of something known by a name, or for a place.
        ("Which club did he coach before?", "name"),
        ("Kampus mana yang jadi tujuan mereka?", "name"),
        ("Which Central Java regency grew fastest?", "place"),
        ("Desa mana saja yang ikut menggugat?", "place"),
        ("Which way will the minister lean?", None),  # a manner, not a name
        ("Yang mana yang benar?", None),
        ("Which of them spoke first?", None),
        # The kind is the noun that ends the words after "which": before the verb, at the first plural.
        ("Which messaging app did the groups run on?", "name"),
        ("Which two hospitals got the vaccine?", "name"),
        ("Which regulation requires banks to report?", None),  # "banks" is what it requires, not what is asked
        # "What … value/salary/fine …?" asks for a sum of money, where the word for it heads the phrase.
        ("What was the estimated market value of the seized logs?", "amount"),
        ("what monthly salary was she offered?", "amount"),
        ("What fine do dog owners face?", "amount"),
        ("What is the toll operator promising?", None),  # "toll" names the operator here
    ],
)
def test_wanted_is_the_kind_of_answer_asked_for(question: str, wants: str | None) -> None:
    assert focus.wanted(question) == wants


@pytest.mark.parametrize(
    ("sentence", "kind", "held"),
    [
        ("Biayanya US$5,6 juta.", "amount", True),
        ("Harga jagung di tingkat petani mencapai Rp5.200 per kilogram.", "amount", True),  # glued to its currency
        ("Ia beralih ke AI pada 2023.", "amount", False),  # a year is a time, not an amount
        ("Model o1 menyaingi mereka.", "amount", False),
        ("Ia beralih ke AI pada 2023.", "time", True),
        ("Aplikasi itu diluncurkan pekan lalu.", "time", True),
        ("Kerugian terbesar dalam satu hari.", "time", False),
        ("Perusahaan itu berbasis di Hangzhou.", "place", True),
        ("Perusahaan itu kurang dikenal.", "place", False),
        # A room or building after "di"/"ke"/"at" is a place, in lower case too; the word alone is not.
        ("Siswa belajar bergantian di ruang perpustakaan dan musala.", "place", True),
        ("The families slept at the market for two nights.", "place", True),
        ("Ruang kelas itu dibangun pada 1982.", "place", False),
    ],
)
def test_holds_finds_an_answer_of_the_kind(sentence: str, kind: focus.Wanted, held: bool) -> None:
    assert focus.holds(sentence, kind) is held


def test_a_person_the_article_never_mentions_is_named_and_nobody_is_quoted_for_them(retriever: qa.Retriever) -> None:
    answer = qa.ask("What did Elon Musk say about DeepSeek?")
    assert answer.support == "none" and not answer.in_article
    assert answer.text.startswith("The article does not mention Elon Musk.")
    assert answer.evidence is None and answer.passages  # related passages, said to be related
    assert qa.ask("Apa kata Xi Jinping tentang DeepSeek?").text.startswith("Xi Jinping tidak disebut")


def test_a_person_mentioned_but_never_quoted_gets_a_partial_answer(retriever: qa.Retriever) -> None:
    answer = qa.ask("What did Biden say about chips?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("unquoted", ("Biden",))
    assert answer.text.startswith("The article mentions Biden but does not quote them.")


def test_an_amount_of_another_thing_is_no_answer(retriever: qa.Retriever) -> None:
    answer = qa.ask("Berapa gaji Liang Wenfeng per tahun?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("focus", ("gaji",))
    assert answer.text.startswith("Artikel ini menyebut Liang Wenfeng, tetapi tidak menyebut “gaji”.")


def test_an_answer_of_another_kind_is_no_answer(retriever: qa.Retriever) -> None:
    answer = qa.ask("When was OpenAI founded?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("wanted")
    assert "does not give the date or time" in answer.text


def test_a_speaker_known_by_role_alone_is_no_name(retriever: qa.Retriever) -> None:
    # The article quotes a spokesperson of Nvidia without naming them: the words are there, the name is not.
    answer = qa.ask("Siapa nama juru bicara Nvidia yang dikutip artikel ini?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("wanted")
    assert qa.ask("Siapa yang mengatakan DeepSeek adalah kemajuan AI yang luar biasa?").support == "full"


@pytest.mark.parametrize(
    ("speaker", "unnamed"),
    [
        ("Juru bicara Nvidia", True),
        ("Tetangga korban", True),
        ("Muhammad bin Salman", False),
        ("Liang Wenfeng", False),
    ],
)
def test_unnamed_tells_a_role_from_a_name(speaker: str, unnamed: bool) -> None:
    assert qa.support._unnamed(speaker) is unnamed


@pytest.mark.parametrize(
    "question",
    [
        "Berapa biaya pelatihan model DeepSeek?",  # "biaya" is answered by an amount of money
        # TSMC: the initials of a name spelt out; Biden, in the passage before ("Ia kemudian memberikan …")
        "How much money did Biden give TSMC for the Arizona plant?",
        "Siapa bos OpenAI?",
        "Apa kata Mousavizadeh tentang kebijakan Biden?",
    ],
)
def test_answerable_questions_are_answered_in_full(retriever: qa.Retriever, question: str) -> None:
    assert qa.ask(question).support == "full"


def test_a_speaker_lifted_by_the_search_is_never_quoted_as_the_person_asked(retriever: qa.Retriever) -> None:
    # The question names DeepSeek, a speaker, but asks for the words of Biden, whom the article never quotes.
    answer = qa.ask("What did Biden say after the DeepSeek shock?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("unquoted", ("Biden",))
    assert answer.text.startswith("The article mentions Biden but does not quote them.")


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("Tarif golongan B-2 untuk Oktober 2025 berapa?", ("B-2", "2025", "Oktober")),
        ("whats the new price for 3,500 VA households on monday?", ("3,500", "monday")),
        ("Berapa siswa kelas 3 yang ikut?", ()),  # one digit is as often written in words or numerals
        ("How many passengers by 10am?", ("10",)),  # a time: its hour, not a code "am10"
    ],
)
def test_particulars_are_the_numbers_codes_and_dates_a_question_names(question: str, found: tuple[str, ...]) -> None:
    assert focus.particulars(question) == found


@pytest.mark.parametrize(
    ("passage", "particular", "shared"),
    [
        ("pelanggan 3.500 VA", "3,500", True),  # the same figure, whatever its separators
        ("naik menjadi 10.000 unit", "10", True),  # "10 ribu" is "10.000"
        ("tarif golongan B-1 naik", "B-2", False),
        ("pada Senin (17/11)", "Monday", True),  # an English day is its Indonesian one
        ("pada Selasa (18/11)", "Monday", False),
        ("cakupan pada 2024 hanya 61 persen", "2023", False),
    ],
)
def test_shares_finds_a_particular_whatever_its_spelling(passage: str, particular: str, shared: bool) -> None:
    assert focus.shares(passage, particular) is shared


@pytest.mark.parametrize(
    ("sentence", "kind", "asked", "held"),
    [
        ("Siti Aminah (54) duduk di kursi plastik.", "amount", "Berapa pasien yang terdampak?", False),  # an age
        ("Siti Aminah (54) duduk di kursi plastik.", "amount", "Berapa umur Siti?", True),
        ("Kapal dipindah ke Terminal Srengsem.", "place", "Where is Terminal Srengsem?", False),  # the asked place
        ("Kantornya berada di Bandung.", "place", "Where is Terminal Srengsem?", True),
        ("“Ini kemajuan luar biasa bagi DeepSeek,” katanya.", "person", "Siapa nama juru bicara Nvidia?", False),
        ("Gol itu dicetak Muhammad Fachrurrozi.", "person", "Who scored?", True),
        ("Gangguan lebih dari 3 x 24 jam.", "time", "When was the bylaw passed?", False),  # a duration
        ("Kejadian sekitar pukul 21.00 WIB.", "time", "Kapan kejadiannya?", True),
        # A dateline says where the report was filed: neither where the firm is nor who scored.
        ("KABARKITA.ID, Jakarta - Direktur CV Sinar Jaya mengaku bersalah.", "place", "Where is CV Sinar Jaya?", False),
        ("Bandung, Kabar Priangan -- Persib menang tipis atas tamunya.", "person", "Who scored for Persib?", False),
        ("Harga naik - turun di Pasar Baru.", "place", "Where do prices swing?", True),
        # Capitals of a short form make a thing or a body, not a person: "GPU Nvidia", "BPBD Garut".
        ("Inferensi memerlukan banyak GPU Nvidia.", "person", "Siapa CEO Nvidia?", False),
        ("Bantuan disalurkan lewat BPBD Garut.", "person", "Who handed out the aid?", False),
        # A name opening with a word for a place is the place's.
        ("Persiba menang 2-1 di Stadion Bumi Lempake.", "person", "Who scored the winner?", False),
        # A time as precise as asked: a day is no hour, a year no date.
        ("Demo berlangsung Kamis (12/3/2026).", "time", "Jam berapa demo bubar?", False),
        ("Massa membubarkan diri sekitar pukul 16.30 WIB.", "time", "Jam berapa demo bubar?", True),
        ("Massa membubarkan diri menjelang sore.", "time", "What time did the protest end?", True),
        ("Rapat digelar pekan depan.", "time", "Tanggal berapa rapat digelar?", False),
        ("Rapat digelar pada 14 Oktober.", "time", "Tanggal berapa rapat digelar?", True),
        ("Jembatan itu diperbaiki bulan lalu.", "time", "What year was the bridge repaired?", False),
        ("Jembatan itu dibangun pada 2009.", "time", "Tahun berapa jembatan dibangun?", True),
        # A name of whatever is described, but not a place of the article's setting, nor a name the question gives.
        ("Pesanan datang dari toko Cendera Rasa di Jakarta.", "name", "What is the name of the shop?", True),
        ("Muatan dibawa dari Kecamatan Sumberjaya ke Kabupaten Tangerang.", "name", "What is the name of the owner?", False),
        ("Pesanan datang dari toko Cendera Rasa.", "name", "Apa nama toko Cendera Rasa?", False),
        # A time of day, or a number the question gives itself, counts nothing.
        ("Kepala SDN 2 menyebut keluhan datang pukul 12.45 WIB.", "amount", "How many pupils does SDN 2 have?", False),
        ("Kepala SDN 2 menyebut sekolahnya punya 310 murid.", "amount", "How many pupils does SDN 2 have?", True),
        # A body's name in ordinary words, after "di", answers for a body but not for a person.
        ("Sampel diperiksa di Laboratorium Kesehatan Daerah Jawa Barat.", "name", "Diperiksa di lab mana?", True),
        ("Sampel diperiksa di Laboratorium Kesehatan Daerah Jawa Barat.", "name", "Siapa nama petugasnya?", False),
        # A body's name answers no question after a person's ("RSUD …" names no night guard).
        ("Dua penjaga malam dirawat di RSUD Sunan Kalijaga.", "name", "What are the names of the guards?", False),
        ("Korban dirawat di RSUD Sunan Kalijaga.", "name", "Di rumah sakit mana korban dirawat?", True),
        # A place named after the word for it answers "X mana?".
        ("Warga dari Desa Tirta dan Desa Lamuru ikut menggugat.", "place", "Desa mana saja yang menggugat?", True),
    ],
)
def test_holds_reads_the_answer_the_question_lacks(sentence: str, kind: focus.Wanted, asked: str, held: bool) -> None:
    assert focus.holds(sentence, kind, None, asked) is held


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("apa kata ikatan dokter indonesia soal rs?", "ikatan dokter indonesia"),  # an organisation in words
        ("What did BPJS Watch say about the claims?", "BPJS Watch"),
        ("What did the volcano observation post chief say?", None),  # lowercase words where names have capitals
    ],
)
def test_an_organisation_is_asked_for_by_its_whole_name(question: str, person: str | None) -> None:
    assert focus.asked_person(question) == person


def test_an_organisation_that_shares_a_word_with_a_speaker_is_not_that_speaker() -> None:
    assert not focus.names_speaker("BPJS Watch", "BPJS Kesehatan", None)
    assert focus.names_speaker("Kementerian Kesehatan", "Kementerian Kesehatan", None)
    assert focus.names_speaker("ikatan dokter indonesia", "Ikatan Dokter Indonesia", None)


def test_a_time_in_another_sentence_of_the_passage_is_no_answer(retriever: qa.Retriever) -> None:
    # The passage gives a year for what Liang founded, and then what he told Asia Tech Review, without a date.
    answer = qa.ask("Kapan Liang Wenfeng diwawancarai oleh Asia Tech Review?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("wanted")


def test_a_figure_the_article_does_not_give_is_no_answer(retriever: qa.Retriever) -> None:
    answer = qa.ask("How many H100 chips did DeepSeek stockpile in 2021?")  # it gives the number, not the year
    assert answer.support == "partial" and answer.gap == qa.support.Gap("focus", ("2021",))
    answer = qa.ask("How many H800 chips did DeepSeek stockpile?")  # a model it never names
    assert answer.support == "partial" and answer.gap == qa.support.Gap("unmentioned", ("H800",))
    assert answer.text.startswith("The article does not mention H800.")


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("What did PSSI chairman Erick Thohir say about the flares?", "Erick Thohir"),  # the last run of capitals
        ("What did Central Sulawesi governor Anwar Hafid say?", "Anwar Hafid"),
        ("Apa kata Mousavizadeh dari Evident?", "Mousavizadeh"),  # an affiliation is not who is asked
        ("apa kata orang orang yang kerja bareng dia?", None),  # in lower case, a long phrase is no name
    ],
)
def test_the_person_asked_is_the_name_not_its_title_or_affiliation(question: str, person: str | None) -> None:
    assert focus.asked_person(question) == person


@pytest.mark.parametrize(
    ("question", "lang", "person"),
    [
        # Indonesian chat types a name in lower case beside an acronym or a place in capitals.
        ("apa kata mark zuckerberg tentang AI tiongkok", "id", "mark zuckerberg"),
        ("apa pendapat prabowo soal persaingan AI antara AS dan Tiongkok", "id", "prabowo"),
        ("Terus kata pak bupati soal banjir gimana?", "id", None),  # a title and no name
        # In English, words without the capitals the question uses elsewhere describe someone.
        ("What did the election watchdog say about the KPU?", "en", None),
    ],
)
def test_a_name_in_lower_case_beside_capitals_is_read_in_indonesian(question: str, lang: str, person: str | None) -> None:
    assert focus.asked_person(question, lang) == person


def test_a_lower_case_name_the_article_never_mentions_gets_no_one_elses_words(retriever: qa.Retriever) -> None:
    answer = qa.ask("apa kata mark zuckerberg tentang AI tiongkok")
    assert answer.support == "none" and answer.evidence is None
    assert answer.text.startswith("Mark Zuckerberg tidak disebut dalam artikel ini.")  # as a name is written


@pytest.mark.parametrize(
    ("question", "thing", "clause"),
    [
        ("Berapa rumah yang rusak sedang akibat banjir di Sigi?", "rumah yang rusak sedang", ["rusak", "sedang"]),
        ("berapa pasien yang sudah sembuh?", "pasien yang sembuh", ["sembuh"]),  # aspect words pick out nothing
        ("Brp suara yg didapat pasangan Ikram?", "suara", []),  # a verb is worded in many ways
        ("Berapa gaji Liang Wenfeng per tahun?", "gaji", []),
    ],
)
def test_the_counted_thing_keeps_the_clause_that_says_which(question: str, thing: str, clause: list[str]) -> None:
    counted = qa.default_retriever().read(question).counted
    assert counted == thing and focus.clause_words(counted) == clause


def test_a_date_is_no_count() -> None:
    assert not focus.holds("Siti duduk di depan loket, Kamis (16/10/2025) pagi.", "amount")
    assert focus.holds("Sebanyak 46 rumah rusak, Kamis (16/10/2025).", "amount")


def test_a_full_name_the_article_never_holds_is_absent_beside_a_speaker_it_matches(retriever: qa.Retriever) -> None:
    answer = qa.ask("What did Nvidia's new CFO Colette Kress say about DeepSeek?")
    assert answer.support == "none" and answer.evidence is None and "Colette Kress" in answer.text


def test_a_name_of_one_passage_missing_from_the_evidence_is_a_gap(retriever: qa.Retriever) -> None:
    # Hangzhou is named once, where DeepSeek is introduced; the chips it used are told elsewhere. The reply
    # says so, and not that the article never names Hangzhou.
    for question, said in (
        ("Berapa chip Nvidia yang dipakai DeepSeek di Hangzhou?", "Artikel ini menyebut “Hangzhou”, tetapi tidak di bagian"),
        ("How many Nvidia chips did DeepSeek use in Hangzhou?", "The article mentions “Hangzhou”, but not where"),
    ):
        answer = qa.ask(question)
        assert answer.support == "partial" and answer.gap == qa.support.Gap("elsewhere", ("Hangzhou",))
        assert answer.text.startswith(said), answer.text


NEWS = """Banjir rendam Kecamatan Sukamaju
Sebanyak 27 rumah rusak dan 312 warga mengungsi setelah banjir merendam Kecamatan Sukamaju, Senin (2/3/2026).
"Ada juga beberapa guru honorer yang ikut mengungsi karena rumahnya terendam," kata Kapolres Sukamaju AKBP Darmawan Putra.
Harga beras di pasar setempat naik menjadi Rp14.500 per kilogram, menurut pedagang.
Banjir serupa merendam sejumlah desa lain di Jawa Tengah sepanjang pekan itu.
"""


def _saved(factory: pytest.TempPathFactory, name: str, text: str) -> qa.Retriever:
    """The retriever of an article written to a file, as a user's own article is read."""
    path = factory.mktemp(name) / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return qa.Retriever.from_file(path)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> qa.Retriever:
    return _saved(tmp_path_factory, "banjir_sukamaju", NEWS)


@pytest.mark.parametrize(
    ("question", "support", "missing"),
    [
        ("How many houses were damaged?", "full", None),  # "rumah", by its meaning
        ("How many residents fled their homes?", "full", None),  # "warga"
        ("How many schools were damaged?", "partial", "schools"),  # the article counts no schools
        ("How much does rice cost per kilo now?", "full", None),  # Rp14.500: an amount glued to its currency
        ("What is the total flood damage in rupiah?", "partial", "rupiah"),  # no sum of money about damage
        ("Siapa nama guru honorer yang ikut mengungsi?", "partial", None),  # the police chief tells it
        ("What is the name of the teacher who had to flee?", "partial", None),
        ("Siapa nama Kapolres Sukamaju?", "full", None),
        ("Tanggal berapa banjir merendam Sukamaju?", "full", None),
        ("Jam berapa banjir datang?", "partial", None),  # a date is no hour
    ],
)
def test_an_english_counted_thing_is_looked_for_by_its_meaning(
    news: qa.Retriever, question: str, support: str, missing: str | None
) -> None:
    answer = qa.ask(question, retriever=news)
    assert answer.support == support, answer.text
    if missing:
        assert answer.gap is not None and missing in answer.gap.words


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("How many extra nurses does the hospital need?", "extra nurses"),
        ("How many chili farmers lost their harvest?", "chili farmers"),
        ("How many people fled?", "people"),
        ("How many people are sheltering in tents?", "people"),  # a verb ends the noun's words
        ("How much rice was sent?", "rice"),
    ],
)
def test_an_english_counted_thing_is_the_plural_its_qualifiers_come_before(question: str, thing: str) -> None:
    assert qa.default_retriever().read(question).counted == thing


VILLAGE = """Jembatan gantung Cikawung putus
Kepala Desa Sukajaya, Ahmad Rosidi, yang menjabat sejak 2019, mengatakan jembatan itu dibangun pada 2009.
Warga meminta jembatan itu segera diperbaiki sebelum musim hujan.
Sebanyak 40 pengungsi ditampung di Balai Desa Sukajaya sejak Senin.
"""


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> qa.Retriever:
    return _saved(tmp_path_factory, "jembatan_cikawung", VILLAGE)


@pytest.mark.parametrize(
    ("question", "support"),
    [
        ("Sejak kapan Ahmad Rosidi menjabat?", "full"),
        ("Sejak kapan Ahmad Rosidi dilantik?", "partial"),  # years of other things in his sentence
        ("Pengungsinya di mana?", "full"),  # "-nya" off the evacuees the passage names
    ],
)
def test_a_time_is_of_what_the_question_asks_about(village: qa.Retriever, question: str, support: str) -> None:
    assert qa.ask(question, retriever=village).support == support


def test_a_place_named_in_english_is_the_one_the_article_names_in_indonesian(news: qa.Retriever) -> None:
    assert qa.ask("Which other villages in Central Java were flooded?", retriever=news).support != "none"
    absent = qa.ask("Which villages in Borneo were flooded?", retriever=news)
    assert absent.support == "none" and absent.gap == qa.support.Gap("absent", ("Borneo",))


def test_a_user_is_no_use(retriever: qa.Retriever) -> None:
    # "pengguna" shares its stem with the article's "menggunakan … chip", which counts no users.
    answer = qa.ask("Berapa jumlah pengguna aktif bulanan DeepSeek?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("focus", ("pengguna",))


def test_a_role_at_a_body_is_not_the_body_speaking(retriever: qa.Retriever) -> None:
    # The article quotes DeepSeek itself; the founder is someone else, never quoted as DeepSeek.
    for question in ("Apa kata pendiri DeepSeek soal inovasi?", "What did the founder of DeepSeek say?"):
        answer = qa.ask(question)
        assert answer.support == "partial" and answer.speaker != "DeepSeek", question
    assert qa.ask("What did DeepSeek say about chips?").speaker == "DeepSeek"


def test_an_unnamed_speaker_does_not_answer_who_holds_another_office(retriever: qa.Retriever) -> None:
    # The article quotes a spokesperson of Nvidia, and names no CEO of it; it does name OpenAI's.
    answer = qa.ask("Siapa CEO Nvidia?")
    assert answer.support == "partial" and answer.gap == qa.support.Gap("wanted")
    assert qa.ask("Who is the CEO of OpenAI?").support == "full"


def test_a_road_named_across_dashes_is_no_person() -> None:
    sentence = "Warga menghadang dua ekskavator di lahan proyek Jalan Tol Padang–Pekanbaru–Dumai, Senin."
    assert focus.person_named(sentence, "Siapa nama operator ekskavator itu?") is None
    assert focus.person_named("Operator ekskavator Joko Susilo mengaku kaget.", "Siapa nama operatornya?") == "Joko Susilo"


def test_a_synonym_spinners_capitals_name_no_one() -> None:
    # "Mempunyai" and "Dampak" keep the capital the spinner gave them mid-sentence: read spun, they looked like a name.
    asked = "Siapa yang memimpin perusahaan itu?"
    assert focus.person_named("Jika itu benar, perusahaan itu akan Mempunyai Dampak yang signifikan.", asked) is None
    assert focus.person_named("Perusahaan itu kini dipimpin Budi Santoso.", asked) == "Budi Santoso"


MINE = """Gugatan izin tambang dikabulkan
Majelis hakim mengabulkan gugatan warga terhadap izin lingkungan PT Batu Jaya Perkasa, Selasa.
Pria bernama Yohanes Tandi itu merupakan kuasa hukum PT Batu Jaya Perkasa.
Warga Desa Lembah Hijau mengeluhkan debu dan retakan di dinding rumah sejak tambang beroperasi.
"""


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> qa.Retriever:
    return _saved(tmp_path_factory, "tambang", MINE)


@pytest.mark.parametrize(
    ("question", "support"),
    [
        ("Siapa direktur utama PT Batu Jaya Perkasa?", "partial"),  # the name given is its lawyer
        ("Siapa kuasa hukum PT Batu Jaya Perkasa?", "full"),
        ("Who is the lawyer for PT Batu Jaya Perkasa?", "full"),
    ],
)
def test_a_name_in_the_evidence_answers_who_holds_an_office_where_the_evidence_names_it(
    mine: qa.Retriever, question: str, support: str
) -> None:
    assert qa.ask(question, retriever=mine).support == support


FLIGHT = """Pesawat tergelincir di Bandara Sentani
Pesawat Nusa Air tergelincir saat mendarat di Bandara Sentani, Selasa sore, dan seluruh penumpang selamat.
PT Nusa Air Indonesia dalam keterangan tertulisnya menyatakan pilot yang bertugas memiliki 9.000 jam terbang.
Warga sekitar bandara mengaku mendengar dentuman keras sebelum pesawat berhenti di ujung landasan.
"""


@pytest.fixture(scope="module")
def flight(tmp_path_factory: pytest.TempPathFactory) -> qa.Retriever:
    return _saved(tmp_path_factory, "pesawat", FLIGHT)


@pytest.mark.parametrize(
    ("question", "support"),
    [
        ("Siapa nama pilot yang menerbangkan pesawat itu?", "partial"),  # a person, whom no company's words name
        ("Apa nama perusahaan yang menyatakan pilotnya punya 9.000 jam terbang?", "full"),  # a body: it speaks
    ],
)
def test_a_company_speaking_names_no_person_asked_for(flight: qa.Retriever, question: str, support: str) -> None:
    assert qa.ask(question, retriever=flight).support == support


FERRY = """Kapal feri tertahan gelombang tinggi
Empat kapal feri tertahan di Pelabuhan Bolok sejak Senin karena gelombang setinggi empat meter.
Menurut Manajer Operasional PT Feri Nusa, Andreas Lamba, kapal yang tertahan adalah KMP Bahari Jaya dan KMP Laut Teduh.
"Kami menunggu izin syahbandar sebelum berangkat," kata Andreas.
"""


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> qa.Retriever:
    return _saved(tmp_path_factory, "feri", FERRY)


@pytest.mark.parametrize(
    ("question", "support"),
    [
        ("Siapa nakhoda KMP Bahari Jaya?", "partial"),  # its speaker lists the ships and steers none
        ("Siapa manajer operasional PT Feri Nusa?", "full"),  # its speaker holds that office
    ],
)
def test_a_speaker_answers_who_holds_an_office_only_when_holding_it(
    ferry: qa.Retriever, question: str, support: str
) -> None:
    assert qa.ask(question, retriever=ferry).support == support
