"""What kind of question it is: who said, what did X say, quoted words (the cleaning is in test_robustness)."""

import pytest

from qa.question import asks_for_words, asks_who, expand_chat, quoted_words, read, without_clitics


@pytest.mark.parametrize(
    "question",
    [
        "Siapa yang mengatakan harga naik?",
        "siapakah yang menyebut itu",
        "Who said it?",
        "whose idea was it?",
        "Which expert warned that prices will rise?",
        "Which Bulog official said stocks are safe?",
        "Pakar mana yang menilai harga wajar?",
        "Perusahaan mana yang mengklaim biayanya murah?",
        "Koordinator demonya siapa?",  # the asked-for person last, as said aloud
        "Kadinkes Sikka siapa namanya?",
    ],
)
def test_asks_who(question):
    assert asks_who(question)


@pytest.mark.parametrize(
    "question",
    [
        "Apa kata Budi?",
        "Berapa biaya pelatihan?",
        "What did Smith say?",
        "Which chips did Nvidia say are needed?",  # asks about the chips
        "Which country did the minister visit?",
        "Dari mana yang paling banyak pemudik?",  # asks where
    ],
)
def test_does_not_ask_who(question):
    assert not asks_who(question)


@pytest.mark.parametrize(
    "question",
    [
        "Apa kata Budi tentang harga?",
        "Menurut Rina, apa penyebabnya?",
        "Bagaimana tanggapan menteri?",
        "Apa yang diharapkan Budi?",
        "Apa harapan Rina untuk petani?",
        "Apa usulan ekonom itu?",
        "What did Smith say about prices?",
        "What does Mousavizadeh expect Trump to do?",
        "mousavizadeh's argument for opening up",
        "How did the minister react to the report?",
        "What was Nvidia's response?",
        "Who pointed out that the pumps were old?",
        "What did the director stress?",
        "Siapa yang menegaskan bahwa stok aman?",  # the attribution's own verbs of saying
        "Apa yang ditegaskan Budi?",
        "Hakim konstitusinya ngingetin saksi soal apa?",  # chat Indonesian
        "What did the digital ministry director ask BPLPT to do?",
        "Apakah Gary Marcus percaya DeepSeek cuma butuh US$5,6 juta?",  # a view: believe, doubt, agree
        "Siapa pakar yang meragukan klaim itu?",
        "Does Marcus doubt the figures?",
        "Do the farmers agree with the new price?",
        "Trus soal tenda di Mina dia jawab apa?",  # the reply to a question put to them
        "Terus soal jadwal pelunasan dijawab apa?",
        "What did the minister reply?",
    ],
)
def test_asks_for_someones_words(question):
    assert asks_for_words(question)


