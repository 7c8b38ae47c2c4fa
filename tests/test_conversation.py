"""A conversation on the seed article: follow-ups read in the light of the turn before (qa.Conversation)."""

from __future__ import annotations

from pathlib import Path

import pytest

import qa
from qa.index import build

from .conftest import HashingEncoder

# Made up in the manner of a regional flood report: a child, his father, another father, an official, a resident.
FLOOD = """Banjir merendam puluhan rumah di Desa Sukamaju, Kabupaten Ciamis, Senin (3/3). Air sungai meluap setelah hujan deras semalaman.

Salah satu korban, Dimas (9), sempat terseret arus saat bermain di tepi sungai. Ia ditemukan warga dalam keadaan selamat.

"Anak saya tidak bisa berenang. Kami sangat takut," kata Hendra Wijaya, ayah Dimas.

Kepala Pelaksana BPBD Kabupaten Ciamis, Rudi Hartanto, mengatakan air mulai surut pada Selasa pagi.

"Kami sarankan yang tinggal di bantaran sungai mengungsi dulu sampai hujan reda," ujar Rudi.

Slamet Riyadi, ayah tiga anak, mengatakan rumahnya rusak berat.

Warsini, warga Desa Sukamaju, mengatakan arus datang sangat cepat. "Dalam sepuluh menit air sudah setinggi pinggang," katanya.
"""

# Made up: an association, its secretary-general named with its short form, and an official.
COFFEE = """Pemerintah menaikkan pungutan ekspor biji kopi mulai bulan depan, Senin (3/3).

Sekretaris Jenderal Asosiasi Pengusaha Kopi Nusantara (APKN), Dewi Lestari Wulandari, mengatakan kenaikan itu memberatkan anggotanya. "Margin kami sudah tipis sekali," kata Dewi.

Asosiasi Pengusaha Kopi Nusantara meminta pemerintah menunda kenaikan selama enam bulan. Asosiasi itu juga meminta insentif bagi eksportir kecil.

Kepala Dinas Perdagangan Provinsi Lampung, Bambang Sutrisno, menyatakan kebijakan tetap berjalan sesuai jadwal.
"""


@pytest.fixture
def conversation(retriever: qa.Retriever) -> qa.Conversation:
    return qa.Conversation(retriever)


def _conversation_over(article: qa.Article) -> qa.Conversation:
    encoder = HashingEncoder()
    return qa.Conversation(qa.Retriever(build([article], encoder.documents, encoder.id), encoder, [article]))  # type: ignore[arg-type]


@pytest.fixture
def flood() -> qa.Conversation:
    return _conversation_over(qa.Article("banjir", "Banjir rendam Desa Sukamaju", FLOOD))


def test_a_pronoun_opening_the_question_is_its_subject_whatever_role_words_follow(flood: qa.Conversation) -> None:
    flood.ask("Kapan air mulai surut menurut kepala BPBD?")
    flood.ask("Dia kasih saran apa buat warga di bantaran sungai?")  # "warga" is the resident's role
    assert flood.turns[-1].question.speakers == ("Rudi Hartanto",)


@pytest.mark.parametrize(
    "follow_up", ["Apa kata dia tentang rumah Slamet Riyadi?", "And what does he think Slamet Riyadi should do?"]
)
def test_a_pronoun_asked_for_words_is_the_last_speaker_whoever_else_is_named(
    flood: qa.Conversation, follow_up: str
) -> None:
    flood.ask("Apa kata Rudi Hartanto soal air sungai?")
    flood.ask(follow_up)  # Slamet is quoted too, but is what the question is about, not whose words it asks for
    assert flood.turns[-1].question.person == "Rudi Hartanto"


def test_a_relative_is_the_relative_of_the_person_the_last_question_named(flood: qa.Conversation) -> None:
    flood.ask("Anak yang namanya Dimas itu kenapa?")
    flood.ask("Apa kata ayahnya?")  # Dimas's father, though Dimas says nothing and another father speaks
    assert flood.turns[-1].question.speakers == ("Hendra Wijaya",)


def test_and_x_swaps_the_person_asked_about_not_the_topic(conversation: qa.Conversation) -> None:
    conversation.ask("What was Gary Marcus's take on China catching up with the US in AI?")
    conversation.ask("How about Russell?")
    asked = conversation.turns[-1].question
    assert asked.speakers == ("Stuart Russell",) and "AI" in asked.text


