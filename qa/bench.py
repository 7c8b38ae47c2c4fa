"""Speed benchmark: cold start, memory, index build, warm query latency, and how search scales (README, "Speed").

    python -m qa.bench [--full] [--json PATH] [--runtimes onnx torch] [--sizes 1000 10000] [--archive 100000]

Every figure that depends on the model is measured for each runtime in the same run, the sentence-transformers
reference ("torch") last, and printed beside it as a ratio. Prints a table with each target marked met or missed;
asserts nothing. Figures are wall-clock times on whatever else the machine is doing, so latencies are measured
interleaved (one question through every step of every runtime in turn) for their ratios to stay fair under load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from . import answer, archive_bench
from .bm25 import SCORERS, Bm25, analyze, choose_scorer
from .corpus import Article
from .folders import CHECKOUT as ROOT
from .embedding import RUNTIME_VAR, RUNTIMES, Encoder
from .index import build
from .library import Library
from .passages import make_passages
from .retrieval import DENSE_CANDIDATES, Retriever

QUESTIONS = ROOT / "evals" / "questions.jsonl"
COLD_START_QUESTION = "Berapa biaya pelatihan model DeepSeek?"
SIZES = (1_000, 10_000)
FULL_SIZES = (*SIZES, 100_000)
# The archive on an engine against the in-process index (qa.archive_bench, docs/archive.md), in `--full`: the
# chosen engine only, Milvus Lite having been measured and rejected.
ARCHIVE_SIZES = (100_000,)
ARCHIVE_ENGINES = ("inprocess", "pgvector")
REFERENCE = "torch"
COMPARED = ("onnx", REFERENCE)
EMBEDDED_PASSAGES = 128  # synthetic ones, for the embedding rate
DIMENSION = 768  # the embedding model's; random unit vectors of this size stand in for passage embeddings
SENTENCES_PER_PASSAGE = (1, 3)  # the seed article's paragraphs hold 1 to 3 sentences
STEPS = ("encode", "dense", "bm25", "retrieve", "ask")
# The steps timed for every runtime after the first: what the model changes (the searches alone, and judging
# the answer after the search, are the same for all of them).
MODEL_STEPS = ("encode", "retrieve")


@dataclass(frozen=True)
class Target:
    name: str
    value: float
    limit: float
    at_least: bool = False  # a rate to reach rather than a time or size to stay under

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    def __str__(self) -> str:
        return f"[{'met' if self.met else 'MISSED'}] {self.name}: {self.value:g} (target {'>=' if self.at_least else '<='} {self.limit:g})"


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


# A fresh process answers one question and reports when it had the answer, and its resident memory then.
COLD_START_CODE = f"""import json, os, time
import qa
qa.ask({COLD_START_QUESTION!r})
pages = int(open('/proc/self/statm').read().split()[1])
print(json.dumps({{'answered': time.time(), 'rss_mb': pages * os.sysconf('SC_PAGE_SIZE') / 2**20}}))
"""


def cold_start(runs: int = 3, runtime: str | None = None, code: str = COLD_START_CODE) -> dict[str, float]:
    """Median seconds from launching a fresh process to its first answer (with the persisted index), and its
    median RSS in MB then; `code` prints both as JSON."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    if runtime:
        env[RUNTIME_VAR] = runtime
    seconds, rss = [], []
    for _ in range(runs):
        launched = time.time()
        done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
        report = json.loads(done.stdout.strip().splitlines()[-1])
        seconds.append(report["answered"] - launched)
        rss.append(report["rss_mb"])
    return {"s": round(statistics.median(seconds), 3), "rss_mb": round(statistics.median(rss), 1)}


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


