"""The speed benchmark's pieces on tiny sizes (no timing asserts), and the BM25 scorers it compares."""

import numpy as np
import pytest

from qa import archive_bench, bench
from qa.bm25 import SPARSE_MIN_PASSAGES, Bm25, RankBm25Plus, Bm25sPlus, analyze, choose_scorer
from qa.corpus import read_article, split_paragraphs

from .conftest import SEED

QUESTIONS = bench.load_questions()


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    return [p.text for p in split_paragraphs(read_article(SEED))]


def test_sparse_scorer_gives_rank_bm25_scores(paragraphs):
    corpus = [analyze(t) for t in paragraphs] + [[]]  # an empty passage too
    reference, sparse = RankBm25Plus(corpus), Bm25sPlus(corpus)
    for question in [*QUESTIONS, "DeepSeek DeepSeek chip", "rendang", ""]:
        tokens = analyze(question)
        expected, got = reference.scores(tokens), sparse.scores(tokens)
        assert np.allclose(got, expected, rtol=1e-9, atol=1e-9), question
        assert np.array_equal(np.argsort(-got, kind="stable"), np.argsort(-expected, kind="stable")), question


def test_sparse_scorer_gives_rank_bm25_idf(paragraphs):
    corpus = [analyze(t) for t in paragraphs]
    reference, sparse = RankBm25Plus(corpus), Bm25sPlus(corpus)
    for term in ("deepseek", "chip", "nvidia", "rendang"):
        assert sparse.idf(term) == pytest.approx(reference.idf(term))


def test_scorer_is_chosen_by_corpus_size(paragraphs):
    assert Bm25(paragraphs).scorer == "rank_bm25"
    assert choose_scorer(SPARSE_MIN_PASSAGES - 1) == "rank_bm25"
    assert choose_scorer(SPARSE_MIN_PASSAGES) == "sparse"
    question = "Berapa biaya pelatihan model DeepSeek?"
    forced = Bm25(paragraphs, scorer="sparse")
    assert forced.scorer == "sparse"
    assert np.allclose(forced.scores(question), Bm25(paragraphs).scores(question))


def test_percentiles_are_in_milliseconds():
    figures = bench.percentiles([0.001] * 19 + [0.1])
    assert figures["p50"] == pytest.approx(1.0)
    assert 1.0 < figures["p95"] <= 100.0


def test_synthetic_passages_recombine_article_sentences(paragraphs):
    sentences = bench.article_sentences([read_article(SEED)])
    first = bench.synthetic_passages(sentences, 50, np.random.default_rng(1))
    again = bench.synthetic_passages(sentences, 50, np.random.default_rng(1))
    assert first == again and len(first) == 50
    assert all(any(p.startswith(s) for s in sentences) for p in first)
    assert len(set(first)) > 40


def test_unit_vectors_have_unit_length():
    vectors = bench.unit_vectors(5, 16, np.random.default_rng(0))
    assert vectors.shape == (5, 16) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_scale_reports_both_scorers_per_size():
    sentences = bench.article_sentences([read_article(SEED)])
    rows = [bench.scale_row(n, sentences, QUESTIONS[:4], np.random.default_rng(0), 32) for n in (20, 1200)]
    assert [r["passages"] for r in rows] == [20, 1200]
    assert [r["scorer"] for r in rows] == ["rank_bm25", "sparse"]
    for row in rows:
        assert set(row["bm25_p50_ms_by_scorer"]) == {"rank_bm25", "sparse"}
        assert row["bm25_p50_ms"] == row["bm25_p50_ms_by_scorer"][row["scorer"]]
        assert row["faiss_p50_ms"] > 0 and row["build_s"] >= row["analyze_s"] > 0


def test_index_build_times_each_step(encoder):
    steps = bench.index_build([read_article(SEED)], encoder)
    assert set(steps) == {"embed", "bm25", "speakers", "total"}
    assert steps["total"] >= steps["embed"] > 0


def test_query_latency_covers_every_step_of_every_runtime(retriever):
    figures = bench.query_latency({"onnx": retriever, "again": retriever}, QUESTIONS[:1])
    assert set(figures["onnx"]) == set(bench.STEPS) and set(figures["again"]) == set(bench.MODEL_STEPS)
    assert all(0 < f["p50"] <= f["p95"] for runtime in figures.values() for f in runtime.values())


