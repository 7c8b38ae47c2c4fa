"""Turning text into unit vectors with the model's query and document prompts, on ONNX Runtime when the model has
been exported (qa/onnx_model.py) and with sentence-transformers, the reference, otherwise."""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from .model import FETCH_COMMAND, WEIGHTS_FILE, ModelMissingError, cached_sha256, load_model, model_id, resolve_model
from .onnx_model import FP32, INT8, OnnxCorrupt, OnnxEmbedder, OnnxMissing, checked_graph

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

QUERY_CACHE_SIZE = 1024
# Single words embedded to be matched across languages (an English question's "nurses" with a passage's
# "perawat"): an article's vocabulary is small, and a chat meets the same words again.
WORD_CACHE_SIZE = 20_000
RUNTIME_VAR = "QA_RUNTIME"
# "onnx": the exported fp32 model when it is there, else the reference; "int8": the quantized export, whose
# vectors differ (its own model id); "torch": always the sentence-transformers reference.
RUNTIMES = ("onnx", "int8", "torch")


class RuntimeChoiceError(ModelMissingError):
    """QA_RUNTIME names no runtime: shown in one line wherever a missing model is."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        RuntimeError.__init__(self, problem)


class Embedder(Protocol):
    def queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def documents(self, texts: Sequence[str]) -> np.ndarray: ...


class Reference:
    """The sentence-transformers model, as it was trained to be used."""

    def __init__(self, model: SentenceTransformer) -> None:
        self.model = model

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode_query(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode_document(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=len(texts) > 256
        )
        return np.asarray(vectors, dtype=np.float32)


def chosen_runtime(runtime: str | None = None) -> str:
    chosen = (runtime or os.environ.get(RUNTIME_VAR) or RUNTIMES[0]).strip().lower()
    if chosen not in RUNTIMES:
        raise RuntimeChoiceError(f"{RUNTIME_VAR}={chosen!r} is not one of: {', '.join(RUNTIMES)}.")
    return chosen


def load_embedder(name: str | None = None, runtime: str | None = None) -> Embedder:
    """The runtime's embedder for the resolved model, loaded once per process (an index per article shares it);
    an export that fails its hash is made again, never loaded."""
    return _load_embedder(resolve_model(name), chosen_runtime(runtime))


@functools.cache
def _load_embedder(resolved: str, runtime: str) -> Embedder:
    folder = Path(resolved)
    if runtime == "torch" or not folder.is_dir():
        return Reference(load_model(resolved))
    variant = INT8 if runtime == "int8" else FP32
    weights = folder / WEIGHTS_FILE
    try:
        graph = checked_graph(folder, variant, cached_sha256(weights) if weights.is_file() else "")
    except OnnxMissing:
        if variant == INT8:
            raise ModelMissingError(
                f"No int8 export of the model in {folder} ({RUNTIME_VAR}=int8): make it with {FETCH_COMMAND} --int8."
            ) from None
        return Reference(load_model(resolved))
    except OnnxCorrupt as problem:
        log.warning("%s Exporting the model again.", problem)
        from .export import export

        graph = export(folder, variant)
    return OnnxEmbedder(folder, graph)


class _WordVectors:
    """The vectors of single words met so far, for one model."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def of(self, words: Sequence[str], embed: Callable[[Sequence[str]], np.ndarray]) -> np.ndarray:
        with self._lock:
            new = list(dict.fromkeys(w for w in words if w not in self._vectors))
            if new:
                if len(self._vectors) + len(new) > WORD_CACHE_SIZE:
                    self._vectors.clear()
                self._vectors.update(zip(new, embed(new)))
            return np.stack([self._vectors[w] for w in words]) if words else np.zeros((0, 0), dtype=np.float32)


# A word's vector is the model's, not an article's: every encoder of one model shares them (a library's
# articles, an index built per article, share most of their words).
@functools.cache
def _word_vectors(model: str) -> _WordVectors:
    return _WordVectors()


class Encoder:
    """Embeds passages (the model's document prompt) and questions (its query prompt)."""

    def __init__(self, name: str | None = None, runtime: str | None = None) -> None:
        self.name = name
        self.runtime = chosen_runtime(runtime)
        # int8 vectors are not the fp32 model's: an index or vector cache must never mix the two.
        self.id = model_id(name) + ("+onnx-int8" if self.runtime == "int8" else "")
        # A chat sees the same questions again (examples, retries): their vectors are kept.
        self.query = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._query)

    # Loaded on first use: an index whose vectors are all stored or cached needs no model to be built.
    @cached_property
    def model(self) -> Embedder:
        return load_embedder(self.name, self.runtime)

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.documents(texts)

    def words(self, words: Sequence[str]) -> np.ndarray:
        """Each word's vector as a document, kept for the next time the word is met by any encoder of the model."""
        return _word_vectors(self.id).of(words, self.documents)

    def _query(self, text: str) -> np.ndarray:
        vector = self.model.queries([text])
        vector.flags.writeable = False  # shared by every caller of the cache
        return vector
