"""Speed benchmark: cold start, index build, warm query latency, and how search scales (README, "Speed").

    python -m qa.bench [--json PATH] [--sizes 1000 10000 100000]

Prints a table with each target marked met or missed; asserts nothing. Figures are wall-clock times on
whatever else the machine is doing, so latencies are measured interleaved (one question through every step
in turn) for their ratios to stay fair under load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from . import answer
from .bm25 import SCORERS, Bm25, analyze, choose_scorer
from .corpus import Article
from .folders import CHECKOUT as ROOT
from .embedding import Encoder
from .index import build
from .library import Library
from .passages import make_passages
from .retrieval import DENSE_CANDIDATES, Retriever

QUESTIONS = ROOT / "evals" / "questions.jsonl"
COLD_START_QUESTION = "Berapa biaya pelatihan model DeepSeek?"
SIZES = (1_000, 10_000, 100_000)
DIMENSION = 768  # the embedding model's; random unit vectors of this size stand in for passage embeddings
SENTENCES_PER_PASSAGE = (1, 3)  # the seed article's paragraphs hold 1 to 3 sentences
STEPS = ("encode", "dense", "bm25", "retrieve", "ask")


@dataclass(frozen=True)
class Target:
    name: str
    value: float
    limit: float

    @property
    def met(self) -> bool:
        return self.value <= self.limit


def load_questions(path: Path = QUESTIONS) -> list[str]:
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    p50, p95 = np.percentile(np.asarray(seconds) * 1000, [50, 95])
    return {"p50": round(float(p50), 3), "p95": round(float(p95), 3)}


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def rss_mb() -> float:
    """Resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def cold_start(runs: int = 3, code: str | None = None) -> float:
    """Median seconds for a fresh process from start to its first answer (with the persisted index)."""
    code = code or f"import qa; qa.ask({COLD_START_QUESTION!r})"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    times = [
        timed(lambda: subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env))
        for _ in range(runs)
    ]
    return round(statistics.median(times), 3)


def index_build(articles: Sequence[Article], encoder: Encoder) -> dict[str, float]:
    """Seconds to build the index of `articles` in memory, by step; `index.build` times its own steps."""
    start = time.perf_counter()
    index = build(articles, encoder.documents, encoder.id)
    retriever = Retriever(index, encoder, articles)
    total = time.perf_counter() - start
    bm25 = timed(lambda: Bm25([p.text for p in retriever.passages]))
    steps = index.manifest["build"]
    return {
        "embed": round(steps["embed_s"], 3),
        "bm25": round(bm25, 3),
        "speakers": round(steps["passages_s"], 3),  # paragraphs and their speakers
        "total": round(total, 3),
    }


