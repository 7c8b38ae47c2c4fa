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
    ],
)
def test_wanted_is_the_kind_of_answer_asked_for(question: str, wants: str | None) -> None:
    assert focus.wanted(question) == wants


@pytest.mark.parametrize(
    ("sentence", "kind", "held"),
    [
        ("Biayanya US$5,6 juta.", "amount", True),
        ("Ia beralih ke AI pada 2023.", "amount", False),  # a year is a time, not an amount
        ("Model o1 menyaingi mereka.", "amount", False),
        ("Ia beralih ke AI pada 2023.", "time", True),
        ("Aplikasi itu diluncurkan pekan lalu.", "time", True),
        ("Kerugian terbesar dalam satu hari.", "time", False),
        ("Perusahaan itu berbasis di Hangzhou.", "place", True),
        ("Perusahaan itu kurang dikenal.", "place", False),
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


@pytest.mark.parametrize(
    "question",
    [
        "Berapa biaya pelatihan model DeepSeek?",  # "biaya" is answered by an amount of money
        "How much money did Biden give TSMC for the Arizona plant?",  # TSMC: the initials of a name spelt out
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