def test_a_pronoun_is_the_person_the_last_answer_was_about(conversation: qa.Conversation) -> None:
    first = conversation.ask("Apa kata Mousavizadeh tentang kebijakan Biden?")
    then = conversation.ask("Apa lagi yang dia katakan?")
    assert first.speaker == then.speaker == "Alexandra Mousavizadeh"
    assert then.text.startswith("Menurut Alexandra Mousavizadeh")
    assert then.evidence and first.evidence and then.evidence.passage.id != first.evidence.passage.id
    assert conversation.turns[-1].question.speakers == ("Alexandra Mousavizadeh",)


def test_what_else_skips_the_passages_already_quoted(conversation: qa.Conversation) -> None:
    quoted = set()
    for question in ("What did Stuart Russell say about DeepSeek?", "What else did he say?", "What else?"):
        answer = conversation.ask(question)
        assert answer.evidence and answer.evidence.passage.speaker == "Stuart Russell"
        assert answer.evidence.passage.id not in quoted
        quoted.add(answer.evidence.passage.id)


def test_and_x_asks_the_last_question_about_someone_else(conversation: qa.Conversation) -> None:
    conversation.ask("What did Sam Altman say about DeepSeek?")
    answer = conversation.ask("And Nvidia?")
    assert answer.speaker == "Juru bicara Nvidia" and answer.passages[0].speaker == "Juru bicara Nvidia"


def test_and_x_on_a_fact_swaps_the_subject(conversation: qa.Conversation) -> None:
    conversation.ask("Berapa biaya pelatihan DeepSeek?")
    answer = conversation.ask("Dan OpenAI?")
    assert "US$100 juta" in answer.passages[0].text


def test_a_new_topic_starts_afresh(conversation: qa.Conversation) -> None:
    conversation.ask("Apa kata Russell tentang biaya pelatihan?")
    answer = conversation.ask("Berapa chip H100 yang ditimbun DeepSeek?")
    assert conversation.turns[-1].question.speakers == ()
    assert "10.000 chip H100" in answer.passages[0].text


def test_a_pronoun_with_nothing_before_it_asks_whom_it_means(conversation: qa.Conversation) -> None:
    assert "Sebutkan nama" in conversation.ask("Apa kata dia tentang itu?").text


def test_each_conversation_has_its_own_memory(retriever: qa.Retriever) -> None:
    one, other = qa.Conversation(retriever), qa.Conversation(retriever)
    one.ask("Apa kata Mousavizadeh tentang kebijakan Biden?")
    assert "Sebutkan nama" in other.ask("Apa lagi yang dia katakan?").text


def test_a_refused_question_leaves_the_conversation_as_it_was(conversation: qa.Conversation) -> None:
    conversation.ask("Apa kata Mousavizadeh tentang kebijakan Biden?")
    with pytest.raises(ValueError):
        conversation.ask("   ")
    assert conversation.ask("Apa lagi yang dia katakan?").speaker == "Alexandra Mousavizadeh"


def test_what_else_after_all_of_a_speakers_passages_says_so(conversation: qa.Conversation) -> None:
    first = conversation.ask("What did Gary Marcus say about DeepSeek?")
    assert first.speaker == "Gary Marcus"
    quoted = [p for p in conversation.retriever.passages if p.speaker == "Gary Marcus"]
    for _ in quoted[1:]:  # his other passages, one "what else" each
        assert conversation.ask("What else did he say?").speaker == "Gary Marcus"
    answer = conversation.ask("Apa lagi katanya?")
    assert answer.support == "none" and answer.passages == () and answer.evidence is None
    assert answer.text == "Artikel ini tidak mengutip Gary Marcus lebih dari yang sudah ditampilkan."


def test_a_follow_up_is_answered_in_its_own_language(conversation: qa.Conversation) -> None:
    conversation.ask("Apa kata Mousavizadeh tentang kebijakan Biden?")
    then = conversation.ask("What else did she say?")
    assert then.lang == "en" and then.text.startswith("According to Alexandra Mousavizadeh")


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [("And Sarhan?", "en"), ("And Hammond?", "en"), ("Dan Hammond?", "id"), ("Terus Hammond?", "id"), ("And tuna?", "en")],
)
def test_a_short_follow_up_is_answered_in_the_language_of_its_opening_word(
    retriever: qa.Retriever, follow_up: str, lang: str
) -> None:
    # Too short for the language identifier ("And Sarhan?" scores as Malay): its "And" or "Dan" says it.
    conversation = qa.Conversation(retriever)
    conversation.ask("Apa kata Russell soal perlombaan AI?" if lang == "en" else "What did Russell say about the AI race?")
    assert conversation.ask(follow_up).lang == lang