@pytest.mark.parametrize(
    "question",
    [
        "Berapa biaya pelatihan DeepSeek?",
        "Where is DeepSeek based?",
        "How long did it take to train?",
        "Siapa yang memimpin rapat dengar pendapat soal pemadaman listrik?",  # a hearing, not an opinion
    ],
)
def test_a_question_about_facts_does_not_ask_for_words(question):
    assert not asks_for_words(question)


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ('Who called the AI race a "race to the edge of the cliff"?', "race to the edge of the cliff"),
        ("Siapa yang bilang “ini tentang demokratisasi inovasi”?", "ini tentang demokratisasi inovasi"),
        ("Siapa yang menyebut ‘teknik AI generatif yang cacat’?", "teknik AI generatif yang cacat"),
        ('Dia bilang "a b" lalu "kalimat yang lebih panjang"', "kalimat yang lebih panjang"),  # the longest
        ("What is DeepSeek's flagship model called?", None),  # an apostrophe quotes nothing
        ('Apa arti kata "startup"?', None),  # one word is a term, not a remembered phrase
    ],
)
def test_quoted_words(question, quoted):
    assert quoted_words(question) == quoted


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("brp km panjang terowongannya?", "berapa km panjang terowongannya?"),  # "km": kamu or kilometre
        ("Siapa yg blg harga naik?", "Siapa yang bilang harga naik?"),
        ("KNP pompanya rusak", "kenapa pompanya rusak"),
        ("Berapa yang sudah divaksin?", "Berapa yang sudah divaksin?"),  # standard words are left alone
    ],
)
def test_chat_abbreviations_are_spelt_out_for_the_search(question, searched):
    assert expand_chat(question) == searched


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("How much did OpenAI spend on GPT-4 according to the article?", "How much did OpenAI spend on GPT-4?"),
        ("Menurut berita ini, berapa korban banjir?", "berapa korban banjir?"),
        ("Does the article say how many users the app has?", "how many users the app has?"),
        ("Apakah artikel ini menyebutkan siapa pendirinya?", "siapa pendirinya?"),
        ("Menurut Budi, berapa korban banjir?", "Menurut Budi, berapa korban banjir?"),  # a person's words stay
    ],
)
def test_the_article_as_a_whole_is_no_speaker_asked(question, searched):
    asked = read(question, {"Budi Santoso": "Kepala BPBD"})
    assert asked.text == searched and asked.typed == question
    assert (asked.kind == "said") == question.startswith("Menurut Budi")


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Gimana tawurannya bisa direncanakan?", "Gimana tawuran bisa direncanakan?"),
        ("Terus RS-nya bilang apa?", "Terus RS bilang apa?"),
        ("Apa saja lainnya?", "Apa saja lainnya?"),  # the articles write "lainnya"
        ("Punya siapa? Hanya itu?", "Punya siapa? Hanya itu?"),  # no clitic, whatever the ending
    ],
)
def test_the_clitic_nya_comes_off_words_the_articles_write_without_it(text: str, bare: str) -> None:
    assert without_clitics(text, {"tawuran", "rs", "lainnya", "lain", "bilang"}) == bare


@pytest.mark.parametrize("question", ["Apa kata kades soal jembatan itu?", "Terus kata kadesnya gimana soal jembatan itu?"])
def test_an_office_written_short_with_or_without_nya_asks_for_its_holder(question: str) -> None:
    roles = {"Ahmad Suhendi": "Kepala Desa Sukajaya", "Deden Suhendar": "Kapolsek Sajira", "Odon Sobarna": "warga"}
    asked = read(question, roles)
    assert asked.speakers == ("Ahmad Suhendi",) and asked.person == "Ahmad Suhendi"


@pytest.mark.parametrize(
    "question", ["Kenapa menurut LSM-nya burung dari Sumatera terus diburu?", "What does the NGO director think?"]
)
def test_an_ngo_asked_for_by_the_word_for_one_is_the_foundation_that_speaks(question: str) -> None:
    roles = {"Ferdiansyah Tanjung": "Direktur Yayasan Kicau Lestari", "Gilang Putra": "Kapolres Lampung Selatan"}
    assert read(question, roles).speakers == ("Ferdiansyah Tanjung",)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # names of the article's places and bodies, in Indonesian, inside an English question
        ("When did the Yayasan Harapan Kasih Sejahtera kitchen open?", "en"),
        ("Where in Bandung is RS Mitra Keluarga Sentosa located?", "en"),
        ("What did Bank Nusa Makmur Abadi say it has done?", "en"),
        # a short question, which its names alone lean either way
        ("What did Brad Smith say?", "en"),
        ("Apa kata Brad Smith?", "id"),
        ("Siapa CEO OpenAI?", "id"),
        # and the other way round: an English name inside an Indonesian question
        ("Apa kata Global Water Partnership soal kekeringan?", "id"),
        ("Kapan Forum Pemuda Peduli Jalan berdemo?", "id"),
    ],
)
def test_a_question_is_in_the_language_of_its_words_not_of_its_names(question: str, lang: str) -> None:
    assert read(question, {}).lang == lang


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What does BPD say about the delays?", "Badan Pangan Daerah"),  # the body itself
        ("Menurut BPD, berapa dapur yang terlambat?", "Badan Pangan Daerah"),
        ("Apa kata koordinator BPD soal keterlambatan?", "Rahmat Hidayat"),  # a role beside it: its holder
        ("What did the BPD coordinator say?", "Rahmat Hidayat"),
    ],
)
def test_a_body_asked_by_its_name_is_the_body_not_an_official_whose_role_names_it(question: str, speaker: str) -> None:
    roles = {"Badan Pangan Daerah": None, "Rahmat Hidayat": "Koordinator Wilayah BPD Kabupaten Sleman"}
    assert read(question, roles).speakers == (speaker,)


