"""The built index: passages, their dense vectors in FAISS, and a manifest that says what they were built from.

On disk under `index/`: `manifest.json`, `passages.json` (each with its sentences and their speakers),
`dense.faiss` (one vector per passage), and `sentences.npy` (one vector per sentence, in passage order, to pick
the evidence sentence of an answer). A load checks the manifest against the corpus, the model and the code that
made the passages, and the files against the hashes the manifest recorded;
anything that does not match is rebuilt (in memory when the folder cannot be written), with one log line.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import io
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from .corpus import Article
from .files import write_atomic
from .folders import INDEX_DIR
from .normalize import normalize, spin_score
from .passages import Passage, make_passages
from .vectors import CACHE_FILE, VectorCache, embed_cached

log = logging.getLogger("qa")

FORMAT = 2
_PACKAGE = Path(__file__).resolve().parent
# The modules whose output the index stores, with every module of the package they import: a change to the
# code of any of them makes a stored index stale. Their syntax trees are compared, so an edit to a comment
# or a docstring is no change; the embedding cache (qa/vectors.py) makes a rebuild cheap all the same.
_PIPELINE_ROOTS = ("index", "passages", "normalize")

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Index:
    passages: tuple[Passage, ...]
    # Both None when an engine holds the vectors (`qa.postgres`).
    dense: faiss.Index | None
    sentence_vectors: np.ndarray | None  # one row per sentence of every passage, in order, unit length
    manifest: dict

    @property
    def sentence_count(self) -> int:
        return sum(len(p.sentences) for p in self.passages)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _imports(module: Path, package: Path) -> set[Path]:
    """The package's modules that `module` imports, relative imports only (the package imports itself so)."""
    found = set()
    for node in ast.walk(ast.parse(module.read_bytes())):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        base = module.parent
        for _ in range(node.level - 1):
            base = base.parent
        parts = node.module.split(".") if node.module else []
        # The module, and each name that is a submodule of it: `from .attribution import cues` imports cues.py.
        for name in ([parts] if parts else []) + [[*parts, alias.name] for alias in node.names]:
            path = base.joinpath(*name)
            for candidate in (path.with_suffix(".py"), path / "__init__.py"):
                if candidate.is_file() and package in candidate.parents:
                    found.add(candidate)
    return found


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]  # type: ignore[attr-defined]
    return tree


def pipeline_version(package: Path = _PACKAGE) -> str:
    """A digest of the code that makes passages, sentences and embedded text, comments and docstrings aside."""
    # Parsing the modules takes a second; every article a user brings is indexed with the same code.
    stamps = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(package.rglob("*.py")))
    return _pipeline_digest(package, stamps)


@functools.cache
def _pipeline_digest(package: Path, stamps: tuple[tuple[Path, int, int], ...]) -> str:
    """`pipeline_version` of the package whose modules were last written as `stamps` tell."""
    todo = [package / f"{name}.py" for name in _PIPELINE_ROOTS]
    seen: set[Path] = set()
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(_imports(module, package))
    h = hashlib.sha256()
    for module in sorted(seen):
        h.update(str(module.relative_to(package)).encode())
        h.update(ast.dump(_without_docstrings(ast.parse(module.read_bytes()))).encode())
    return h.hexdigest()[:16]


def data_version(package: Path = _PACKAGE) -> str:
    """A digest of every file in qa/data/, names and bytes: each word list, lexicon and table there shapes
    passages, tokens or speakers."""
    h = hashlib.sha256()
    for path in sorted((package / "data").rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def corpus_hash(articles: Sequence[Article]) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(json.dumps([a.id, a.title, a.source, a.text]).encode())
    return h.hexdigest()


def expected_manifest(articles: Sequence[Article], model_id: str) -> dict:
    return {
        "format": FORMAT,
        "corpus_sha256": corpus_hash(articles),
        "model": model_id,
        "pipeline": pipeline_version(),
        "data": data_version(),
    }


def build(
    articles: Sequence[Article],
    embed: Embed,
    model_id: str,
    cache: VectorCache | None = None,
    progress: bool = False,
) -> Index:
    """Passages, speakers and vectors of the articles; only texts the cache does not hold are embedded."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    passages = tuple(p for a in articles for p in make_passages(a))
    timings["passages_s"] = time.perf_counter() - t0
    if not passages:
        names = ", ".join(str(a.path or a.id) for a in articles)
        raise ValueError(f"{names}: no body paragraphs found (is the article empty, or headings only?).")
    sentence_texts = [s.text for p in passages for s in p.sentences]
    t0 = time.perf_counter()
    # One batch for passages and sentences; a one-sentence paragraph is embedded once.
    texts = list(dict.fromkeys([p.text for p in passages] + sentence_texts))
    vectors, made = embed_cached([normalize(t) for t in texts], embed, model_id, cache, progress)
    row = {text: i for i, text in enumerate(texts)}
    dense = faiss.IndexFlatIP(vectors.shape[1])
    dense.add(vectors[[row[p.text] for p in passages]])
    sentence_vectors = vectors[[row[text] for text in sentence_texts]]
    timings["embed_s"] = time.perf_counter() - t0
    manifest = {
        **expected_manifest(articles, model_id),
        "dimension": int(vectors.shape[1]),
        "passages": len(passages),
        "sentences": len(sentence_texts),
        "articles": {
            a.id: {"title": a.title, "source": a.source, "spin_score": round(spin_score(a.text), 4)}
            for a in articles
        },
        "build": {
            **{k: round(v, 3) for k, v in timings.items()},
            "embedded_texts": len(made),  # passages and sentences the cache did not hold
            "embedded_passages": len({texts[i] for i in made} & {p.text for p in passages}),
        },
    }
    return Index(passages, dense, sentence_vectors, manifest)


def save(index: Index, folder: Path = INDEX_DIR) -> None:
    """Writes the files, then the manifest last, so a half-written index never looks valid."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "passages.json": json.dumps([dataclasses.asdict(p) for p in index.passages], ensure_ascii=False).encode(),
        "dense.faiss": faiss.serialize_index(index.dense).tobytes(),
        "sentences.npy": _npy_bytes(index.sentence_vectors),
    }
    (folder / "manifest.json").unlink(missing_ok=True)
    for name, data in files.items():
        write_atomic(folder / name, data)
    manifest = {**index.manifest, "files": {name: _sha256(data) for name, data in files.items()}}
    write_atomic(folder / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False).encode())


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


