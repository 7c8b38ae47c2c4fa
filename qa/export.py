"""Export the sentence-transformers model, whole (token ids and mask -> unit vector), to ONNX with torch.onnx, and
quantize it to int8 on request. Run once by `python -m qa fetch-model`, and again when an exported file fails its
hash; the query path only reads what this writes (qa/onnx_model.py).

Imports torch: only `fetch-model` and the repair of a damaged export load this module.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
import warnings
from pathlib import Path

import torch
from sentence_transformers import SentenceTransformer

from .model import WEIGHTS_FILE, cached_sha256
from .onnx_model import (
    FP32,
    INPUTS,
    MANIFEST_FILE,
    OnnxCorrupt,
    OnnxMissing,
    Variant,
    checked_graph,
    onnx_dir,
    read_manifest,
)

log = logging.getLogger(__name__)

OPSET = 17
OUTPUT = "sentence_embedding"


def ensure(model_dir: Path, variant: Variant) -> Path:
    """The variant's graph file, exported first unless one that matches its manifest is there."""
    try:
        return checked_graph(model_dir, variant, cached_sha256(model_dir / WEIGHTS_FILE))
    except (OnnxMissing, OnnxCorrupt) as problem:
        log.info("%s", problem)
    return export(model_dir, variant)


def export(model_dir: Path, variant: Variant) -> Path:
    """Write `variant` into the model folder's onnx/ and record its files' sha256; returns its graph file.

    The manifest loses the variant's entries before any file is replaced and gains them after the last one is in
    place, so an interrupted export reads as missing, never as valid.
    """
    weights = cached_sha256(model_dir / WEIGHTS_FILE)
    folder = onnx_dir(model_dir)
    folder.mkdir(exist_ok=True)
    _record(folder, weights, variant, None)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=folder))
    try:
        if variant == FP32:
            _export_fp32(model_dir, work / variant.graph)
        else:
            _quantize(ensure(model_dir, FP32), work / variant.graph)
        for name in variant.files:
            os.replace(work / name, folder / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _record(folder, weights, variant, {name: cached_sha256(folder / name) for name in variant.files})
    log.info("Exported the %s ONNX model to %s in %.0f s.", variant.name, folder, time.perf_counter() - started)
    return folder / variant.graph


def _record(folder: Path, weights: str, variant: Variant, hashes: dict[str, str] | None) -> None:
    """Set (or, with None, drop) the variant's hashes in the manifest, written whole by a rename."""
    manifest = read_manifest(folder)
    files = manifest.get("files", {}) if manifest.get("weights_sha256") == weights else {}
    files = {name: digest for name, digest in files.items() if name not in variant.files} | (hashes or {})
    partial = folder / f".{MANIFEST_FILE}.{os.getpid()}"
    partial.write_text(json.dumps({"weights_sha256": weights, "opset": OPSET, "files": files}, indent=2) + "\n")
    os.replace(partial, folder / MANIFEST_FILE)


def _export_fp32(model_dir: Path, graph: Path) -> None:
    """torch.onnx's TorchScript exporter; the weights go to `<graph>.data`, which ONNX Runtime maps, not copies."""
    import onnx

    pipeline = _pipeline(model_dir)
    example = pipeline.tokenizer(["task: search result | query: contoh", "title: none | text: dua kalimat."],
                                 padding=True, return_tensors="pt")
    single = graph.with_suffix(".single.onnx")
    dynamic = {name: {0: "batch", 1: "sequence"} for name in INPUTS} | {OUTPUT: {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes on shape-dependent Python branches, all of them constant here
        torch.onnx.export(Whole(pipeline), tuple(example[name] for name in INPUTS), str(single),
                          input_names=list(INPUTS), output_names=[OUTPUT], dynamic_axes=dynamic,
                          opset_version=OPSET, dynamo=False)
    onnx.save_model(onnx.load(str(single)), str(graph), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=graph.name + ".data", size_threshold=1024)
    single.unlink()


def _quantize(source: Path, graph: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(source, graph, weight_type=QuantType.QInt8, use_external_data_format=True)


def _pipeline(model_dir: Path) -> SentenceTransformer:
    """The model as sentence-transformers loads it, with the eager attention that the exporter can trace."""
    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True,
                               model_kwargs={"dtype": torch.float32, "attn_implementation": "eager"}).eval()


class Whole(torch.nn.Module):
    """The sentence-transformers modules in order, with the attention masks made from plain tensor ops.

    transformers builds Gemma 3's bidirectional masks through torch.vmap, which the TorchScript exporter cannot
    trace; these are the same masks: every real token for the full layers, and for the sliding ones every real
    token less than `sliding_window` positions away on either side.
    """

    def __init__(self, pipeline: SentenceTransformer) -> None:
        super().__init__()
        first, *rest = pipeline.children()
        self.body = first.auto_model
        config = self.body.config
        if not config.use_bidirectional_attention:
            raise ValueError("The ONNX export builds bidirectional attention masks; this model is causal.")
        self.window = config.sliding_window
        self.head = torch.nn.ModuleList(rest)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        position = torch.arange(input_ids.shape[1])
        real = attention_mask.bool()[:, None, None, :]
        near = ((position[:, None] - position[None, :]).abs() < self.window)[None, None]
        allowed, barred = torch.zeros((), dtype=torch.float32), torch.finfo(torch.float32).min
        masks = {"full_attention": torch.where(real, allowed, barred),
                 "sliding_attention": torch.where(real & near, allowed, barred)}
        features = {"token_embeddings": self.body(input_ids=input_ids, attention_mask=masks).last_hidden_state,
                    "attention_mask": attention_mask}
        for module in self.head:
            features = module(features)
        return features[OUTPUT]
