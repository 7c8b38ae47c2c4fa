"""qa.Library: adding and removing articles in a corpus folder and its index, with the embedding cache; what a
refused, interrupted or killed add leaves behind. Fast tests use the HashingEncoder; one kills a real
`python -m qa add` while the real model embeds."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

import qa.index
from qa import ArticleError, Library
from qa.corpus import load_corpus, split_paragraphs
from qa.index import build, expected_manifest
from qa.ingest import read_source
from qa.model import DEFAULT_MODEL_DIR, FETCH_COMMAND
from qa.vectors import BATCH, CACHE_FILE, VectorCache

from .conftest import ROOT, HashingEncoder

PAGES = ROOT / "tests" / "data" / "pages"
EXPECTED: dict[str, dict] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))  # missing: fails
assert EXPECTED, "tests/data/pages/expected.json lists no pages"
PAGE = next(iter(EXPECTED))  # the page the single-page tests add
SEED_IDS = sorted(p.stem for p in (ROOT / "corpus").glob("*.txt"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too: a left-over temporary file is a change), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the seed corpus and an empty index folder."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus, index


@pytest.fixture
def library(folders: tuple[Path, Path], encoder: HashingEncoder) -> Library:
    library = Library(*folders, encoder=encoder)
    assert [a.id for a in library.articles] == SEED_IDS  # builds the index over the seed corpus
    return library


def _ids(library: Library) -> list[str]:
    return [a.id for a in library.retriever.articles]


# --- refused adds change nothing ------------------------------------------------------------------------------


@pytest.mark.parametrize("again_as", [PAGE, "another name.html"], ids=["same-name", "other-name"])
def test_adding_the_same_page_again_is_refused_and_changes_nothing(library: Library, again_as: str) -> None:
    added = library.add(_page(PAGE), PAGE)
    corpus, index = snapshot(library.corpus_dir), snapshot(library.index_dir)
    assert CACHE_FILE in index  # the cache is part of the snapshot: a refusal must not touch it either
    retriever = library.retriever
    with pytest.raises(ArticleError, match=rf"already in the corpus, as '{added.article.id}'"):
        library.add(_page(PAGE), again_as)
    assert snapshot(library.corpus_dir) == corpus
    assert snapshot(library.index_dir) == index
    assert library.retriever is retriever  # not even reloaded


def test_a_refused_add_changes_nothing(library: Library) -> None:
    corpus, index = snapshot(library.corpus_dir), snapshot(library.index_dir)
    for data, name in [(b"", "a.txt"), (_page("not_an_article.html"), "x.html"), (b"\xff\xfe\x00", "b.txt")]:
        with pytest.raises(ArticleError):
            library.add(data, name)
    assert (snapshot(library.corpus_dir), snapshot(library.index_dir)) == (corpus, index)


# --- add, search, remove --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(EXPECTED))
def test_an_added_page_is_searchable_at_once(library: Library, name: str) -> None:
    before = library.retriever
    added = library.add(_page(name), name)
    want = EXPECTED[name]
    assert _ids(library) == sorted([*SEED_IDS, added.article.id])
    # The summary's figures are the index's: every body paragraph a passage, every one of them newly embedded.
    article = read_source(_page(name), name)
    assert added.paragraphs == len(split_paragraphs(article)) >= want["min_paragraphs"]
    assert added.embedded == added.paragraphs
    speakers = {p.speaker for p in library.retriever.passages if p.article == added.article.id and p.speaker}
    assert added.people == len(speakers) > 0
    # The same Library, no reload by the caller: its retriever is the new one; the old one is left as it was.
    hits = library.retriever.retrieve(want["question_id"], k=3, mode="bm25")
    assert hits[0].article == added.article.id
    assert any(want["answer_phrase"] in p.text for p in library.retriever.passages if p.article == added.article.id)
    assert library.retriever is not before and {p.article for p in before.passages} == set(SEED_IDS)
    # On disk: the article and its metadata, and an index that a fresh Library loads without rebuilding.
    assert {f"{added.article.id}.txt", f"{added.article.id}.json"} <= set(snapshot(library.corpus_dir))
    qa.index.load(library.index_dir, expected_manifest(load_corpus(library.corpus_dir), HashingEncoder.id))


def test_remove_then_add_again_embeds_nothing(library: Library) -> None:
    first = library.add(_page(PAGE), PAGE)
    removed = library.remove(first.article.id)
    assert removed.id == first.article.id and _ids(library) == SEED_IDS
    assert not any(p.article == first.article.id for p in library.retriever.passages)
    assert sorted(snapshot(library.corpus_dir)) == sorted(snapshot(ROOT / "corpus"))
    again = library.add(_page(PAGE), PAGE)
    assert again.article.id == first.article.id and again.paragraphs == first.paragraphs
    assert again.embedded == 0 and library.retriever.index.manifest["build"]["embedded_texts"] == 0
    assert again.summary().endswith("embedded 0 new passages in " + f"{again.seconds:.1f} s")


def test_only_returns_one_articles_passages(library: Library) -> None:
    added = library.add(_page(PAGE), PAGE).article.id
    everything = library.retriever
    for article_id in [added, *SEED_IDS]:
        view = library.only(article_id)
        assert [a.id for a in view.articles] == [article_id]
        assert view.passages == tuple(p for p in everything.passages if p.article == article_id)
        assert view.index.dense.ntotal == len(view.passages)
        hits = view.retrieve(EXPECTED[PAGE]["question_id"], k=50, mode="hybrid")
        assert hits and {p.article for p in hits} == {article_id}
        # Its vectors are the full index's rows for those passages.
        rows = [i for i, p in enumerate(everything.passages) if p.article == article_id]
        all_vectors = everything.index.dense.reconstruct_n(0, everything.index.dense.ntotal)
        np.testing.assert_array_equal(view.index.dense.reconstruct_n(0, len(rows)), all_vectors[rows])
    assert library.only(None) is everything
    with pytest.raises(ValueError, match="no article 'nope'"):
        library.only("nope")


def test_removing_the_last_article_is_refused(library: Library) -> None:
    assert len(SEED_IDS) == 1
    corpus, index = snapshot(library.corpus_dir), snapshot(library.index_dir)
    with pytest.raises(ArticleError, match=rf"'{SEED_IDS[0]}' is the only article"):
        library.remove(SEED_IDS[0])
    with pytest.raises(ArticleError, match=rf"no article 'nope' .*articles: {SEED_IDS[0]}"):
        library.remove("nope")
    assert (snapshot(library.corpus_dir), snapshot(library.index_dir)) == (corpus, index)
    assert _ids(library) == SEED_IDS


# --- the embedding cache --------------------------------------------------------------------------------------


class CountingEncoder(HashingEncoder):
    def __init__(self) -> None:
        self.texts = 0

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        return super().documents(texts)


def test_rebuild_after_an_attribution_change_reuses_every_vector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_corpus(ROOT / "corpus") + [read_source(_page(PAGE), PAGE)]
    encoder, cache = CountingEncoder(), VectorCache(tmp_path / CACHE_FILE)
    first = build(articles, encoder.documents, encoder.id, cache)
    assert first.manifest["build"]["embedded_texts"] == encoder.texts > 0
    # A different attribution: the same paragraphs, other speakers (as after a change to qa/attribution/).
    original = qa.index.make_passages
    monkeypatch.setattr(
        qa.index, "make_passages", lambda a: [dataclasses.replace(p, speaker=None, speaker_role=None) for p in original(a)]
    )
    embedded_before = encoder.texts
    second = build(articles, encoder.documents, encoder.id, cache)
    assert [p.speaker for p in second.passages] != [p.speaker for p in first.passages]  # really changed
    assert second.manifest["build"]["embedded_texts"] == second.manifest["build"]["embedded_passages"] == 0
    assert encoder.texts == embedded_before  # the model was not called at all
    np.testing.assert_array_equal(second.sentence_vectors, first.sentence_vectors)
    # Another model's vectors are not reused.
    other = build(articles, encoder.documents, "another/model", cache)
    assert other.manifest["build"]["embedded_texts"] == first.manifest["build"]["embedded_texts"]


# --- interrupted and killed adds ------------------------------------------------------------------------------


class InterruptingEncoder(HashingEncoder):
    """Raises KeyboardInterrupt (Ctrl-C) on its `at`-th call to embed documents."""

    def __init__(self, at: int) -> None:
        self.at, self.calls = at, 0

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        if self.calls == self.at:
            raise KeyboardInterrupt
        return super().documents(texts)


@pytest.mark.parametrize("at", [1, 2], ids=["first-batch", "second-batch"])
def test_an_add_interrupted_while_embedding_rolls_back(library: Library, at: int) -> None:
    corpus_dir, index_dir = library.corpus_dir, library.index_dir
    encoder = InterruptingEncoder(at)
    library = Library(corpus_dir, index_dir, encoder=encoder)
    assert _ids(library) == SEED_IDS and encoder.calls == 0  # the seed's index, as saved
    corpus = snapshot(corpus_dir)
    index = snapshot(index_dir)
    with pytest.raises(KeyboardInterrupt):
        library.add(_page(PAGE), PAGE)
    assert snapshot(corpus_dir) == corpus
    after = snapshot(index_dir)
    if at == 1:  # nothing was embedded, so nothing at all changed
        assert after == index
    else:  # the index as it was; the cache keeps the batch finished before the interruption
        assert {k: v for k, v in after.items() if k != CACHE_FILE} == {k: v for k, v in index.items() if k != CACHE_FILE}
    # The library goes on over the corpus as it was, and the add succeeds when tried again.
    assert _ids(library) == SEED_IDS
    added = library.add(_page(PAGE), PAGE)
    built = library.retriever.index.manifest["build"]
    passages = [p for p in library.retriever.passages if p.article == added.article.id]
    total = len({text for p in passages for text in [p.text, *(s.text for s in p.sentences)]})
    assert total > BATCH  # so that the second-batch case has a second batch
    assert built["embedded_texts"] == (total if at == 1 else total - BATCH)


def test_an_add_interrupted_in_load_rolls_back(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = snapshot(library.corpus_dir)

    def interrupted(self: Library, progress: bool) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Library, "_load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        library.add(_page(PAGE), PAGE)
    assert snapshot(library.corpus_dir) == corpus
    monkeypatch.undo()
    assert _ids(library) == SEED_IDS


def _cached_rows(path: Path) -> int:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            return db.execute("SELECT count(*) FROM vectors").fetchone()[0]
    except sqlite3.Error:  # not made yet, or its table not yet
        return 0


# Needs the real model at models/ (`make test` fetches it first); elsewhere it says why it did not run.
@pytest.mark.skipif(not DEFAULT_MODEL_DIR.is_dir(), reason=f"needs the model at {DEFAULT_MODEL_DIR}: {FETCH_COMMAND}")
def test_a_killed_add_leaves_a_corpus_and_index_that_load(tmp_path: Path) -> None:
    """SIGKILL `python -m qa add` while the real model embeds: the corpus reads, and the index loads
    consistent with it (rebuilt from the corpus as the kill left it)."""
    corpus_dir, index_dir = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(ROOT / "corpus", corpus_dir)
    # The real index without its embedding cache: the add must embed the seed's passages too, several batches.
    shutil.copytree(ROOT / "index", index_dir, ignore=shutil.ignore_patterns(CACHE_FILE))
    seed_corpus = snapshot(corpus_dir)
    env = {k: v for k, v in os.environ.items() if k != "QA_MODEL"}
    logs = tmp_path / "stderr"
    with open(logs, "wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "qa", "add", str(PAGES / PAGE), "--corpus", str(corpus_dir), "--index", str(index_dir)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err,
        )
    cache = index_dir / CACHE_FILE
    try:
        deadline = time.monotonic() + 240  # a hang guard: the first batch normally lands within seconds
        while _cached_rows(cache) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)  # one batch of vectors stored, more to embed
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, f"finished before the kill:\n{logs.read_text()}"
    stored = _cached_rows(cache)
    assert stored > 0

    # The corpus reads cleanly: the seed as it was, and the new article whole (it is written before the index).
    articles = load_corpus(corpus_dir)
    new = read_source(_page(PAGE), PAGE)
    assert [a.id for a in articles] == sorted([*SEED_IDS, new.id])
    assert split_paragraphs(next(a for a in articles if a.id == new.id)) == split_paragraphs(new)
    assert {k: v for k, v in snapshot(corpus_dir).items() if k in seed_corpus} == seed_corpus
    assert not [name for name in snapshot(corpus_dir) if name.startswith(".")]  # no half-written file
    with closing(sqlite3.connect(cache)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        dimension = json.loads((ROOT / "index" / "manifest.json").read_text())["dimension"]
        assert {len(blob) for (blob,) in db.execute("SELECT vector FROM vectors")} == {dimension * 4}

    # The index loads consistent with the corpus: a passage for every body paragraph of every article.
    retriever = Library(corpus_dir, index_dir, encoder=HashingEncoder()).retriever
    assert [a.id for a in retriever.articles] == [a.id for a in articles]
    for article in articles:
        texts = [p.text for p in retriever.passages if p.article == article.id]
        assert texts == [p.text for p in split_paragraphs(article)]
    assert retriever.index.dense.ntotal == len(retriever.passages)
    # Killed mid-embedding: the cache holds fewer texts than the finished build needed (with another model's ids).
    assert stored < retriever.index.manifest["build"]["embedded_texts"]
