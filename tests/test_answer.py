"""qa.ask on the real model and index: reply language, who-said, abstention, evidence sentence."""

import pytest

import qa
from qa.answer import RELEVANCE_MIN, TOPIC_MARGIN, relevance

from .conftest import ROOT


def test_indonesian_question_gets_an_indonesian_reply_with_a_verbatim_quote(retriever):
    answer = qa.ask("Berapa biaya pelatihan model DeepSeek?")
    assert answer.in_article and answer.lang == "id"
    assert answer.text.startswith("Menurut ")
    assert answer.evidence.sentence in answer.evidence.passage.text  # verbatim
    assert "US$5,6 juta" in answer.evidence.sentence
    assert answer.evidence.sentence in answer.text


def test_english_question_gets_english_framing_around_the_indonesian_quote(retriever):
    answer = qa.ask("How much did DeepSeek spend to train its model?")
    assert answer.in_article and answer.lang == "en"
    assert answer.text.startswith("According to ")
    assert "US$5,6 juta" in answer.text


def test_reply_names_the_speaker_and_role(retriever):
    answer = qa.ask("Apa kata Russell tentang perlombaan pusat data?")
    top = answer.passages[0]
    assert top.speaker == "Stuart Russell"
    assert answer.text.startswith(f"Menurut {top.speaker} (")


def test_who_said_question_leads_with_the_speaker(retriever):
    answer = qa.ask("Who said the race is a race to the edge of the abyss?")
    assert answer.in_article
    assert answer.text.startswith(answer.passages[0].speaker)
    assert answer.passages[0].speaker == "Stuart Russell"


@pytest.mark.parametrize("question", ["Siapa juara Piala Dunia 2022?", "What is a good recipe for rendang?"])
def test_off_topic_question_is_refused_in_its_language(retriever, question):
    answer = qa.ask(question)
    assert not answer.in_article and answer.passages == () and answer.evidence is None
    assert ("tidak ditemukan" in answer.text) == question.startswith("Siapa")


def test_long_question_is_cut_with_a_notice(retriever):
    answer = qa.ask("Berapa biaya pelatihan DeepSeek? " * 200)
    assert answer.truncated and len(answer.question) <= 1000
    assert "dipotong" in answer.text


@pytest.mark.parametrize("bad", ["", "   ", "?!", "🙂🙂", None, "x" * 50_000])
def test_bad_question_raises_value_error_with_a_message(retriever, bad):
    with pytest.raises(ValueError, match=r"\w"):
        qa.ask(bad)


def test_ask_answers_from_any_article(retriever):
    other = qa.Retriever.from_file(ROOT / "tests" / "data" / "articles" / "beras.txt")
    answer = qa.ask("Berapa stok beras di gudang Bulog?", retriever=other)
    assert answer.in_article and "1,8 juta ton" in answer.evidence.sentence
    assert answer.passages[0].speaker == "Andi Wirasena"
    english = qa.ask("What did the minister say about the rice stock?", retriever=other)
    assert english.text.startswith("According to Andi Wirasena")


@pytest.mark.parametrize(
    ("question", "code"),
    [("Combien a coûté l'entraînement du modèle de DeepSeek ?", "fr"), ("DeepSeekのトレーニング費用はいくらですか？", "ja")],
)
def test_question_in_a_third_language_is_answered_in_english_with_a_note(retriever, question, code):
    answer = qa.ask(question)
    assert answer.lang == "en"
    assert f"looks like another language: '{code}'" in answer.text


def test_indonesian_and_english_questions_get_no_language_note(retriever):
    for question in ("biaya latih DeepSeek", "apa kata russell", "Who is Liang Wenfeng?", "harga chip"):
        assert "another language" not in qa.ask(question).text


def test_quote_marks_go_only_around_quoted_words(retriever):
    quoted = qa.ask("Who said the race is a race to the edge of the abyss?")
    assert quoted.evidence.said.kind == "direct"
    assert "jurang.”" in quoted.text and "jurang.””" not in quoted.text
    # reported speech ("DeepSeek mengeklaim bahwa …") is the writer's sentence: no marks
    reported = qa.ask("Berapa biaya pelatihan model DeepSeek?")
    assert reported.evidence.said.kind == "reported"
    assert reported.text.endswith(reported.evidence.sentence) and "“" not in reported.text


def test_a_sentence_cut_from_a_longer_quotation_gets_both_marks(retriever):
    answer = qa.ask("What did Nvidia say about DeepSeek?")
    assert answer.evidence.sentence.startswith("“DeepSeek adalah") and not answer.evidence.sentence.endswith("”")
    assert f"{answer.evidence.sentence}”" in answer.text