def test_embedding_rate_is_per_runtime(encoder):
    class Named:
        model = encoder

    rates = bench.embedding_rate({"hashing": Named()}, ["satu dua", "tiga"] * 20)
    assert set(rates) == {"hashing"} and rates["hashing"] > 0


def test_cold_start_times_a_fresh_process_and_reads_its_memory():
    code = "import json, time; print(json.dumps({'answered': time.time(), 'rss_mb': 12.5}))"
    figures = bench.cold_start(runs=1, runtime="torch", code=code)
    assert figures["s"] > 0 and figures["rss_mb"] == 12.5


FIGURES = {
    "cold_start": {"onnx": {"s": 3.0, "rss_mb": 650.0}, "torch": {"s": 9.0, "rss_mb": 1500.0}},
    "passages_per_s": {"onnx": 80.0, "torch": 30.0},
    "questions": 3,
    "query_ms": {
        "onnx": {
            "encode": {"p50": 50.0, "p95": 60.0},
            "retrieve": {"p50": 55.0, "p95": 70.0},
            "ask": {"p50": 70.0, "p95": 80.0},
        },
        "torch": {
            "encode": {"p50": 100.0, "p95": 120.0},
            "retrieve": {"p50": 110.0, "p95": 130.0},
        },
    },
    "scale": [
        {
            "passages": 100_000,
            "scorer": "sparse",
            "bm25_p50_ms": 1.0,
            "faiss_p50_ms": 20.0,
            "build_s": 9.0,
            "rss_mb": 400.0,
            "bm25_p50_ms_by_scorer": {"rank_bm25": 90.0, "sparse": 1.0},
        }
    ],
}


def test_targets_are_marked_met_or_missed_for_the_first_runtime():
    marks = {t.name: t.met for t in bench.targets(FIGURES)}
    assert marks == {
        "warm encode p50, ms": False,  # 50
        "warm retrieve p50 / encode p50": True,  # 1.1
        "warm ask p50 / encode p50": False,  # 1.4
        "warm ask p50 / retrieve p50": True,  # 70 / 55
        "cold start, s": False,  # 3.0
        "RSS after the first answer, MB": True,  # 650
        "passages embedded per second": False,  # 80 < 100
        "BM25 + FAISS p50 at 100,000 passages, ms": True,
    }


def test_table_shows_each_runtime_beside_the_reference():
    text = bench.table(FIGURES)
    assert "[MISSED] cold start, s: 3 (target <= 2.5)" in text and "[met] BM25 + FAISS" in text
    assert "[MISSED] passages embedded per second: 80 (target >= 100)" in text
    assert "onnx/torch" in text
    row = next(line for line in text.splitlines() if line.strip().startswith("warm encode p50, ms"))
    assert row.split()[-3:] == ["50.00", "100.00", "0.500"]
    assert "100,000" in text and "90.00" in text


def test_attribution_speed_reads_the_asked_number_of_paragraphs():
    seconds = bench.attribution_speed([read_article(SEED)], n=40)  # more than the seed's 32: read again
    assert 0 < seconds < 60
    assert "Attribution of 1,000 paragraphs: 0.400 s" in bench.table({"attribution_s": 0.4})
    assert [t.met for t in bench.targets({"attribution_s": 0.4})] == [True]


def test_full_bench_rows_compare_the_archive_engines():
    pytest.importorskip("pgserver", reason="pgserver (the embedded PostgreSQL + pgvector) is not installed")
    rows = archive_bench.compare([300], bench.ARCHIVE_ENGINES)
    assert [(r["engine"], r["passages"]) for r in rows] == [("inprocess", 300), ("pgvector", 300)]
    assert all(0 < r["query_ms"]["p50"] <= r["query_ms"]["p95"] and r["ingest_per_s"] > 0 for r in rows)
    printed = bench.table({"archive": rows})
    assert archive_bench.HEADER in printed and all(archive_bench.row_line(r) in printed for r in rows)