def query_latency(
    retrievers: Mapping[str, Retriever], questions: Sequence[str], rounds: int = 1
) -> dict[str, dict[str, dict[str, float]]]:
    """Warm per-step latency for each runtime's retriever (the same index); every question runs through each
    step of each runtime in turn. The searches alone (dense, bm25) are timed once, with the first runtime.

    The encoder keeps question vectors (an LRU cache); it is emptied before each retrieve and ask, so that
    each includes its own encoding, and `encode` calls the model directly.
    """
    first_name, first = next(iter(retrievers.items()))
    bm25 = Bm25([p.text for p in first.passages])
    dense, candidates = first.index.dense, min(first.index.dense.ntotal, DENSE_CANDIDATES)

    def fresh(retriever: Retriever, step: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            retriever.encoder.query.cache_clear()
            return step()

        return run

    for retriever in retrievers.values():
        for question in questions[:3]:  # warm-up: first calls load lazily built tables
            retriever.encoder.query.cache_clear()
            answer.ask(retriever, question)
    samples = {name: {step: [] for step in (STEPS if name == first_name else MODEL_STEPS)} for name in retrievers}
    for _ in range(rounds):
        for question in questions:
            vector = first.encoder.model.queries([question])
            for name, retriever in retrievers.items():
                model = retriever.encoder.model
                steps: dict[str, Callable[[], object]] = {
                    "encode": lambda: model.queries([question]),
                    "dense": lambda: dense.search(vector, candidates),
                    "bm25": lambda: bm25.scores(question),
                    "retrieve": fresh(retriever, lambda: retriever.retrieve(question)),
                    "ask": fresh(retriever, lambda: answer.ask(retriever, question)),
                }
                for step in samples[name]:
                    samples[name][step].append(timed(steps[step]))
    return {name: {step: percentiles(times) for step, times in by_step.items()} for name, by_step in samples.items()}


def embedding_rate(encoders: Mapping[str, Encoder], texts: Sequence[str]) -> dict[str, float]:
    """Passages embedded per second by each runtime, as a batch (the document prompt; no cache)."""
    return {name: round(len(texts) / timed(lambda: encoder.model.documents(texts)), 1)
            for name, encoder in encoders.items()}


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
    """The speed targets of issues 7, 15, 16, 17 and 19 that the figures allow to check, for the first runtime."""
    found: list[Target] = []
    query = next(iter(figures.get("query_ms", {}).values()), None)
    if query:
        encode = query["encode"]["p50"]
        found.append(Target("warm encode p50, ms", encode, 25.0))  # issue 19
        found.append(Target("warm retrieve p50 / encode p50", round(query["retrieve"]["p50"] / encode, 3), 1.2))
        found.append(Target("warm ask p50 / encode p50", round(query["ask"]["p50"] / encode, 3), 1.3))
        # Issue 15: judging an answer's support costs next to nothing beside the search.
        retrieve = query["retrieve"]["p50"]
        found.append(Target("warm ask p50 / retrieve p50", round(query["ask"]["p50"] / retrieve, 3), 1.3))
    cold = next(iter(figures.get("cold_start", {}).values()), None)
    if cold:  # issue 19
        found.append(Target("cold start, s", cold["s"], 2.5))
        found.append(Target("RSS after the first answer, MB", cold["rss_mb"], 700.0))
    rate = next(iter(figures.get("passages_per_s", {}).values()), None)
    if rate is not None:  # issue 19
        found.append(Target("passages embedded per second", rate, 100.0, at_least=True))
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


def runtime_rows(figures: dict) -> list[tuple[str, dict[str, float]]]:
    """The figures that depend on the model, by runtime: (figure, {runtime: value})."""
    rows: list[tuple[str, dict[str, float]]] = []
    cold = figures.get("cold_start", {})
    if cold:
        rows.append(("cold start, s", {name: c["s"] for name, c in cold.items()}))
        rows.append(("RSS after the first answer, MB", {name: c["rss_mb"] for name, c in cold.items()}))
    query = figures.get("query_ms", {})
    for step in MODEL_STEPS if query else ():
        for stat in ("p50", "p95"):
            rows.append((f"warm {step} {stat}, ms", {name: q[step][stat] for name, q in query.items()}))
    if figures.get("passages_per_s"):
        rows.append(("passages embedded per second", figures["passages_per_s"]))
    return rows


def runtime_table(figures: dict) -> list[str]:
    rows = runtime_rows(figures)
    if not rows:
        return []
    names = list(rows[0][1])
    measured = [name for name in names if name != REFERENCE]
    ratios = [f"{name}/{REFERENCE}" for name in measured] if REFERENCE in names else []
    lines = [f"By runtime (the same run; {REFERENCE} is the sentence-transformers reference):",
             f"  {'figure':<32}" + "".join(f"{name:>10}" for name in names) + "".join(f"{r:>13}" for r in ratios)]
    for label, values in rows:
        cells = "".join(f"{values[name]:>10.2f}" for name in names)
        if ratios:
            cells += "".join(f"{values[name] / values[REFERENCE]:>13.3f}" for name in measured)
        lines.append(f"  {label:<32}{cells}")
    return lines


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
        threads = " / ".join(f"{name} {n}" for name, n in m["threads"].items())
        lines.append(f"Machine: {m['cpus']} CPUs, load average {m['load_avg_1m']} at start, threads {threads}")
    lines += runtime_table(figures)
    if "index_build_s" in figures:
        build_s = figures["index_build_s"]
        lines.append("Index build, seed corpus in memory (s): " + ", ".join(f"{k} {v:.3f}" for k, v in build_s.items()))
    if "query_ms" in figures:
        name, query = next(iter(figures["query_ms"].items()))
        lines.append(f"Warm query latency, {name}, over {figures['questions']} questions (ms):")
        lines.append(f"  {'step':<10}{'p50':>10}{'p95':>10}")
        lines += [f"  {step:<10}{q['p50']:>10.2f}{q['p95']:>10.2f}" for step, q in query.items()]
    if "attribution_s" in figures:
        lines.append(f"Attribution of {ATTRIBUTED_PARAGRAPHS:,} paragraphs: {figures['attribution_s']:.3f} s")
    if "own_article" in figures:
        own = figures["own_article"]
        lines.append(
            f"Own article ({own['paragraphs']} paragraphs): add {own['add_s']:.2f} s ({own['embedded']} passages"
            f" embedded), first answer {own['first_answer_s']:.3f} s, added again {own['readd_s']:.2f} s"
            f" ({own['readd_embedded']} embedded)"
        )
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
    if figures.get("archive"):
        lines += ["Archive (synthetic passages, random vectors; each engine in a process of its own):", archive_bench.HEADER]
        lines += [archive_bench.row_line(row) for row in figures["archive"]]
    checks = targets(figures)
    if checks:
        lines.append("Targets:")
        lines += [f"  {t}" for t in checks]
    return "\n".join(lines)


def run(
    sizes: Sequence[int] = SIZES,
    cold_runs: int = 3,
    rounds: int = 1,
    runtimes: Sequence[str] = COMPARED,
    archive: Sequence[int] = (),
) -> dict:
    from . import api
    from .onnx_model import THREADS

    questions = load_questions()
    library = api.default_library()
    retriever = library.retriever  # builds and saves index/ first if it is stale, before any timing
    encoders = {name: library.encoder if library.encoder.runtime == name else Encoder(library.model, name)
                for name in runtimes}
    retrievers = {name: Retriever(retriever.index, encoder, retriever.articles) for name, encoder in encoders.items()}
    # Every thread pool matters: on 2 cores, a second thread waiting on a busy core slows a query many times.
    threads = {"onnxruntime": THREADS, "faiss": faiss.omp_get_max_threads()}
    if REFERENCE in runtimes:
        import torch

        threads["torch"] = torch.get_num_threads()
    machine = {"cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2), "threads": threads}
    figures: dict = {"machine": machine, "questions": len(questions)}
    figures["cold_start"] = {name: cold_start(cold_runs, name) for name in runtimes} if cold_runs else {}
    figures["query_ms"] = query_latency(retrievers, questions, rounds)
    sentences = article_sentences(retriever.articles)
    passages = synthetic_passages(sentences, EMBEDDED_PASSAGES, np.random.default_rng(0))
    figures["passages_per_s"] = embedding_rate(encoders, passages)
    figures["index_build_s"] = index_build(retriever.articles, encoders[runtimes[0]])
    figures["attribution_s"] = attribution_speed(retriever.articles)
    figures["own_article"] = own_article(library)
    figures["scale"] = scale(sizes, sentences, questions)
    if archive:
        print("Archive (synthetic passages, random vectors; each engine in a process of its own):", flush=True)
        figures["archive"] = archive_bench.compare(archive, ARCHIVE_ENGINES)
    figures["targets"] = [{"name": t.name, "value": t.value, "limit": t.limit, "met": t.met} for t in targets(figures)]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--full", action="store_true", help=f"the big rows too: sizes {', '.join(map(str, FULL_SIZES))}")
    parser.add_argument("--sizes", type=int, nargs="*", help=f"synthetic corpus sizes (default {' '.join(map(str, SIZES))})")
    parser.add_argument("--runtimes", nargs="+", choices=RUNTIMES, default=list(COMPARED),
                        help="model runtimes to measure, the reference last (default: %(default)s)")
    parser.add_argument("--archive", type=int, nargs="*",
                        help=f"archive sizes for the engines (default with --full: {' '.join(map(str, ARCHIVE_SIZES))})")
    parser.add_argument("--cold-runs", type=int, default=3, help="fresh processes to time per runtime (0 skips)")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the questions for query latency")
    args = parser.parse_args(argv)
    sizes = args.sizes if args.sizes is not None else FULL_SIZES if args.full else SIZES
    archive = args.archive if args.archive is not None else ARCHIVE_SIZES if args.full else ()
    figures = run(sizes, args.cold_runs, args.rounds, args.runtimes, archive)
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
