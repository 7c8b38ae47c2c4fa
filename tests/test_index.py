"""Persistence of the built index and its rebuild when anything it was built from changes."""

import dataclasses
import json
import logging
from pathlib import Path

import pytest

from qa.corpus import read_article
from qa.index import StaleIndex, build, expected_manifest, load, load_or_build, save

from .conftest import SEED


class CountingEncoder:
    """Counts the texts the model is asked to embed."""

    def __init__(self, encoder):
        self.inner, self.texts = encoder, 0

    def __call__(self, texts):
        self.texts += len(texts)
        return self.inner.documents(texts)


@pytest.fixture
def articles():
    return [read_article(SEED)]


@pytest.fixture
def built(tmp_path, articles, encoder):
    embed = CountingEncoder(encoder)
    index = load_or_build(articles, embed, encoder.id, tmp_path)
    assert embed.texts == index.manifest["build"]["embedded_texts"] > index.dense.ntotal
    return tmp_path, embed


def test_saved_index_loads_without_re_embedding(built, articles, encoder):
    folder, embed = built
    before = embed.texts
    index = load_or_build(articles, embed, encoder.id, folder)
    assert embed.texts == before
    assert len(index.passages) == index.dense.ntotal == 32
    assert {"manifest.json", "passages.json", "dense.faiss"} <= {p.name for p in folder.iterdir()}


def test_manifest_records_corpus_model_and_spin(built, articles, encoder):
    folder, _ = built
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["corpus_sha256"] == expected_manifest(articles, encoder.id)["corpus_sha256"]
    assert manifest["model"] == encoder.id
    assert manifest["articles"]["deepseek"]["spin_score"] > 0


def _rebuilds(folder, articles, encoder, embed, caplog, model_id=None, embeds=0) -> bool:
    """Whether loading rebuilt the index, embedding `embeds` texts the cache did not hold, and saved it."""
    before = embed.texts
    with caplog.at_level(logging.WARNING, logger="qa"):
        load_or_build(articles, embed, model_id or encoder.id, folder)
    rebuilt = any("rebuilding" in r.message for r in caplog.records)
    assert embed.texts - before == embeds
    load(folder, expected_manifest(articles, model_id or encoder.id))  # saved as it should be now
    return rebuilt


def test_changed_corpus_rebuilds_embedding_only_the_new_paragraph(built, articles, encoder, caplog):
    folder, embed = built
    title, body = articles[0].text.split("\n", 1)
    changed = [dataclasses.replace(articles[0], text=f"{title}\nParagraf baru yang panjang.\n{body}")]
    assert _rebuilds(folder, changed, encoder, embed, caplog, embeds=1)  # one sentence: passage and sentence alike


def test_changed_model_rebuilds_embedding_everything(built, articles, encoder, caplog):
    folder, embed = built
    first = embed.texts
    assert _rebuilds(folder, articles, encoder, embed, caplog, model_id="another/model", embeds=first)


@pytest.mark.parametrize(
    "damage",
    [
        lambda f: (f / "dense.faiss").write_bytes((f / "dense.faiss").read_bytes()[:100]),
        lambda f: (f / "dense.faiss").write_bytes(b"garbage" * 100),
        lambda f: (f / "passages.json").write_text(
            (f / "passages.json").read_text().replace("DeepSeek", "DeepFake", 1)
        ),
        lambda f: (f / "manifest.json").write_text("{not json"),
        lambda f: (f / "passages.json").unlink(),
    ],
    ids=["truncated-faiss", "garbled-faiss", "edited-passages", "garbled-manifest", "missing-passages"],
)
def test_damaged_index_is_detected_and_rebuilt(built, articles, encoder, caplog, damage):
    folder, embed = built
    damage(folder)
    assert _rebuilds(folder, articles, encoder, embed, caplog)
    load(folder, expected_manifest(articles, encoder.id))  # repaired on disk


def test_deleted_folder_is_rebuilt(built, articles, encoder, caplog):
    folder, embed = built
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    assert _rebuilds(folder, articles, encoder, embed, caplog, embeds=embed.texts)  # the cache went with it
    assert (folder / "manifest.json").exists()


def test_unwritable_folder_keeps_index_in_memory(tmp_path, articles, encoder, caplog):
    # A file where the folder should be cannot be written to by anyone, root included.
    blocker = tmp_path / "index"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="qa"):
        index = load_or_build(articles, encoder.documents, encoder.id, blocker)
    assert len(index.passages) == 32
    assert any("in memory" in r.message for r in caplog.records)


def test_stale_reason_names_what_changed(built, articles, encoder):
    folder, _ = built
    with pytest.raises(StaleIndex, match="model"):
        load(folder, expected_manifest(articles, "another/model"))


def test_article_files_are_never_modified(tmp_path, encoder):
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes(), article.stat().st_mtime_ns
    save(build([read_article(article)], encoder.documents, encoder.id), tmp_path / "index")
    assert (article.read_bytes(), article.stat().st_mtime_ns) == before


def test_empty_article_is_a_clear_error(tmp_path, encoder):
    path = tmp_path / "empty.txt"
    path.write_text("Judul saja\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty.txt"):
        build([read_article(path)], encoder.documents, encoder.id)