def test_narration_in_a_speakers_paragraph_is_not_put_in_their_mouth(retriever):
    # "Ia kemudian memberikan US$6,6 miliar …" shares a paragraph with "…, menurut Liang." but is narration
    answer = qa.ask("How much money did Biden give TSMC?")
    assert answer.passages[0].speaker == "Liang Wenfeng" and answer.evidence.said.speaker is None
    assert answer.text.startswith("According to the article: Ia kemudian memberikan US$6,6 miliar")


def test_what_did_x_say_quotes_their_words_not_the_narration_around_them(retriever):
    answer = qa.ask("What did Gary Marcus say?")
    assert answer.evidence.said.kind == "direct"
    assert answer.text.startswith("According to Gary Marcus (")
    assert "“Belum Eksis yang mendarat di bulan" in answer.text


@pytest.mark.parametrize("question", ["What is this article about?", "Apa isi artikel ini?", "Ringkas berita ini"])
def test_what_the_article_is_about_is_its_title_and_lead(retriever, question):
    answer = qa.ask(question)
    assert answer.in_article and "DeepSeek, startup AI Tiongkok yang mengguncang Amerika Serikat" in answer.text
    assert "STARTUP Tiongkok DeepSeek mengirimkan gelombang kejut" in answer.text
    assert answer.passages[0].paragraph == 1


@pytest.mark.parametrize("question", ["Who is quoted in the article?", "Siapa saja narasumber artikel ini?"])
def test_who_is_quoted_lists_every_speaker_with_a_role(retriever, question):
    answer = qa.ask(question)
    profiles = qa.speakers()
    assert answer.in_article and f"({len(profiles)})" in answer.text
    assert all(p.name in answer.text for p in profiles)
    assert "Stuart Russell (profesor ilmu komputer" in answer.text


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Siapa Gary Marcus?", "Gary Marcus"),
        ("Who is the Berkeley professor?", "Stuart Russell"),
        ("Siapa CEO Evident?", "Alexandra Mousavizadeh"),
    ],
)
def test_who_is_x_is_answered_with_the_role_the_article_gives(retriever, question, name):
    answer = qa.ask(question)
    role = next(p.role for p in qa.speakers() if p.name == name)
    assert answer.text.startswith(f"{name}: {role}")
    assert all(p.speaker == name for p in answer.passages)


def test_who_did_something_is_not_framed_as_who_said_it(retriever):
    answer = qa.ask("Siapa pendiri DeepSeek?")
    assert "Liang Wenfeng" in answer.evidence.sentence
    assert answer.text.startswith("Menurut artikel: ")


def test_evidence_is_the_quotation_not_its_lead_in(retriever):
    # The lead-in names the speaker, whom the reply names anyway; what was said is the answer.
    answer = qa.ask("Who said they have no reason to doubt the credibility of the information?")
    assert answer.evidence.sentence.startswith("“Saya Kagak punya Argumen")
    assert answer.text.startswith("Nabil Jawdat Sarhan")


def test_a_question_about_the_person_quotes_the_lead_in_with_its_quotation(retriever):
    answer = qa.ask("Kristian Hammond itu siapa?")
    sentence = answer.evidence.sentence
    assert sentence.startswith("Kristian Hammond, seorang profesor ilmu komputer") and "“Apabila mereka" in sentence
    assert sentence in answer.evidence.passage.text


@pytest.mark.parametrize(
    ("question", "start"), [("Siapa penulis artikel ini?", "Artikel"), ("Who wrote this article?", "The article")]
)
def test_who_wrote_the_article_names_its_source_not_a_quoted_writer(retriever, question, start):
    # "Gary Marcus, … penulis Rebooting.AI" wrote a book, not this article
    answer = qa.ask(question)
    assert answer.text.startswith(start) and "Newsweek" in answer.text and "Gary Marcus" not in answer.text
    assert answer.passages == ()


def test_what_did_they_say_with_a_speaker_chosen_is_answered_from_their_passages(retriever):
    answer = qa.ask("Apa kata dia?", speaker="Stuart Russell")
    assert answer.in_article and answer.passages and all(p.speaker == "Stuart Russell" for p in answer.passages)
    assert answer.text.startswith("Menurut Stuart Russell")


@pytest.mark.parametrize(
    ("question", "note"),
    [("Apa kata dia tentang itu?", "Sebutkan nama"), ("What did he say about chips?", "Name the person")],
)
def test_a_question_about_him_with_nothing_before_it_asks_whom_it_means(retriever, question, note):
    assert note in qa.ask(question).text
    assert note not in qa.ask("Apa kata Russell tentang biaya?").text


