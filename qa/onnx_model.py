"""EmbeddingGemma on ONNX Runtime: the exported pipeline (token ids and mask -> unit vector) behind the model's own
SentencePiece tokenizer, so that embedding a question needs neither torch nor sentence-transformers.

SentencePiece reads tokenizer.model in 0.1 s and 45 MB; the `tokenizers` library takes 0.8 s and 280 MB to parse
the equivalent tokenizer.json, a third of the budget for a cold start. Both give the same ids (a test).

qa/export.py writes the files at fetch-model time into the model folder's onnx/, with their sha256 in
onnx/manifest.json; a file that does not match its hash is never loaded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .model import cached_sha256

ONNX_DIR = "onnx"
MANIFEST_FILE = "manifest.json"
TOKENIZER_FILE = "tokenizer.model"
PROMPTS_FILE = "config_sentence_transformers.json"
SEQUENCE_FILE = "sentence_bert_config.json"
INPUTS = ("input_ids", "attention_mask")
# Documents go through the model in batches of similar length, so that little of a batch is padding; beyond a
# few dozen, a bigger batch only costs memory.
BATCH = 16
# On 2 shared cores a second thread halves a query when the other core is free; more threads than cores only wait.
THREADS = min(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class Variant:
    """One exported form of the model: its graph file (the weights sit beside it in `<graph>.data`)."""

    name: str
    graph: str

    @property
    def data(self) -> str:
        return f"{self.graph}.data"

    @property
    def files(self) -> tuple[str, str]:
        return self.graph, self.data


FP32 = Variant("fp32", "model.onnx")
# Dynamic int8 weights: faster and smaller, but not the same vectors (see README, "Speed"), so an index made
# with it carries another model id.
INT8 = Variant("int8", "model-int8.onnx")


class OnnxMissing(Exception):
    """The variant was never exported into this folder (or its export did not finish)."""


class OnnxCorrupt(Exception):
    """An exported file no longer matches the sha256 the manifest recorded for it."""


def onnx_dir(model_dir: Path) -> Path:
    return model_dir / ONNX_DIR


def read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def checked_graph(model_dir: Path, variant: Variant, weights_sha256: str) -> Path:
    """The variant's graph file once every one of its files matches the manifest, else OnnxMissing/OnnxCorrupt.

    The manifest also names the weights it was exported from, so new weights make the export stale.
    """
    folder = onnx_dir(model_dir)
    manifest = read_manifest(folder)
    recorded = manifest.get("files", {})
    if manifest.get("weights_sha256") != weights_sha256 or not all(name in recorded for name in variant.files):
        raise OnnxMissing(f"{folder} holds no {variant.name} export of these weights.")
    if not (model_dir / TOKENIZER_FILE).is_file():
        raise OnnxMissing(f"{model_dir} has no {TOKENIZER_FILE} to go with its export.")
    for name in variant.files:
        path = folder / name
        if not path.is_file():
            raise OnnxCorrupt(f"{path} is missing.")
        digest = cached_sha256(path)
        if digest != recorded[name]:
            raise OnnxCorrupt(f"{path} has sha256 {digest}, the manifest says {recorded[name]}.")
    return folder / variant.graph


@dataclass(frozen=True)
class Prompts:
    """The texts sentence-transformers puts before a query and before a document for this model."""

    query: str
    document: str


def read_prompts(model_dir: Path) -> Prompts:
    prompts = json.loads((model_dir / PROMPTS_FILE).read_text())["prompts"]
    return Prompts(query=prompts["query"], document=prompts["document"])


def read_max_length(model_dir: Path) -> int:
    return int(json.loads((model_dir / SEQUENCE_FILE).read_text())["max_seq_length"])


def session_options(threads: int = THREADS):  # noqa: ANN201 - onnxruntime is imported only when a session is made
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # A spinning worker thread takes a core that another process on this shared machine is waiting for.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


class OnnxEmbedder:
    """Unit vectors for queries and documents from one exported variant of the model."""

    def __init__(self, model_dir: Path, graph: Path, threads: int = THREADS) -> None:
        import onnxruntime as ort
        from sentencepiece import SentencePieceProcessor

        self.prompts = read_prompts(model_dir)
        self.tokenizer = SentencePieceProcessor(model_file=str(model_dir / TOKENIZER_FILE))
        self.max_length = read_max_length(model_dir)
        self.session = ort.InferenceSession(str(graph), session_options(threads), providers=["CPUExecutionProvider"])
        self.dimension = int(self.session.get_outputs()[0].shape[-1])

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([self.prompts.query + text for text in texts])

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([self.prompts.document + text for text in texts])

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """As the model's tokenizer makes them: <bos> text <eos>, the text cut to fit `max_length` in all."""
        bos, eos, room = self.tokenizer.bos_id(), self.tokenizer.eos_id(), self.max_length - 2
        return [[bos, *pieces[:room], eos] for pieces in self.tokenizer.encode(list(texts))]

    def _embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        encodings = self.token_ids(texts)
        lengths = np.array([len(ids) for ids in encodings], dtype=np.int64)
        # Longest first, each batch padded only to its own longest text.
        order = np.argsort(-lengths, kind="stable")
        for start in range(0, len(texts), BATCH):
            rows = order[start : start + BATCH]
            ids = np.full((len(rows), int(lengths[rows].max())), self.tokenizer.pad_id(), dtype=np.int64)
            for i, row in enumerate(rows):
                ids[i, : lengths[row]] = encodings[row]
            mask = (np.arange(ids.shape[1]) < lengths[rows, None]).astype(np.int64)
            vectors[rows] = self.session.run(None, dict(zip(INPUTS, (ids, mask))))[0]
        return vectors
