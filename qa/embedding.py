"""Turning text into unit vectors with the sentence-transformers model, with its query and document prompts."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cached_property, lru_cache

import numpy as np

from typing import TYPE_CHECKING

from .model import load_model, model_id

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

QUERY_CACHE_SIZE = 1024
# Single words embedded to be matched across languages (an English question's "nurses" with a passage's
# "perawat"): an article's vocabulary is small, and a chat meets the same words again.
WORD_CACHE_SIZE = 20_000


class Encoder:
    """Embeds passages (the model's document prompt) and questions (its query prompt)."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name
        self.id = model_id(name)
        # A chat sees the same questions again (examples, retries): their vectors are kept.
        self.query = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._query)
        self._words: dict[str, np.ndarray] = {}
        self._words_lock = threading.Lock()

    # Loaded on first use: an index whose vectors are all stored or cached needs no model to be built.
    @cached_property
    def model(self) -> SentenceTransformer:
        return load_model(self.name)

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode_document(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=len(texts) > 256
        )
        return np.asarray(vectors, dtype=np.float32)

    def words(self, words: Sequence[str]) -> np.ndarray:
        """Each word's vector as a document, kept for the next time the word is met."""
        with self._words_lock:
            new = list(dict.fromkeys(w for w in words if w not in self._words))
            if new:
                if len(self._words) + len(new) > WORD_CACHE_SIZE:
                    self._words.clear()
                self._words.update(zip(new, self.documents(new)))
            return np.stack([self._words[w] for w in words]) if words else np.zeros((0, 0), dtype=np.float32)

    def _query(self, text: str) -> np.ndarray:
        vector = self.model.encode_query([text], normalize_embeddings=True, convert_to_numpy=True)
        vector = np.asarray(vector, dtype=np.float32)
        vector.flags.writeable = False  # shared by every caller of the cache
        return vector
