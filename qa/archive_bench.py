"""The archive engines side by side on the same synthetic archive: ingest rate, hybrid query p50/p95, memory and
disk, for the in-process index (FAISS + BM25), PostgreSQL + pgvector (embedded pgserver) and Milvus Lite.

    python -m qa.archive_bench [--passages 100000] [--engines inprocess pgvector milvus] [--json PATH]

Passages are 1-3 sentences of the repository's articles drawn at random; their vectors (and the questions')
are random unit vectors, since the model embeds ~30 passages/s. A query is what `Retriever.signals` asks of its
search: dense candidates of passages with their sentences' cosines, and BM25+ of passages and sentences, for
one eval question (Milvus: dense candidates of passages and of sentences apiece, as it has no join). Each engine
runs in a process of its own, so that its memory is its own; the server's processes count for the engines that
run one. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import psutil

from .bm25 import B, K1, analyze
from .corpus import Article, load_corpus
from .folders import CHECKOUT
from .attribution import Sentence
from .passages import Passage, make_passages
from .postgres import KEYWORD_CANDIDATES
from .search import DENSE_CANDIDATES

ENGINES = ("inprocess", "pgvector", "milvus")
DIMENSION = 768
ARTICLE_PASSAGES = 50  # passages per synthetic article: one write each
QUESTION_FILES = ("questions.jsonl", "wire_articles.jsonl")
QUERIES = 100


def source_sentences() -> list[str]:
    folders = (CHECKOUT / "corpus", CHECKOUT / "tests" / "data" / "articles")
    return [s.text for folder in folders for a in load_corpus(folder) for p in make_passages(a) for s in p.sentences]


def questions() -> list[str]:
    lines = [
        line
        for name in QUESTION_FILES
        for line in (CHECKOUT / "evals" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [json.loads(line)["question"] for line in lines][:QUERIES]


def unit(rng: np.random.Generator, n: int) -> np.ndarray:
    vectors = rng.standard_normal((n, DIMENSION), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def synthetic(n: int, seed: int = 0) -> Iterator[tuple[Article, list[Passage], np.ndarray, np.ndarray]]:
    """n passages in articles of ARTICLE_PASSAGES, with unit vectors for passages and sentences; the same for
    every engine (a seeded generator)."""
    rng, sentences = np.random.default_rng(seed), source_sentences()
    for number, start in enumerate(range(0, n, ARTICLE_PASSAGES)):
        article = Article(id=f"synthetic{number:06d}", title=f"Synthetic {number}", text="")
        passages = []
        for paragraph in range(1, min(ARTICLE_PASSAGES, n - start) + 1):
            picked = [sentences[i] for i in rng.integers(0, len(sentences), size=int(rng.integers(1, 4)))]
            spans, at = [], 0
            for text in picked:
                spans.append(Sentence(text, at, at + len(text), None, None, "narration", None, "synthetic"))
                at += len(text) + 1
            passages.append(
                Passage(f"{article.id}#p{paragraph}", article.id, None, paragraph, " ".join(picked), sentences=tuple(spans))
            )
        yield article, passages, unit(rng, len(passages)), unit(rng, sum(len(p.sentences) for p in passages))


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def rss_mb(pids: Sequence[int]) -> float:
    total = 0
    for pid in pids:
        try:
            total += psutil.Process(pid).memory_full_info().uss  # unique pages: shared buffers count once
        except psutil.Error:
            pass
    return total / 2**20


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    return {"p50": round(statistics.median(ms), 2), "p95": round(ms[int(0.95 * (len(ms) - 1))], 2)}


class MilvusSearch:
    """The same evidence from Milvus Lite: a dense HNSW field and a sparse field of our BM25+ weights per
    collection. Milvus keeps a sparse vector's weights fixed at insert, so a passage's length is normalised by
    the mean length known then (the whole synthetic archive's, computed first)."""

    def __init__(self, uri: str) -> None:
        from pymilvus import DataType, MilvusClient

        self.client, self.types = MilvusClient(uri), DataType
        self.df: dict[str, Counter[str]] = {"passages": Counter(), "sentences": Counter()}
        self.count = {"passages": 0, "sentences": 0}
        self.mean = {"passages": 1.0, "sentences": 1.0}

    def create(self) -> None:
        for name in ("passages", "sentences"):
            schema = self.client.create_schema(auto_id=False)
            schema.add_field("pos", self.types.INT64, is_primary=True)
            schema.add_field("dense", self.types.FLOAT_VECTOR, dim=DIMENSION)
            schema.add_field("sparse", self.types.SPARSE_FLOAT_VECTOR)
            index = self.client.prepare_index_params()
            index.add_index("dense", index_type="HNSW", metric_type="IP", params={"M": 16, "efConstruction": 64})
            index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
            self.client.create_collection(name, schema=schema, index_params=index)

    def insert(self, name: str, first: int, texts: Sequence[str], vectors: np.ndarray, vocabulary: dict) -> None:
        rows = []
        for pos, (text, vector) in enumerate(zip(texts, vectors), first):
            tokens = analyze(text) or [""]
            norm = K1 * (1 - B + B * len(tokens) / self.mean[name])
            weights = {vocabulary.setdefault(t, len(vocabulary)): tf * (K1 + 1) / (tf + norm)
                       for t, tf in Counter(tokens).items()}
            rows.append({"pos": pos, "dense": vector, "sparse": weights})
        self.client.insert(name, rows)

    def query(self, name: str, vector: np.ndarray, terms: Counter, vocabulary: dict) -> None:
        self.client.search(name, [vector.tolist()], anns_field="dense", limit=DENSE_CANDIDATES,
                           search_params={"metric_type": "IP", "params": {"ef": DENSE_CANDIDATES}})
        idf = {vocabulary[t]: n * float(np.log((self.count[name] + 1) / self.df[name][t]))
               for t, n in terms.items() if t in vocabulary and self.df[name][t]}
        if idf:
            self.client.search(
                name, [idf], anns_field="sparse", limit=KEYWORD_CANDIDATES, search_params={"metric_type": "IP"}
            )


def run_engine(engine: str, n: int, folder: Path) -> dict:
    """One engine's figures, in this process."""
    before = psutil.Process().memory_info().rss / 2**20
    started = time.perf_counter()
    data = synthetic(n)
    asked = questions()
    query_vectors = unit(np.random.default_rng(1), len(asked))
    server: list[int] = []
    if engine == "inprocess":
        import faiss

        from .index import Index, save
        from .search import InProcess

        passages, passage_vectors, sentence_vectors = [], [], []
        for _, ps, pv, sv in data:
            passages += ps
            passage_vectors.append(pv)
            sentence_vectors.append(sv)
        generated = time.perf_counter()
        dense = faiss.IndexFlatIP(DIMENSION)
        dense.add(np.concatenate(passage_vectors))
        index = Index(tuple(passages), dense, np.concatenate(sentence_vectors), {})
        del passage_vectors, sentence_vectors
        search = InProcess(index)
        ingest_s = time.perf_counter() - generated
        save(index, folder)
        run = lambda q, v: (search.similarities(v[None, :]), search.keyword(q))  # noqa: E731
    elif engine == "pgvector":
        from .backend import embedded_uri
        from .postgres import Archive

        archive, generate_s = Archive(embedded_uri(folder)), 0.0
        archive.prepare("synthetic", DIMENSION)
        mark = time.perf_counter()
        for article, ps, pv, sv in data:
            generate_s += time.perf_counter() - mark
            archive.add(article, "", 0.0, ps, pv, sv)
            mark = time.perf_counter()
        archive.finish()
        ingest_s = time.perf_counter() - started - generate_s
        search = archive.load()[3]
        postmaster = psutil.Process(int((folder / "postmaster.pid").read_text().split()[0]))
        server = [postmaster.pid, *(p.pid for p in postmaster.children(recursive=True))]
        run = lambda q, v: (search.similarities(v[None, :]), search.keyword(q))  # noqa: E731
    else:
        folder.mkdir(parents=True)
        milvus = MilvusSearch(str(folder / "milvus.db"))
        milvus.create()
        rows = list(data)
        generated = time.perf_counter()
        vocabulary: dict[str, int] = {}
        tables = {
            "passages": ([p.text for _, ps, _, _ in rows for p in ps], np.concatenate([r[2] for r in rows])),
            "sentences": ([s.text for _, ps, _, _ in rows for p in ps for s in p.sentences],
                          np.concatenate([r[3] for r in rows])),
        }
        for name, (texts, vectors) in tables.items():
            tokens = [analyze(t) or [""] for t in texts]
            milvus.count[name], milvus.mean[name] = len(tokens), float(np.mean([len(t) for t in tokens]))
            milvus.df[name].update(term for doc in tokens for term in set(doc))
            for start in range(0, len(texts), 2000):
                milvus.insert(name, start, texts[start : start + 2000], vectors[start : start + 2000], vocabulary)
        del rows, tables
        ingest_s = time.perf_counter() - generated

        def run(q: str, v: np.ndarray) -> None:
            terms = Counter(analyze(q))
            for name in ("passages", "sentences"):
                milvus.query(name, v, terms, vocabulary)

    for q, v in zip(asked[:5], query_vectors):  # warm-up: caches, plans, lazily loaded segments
        run(q, v)
    times = []
    for q, v in zip(asked, query_vectors):
        start = time.perf_counter()
        run(q, v)
        times.append(time.perf_counter() - start)
    return {
        "engine": engine,
        "passages": n,
        "ingest_s": round(ingest_s, 1),
        "ingest_per_s": round(n / ingest_s),
        "query_ms": percentiles(times),
        "rss_mb": round(psutil.Process().memory_info().rss / 2**20 - before + rss_mb(server)),
        "disk_mb": round(folder_mb(folder)),
    }


HEADER = f"{'engine':>10} {'passages':>9} {'ingest s':>9} {'/s':>6} {'p50 ms':>7} {'p95 ms':>7} {'RSS MB':>7} {'disk MB':>8}"


def row_line(row: dict) -> str:
    q = row["query_ms"]
    return (
        f"{row['engine']:>10} {row['passages']:>9} {row['ingest_s']:>9} {row['ingest_per_s']:>6} {q['p50']:>7}"
        f" {q['p95']:>7} {row['rss_mb']:>7} {row['disk_mb']:>8}"
    )


def compare(sizes: Sequence[int], engines: Sequence[str]) -> list[dict]:
    """Each engine at each size, each in a process of its own; prints the table as the rows are measured."""
    rows = []
    print(HEADER, flush=True)
    for n in sizes:
        for engine in engines:
            child = subprocess.run(
                [sys.executable, "-m", "qa.archive_bench", "--one", "--engines", engine, "--passages", str(n)],
                capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            if child.returncode:
                print(f"{engine:>10} {n:>9} failed: {child.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
            print(row_line(rows[-1]), flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.archive_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, nargs="+", default=[100_000])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child: one engine, one size
    args = parser.parse_args(argv)
    if args.one:
        with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
            print(json.dumps(run_engine(args.engines[0], args.passages[0], Path(tmp) / "data")))
        return 0
    rows = compare(args.passages, args.engines)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
