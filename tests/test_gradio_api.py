"""The app's `/ask` API endpoint, called through gradio_client on the app served in this process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gradio_client import Client

import app
import qa


@pytest.fixture(scope="module")
def client(retriever: qa.Retriever) -> Iterator[Client]:
    demo = app.build()
    url = app.serve(demo)
    try:
        yield Client(url, verbose=False)
    finally:
        demo.close()


def test_ask_is_the_only_public_endpoint(client: Client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert list(endpoints) == ["/ask"]


def test_ask_returns_the_answer_as_data(client: Client) -> None:
    result = client.predict("Apa kata Russell tentang biaya pelatihan?", api_name="/ask")
    assert result["in_article"] is True and result["lang"] == "id"
    assert "Stuart Russell" in result["reply"]
    assert len(result["passages"]) == 3
    top = result["passages"][0]
    assert top["speaker"] == "Stuart Russell" and top["role"].startswith("profesor ilmu komputer")
    assert isinstance(top["paragraph"], int) and isinstance(top["score"], float)
    assert result["evidence"] in top["text"]
    assert {"section", "text", "id"} <= set(top)


def test_ask_takes_k(client: Client) -> None:
    result = client.predict("Who said the AI race is a race to the edge of the abyss?", 6, api_name="/ask")
    assert result["lang"] == "en" and len(result["passages"]) == 6


def test_off_topic_question_is_not_in_the_article(client: Client) -> None:
    result = client.predict("Bagaimana cara memasak rendang?", api_name="/ask")
    assert result["in_article"] is False and result["passages"] == []


@pytest.mark.parametrize(("question", "k"), [("", 3), ("   ", 3), ("😀😀", 3), ("Siapa?", 0)])
def test_bad_input_returns_an_error_field(client: Client, question: str, k: int) -> None:
    result = client.predict(question, k, api_name="/ask")
    assert set(result) == {"error"} and result["error"]


def test_concurrent_questions_get_their_own_answers(client: Client) -> None:
    questions = [
        "Berapa biaya pelatihan model DeepSeek?",
        "Apa kata Russell tentang biaya pelatihan?",
        "What did Sam Altman say?",
        "Siapa Liang Wenfeng?",
    ] * 2
    jobs = [client.submit(q, api_name="/ask") for q in questions]
    assert [job.result(timeout=60)["question"] for job in jobs] == questions


def test_ask_reads_a_follow_up_in_the_light_of_its_history(client: Client) -> None:
    first = "Apa kata Mousavizadeh tentang kebijakan Biden?"
    earlier = client.predict(first, api_name="/ask")
    alone = client.predict("Apa lagi yang dia katakan?", api_name="/ask")
    later = client.predict("Apa lagi yang dia katakan?", 3, [first], api_name="/ask")
    assert later["passages"][0]["speaker"] == "Alexandra Mousavizadeh" and later["support"] == "full"
    assert later["evidence"] != earlier["evidence"]
    assert "Sebutkan nama" in alone["reply"]  # without its history, "dia" is nobody


def test_ask_says_how_far_the_article_supports_the_answer(client: Client) -> None:
    absent = client.predict("What did Elon Musk say about DeepSeek?", api_name="/ask")
    assert absent["support"] == "none" and absent["in_article"] is False and absent["evidence"] is None
    assert client.predict("Berapa gaji Liang Wenfeng per tahun?", api_name="/ask")["support"] == "partial"


def test_a_history_that_is_not_a_list_of_questions_is_an_error(client: Client) -> None:
    result = client.predict("Apa lagi yang dia katakan?", 3, "not a list", api_name="/ask")
    assert set(result) == {"error"}


def test_ask_takes_the_article_to_ask(client: Client) -> None:
    result = client.predict("Apa kata Russell tentang biaya pelatihan?", 3, None, "deepseek", api_name="/ask")
    assert {p["article"] for p in result["passages"]} == {"deepseek"}
    unknown = client.predict("Apa kata Russell?", 3, None, "tidak_ada", api_name="/ask")
    assert unknown == {"error": "no article 'tidak_ada' (articles: deepseek)."}