def test_he_after_who_did_it_is_the_person_the_answer_named(conversation: qa.Conversation) -> None:
    first = conversation.ask("Siapa yang mendirikan DeepSeek?")
    assert first.evidence and "Liang Wenfeng" in first.evidence.sentence
    conversation.ask("Apa kata dia kepada Asia Tech Review?")
    assert conversation.turns[-1].question.speakers == ("Liang Wenfeng",)


def test_a_person_the_article_never_mentions_is_not_carried_to_the_next_question(conversation: qa.Conversation) -> None:
    assert conversation.ask("What did Elon Musk say about DeepSeek?").support == "none"
    answer = conversation.ask("How many chips did they stockpile?")  # "they": DeepSeek, not the absent Musk
    assert answer.support != "none" and "Musk" not in answer.text
    assert answer.evidence and "10.000 chip H100" in answer.evidence.passage.text


def test_what_else_naming_another_speaker_asks_about_that_speaker(conversation: qa.Conversation) -> None:
    conversation.ask("What did Stuart Russell say about DeepSeek?")
    answer = conversation.ask("What else did Hammond say?")
    assert answer.evidence and answer.evidence.passage.speaker == "Kristian Hammond"


@pytest.mark.parametrize(
    "follow_up",
    ["And the Northwestern professor, what is he worried about?", "Kalau profesor Northwestern, apa yang dia khawatirkan?"],
)
def test_and_x_then_a_question_whose_pronoun_is_x(retriever: qa.Retriever, follow_up: str) -> None:
    # X names a speaker by role; the question after the comma asks for no one's words, so without X its "he"
    # would be the last answer's speaker.
    conversation = qa.Conversation(retriever)
    conversation.ask("Apa kata Russell soal perlombaan AI?")
    answer = conversation.ask(follow_up)
    assert answer.support != "none" and answer.speaker == "Kristian Hammond"


@pytest.mark.parametrize("follow_up", ["Terus dia bilang apa?", "Lalu dia bilang apa lagi?"])
def test_a_connective_before_a_question_of_its_own_keeps_the_question(flood: qa.Conversation, follow_up: str) -> None:
    # "Terus X?" asks the last question about X; "Terus dia bilang apa?" is a question, whose "dia" is Rudi.
    flood.ask("Apa kata kepala BPBD soal air surut?")
    flood.ask(follow_up)
    # Not the last question with the follow-up glued into it ("Apa kata dia bilang apa soal air surut?").
    assert flood.turns[-1].question.text == follow_up.replace("dia", "Rudi Hartanto")
    assert flood.turns[-1].question.speakers == ("Rudi Hartanto",)


@pytest.mark.parametrize(
    ("first", "follow_up", "now", "before"),
    [
        ("Berapa rumah yang terendam di hari pertama?", "Terus hari kedua berapa?", "hari kedua", "hari pertama"),
        ("Berapa rumah yang terendam tahun ini?", "Kalau tahun lalu?", "tahun lalu", "tahun ini"),
        ("How many houses were flooded on the first day?", "And last year?", "last year", "first day"),
    ],
)
def test_another_time_asks_the_last_question_about_that_time(
    flood: qa.Conversation, first: str, follow_up: str, now: str, before: str
) -> None:
    flood.ask(first)
    flood.ask(follow_up)
    asked = flood.turns[-1].question.text
    assert now in asked and before not in asked and ("rumah" in asked or "houses" in asked)


# Made up in the manner of a health report: a body known by its short form, spoken for by its management.
HOSPITAL = """Keluarga pasien, Sutarno, mengatakan petugas meminta uang jaminan Rp3 juta sebelum anaknya dirawat.

Manajemen RS Harapan Sehat membantah meminta uang jaminan kepada keluarga pasien.

Kepala BPJS Kesehatan Cabang Klaten, Dewi Lestari, mengatakan rumah sakit dilarang meminta jaminan.
"""


@pytest.mark.parametrize("follow_up", ["Terus RS-nya bilang apa?", "Kalau rumah sakitnya?", "Lalu BPJS bilang apa?"])
def test_a_body_asked_about_by_its_short_form_or_with_a_clitic_is_that_speaker(follow_up: str) -> None:
    encoder = HashingEncoder()
    articles = [qa.Article("rs", "Uang jaminan pasien", HOSPITAL)]
    conversation = qa.Conversation(qa.Retriever(build(articles, encoder.documents, encoder.id), encoder, articles))  # type: ignore[arg-type]
    conversation.ask("Apa kata Sutarno?")
    conversation.ask(follow_up)
    expected = "Dewi Lestari" if "BPJS" in follow_up else "RS Harapan Sehat"
    assert conversation.turns[-1].question.speakers == (expected,)


