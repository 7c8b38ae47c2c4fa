"""The ONNX Runtime model against the sentence-transformers reference, the torch-free query path, and what
happens to an exported file that no longer matches its hash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from qa import embedding, export
from qa.corpus import load_corpus
from qa.embedding import Encoder, OnnxEmbedder, Reference, RuntimeChoiceError, load_embedder
from qa.model import DEFAULT_MODEL_DIR, STAMP_FILE, ModelMissingError, cached_sha256, load_model
from qa.onnx_model import FP32, MANIFEST_FILE, OnnxCorrupt, OnnxMissing, checked_graph, onnx_dir
from qa.passages import make_passages

from .conftest import ROOT

QUESTION = "Berapa biaya pelatihan model DeepSeek?"
TORCH_MODULES = ("torch", "sentence_transformers", "transformers")


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference(load_model())


@pytest.fixture(scope="module")
def onnx() -> OnnxEmbedder:
    embedder = load_embedder(runtime="onnx")
    assert isinstance(embedder, OnnxEmbedder), "no ONNX export: run python -m qa fetch-model"
    return embedder


@pytest.fixture(scope="module")
def eval_texts() -> dict[str, list[str]]:
    questions = [json.loads(line)["question"] for line in (ROOT / "evals" / "questions.jsonl").open() if line.strip()]
    passages = [p.text for article in load_corpus() for p in make_passages(article)]
    return {"questions": questions, "passages": passages}


def test_onnx_vectors_are_the_reference_vectors(reference, onnx, eval_texts):
    for kind, texts in eval_texts.items():
        # Every passage (long texts, several batches); every fourth question: a faulty export shows on any text,
        # and the reference model takes a second or more for each.
        texts = texts if kind == "passages" else texts[::4]
        embed = "queries" if kind == "questions" else "documents"
        expected, got = getattr(reference, embed)(texts), getattr(onnx, embed)(texts)
        cosines = np.sum(expected * got, axis=1)
        assert cosines.mean() >= 0.999, (kind, cosines.mean(), cosines.min())
        assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_a_batch_gives_each_text_its_own_vector(onnx, eval_texts):
    texts = eval_texts["passages"][:5] + ["Siapa?"]  # lengths differ: the short ones are padded in their batch
    together = onnx.documents(texts)
    alone = np.concatenate([onnx.documents([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_token_ids_are_the_reference_tokenizer_ids(reference, onnx, eval_texts):
    long_text = "kata " * 3000  # cut to the model's 2048 tokens, <eos> kept
    texts = eval_texts["questions"][:40] + eval_texts["passages"] + ["  two  spaces\tand a tab", "émigré 😀", long_text]
    expected = reference.model.tokenizer(texts, truncation=True, max_length=reference.model.max_seq_length)
    assert onnx.token_ids(texts) == expected["input_ids"]
    assert len(onnx.token_ids([long_text])[0]) == 2048


def _imports(args: list[str]) -> str:
    """stderr of `python -X importtime ARGS` run from the checkout: every module the process imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(embedding.RUNTIME_VAR, None)
    done = subprocess.run([sys.executable, "-X", "importtime", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


@pytest.mark.parametrize("args", [
    ["-c", f"import qa; qa.ask({QUESTION!r})"],
    ["-m", "qa", QUESTION],
    ["-c", "import app; app.build()"],
], ids=["qa.ask", "cli", "app"])
def test_the_query_path_never_imports_torch(onnx, args):
    imported = {line.split("|")[-1].strip() for line in _imports(args).splitlines() if "|" in line}
    assert "onnxruntime" in imported
    assert not imported & set(TORCH_MODULES)


def test_every_encoder_of_a_process_shares_one_model(onnx):
    assert Encoder(runtime="onnx").model is Encoder(runtime="onnx").model is onnx


def test_every_encoder_of_a_model_embeds_a_word_once(onnx, monkeypatch):
    first, second = Encoder(runtime="onnx"), Encoder(runtime="onnx")
    embedded: list[str] = []
    monkeypatch.setattr(onnx, "documents", lambda texts: embedded.extend(texts) or np.eye(len(texts), 4))
    word = "perawat-" + str(id(embedded))  # met by no other test of the process
    assert np.array_equal(first.words([word]), second.words([word]))
    assert embedded == [word]


def test_int8_vectors_never_share_an_index_with_fp32():
    assert Encoder(runtime="int8").id != Encoder(runtime="onnx").id == Encoder(runtime="torch").id


def test_an_unknown_runtime_is_one_clear_message(monkeypatch):
    monkeypatch.setenv(embedding.RUNTIME_VAR, "cuda")
    with pytest.raises(RuntimeChoiceError, match="QA_RUNTIME='cuda' is not one of: onnx, int8, torch"):
        Encoder()
    env = {**os.environ, "PYTHONPATH": str(ROOT), embedding.RUNTIME_VAR: "cuda"}
    done = subprocess.run([sys.executable, "-m", "qa", QUESTION], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == ["error: QA_RUNTIME='cuda' is not one of: onnx, int8, torch."]


@pytest.fixture
def model_copy(tmp_path: Path) -> Iterator[Path]:
    """The real model folder, its big files linked rather than copied, with a copy of its export's graph file."""
    copy = tmp_path / "model"
    copy.mkdir()
    for item in DEFAULT_MODEL_DIR.iterdir():
        if item.name == STAMP_FILE:
            shutil.copy2(item, copy / item.name)  # the weights' hash, keyed on a size and mtime the links share
        elif item.name != "onnx":
            (copy / item.name).symlink_to(item)
    onnx_dir(copy).mkdir()
    for name in (STAMP_FILE, FP32.graph):
        shutil.copy2(onnx_dir(DEFAULT_MODEL_DIR) / name, onnx_dir(copy) / name)
    manifest = json.loads((onnx_dir(DEFAULT_MODEL_DIR) / MANIFEST_FILE).read_text())
    manifest["files"] = {name: manifest["files"][name] for name in FP32.files}  # the fp32 export alone
    (onnx_dir(copy) / MANIFEST_FILE).write_text(json.dumps(manifest))
    # ONNX Runtime refuses weights behind a link out of the graph's folder; a hard link is that folder's own file.
    # onnx refuses to read a file with more than one link, so the link goes with the test.
    link = onnx_dir(copy) / FP32.data
    os.link(onnx_dir(DEFAULT_MODEL_DIR) / FP32.data, link)
    yield copy
    link.unlink()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_an_export_that_fails_its_hash_is_exported_again_not_loaded(onnx, model_copy, monkeypatch):
    graph = onnx_dir(model_copy) / FP32.graph
    weights = cached_sha256(model_copy / "model.safetensors")
    assert checked_graph(model_copy, FP32, weights) == graph
    _damage(graph)
    with pytest.raises(OnnxCorrupt, match="model.onnx has sha256"):
        checked_graph(model_copy, FP32, weights)
    exported = []

    def export_again(model_dir: Path, variant) -> Path:  # noqa: ANN001 - stands in for the 30 s torch export
        with pytest.raises(OnnxCorrupt):  # still damaged: nothing has loaded it in between
            checked_graph(model_dir, variant, weights)
        exported.append((model_dir, variant))
        shutil.copy2(onnx_dir(DEFAULT_MODEL_DIR) / FP32.graph, graph)
        return graph

    monkeypatch.setattr(export, "export", export_again)
    repaired = load_embedder(str(model_copy), runtime="onnx")
    assert exported == [(model_copy, FP32)]
    assert isinstance(repaired, OnnxEmbedder)
    assert np.allclose(repaired.queries([QUESTION]), onnx.queries([QUESTION]), atol=1e-6)


def test_without_an_export_of_these_weights_the_reference_is_used(model_copy, monkeypatch):
    with pytest.raises(OnnxMissing):
        checked_graph(model_copy, FP32, "0" * 64)
    (onnx_dir(model_copy) / MANIFEST_FILE).unlink()
    monkeypatch.setattr(embedding, "load_model", lambda name: f"sentence-transformers {name}")
    embedder = load_embedder(str(model_copy), runtime="onnx")
    assert isinstance(embedder, Reference) and embedder.model == f"sentence-transformers {model_copy.resolve()}"


def test_a_missing_int8_export_names_the_command(model_copy):
    with pytest.raises(ModelMissingError, match="fetch-model --int8"):
        load_embedder(str(model_copy), runtime="int8")
