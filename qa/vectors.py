"""The embedding cache: every vector the model has made, keyed by the model and the text it embedded.

A rebuilt index embeds only the texts no earlier build has seen: re-adding an article, or rebuilding after a
change to the attribution code, reuses every vector. SQLite keeps the cache whole through a crash mid-write.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

import numpy as np
from tqdm import tqdm

log = logging.getLogger("qa")

CACHE_FILE = "vectors.sqlite"
# Texts per call to the model: the progress bar moves, and a kill keeps what is done, every batch.
BATCH = 64
# A progress bar only for an embedding that takes longer than this: most adds finish before it would show.
PROGRESS_DELAY_S = 1.5

Embed = Callable[[Sequence[str]], np.ndarray]


def key(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\0{text}".encode()).hexdigest()


class VectorCache:
    """Vectors by key, in one SQLite file; `None` as the path keeps them in memory for this process only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path or ":memory:", timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        return db

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with closing(self._connect()) as db:
            for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for k, blob in db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                    found[k] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        with closing(self._connect()) as db, db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                [(k, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in items],
            )


def embed_cached(
    texts: Sequence[str], embed: Embed, model_id: str, cache: VectorCache | None, progress: bool = False
) -> tuple[np.ndarray, list[int]]:
    """The texts' vectors, in order, and the positions of those the model had to make. New vectors are
    stored in batches as they are made, so an interrupted build keeps what it finished."""
    keys = [key(model_id, t) for t in texts]
    try:
        known = cache.get(keys) if cache else {}
    except sqlite3.Error as exc:
        log.warning("index: embedding cache unreadable (%s); embedding every passage", exc)
        cache, known = None, {}
    missing = [i for i, k in enumerate(keys) if k not in known]
    with tqdm(total=len(missing), unit="text", desc="embedding", delay=PROGRESS_DELAY_S, disable=not progress) as bar:
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            vectors = np.asarray(embed([texts[i] for i in batch]), dtype=np.float32)
            made = [(keys[i], v) for i, v in zip(batch, vectors, strict=True)]
            known.update(made)
            if cache:
                try:
                    cache.put(made)
                except sqlite3.Error as exc:  # a read-only or full disk: the build goes on without the cache
                    log.warning("index: cannot write the embedding cache (%s)", exc)
                    cache = None
            bar.update(len(batch))
    if not texts:
        return np.zeros((0, 0), dtype=np.float32), missing
    return np.stack([known[k] for k in keys]), missing