@pytest.mark.parametrize(
    ("first", "follow_up", "speaker"),
    [("Apa kata Russell soal perlombaan AI?", "Kenapa begitu?", "Stuart Russell"), ("What did Sam Altman say about DeepSeek?", "Why?", "Sam Altman")],
)
def test_a_short_follow_up_that_finds_nothing_alone_goes_on_with_the_last_topic(
    conversation: qa.Conversation, first: str, follow_up: str, speaker: str
) -> None:
    assert qa.ask(follow_up, retriever=conversation.retriever).support == "none"  # alone, it asks about nothing
    conversation.ask(first)
    answer = conversation.ask(follow_up)
    assert answer.support != "none" and answer.speaker == speaker


def test_a_short_question_about_something_else_is_not_read_as_the_last_topic(conversation: qa.Conversation) -> None:
    conversation.ask("Berapa biaya pelatihan model DeepSeek?")
    assert conversation.ask("Cuaca besok gimana?").support == "none"


@pytest.mark.parametrize(
    ("article", "first", "follow_up", "held"),
    [
        # "Terus kondisi ibunya gimana?" is no "and X?" swapping X into the last question ("kondisi ibunya bilang …").
        ("d5_tempo_mafia_tanah", "Apa kata Abdul Rochim soal sertifikat ibunya?", "Terus kondisi ibunya gimana?", "jatuh sakit"),
        # A time before the one just asked about points back to it.
        ("d6_cnn_stunting_brebes", "Kehadiran balita di posyandu Kalimati berapa persen?", "dulu brp?", "60 persen"),
        # "his" is not Sidoarjo, a name the article writes as a place ("Kabupaten Sidoarjo"), but the official.
        (
            "d5_tempo_mafia_tanah",
            "Is one of the suspects from the Sidoarjo land office?",
            "What did his office do with the certificates?",
            "memblokir 14 sertifikat",
        ),
    ],
)
def test_a_follow_up_on_a_news_article_reaches_the_paragraph_meant(
    article: str, first: str, follow_up: str, held: str
) -> None:
    path = Path(__file__).parent / "data" / "articles" / f"{article}.txt"
    conversation = qa.Conversation(qa.Retriever.from_file(path))
    conversation.ask(first)
    answer = conversation.ask(follow_up)
    assert answer.support != "none" and answer.evidence and held in answer.evidence.passage.text


def test_what_else_with_words_of_its_own_asks_them_of_the_last_answers_speaker(flood: qa.Conversation) -> None:
    # The last question asked for a fact; the official told it. "What else …" asks more of him, in its own words.
    assert flood.ask("Kapan air mulai surut?").speaker == "Rudi Hartanto"
    answer = flood.ask("Apa lagi yang disarankan soal bantaran sungai?")
    assert answer.speaker == "Rudi Hartanto" and answer.evidence and "bantaran sungai" in answer.evidence.sentence


def test_a_body_named_by_its_kind_and_nya_is_the_body_the_last_speaker_speaks_for() -> None:
    coffee = _conversation_over(qa.Article("kopi", "Pungutan ekspor kopi", COFFEE))
    coffee.ask("Apa kata sekjen APKN soal pungutan?")
    answer = coffee.ask("Terus asosiasinya minta apa ke pemerintah?")  # the secretary's association
    assert answer.speaker == "Asosiasi Pengusaha Kopi Nusantara"


@pytest.mark.parametrize(
    ("follow_up", "speakers"),
    [
        ("And what is it telling the government to do?", ("Asosiasi Pengusaha Kopi Nusantara",)),
        ("Is it true that coffee exports to Europe will fall next year?", ()),  # "it" of no one: no words asked for
    ],
)
def test_it_asked_for_words_after_a_body_spoke_is_that_body(follow_up: str, speakers: tuple[str, ...]) -> None:
    coffee = _conversation_over(qa.Article("kopi", "Pungutan ekspor kopi", COFFEE))
    coffee.ask("What does Asosiasi Pengusaha Kopi Nusantara say about the levy?")
    coffee.ask(follow_up)
    assert coffee.turns[-1].question.speakers == speakers