def query_latency(retriever: Retriever, questions: Sequence[str], rounds: int = 1) -> dict[str, dict[str, float]]:
    """Warm per-step latency; every question runs through each step in turn.

    The encoder keeps question vectors (an LRU cache); it is emptied before each retrieve and ask, so that
    each includes its own encoding, and `encode` calls the model directly.
    """
    model, cache = retriever.encoder.model, retriever.encoder.query
    bm25 = Bm25([p.text for p in retriever.passages])
    dense, candidates = retriever.index.dense, min(retriever.index.dense.ntotal, DENSE_CANDIDATES)

    def encode(question: str) -> np.ndarray:
        return model.encode_query([question], normalize_embeddings=True, convert_to_numpy=True)

    def fresh(step: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            cache.cache_clear()
            return step()

        return run

    for question in questions[:3]:  # warm-up: first calls load lazily built tables
        cache.cache_clear()
        answer.ask(retriever, question)
    samples: dict[str, list[float]] = {step: [] for step in STEPS}
    for _ in range(rounds):
        for question in questions:
            vector = encode(question)
            steps: dict[str, Callable[[], object]] = {
                "encode": lambda: encode(question),
                "dense": lambda: dense.search(vector, candidates),
                "bm25": lambda: bm25.scores(question),
                "retrieve": fresh(lambda: retriever.retrieve(question)),
                "ask": fresh(lambda: answer.ask(retriever, question)),
            }
            for name, step in steps.items():
                samples[name].append(timed(step))
    return {name: percentiles(times) for name, times in samples.items()}


def article_sentences(articles: Sequence[Article]) -> list[str]:
    return [s.text for article in articles for p in make_passages(article) for s in p.sentences]


def synthetic_passages(sentences: Sequence[str], n: int, rng: np.random.Generator) -> list[str]:
    """n passages of 1-3 sentences drawn at random: the article's words and lengths, shuffled."""
    low, high = SENTENCES_PER_PASSAGE
    counts = rng.integers(low, high + 1, size=n)
    picks = rng.integers(0, len(sentences), size=int(counts.sum()))
    ends = np.cumsum(counts)
    return [" ".join(sentences[i] for i in picks[end - count : end]) for count, end in zip(counts, ends)]


def unit_vectors(n: int, dimension: int, rng: np.random.Generator) -> np.ndarray:
    vectors = rng.standard_normal((n, dimension), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def scale_row(
    n: int, sentences: Sequence[str], questions: Sequence[str], rng: np.random.Generator, dimension: int = DIMENSION
) -> dict:
    """Search and build figures for a synthetic corpus of n passages, with both BM25 scorers side by side.

    `rss_mb` is the memory that the corpus, its tokens, the scorer chosen for its size and the FAISS index add.
    """
    before = rss_mb()
    texts = synthetic_passages(sentences, n, rng)
    start = time.perf_counter()
    tokens = [analyze(t) for t in texts]
    analyze_s = time.perf_counter() - start
    chosen = choose_scorer(n)
    order = [chosen, *(name for name in SCORERS if name != chosen)]
    scorers, build_s = {}, {}
    for name in order[:1]:
        start = time.perf_counter()
        scorers[name] = SCORERS[name](tokens)
        build_s[name] = time.perf_counter() - start
    vectors = unit_vectors(n, dimension, rng)
    start = time.perf_counter()
    dense = faiss.IndexFlatIP(dimension)
    dense.add(vectors)
    faiss_build_s = time.perf_counter() - start
    del vectors  # FAISS holds its own copy
    rss = rss_mb() - before
    for name in order[1:]:
        start = time.perf_counter()
        scorers[name] = SCORERS[name](tokens)
        build_s[name] = time.perf_counter() - start
    query_tokens = [analyze(q) for q in questions]
    bm25_p50 = {
        name: percentiles([timed(lambda: scorer.scores(q)) for q in query_tokens])["p50"]
        for name, scorer in scorers.items()
    }
    candidates = min(n, DENSE_CANDIDATES)
    faiss_p50 = percentiles(
        [timed(lambda: dense.search(v[None, :], candidates)) for v in unit_vectors(len(questions), dimension, rng)]
    )["p50"]
    return {
        "passages": n,
        "scorer": chosen,
        "bm25_p50_ms": bm25_p50[chosen],
        "faiss_p50_ms": faiss_p50,
        "build_s": round(analyze_s + build_s[chosen] + faiss_build_s, 3),
        "rss_mb": round(rss, 1),
        "analyze_s": round(analyze_s, 3),
        "faiss_build_s": round(faiss_build_s, 3),
        "bm25_build_s_by_scorer": {name: round(s, 3) for name, s in build_s.items()},
        "bm25_p50_ms_by_scorer": bm25_p50,
    }


def scale(sizes: Sequence[int], sentences: Sequence[str], questions: Sequence[str], seed: int = 0) -> list[dict]:
    rng = np.random.default_rng(seed)
    return [scale_row(n, sentences, questions, rng) for n in sizes]


def targets(figures: dict) -> list[Target]:
    """The speed targets of issue 7 that the figures allow to check."""
    found: list[Target] = []
    query = figures.get("query_ms")
    if query:
        encode = query["encode"]["p50"]
        found.append(Target("warm retrieve p50 / encode p50", round(query["retrieve"]["p50"] / encode, 3), 1.2))
        found.append(Target("warm ask p50 / encode p50", round(query["ask"]["p50"] / encode, 3), 1.3))
        # Issue 15: judging an answer's support costs next to nothing beside the search.
        retrieve = query["retrieve"]["p50"]
        found.append(Target("warm ask p50 / retrieve p50", round(query["ask"]["p50"] / retrieve, 3), 1.3))
    if figures.get("cold_start_s") is not None:
        found.append(Target("cold start, s", figures["cold_start_s"], 10.0))
    if "attribution_s" in figures:  # issue 17
        found.append(Target(f"attribution of {ATTRIBUTED_PARAGRAPHS:,} paragraphs, s", figures["attribution_s"], 0.5))
    own = figures.get("own_article")
    if own:  # issue 16
        found.append(Target(f"add a {own['paragraphs']}-paragraph news page, s", own["add_s"], 10.0))
        found.append(Target("add it again after removing it, s", own["readd_s"], 1.0))
        found.append(Target("passages embedded when it is added again", own["readd_embedded"], 0))
        found.append(Target("first answer after the add, s", own["first_answer_s"], 1.0))
    for row in figures.get("scale", []):
        if row["passages"] >= 100_000:
            search = round(row["bm25_p50_ms"] + row["faiss_p50_ms"], 3)
            found.append(Target(f"BM25 + FAISS p50 at {row['passages']:,} passages, ms", search, 50.0))
    return found


ATTRIBUTED_PARAGRAPHS = 1000
# Issue 16: a reader's own article, a saved news page of 32 paragraphs, with a question a reader would ask it.
OWN_PAGE = ROOT / "tests" / "data" / "pages" / "detak_arisan_bodong.html"


def own_article(library: Library, page: Path = OWN_PAGE) -> dict[str, float]:
    """Adding a saved news page to a copy of the library's corpus and index (so their vectors of the corpus are
    cached, and the page's are not), the first answer about it, then removing it and adding it again."""
    expected = json.loads((page.parent / "expected.json").read_text(encoding="utf-8"))[page.name]
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(library.corpus_dir, Path(tmp) / "corpus")
        shutil.copytree(library.index_dir, Path(tmp) / "index")
        copy = Library(Path(tmp) / "corpus", Path(tmp) / "index", encoder=library.encoder)
        copy.retriever  # noqa: B018  # loaded before the clock starts, as in a running app
        data = page.read_bytes()
        added = copy.add(data, page.name)
        first_answer = timed(lambda: answer.ask(copy.retriever, expected["question_id"], 3))
        copy.remove(added.article.id)
        again = copy.add(data, page.name)
    return {
        "paragraphs": added.paragraphs,
        "add_s": round(added.seconds, 3),
        "embedded": added.embedded,
        "first_answer_s": round(first_answer, 3),
        "readd_s": round(again.seconds, 3),
        "readd_embedded": again.embedded,
    }


def attribution_speed(articles: Sequence[Article], n: int = ATTRIBUTED_PARAGRAPHS) -> float:
    """Seconds to read who speaks in n paragraphs: the articles' own, read article by article, over again."""
    from .attribution import read
    from .corpus import split_paragraphs

    texts = [[p.text for p in split_paragraphs(article)] for article in articles]
    done, start = 0, time.perf_counter()
    while done < n:
        for paragraphs in texts:
            read(paragraphs[: n - done])
            done += min(len(paragraphs), n - done)
    return round(time.perf_counter() - start, 3)


def table(figures: dict) -> str:
    lines: list[str] = []
    if "machine" in figures:
        m = figures["machine"]
        lines.append(
            f"Machine: {m['cpus']} CPUs, load average {m['load_avg_1m']} at start,"
            f" threads torch {m['threads']['torch']} / faiss {m['threads']['faiss']}"
        )
    if figures.get("cold_start_s") is not None:
        lines.append(f"Cold start (fresh process to first answer, median): {figures['cold_start_s']:.2f} s")
    if "index_build_s" in figures:
        build_s = figures["index_build_s"]
        lines.append("Index build, seed corpus in memory (s): " + ", ".join(f"{k} {v:.3f}" for k, v in build_s.items()))
    if "query_ms" in figures:
        lines.append(f"Warm query latency over {figures['questions']} questions (ms):")
        lines.append(f"  {'step':<10}{'p50':>10}{'p95':>10}")
        lines += [f"  {step:<10}{q['p50']:>10.2f}{q['p95']:>10.2f}" for step, q in figures["query_ms"].items()]
    if "attribution_s" in figures:
        lines.append(f"Attribution of {ATTRIBUTED_PARAGRAPHS:,} paragraphs: {figures['attribution_s']:.3f} s")
    if "own_article" in figures:
        own = figures["own_article"]
        lines.append(
            f"Own article ({own['paragraphs']} paragraphs): add {own['add_s']:.2f} s ({own['embedded']} passages"
            f" embedded), first answer {own['first_answer_s']:.3f} s, added again {own['readd_s']:.2f} s"
            f" ({own['readd_embedded']} embedded)"
        )
    if "peak_rss_mb" in figures:
        lines.append(f"Peak RSS (model, index, queries): {figures['peak_rss_mb']:.0f} MB")
    if figures.get("scale"):
        lines += [
            "Scale (synthetic passages; random unit vectors for FAISS flat inner product):",
            f"  {'passages':>9} {'scorer':>9} {'bm25 p50':>9} {'rank_bm25':>10} {'sparse':>8} {'faiss p50':>10}"
            f" {'build s':>8} {'rss MB':>7}",
        ]
        for row in figures["scale"]:
            by = row["bm25_p50_ms_by_scorer"]
            lines.append(
                f"  {row['passages']:>9,} {row['scorer']:>9} {row['bm25_p50_ms']:>9.2f} {by['rank_bm25']:>10.2f}"
                f" {by['sparse']:>8.2f} {row['faiss_p50_ms']:>10.2f} {row['build_s']:>8.2f} {row['rss_mb']:>7.0f}"
            )
    checks = targets(figures)
    if checks:
        lines.append("Targets:")
        lines += [f"  [{'met' if t.met else 'MISSED'}] {t.name}: {t.value:g} (target <= {t.limit:g})" for t in checks]
    return "\n".join(lines)


def run(sizes: Sequence[int] = SIZES, cold_runs: int = 3, rounds: int = 1) -> dict:
    from . import api

    questions = load_questions()
    retriever = api.default_retriever()  # builds and saves index/ first if it is stale, before any timing
    import torch

    # Both thread pools matter: on 2 cores, a second thread waiting on a busy core slows a query many times.
    threads = {"torch": torch.get_num_threads(), "faiss": faiss.omp_get_max_threads()}
    machine = {"cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2), "threads": threads}
    figures: dict = {"machine": machine}
    figures["questions"] = len(questions)
    figures["query_ms"] = query_latency(retriever, questions, rounds)
    figures["index_build_s"] = index_build(retriever.articles, retriever.encoder)
    figures["attribution_s"] = attribution_speed(retriever.articles)
    figures["own_article"] = own_article(api.default_library())
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    figures["cold_start_s"] = cold_start(cold_runs) if cold_runs else None
    figures["scale"] = scale(sizes, article_sentences(retriever.articles), questions)
    figures["targets"] = [{"name": t.name, "value": t.value, "limit": t.limit, "met": t.met} for t in targets(figures)]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="synthetic corpus sizes")
    parser.add_argument("--cold-runs", type=int, default=3, help="fresh processes to time (0 skips)")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the questions for query latency")
    args = parser.parse_args(argv)
    figures = run(args.sizes, args.cold_runs, args.rounds)
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
