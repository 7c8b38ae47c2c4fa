"""Many askers at once: threads sharing the retriever, and 32 clients of the running app.

Each concurrent answer must equal the answer to the same question asked alone: nothing of one question
(a cached vector, a stemmer's state, a FAISS search) leaks into another's.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from gradio_client import Client

import qa
from qa import support

from .conftest import RunningApp

QUESTIONS = [
    "Berapa biaya pelatihan model DeepSeek?",
    "Apa kata Russell tentang biaya pelatihan?",
    "Who said the AI race is a race to the edge of the abyss?",
    "What did Nvidia say about DeepSeek?",
    "Siapa Liang Wenfeng?",
    "Berapa chip Nvidia yang dipakai DeepSeek?",
    "What did Sam Altman say?",
    "Apa itu Stargate?",
    "Bagaimana cara memasak rendang?",
    "How much did OpenAI spend on training?",
    "Mengapa saham Nvidia turun?",
    "Siapa yang mengatakan DeepSeek adalah kemajuan AI yang luar biasa?",
    "😀🔥",  # refused: the same message for every asker
]
THREADS = 16
CLIENTS = 32
QUESTIONS_PER_CLIENT = 4
RESULT_TIMEOUT_S = 300.0


def _outcome(call: Callable[[str], Any], question: str) -> Any:
    try:
        return call(question)
    except ValueError as exc:
        return f"ValueError: {exc}"


def _clear_caches(retriever: qa.Retriever) -> None:
    # Cached vectors and terms would let the threads skip the very work whose sharing is under test.
    retriever.encoder.query.cache_clear()
    support.terms.cache_clear()


@pytest.mark.parametrize(
    "call",
    [lambda q: qa.retrieve(q, k=5), lambda q: qa.retrieve(q, k=5, mode="bm25"), qa.ask],
    ids=["retrieve", "retrieve-bm25", "ask"],
)
def test_threads_get_the_sequential_results(retriever: qa.Retriever, call: Callable[[str], Any]) -> None:
    sequential = [_outcome(call, q) for q in QUESTIONS]
    _clear_caches(retriever)
    asked = QUESTIONS * 4
    started = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        concurrent = list(pool.map(lambda q: _outcome(call, q), asked))
    print(f"\n{len(asked)} questions on {THREADS} threads: {time.perf_counter() - started:.1f} s")
    assert concurrent == sequential * 4


def test_32_clients_of_the_app_get_the_sequential_answers(running_app: RunningApp) -> None:
    alone = Client(running_app.url, verbose=False)
    sequential = {q: alone.predict(q, api_name="/ask") for q in QUESTIONS}
    assert sequential[QUESTIONS[-1]].keys() == {"error"} and sequential[QUESTIONS[0]]["in_article"]

    def client_session(n: int) -> list[tuple[str, dict[str, Any]]]:
        client = Client(running_app.url, verbose=False)
        mine = [QUESTIONS[(n + i) % len(QUESTIONS)] for i in range(QUESTIONS_PER_CLIENT)]
        return [(q, client.predict(q, api_name="/ask")) for q in mine]

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        sessions = [f.result(timeout=RESULT_TIMEOUT_S) for f in [pool.submit(client_session, n) for n in range(CLIENTS)]]
    print(f"\n{CLIENTS} clients x {QUESTIONS_PER_CLIENT} questions: {time.perf_counter() - started:.1f} s")
    answers = [pair for session in sessions for pair in session]
    assert len(answers) == CLIENTS * QUESTIONS_PER_CLIENT
    mismatched = [q for q, result in answers if result != sequential[q]]
    assert not mismatched