@pytest.mark.parametrize(
    ("question", "pronoun"),
    [
        ("And what does she think Trump could do?", True),  # whose words: "she", whoever else is named
        ("Apa kata dia soal Budi Santoso?", True),
        ("Apa kata Budi Santoso soal dia?", False),
    ],
)
def test_a_pronoun_where_the_question_asks_whose_words_points_back(question: str, pronoun: bool) -> None:
    assert read(question, {"Budi Santoso": "Kepala BPBD", "Donald Trump": "Presiden AS"}).pronoun is pronoun


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("Siapa Kadinkes Sikka?", "Maria Lamahoda"),  # the office spelt out word for word, not its words apart
        ("Siapa kepala Disdikbud Sikka?", "Petrus Wanggo"),
    ],
)
def test_a_short_form_is_the_office_that_spells_it_out(question: str, speaker: str) -> None:
    roles = {
        "Maria Lamahoda": "Kepala Dinas Kesehatan Kabupaten Sikka",
        "Yosef Bura": "Kepala Bidang Kesehatan Hewan Dinas Pertanian Kabupaten Sikka",
        "Petrus Wanggo": "Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Sikka",
        "Suparni": "Kepala SMPN 3 Sikka",
    }
    assert read(question, roles).speakers == (speaker,)


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Who's the ministry official quoted?", ("ministry", "official")),
        ("What's the new royalty range?", ("new", "royalty", "range")),
        ("Why didn't the police act?", ("police", "act")),
    ],
)
def test_a_question_word_with_an_english_clitic_is_no_focus_word(question: str, focus: tuple[str, ...]) -> None:
    # The asked-for thing is named in a reply that says what the article lacks: "who's" is none of it.
    assert read(question, {}).focus == focus


def test_a_time_before_now_is_no_focus_word() -> None:
    # "Dia dulu kerja di mana?" asks where he worked; a reply need not say "dulu" to answer it.
    assert read("Dia dulu kerja di mana?", {}).focus == ("kerja",)


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("tanda2 anak kena difteri apa aja?", ("tanda-tanda", "anak", "kena", "difteri", "aja")),  # chat doubling
        ("Kenapa harga naik gara2 kemarau?", ("harga", "naik", "kemarau")),  # a reason, not a thing asked
        ("Sejak kapan Mbah Partini bikin gerabah?", ("gerabah",)),  # an honorific before a name; "bikin": make
        ("Bawaslu dikasih waktu brp buat cek laporan?", ("bawaslu", "dikasih", "waktu", "cek", "laporan")),  # "for"
        ("Apa kata Pak Bupati soal ibu hamil?", ("ibu", "hamil")),  # "ibu hamil" is a thing asked
    ],
)
def test_words_of_chat_and_honorifics_before_a_name_are_no_focus_words(question: str, focus: tuple[str, ...]) -> None:
    assert read(question, {}).focus == focus


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Seberapa sering Pak Karyono nyebrang?", None),  # a degree, then the person: nothing counted
        ("Sejak umur berapa Partini bikin gerabah?", None),
        ("Berapa luas lahan yang izinnya dibatalkan?", "lahan yang izinnya"),  # a degree, then the thing measured
        ("Berapa banyak chip yang ditimbun?", "chip"),
        ("Berapa pengungsi di GOR Bung Karno?", "pengungsi"),
    ],
)
def test_a_degree_or_a_person_after_berapa_names_no_thing_counted(question: str, counted: str | None) -> None:
    assert read(question, {}).counted == counted
