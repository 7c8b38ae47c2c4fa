"""The built index: passages, their dense vectors in FAISS, and a manifest that says what they were built from.

On disk under `index/`: `manifest.json`, `passages.json` (each with its sentences and their speakers),
`dense.faiss` (one vector per passage), and `sentences.npy` (one vector per sentence, in passage order, to pick
the evidence sentence of an answer). A load checks the manifest against the corpus, the model and the code that
made the passages, and the files against the hashes the manifest recorded;
anything that does not match is rebuilt (in memory when the folder cannot be written), with one log line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from .corpus import ROOT, Article
from .normalize import normalize, spin_score
from .passages import Passage, make_passages

log = logging.getLogger("qa")

INDEX_DIR = ROOT / "index"
FORMAT = 2
_PACKAGE = Path(__file__).resolve().parent
# The code whose output is stored in the index: a change to any of these makes a stored index stale. A folder
# stands for every *.py in it, so that a new module there is covered too.
_PIPELINE_SOURCES = ("corpus.py", "attribution", "passages.py", "index.py")

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Index:
    passages: tuple[Passage, ...]
    dense: faiss.Index
    sentence_vectors: np.ndarray  # one row per sentence of every passage, in order, unit length
    manifest: dict

    @property
    def sentence_count(self) -> int:
        return sum(len(p.sentences) for p in self.passages)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pipeline_version() -> str:
    paths = (_PACKAGE / name for name in _PIPELINE_SOURCES)
    files = (file for path in paths for file in (sorted(path.glob("*.py")) if path.is_dir() else [path]))
    return _sha256(b"".join(file.read_bytes() for file in files))[:16]


def corpus_hash(articles: Sequence[Article]) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(json.dumps([a.id, a.title, a.source, a.language, a.text]).encode())
    return h.hexdigest()


def expected_manifest(articles: Sequence[Article], model_id: str) -> dict:
    return {
        "format": FORMAT,
        "corpus_sha256": corpus_hash(articles),
        "model": model_id,
        "pipeline": pipeline_version(),
    }


def build(articles: Sequence[Article], embed: Embed, model_id: str) -> Index:
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
    vectors = np.ascontiguousarray(embed([normalize(t) for t in texts]), dtype=np.float32)
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
        "build": {k: round(v, 3) for k, v in timings.items()},
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
        _write_atomic(folder / name, data)
    manifest = {**index.manifest, "files": {name: _sha256(data) for name, data in files.items()}}
    _write_atomic(folder / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False).encode())


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def load_or_build(articles: Sequence[Article], embed: Embed, model_id: str, folder: Path = INDEX_DIR) -> Index:
    expected = expected_manifest(articles, model_id)
    try:
        return load(folder, expected)
    except StaleIndex as reason:
        log.warning("index: rebuilding %s (%s)", folder, reason)
    index = build(articles, embed, model_id)
    try:
        save(index, folder)
    except OSError as exc:
        log.warning("index: cannot write %s (%s); using the rebuilt index in memory", folder, exc.strerror or exc)
    return index
