"""A corpus folder and its index, as the app, the command line and the API use them: search, add, remove.

Adding an article writes it to the corpus, then brings the index up to date, embedding only the passages no
earlier build has seen; the searches that follow see it at once, in the same process. The corpus is written
before the index, so a kill half-way leaves an index that no longer matches the corpus: the next start sees
that from the manifest and rebuilds it, from the embedding cache.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .archive import ingest
from .backend import FALLBACK_VAR, Config, open_archive
from .corpus import Article, ArticleError, delete_article, load_corpus, write_article
from .embedding import Encoder
from .folders import CORPUS_DIR, INDEX_DIR
from .index import Index, cache_in, load_or_build, subset
from .ingest import read_source
from .postgres import Archive, EngineError
from .retrieval import Retriever

log = logging.getLogger("qa")


@dataclass(frozen=True)
class Added:
    article: Article
    paragraphs: int
    people: int  # speakers quoted in it, people or bodies
    embedded: int  # its passages the model had to embed (0 when each was embedded before)
    seconds: float

    def summary(self) -> str:
        return (
            f"added {self.article.id}: {self.paragraphs} paragraphs, {self.people} people quoted; "
            f"embedded {self.embedded} new passages in {self.seconds:.1f} s"
        )


class Library:
    """The articles of one corpus folder, searched through one retriever that an add or a remove replaces.

    Thread-safe: a search holds the retriever it started with, so one running while an article is added
    finishes on the articles it began with.
    """

    def __init__(
        self,
        corpus: Path = CORPUS_DIR,
        index: Path = INDEX_DIR,
        model: str | None = None,
        encoder: Encoder | None = None,
        backend: Config | None = None,
    ) -> None:
        self.corpus_dir = Path(corpus)
        self.index_dir = Path(index)
        self.model = model
        self.backend = backend or Config.from_env(self.index_dir)  # QA_BACKEND and the engine's settings
        self._archive: Archive | None = None  # the engine's, opened on first need
        self._lock = threading.RLock()
        self._encoder = encoder  # the model's, made on first need, unless one is given (tests)
        self._retriever: Retriever | None = None
        self._views: dict[str, Retriever] = {}

    @property
    def encoder(self) -> Encoder:
        with self._lock:
            if self._encoder is None:
                self._encoder = Encoder(self.model)
            return self._encoder

    @property
    def retriever(self) -> Retriever:
        """Every article, with the persisted index (built first when it is missing or stale)."""
        with self._lock:
            if self._retriever is None:
                self._load(progress=False)
            assert self._retriever is not None
            return self._retriever

    def load(self, progress: bool) -> Retriever:
        """Brings the index (or the engine's archive) up to date with the corpus, and searches it from now on."""
        with self._lock:
            return self._load(progress)

    def _load(self, progress: bool) -> Retriever:
        self._views = {}
        if self.backend.backend == "pgvector":
            try:
                self._retriever = self._from_engine(progress)
                return self._retriever
            except EngineError as exc:
                if not self.backend.fallback:
                    raise
                log.warning("archive: %s. The in-process index serves instead (%s=inprocess).", exc, FALLBACK_VAR)
                self._archive = None
        articles = load_corpus(self.corpus_dir)
        index = load_or_build(articles, self.encoder.documents, self.encoder.id, self.index_dir, progress)
        self._retriever = Retriever(index, self.encoder, articles)
        return self._retriever

    def _from_engine(self, progress: bool, article_id: str | None = None) -> Retriever:
        """The engine's archive, brought up to date with the corpus first unless one article of it is asked."""
        if self._archive is None:
            self._archive = open_archive(self.backend)
        embedded = 0
        if article_id is None:
            embed, cache = self.encoder.documents, cache_in(self.index_dir)
            embedded = ingest(self.corpus_dir, self._archive, embed, self.encoder.id, cache, progress).passages
        articles, passages, manifest, search = self._archive.load(None if article_id is None else [article_id])
        manifest = {**manifest, "build": {"embedded_passages": embedded}}
        return Retriever(Index(passages, None, None, manifest), self.encoder, articles, search)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.retriever.articles

    def only(self, article_id: str | None) -> Retriever:
        """The retriever over one article of the corpus; every article when `article_id` is None."""
        with self._lock:
            everything = self.retriever
            if article_id is None:
                return everything
            if article_id not in self._views:
                article = next((a for a in everything.articles if a.id == article_id), None)
                if article is None:
                    known = ", ".join(a.id for a in everything.articles)
                    raise ValueError(f"no article '{article_id}' (articles: {known}).")
                self._views[article_id] = (
                    self._from_engine(False, article_id)
                    if everything.index.dense is None
                    else Retriever(subset(everything.index, [article_id]), self.encoder, [article])
                )
            return self._views[article_id]

    def add(self, data: bytes, name: str, progress: bool = False, label: str | None = None) -> Added:
        """Adds the article in `data` (a file's bytes; `name` is its file name, "-" for text with none).
        Raises ArticleError, with the corpus and index untouched, for anything that is not a new article;
        its message names the input by `label`, or by its file name."""
        started = time.perf_counter()
        with self._lock:
            taken = load_corpus(self.corpus_dir) if any(self.corpus_dir.glob("*.txt")) else []
            article = read_source(data, name, taken, label)
            write_article(article, self.corpus_dir)
            try:
                retriever = self._load(progress)
            except BaseException:
                delete_article(article.id, self.corpus_dir)
                self._retriever = None
                raise
        passages = [p for p in retriever.passages if p.article == article.id]
        embedded = retriever.index.manifest.get("build", {}).get("embedded_passages", 0)
        people = {p.speaker for p in passages if p.speaker}
        stored = next(a for a in retriever.articles if a.id == article.id)
        return Added(stored, len(passages), len(people), embedded, time.perf_counter() - started)

    def remove(self, article_id: str) -> Article:
        """Removes an article from the corpus and the index; the last one stays, as a corpus needs one."""
        with self._lock:
            articles = load_corpus(self.corpus_dir)
            article = next((a for a in articles if a.id == article_id), None)
            if article is None:
                known = ", ".join(a.id for a in articles)
                raise ArticleError(f"no article '{article_id}' in {self.corpus_dir} (articles: {known}).")
            if len(articles) == 1:
                raise ArticleError(f"'{article_id}' is the only article; add another before removing it.")
            delete_article(article_id, self.corpus_dir)
            self._load(progress=False)
            return article
