"""Shared fixtures: the real retriever (real model, real index), and a small deterministic encoder for fast tests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import qa

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "deepseek.txt"


class HashingEncoder:
    """Bag-of-words vectors from hashed tokens: no model, but similar texts still get similar vectors."""

    id = "test/hashing-64"
    dimension = 64

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype=np.float32)
        for token in text.lower().split():
            v[int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])

    def query(self, text: str) -> np.ndarray:
        return self._vector(text)[None, :]


@pytest.fixture
def encoder() -> HashingEncoder:
    return HashingEncoder()


@pytest.fixture(scope="session")
def retriever() -> qa.Retriever:
    """The default retriever over corpus/, with the real model and the persisted index."""
    return qa.default_retriever()