def test_a_pronoun_is_read_where_it_stands_for_someone(retriever):
    assert retriever.read("Apa kata dia tentang itu?").pronoun and retriever.read("What did they say?").pronoun
    assert retriever.read("Apa lagi katanya?").pronoun and retriever.read("Berapa biaya yang ia keluarkan?").pronoun
    assert not retriever.read("Apa kata Russell?").pronoun
    assert not retriever.read("Which expert said prices will rise, and whom did he tell?").pronoun


def test_a_question_is_read_with_its_chat_abbreviations_spelt_out(retriever):
    # "blg" (bilang) is what makes this a question about what "dia" said: the reply reads it as the search does.
    from qa.messages import REPLIES

    assert REPLIES["id"]["refers_back"] in qa.ask("Apa yg dia blg soal chip?").text
    assert retriever.rank("Siapa yg blg itu?").question.text == "Siapa yang bilang itu?"


def test_a_question_for_the_items_of_a_list_gets_them_all(tmp_path):
    from .test_retrieval import LIST_ARTICLE

    path = tmp_path / "rapat.txt"
    path.write_text(LIST_ARTICLE)
    retriever = qa.Retriever.from_file(path)
    for question in ("Apa saja rekomendasi Komisi C kepada pemerintah kota?", "What are the recommendations of Komisi C?"):
        a = qa.ask(question, retriever=retriever)
        assert a.support == "full", a.text
        assert "yaitu: 1. Mengeruk saluran drainase" in a.text and a.text.rstrip().endswith("setiap bulan.")
        assert [p.paragraph for p in a.passages[:3]] == [2, 3, 4]  # the opener, then its first items
    # Asked for one thing, the opener alone: no list appended.
    a = qa.ask("Berapa kolam retensi yang direkomendasikan?", retriever=retriever)
    assert "Mengeruk" not in a.text


def test_a_who_question_not_about_words_does_not_lead_with_the_speaker():
    # The companies are named in Trump's sentence; he is its speaker, not the answer.
    a = qa.ask("Siapa saja perusahaan yang terlibat Stargate?")
    assert a.text.startswith("Menurut Donald Trump (Presiden AS): "), a.text
    assert "OpenAI, Oracle, dan SoftBank" in a.text
    # Who said it: the speaker is the answer, and leads.
    a = qa.ask("Siapa yang bilang perlombaan AI seperti perlombaan menuju tepi jurang?")
    assert a.text.startswith("Stuart Russell ("), a.text


def test_a_question_with_a_clitic_on_its_topic_word_is_not_refused():
    # "tawurannya" embeds far from the article's "tawuran": the question alone scores under the relevance floor.
    brawl = qa.Retriever.from_file(ROOT / "tests" / "data" / "articles" / "d4_tribun_tawuran_sawangan.txt")
    answer = qa.ask("Gimana tawurannya bisa direncanakan sebelumnya?", retriever=brawl)
    assert answer.support != "none" and "saling tantang melalui media sosial" in answer.evidence.sentence


def test_a_question_just_under_the_floor_naming_a_rare_word_of_the_article_is_not_refused():
    exam = qa.Retriever.from_file(ROOT / "tests" / "data" / "articles" / "d6_kompas_joki_utbk.txt")
    question = "Yg daftar lewat joki bakal diapain sama panitia?"  # chat words pull it under the floor
    ranking = exam.rank(exam.read(question), "hybrid")
    assert relevance(ranking) < RELEVANCE_MIN["id"]
    assert qa.ask(question, retriever=exam).support != "none"
    assert qa.ask("Cuaca besok gimana?", retriever=exam).support == "none"  # nothing rare the article holds


def test_a_question_just_under_the_floor_naming_what_the_article_keeps_coming_back_to_is_not_refused():
    shortage = qa.Retriever.from_file(ROOT / "tests" / "data" / "articles" / "d8_cnnindonesia_oksigen_rsud_ketapang.txt")
    question = "Kenapa kiriman oksigennya telat?"  # "oksigen" is no rare word, but the article is about it
    ranking = shortage.rank(shortage.read(question), "hybrid")
    assert relevance(ranking) < RELEVANCE_MIN["id"]
    assert len(shortage.word_passages["oksigen"]) >= len(shortage.passages) // 4
    assert qa.ask(question, retriever=shortage).support != "none"
    # As close to the floor, but about nothing the article holds.
    unrelated = "Kenapa gajinya telat?"
    assert relevance(shortage.rank(shortage.read(unrelated), "hybrid")) >= RELEVANCE_MIN["id"] - TOPIC_MARGIN
    assert qa.ask(unrelated, retriever=shortage).support == "none"