class StaleIndex(Exception):
    """The stored index does not match what it should have been built from."""


def load(folder: Path, expected: dict) -> Index:
    """The stored index, or StaleIndex saying why it cannot be used."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StaleIndex("no index built yet") from None
    except (OSError, ValueError) as exc:
        raise StaleIndex(f"unreadable manifest ({exc})") from None
    if not isinstance(manifest, dict):
        raise StaleIndex("unreadable manifest")
    changed = [key for key, value in expected.items() if manifest.get(key) != value]
    if changed:
        raise StaleIndex(f"{', '.join(changed)} changed")
    data = {}
    for name, digest in (manifest.get("files") or {}).items():
        try:
            data[name] = (folder / name).read_bytes()
        except OSError:
            raise StaleIndex(f"{name} is missing") from None
        if _sha256(data[name]) != digest:
            raise StaleIndex(f"{name} does not match its manifest")
    try:
        passages = tuple(Passage.from_dict(row) for row in json.loads(data["passages.json"]))
        dense = faiss.deserialize_index(np.frombuffer(data["dense.faiss"], dtype=np.uint8))
        sentence_vectors = np.load(io.BytesIO(data["sentences.npy"]), allow_pickle=False)
    except (KeyError, TypeError, ValueError, RuntimeError) as exc:
        raise StaleIndex(f"damaged index files ({exc})") from None
    if dense.ntotal != len(passages) or dense.d != manifest.get("dimension"):
        raise StaleIndex("vector count or dimension does not match the passages")
    index = Index(passages, dense, sentence_vectors, manifest)
    if sentence_vectors.shape != (index.sentence_count, dense.d):
        raise StaleIndex("sentence vectors do not match the sentences")
    return index


def cache_in(folder: Path) -> VectorCache | None:
    """The embedding cache kept beside the index, or None when the folder cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return VectorCache(folder / CACHE_FILE)


def load_or_build(
    articles: Sequence[Article], embed: Embed, model_id: str, folder: Path = INDEX_DIR, progress: bool = False
) -> Index:
    expected = expected_manifest(articles, model_id)
    try:
        return load(folder, expected)
    except StaleIndex as reason:
        log.warning("index: rebuilding %s (%s)", folder, reason)
    index = build(articles, embed, model_id, cache_in(folder), progress)
    try:
        save(index, folder)
    except OSError as exc:
        log.warning("index: cannot write %s (%s); using the rebuilt index in memory", folder, exc.strerror or exc)
    return index


def subset(index: Index, article_ids: Sequence[str]) -> Index:
    """The part of the index that holds these articles' passages, their vectors taken as they are."""
    keep = [i for i, p in enumerate(index.passages) if p.article in article_ids]
    vectors = index.dense.reconstruct_n(0, index.dense.ntotal)[keep]
    dense = faiss.IndexFlatIP(index.dense.d)
    dense.add(vectors)
    starts = np.cumsum([0] + [len(p.sentences) for p in index.passages])
    rows = [r for i in keep for r in range(starts[i], starts[i + 1])]
    articles = {a: m for a, m in index.manifest.get("articles", {}).items() if a in article_ids}
    manifest = {**index.manifest, "articles": articles, "passages": len(keep), "sentences": len(rows)}
    return Index(tuple(index.passages[i] for i in keep), dense, index.sentence_vectors[rows], manifest)
