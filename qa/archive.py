"""Archive ingest: a folder of articles into the engine (`python -m qa build-index --backend pgvector`).

Streaming, an article at a time: a worker process reads articles and makes their passages and speakers
(attribution is pure Python, one core's work) while this process embeds (the model takes the other core);
each article is written to the engine in one transaction. Interrupted, it resumes: articles already in, built
from the same text, model and code, are skipped, and vectors made before the interruption come from the
embedding cache (`qa.vectors`).
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from .corpus import Article, ArticleError, read_article
from .index import corpus_hash, data_version, pipeline_version
from .normalize import normalize, spin_score
from .passages import Passage, make_passages
from .postgres import Archive
from .vectors import VectorCache, embed_cached

log = logging.getLogger("qa")

Embed = Callable[[Sequence[str]], np.ndarray]
# Articles the worker may read ahead of the embedding: enough to keep it busy, few enough to bound memory.
READ_AHEAD = 16


@dataclass(frozen=True)
class Prepared:
    article: Article
    passages: tuple[Passage, ...]
    spin_score: float


@dataclass(frozen=True)
class Ingested:
    articles: int  # in the archive once done
    added: int  # written by this run
    skipped: int  # already in, unchanged
    removed: int  # in the archive but no longer in the folder
    refused: int  # files that are not readable articles (each said in a warning line)
    embedded: int  # texts the model had to embed (the rest came from the cache)
    passages: int  # of those, passages (the rest are sentences)


def prepare(path: Path) -> Prepared:
    """An article file read, with its passages and speakers (runs in the worker process); ArticleError for a
    file that is not an article with body paragraphs."""
    article = read_article(path)
    passages = tuple(make_passages(article))
    if not passages:
        raise ArticleError(f"{path}: no body paragraphs found (is the article empty, or headings only?).")
    return Prepared(article, passages, round(spin_score(article.text), 4))


def stamp(model_id: str) -> str:
    """What every article's rows are made with: the model, and the code and data that make passages."""
    return "\0".join((model_id, pipeline_version(), data_version()))


def built_from(article: Article, stamp: str) -> str:
    """What an article's rows in the archive were made from; a change to its text or to the stamp makes
    them stale."""
    return hashlib.sha256(f"{corpus_hash([article])}\0{stamp}".encode()).hexdigest()


def _read_ahead(paths: Sequence[Path]) -> Iterator[tuple[Path, Future[Prepared]]]:
    """Each path with its article being prepared in the worker, up to READ_AHEAD ahead of the caller."""
    if not paths:
        return
    with ProcessPoolExecutor(max_workers=1) as pool:
        pending: deque[tuple[Path, Future[Prepared]]] = deque()
        for path in paths:
            pending.append((path, pool.submit(prepare, path)))
            if len(pending) >= READ_AHEAD:
                yield pending.popleft()
        yield from pending


def ingest(
    folder: Path,
    archive: Archive,
    embed: Embed,
    model_id: str,
    cache: VectorCache | None,
    progress: bool = False,
) -> Ingested:
    """Brings the archive up to date with the `*.txt` articles of `folder` (ids are file names, as in the
    corpus): new or changed ones are written, gone ones removed."""
    paths = sorted(Path(folder).glob("*.txt"))
    if not paths:
        raise ValueError(f"{folder}: no articles (*.txt) to ingest.")
    done, made_with = archive.done(), stamp(model_id)
    # An article already in is read again to see whether it changed: cheap beside making its passages.
    todo = [p for p in paths if p.stem not in done or done[p.stem] != _built(p, made_with)]
    added = embedded = embedded_passages = 0
    refused: list[Path] = []
    initial = len(paths) - len(todo)
    with tqdm(total=len(paths), initial=initial, unit="article", desc="archive", disable=not progress) as bar:
        for path, future in _read_ahead(todo):
            try:
                item = future.result()
            except ArticleError as exc:  # one unreadable file among thousands: said, and the rest go in
                refused.append(path)
                log.warning("archive: skipped %s", exc)
            else:
                texts, passages = _write(item, archive, embed, model_id, made_with, cache)
                embedded, embedded_passages, added = embedded + texts, embedded_passages + passages, added + 1
            bar.update()
    removed = archive.remove(keep=[p.stem for p in paths if p not in refused])
    if added or removed:
        archive.finish()
    skipped = len(paths) - len(todo)
    return Ingested(
        skipped + added, added, skipped, len(removed), len(refused), embedded, embedded_passages
    )


def _built(path: Path, made_with: str) -> str | None:
    """`built_from` of an article file; None for a file that is not one (the worker says why)."""
    try:
        return built_from(read_article(path), made_with)
    except ArticleError:
        return None


def _write(
    item: Prepared, archive: Archive, embed: Embed, model_id: str, made_with: str, cache: VectorCache | None
) -> tuple[int, int]:
    """Embeds one article's passages and sentences (from the cache where it can) and writes them; returns how
    many texts the model embedded, and how many of them were passages."""
    passages = item.passages
    sentence_texts = [s.text for p in passages for s in p.sentences]
    # As the in-process index does: one batch for passages and sentences, a one-sentence paragraph once.
    texts = list(dict.fromkeys([p.text for p in passages] + sentence_texts))
    vectors, made = embed_cached([normalize(t) for t in texts], embed, model_id, cache)
    row = {text: i for i, text in enumerate(texts)}
    archive.prepare(model_id, vectors.shape[1])
    archive.add(
        item.article,
        built_from(item.article, made_with),
        item.spin_score,
        passages,
        vectors[[row[p.text] for p in passages]],
        vectors[[row[t] for t in sentence_texts]],
    )
    return len(made), len({texts[i] for i in made} & {p.text for p in passages})
