"""The archive in PostgreSQL with pgvector: passages and sentences with their vectors (HNSW), and BM25+ postings of
our own Indonesian tokens (`qa.bm25.analyze`), searched with one SQL statement a side.

Any PostgreSQL with pgvector serves it by connection URL, a managed or a replicated (Citus) cluster alike;
`pgserver` runs one embedded from a pip install, its data in a folder (`qa.backend`). BM25+ is computed by the
engine at query time from each posting's term frequency and length, so that its scores are rank_bm25's and a
growing archive needs no re-weighting; the retriever fuses the engine's candidates as it fuses its own.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np

from .bm25 import B, DELTA, K1, analyze
from .corpus import Article
from .passages import Passage
from .search import DENSE_CANDIDATES

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

# Candidates a side of a search returns; the rest score as the weakest candidate. The dense side is the
# in-process index's (`qa.search.DENSE_CANDIDATES`), and every sentence of its candidates is scored exactly, so
# that up to that many passages the engine's evidence is the in-process index's. HNSW returns at most
# `hnsw.ef_search` rows (1000 at most), so that is set to the same number.
KEYWORD_CANDIDATES = 1000
# Questions the archive serves at once, each on a connection of its own: as many as the app answers at once.
POOL_SIZE = 4
CONNECT_TIMEOUT_S = 10
SCHEMA = """
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id text PRIMARY KEY, ordinal bigint NOT NULL, sha256 text NOT NULL,
    spin_score real NOT NULL, data text NOT NULL);
CREATE TABLE IF NOT EXISTS passages (pos bigint PRIMARY KEY, article text NOT NULL, first_sentence bigint NOT NULL,
    sentences int NOT NULL, length int NOT NULL, data text NOT NULL, embedding vector({dimension}) NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (pos bigint PRIMARY KEY, article text NOT NULL, length int NOT NULL,
    embedding vector({dimension}) NOT NULL);
CREATE TABLE IF NOT EXISTS passages_postings (term text NOT NULL, pos bigint NOT NULL, tf int NOT NULL,
    length int NOT NULL, article text NOT NULL);
CREATE TABLE IF NOT EXISTS sentences_postings (term text NOT NULL, pos bigint NOT NULL, tf int NOT NULL,
    length int NOT NULL, article text NOT NULL);
-- Vectors inline in their rows (a 768-d one is 3 kB, under a page): a search reads a thousand of them, and
-- out-of-line storage would cost each a second lookup.
ALTER TABLE passages ALTER COLUMN embedding SET STORAGE PLAIN;
ALTER TABLE sentences ALTER COLUMN embedding SET STORAGE PLAIN;
CREATE INDEX IF NOT EXISTS passages_postings_term ON passages_postings (term) INCLUDE (pos, tf, length, article);
CREATE INDEX IF NOT EXISTS sentences_postings_term ON sentences_postings (term) INCLUDE (pos, tf, length, article);
CREATE INDEX IF NOT EXISTS passages_article ON passages (article);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences (article);
"""
# Built once the bulk of an archive is in (faster than growing it row by row); rows added later join it.
# Sentences need none: only the sentences of the dense candidates are scored.
VECTOR_INDEX = "CREATE INDEX IF NOT EXISTS passages_hnsw ON passages USING hnsw (embedding vector_ip_ops)"
TABLES = ("passages", "sentences")


class EngineError(Exception):
    """The engine cannot serve: unreachable, its data folder damaged, or holding another model's vectors."""


@dataclass(frozen=True)
class Stats:
    """What BM25+ needs of the passages (or sentences) searched: how many, and their mean length in tokens."""

    count: int
    mean_length: float


def connect(uri: str) -> psycopg.Connection:
    # Imported here: 0.1 s of every start, and only the engine backend connects.
    import psycopg

    connection = psycopg.connect(uri, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    connection.execute("CREATE EXTENSION IF NOT EXISTS vector")
    _configure(connection)
    return connection


def _configure(connection: psycopg.Connection) -> None:
    from pgvector.psycopg import register_vector

    register_vector(connection)
    connection.execute(f"SET hnsw.ef_search = {DENSE_CANDIDATES}")


def open_pool(uri: str, size: int = POOL_SIZE) -> ConnectionPool:
    """Connections for questions asked at once, opened as they are needed, up to `size`."""
    from psycopg_pool import ConnectionPool

    return ConnectionPool(
        uri,
        min_size=1,
        max_size=size,
        kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S},
        configure=_configure,
        timeout=CONNECT_TIMEOUT_S,
        open=True,
    )


def _tokens(text: str) -> list[str]:
    # BM25 divides by the mean length: an empty text counts one token, as qa.bm25 counts it.
    return analyze(text) or [""]


def _postings(texts: Sequence[str], first: int, article: str) -> Iterable[tuple[str, int, int, int, str]]:
    for pos, text in enumerate(texts, first):
        tokens = _tokens(text)
        for term, tf in Counter(tokens).items():
            yield term, pos, tf, len(tokens), article


class Archive:
    """One archive in one database: written an article at a time, each whole or not at all, so that an
    interrupted ingest resumes from the articles it finished."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self.connection = connect(uri)
        self._prepared: tuple[str, int] | None = None
        self._pool: ConnectionPool | None = None  # the searches', opened by the first `load`

    def prepare(self, model_id: str, dimension: int) -> None:
        """The tables, for vectors of `model_id`; an archive made with another model is refused."""
        if self._prepared == (model_id, dimension):
            return
        with self.connection.transaction():
            self.connection.execute(SCHEMA.format(dimension=int(dimension)))
            for key, value in (("model", model_id), ("dimension", str(dimension))):
                self.connection.execute(
                    "INSERT INTO meta VALUES (%s, %s) ON CONFLICT (key) DO NOTHING", (key, value)
                )
        stored = self.meta()
        if stored.get("model") != model_id or stored.get("dimension") != str(dimension):
            raise EngineError(
                f"the archive holds vectors of {stored.get('model')} ({stored.get('dimension')}-d), "
                f"not {model_id} ({dimension}-d): build it again into an empty database or data folder"
            )
        self._prepared = (model_id, dimension)

    def meta(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT key, value FROM meta").fetchall())

    def done(self) -> dict[str, str]:
        """The articles already in, by id, with the sha256 of what they were built from."""
        if self.connection.execute("SELECT to_regclass('articles')").fetchone()[0] is None:
            return {}
        return dict(self.connection.execute("SELECT id, sha256 FROM articles").fetchall())

    def add(
        self,
        article: Article,
        sha256: str,
        spin_score: float,
        passages: Sequence[Passage],
        passage_vectors: np.ndarray,
        sentence_vectors: np.ndarray,
    ) -> None:
        """One article's passages, sentences, vectors and postings, in one transaction; an article that was in
        before is replaced."""
        sentence_texts = [s.text for p in passages for s in p.sentences]
        with self.connection.transaction():
            self._delete(article.id)
            ordinal, first_passage, first_sentence = self.connection.execute(
                "SELECT (SELECT coalesce(max(ordinal) + 1, 0) FROM articles),"
                " (SELECT coalesce(max(pos) + 1, 0) FROM passages), (SELECT coalesce(max(pos) + 1, 0) FROM sentences)"
            ).fetchone()
            data = {k: v for k, v in asdict(article).items() if k != "path"}
            self.connection.execute(
                "INSERT INTO articles VALUES (%s, %s, %s, %s, %s)",
                (article.id, ordinal, sha256, spin_score, json.dumps(data)),
            )
            starts = first_sentence + np.cumsum([0] + [len(p.sentences) for p in passages])[:-1]
            passage_rows = (
                (first_passage + i, article.id, int(start), len(p.sentences), len(_tokens(p.text)), json.dumps(asdict(p)),
                 vector)
                for i, (p, start, vector) in enumerate(zip(passages, starts, passage_vectors, strict=True))
            )
            self._copy("passages (pos, article, first_sentence, sentences, length, data, embedding)",
                       ["int8", "text", "int8", "int4", "int4", "text", "vector"], passage_rows)
            sentence_rows = (
                (first_sentence + i, article.id, len(_tokens(text)), vector)
                for i, (text, vector) in enumerate(zip(sentence_texts, sentence_vectors, strict=True))
            )
            self._copy("sentences (pos, article, length, embedding)", ["int8", "text", "int4", "vector"], sentence_rows)
            for table, texts, first in (
                ("passages", [p.text for p in passages], first_passage),
                ("sentences", sentence_texts, first_sentence),
            ):
                self._copy(f"{table}_postings (term, pos, tf, length, article)",
                           ["text", "int8", "int4", "int4", "text"], _postings(texts, first, article.id))

    def _copy(self, target: str, types: list[str], rows: Iterable[tuple]) -> None:
        with self.connection.cursor().copy(f"COPY {target} FROM STDIN WITH (FORMAT BINARY)") as copy:
            copy.set_types(types)
            for row in rows:
                copy.write_row(row)

    def _delete(self, article_id: str) -> None:
        self.connection.execute("DELETE FROM articles WHERE id = %s", (article_id,))
        for table in (*TABLES, *(f"{t}_postings" for t in TABLES)):
            self.connection.execute(f"DELETE FROM {table} WHERE article = %s", (article_id,))

    def remove(self, keep: Iterable[str]) -> list[str]:
        """Removes every article not in `keep`; returns their ids."""
        gone = sorted(set(self.done()) - set(keep))
        with self.connection.transaction():
            for article_id in gone:
                self._delete(article_id)
        return gone

    def finish(self) -> None:
        """The vector indexes, and fresh planner statistics."""
        self.connection.execute("SET maintenance_work_mem = '512MB'")
        self.connection.execute(VECTOR_INDEX)
        self.connection.execute("ANALYZE")

    def load(self, article_ids: Sequence[str] | None = None) -> tuple[list[Article], tuple[Passage, ...], dict, PgSearch]:
        """The archive's articles (or these of them), their passages in order, what was measured of them (as
        the index's manifest gives it), and a search over them."""
        where, args = ("WHERE id = ANY(%s)", [list(article_ids)]) if article_ids is not None else ("", [])
        rows = self.connection.execute(
            f"SELECT data, spin_score FROM articles {where} ORDER BY ordinal", args
        ).fetchall()
        stored = [json.loads(data) for data, _ in rows]
        articles = [Article(**{**data, "examples": tuple(data["examples"])}) for data in stored]
        manifest = {
            **self.meta(),
            "articles": {
                a.id: {"title": a.title, "source": a.source, "spin_score": round(spin, 4)}
                for a, (_, spin) in zip(articles, rows)
            },
        }
        where = where.replace("id", "article")
        rows = self.connection.execute(f"SELECT pos, first_sentence, data FROM passages {where} ORDER BY pos", args)
        positions, starts, passages = [], [], []
        for pos, first, data in rows:
            positions.append(pos)
            starts.append(first)
            passages.append(Passage.from_dict(json.loads(data)))
        sentences = np.concatenate(
            [first + np.arange(len(p.sentences)) for first, p in zip(starts, passages)] or [np.zeros(0, int)]
        )
        scope = None if article_ids is None else list(article_ids)
        # Every search of the archive (all of it, or one article's view) shares one pool.
        self._pool = self._pool or open_pool(self.uri)
        search = PgSearch(self._pool, np.array(positions, dtype=np.int64), sentences.astype(np.int64), scope)
        return articles, tuple(passages), manifest, search


class PgSearch:
    """The engine's evidence for a question over the archive's passages, or the articles of `scope`, as
    `qa.search.Search` gives it: one statement for the dense candidates of both tables, one for the keyword.
    Questions asked at once each take a connection of the pool, as one psycopg connection serves one at a
    time."""

    def __init__(self, pool: ConnectionPool, passages: np.ndarray, sentences: np.ndarray, scope: list[str] | None) -> None:
        self.pool = pool
        self._positions = {"passages": passages, "sentences": sentences}  # engine rows, sorted: ours by index
        self._scope = scope
        self._stats = {table: self._table_stats(table) for table in TABLES}

    def _query(self, sql: str, args: object) -> list[tuple]:
        import psycopg  # loaded by `connect` already
        from psycopg_pool import PoolTimeout

        try:
            with self.pool.connection() as connection:
                return connection.execute(sql, args).fetchall()
        except (psycopg.OperationalError, PoolTimeout) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EngineError(f"the PostgreSQL archive stopped answering ({reason})") from None

    def _filter(self) -> str:
        return "" if self._scope is None else "WHERE article = ANY(%(scope)s)"

    def _table_stats(self, table: str) -> Stats:
        sql = f"SELECT count(*), coalesce(avg(length), 1) FROM {table} {self._filter()}"
        ((count, mean),) = self._query(sql, {"scope": self._scope})
        return Stats(int(count), float(mean))

    def _spread(self, table: str, rows: list[tuple[int, float]], floor: float) -> np.ndarray:
        """Scores by our row for the engine's (pos, score) rows; `floor` for the rows it did not return."""
        positions = self._positions[table]
        scores = np.full(len(positions), floor, dtype=np.float32)
        if rows:
            pos, values = np.array([r[0] for r in rows]), np.array([r[1] for r in rows], dtype=np.float32)
            scores[np.searchsorted(positions, pos)] = values
        return scores

    def similarities(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # Filtered to some articles, an exact scan over them: HNSW filters after its search and would
        # return too few. Ordering by the score rather than the distance operator keeps the planner off it.
        order = "embedding <#> %(q)s" if self._scope is None else "score DESC"
        sql = f"""
            WITH c AS MATERIALIZED (
                SELECT pos, first_sentence, sentences, -(embedding <#> %(q)s) AS score FROM passages {self._filter()}
                ORDER BY {order} LIMIT {DENSE_CANDIDATES})
            SELECT 'passages', pos, score FROM c
            UNION ALL
            SELECT 'sentences', s.pos, -(s.embedding <#> %(q)s) FROM c
            JOIN sentences s ON s.pos >= c.first_sentence AND s.pos < c.first_sentence + c.sentences"""
        rows = self._query(sql, {"q": query[0], "scope": self._scope})
        by_table = {table: [(pos, score) for name, pos, score in rows if name == table] for table in TABLES}
        passages, sentences = (
            self._spread(table, mine, min((score for _, score in mine), default=-1.0))
            for table, mine in by_table.items()
        )
        return passages, sentences

    def keyword(self, question: str) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(analyze(question))
        terms, n = list(counts), list(counts.values())
        results = []
        for table in TABLES:
            stats = self._stats[table]
            scope = "" if self._scope is None else "AND p.article = ANY(%(scope)s)"
            sql = f"""
                WITH q(term, n) AS (SELECT * FROM unnest(%(terms)s::text[], %(n)s::int[])),
                w AS (SELECT q.term, q.n, ln((%(count)s + 1.0) / count(*)) AS idf
                      FROM q JOIN {table}_postings p ON p.term = q.term {scope} GROUP BY q.term, q.n)
                (SELECT '{table}', p.pos, sum(w.n * w.idf * p.tf * {K1 + 1}
                        / (p.tf + {K1} * (1 - {B} + {B} * p.length / %(mean)s))) AS score
                 FROM w JOIN {table}_postings p ON p.term = w.term {scope}
                 GROUP BY p.pos ORDER BY score DESC LIMIT {KEYWORD_CANDIDATES})
                UNION ALL SELECT 'constant', -1, coalesce(sum(w.n * w.idf), 0) * {DELTA} FROM w"""
            args = {"terms": terms, "n": n, "count": stats.count, "mean": stats.mean_length, "scope": self._scope}
            rows = self._query(sql, args)
            # BM25+ gives every passage idf * delta for each question term, found in it or not.
            constant = float(next(score for name, _, score in rows if name == "constant"))
            mine = [(pos, float(score) + constant) for name, pos, score in rows if name == table]
            results.append(self._spread(table, mine, constant))
        return results[0], results[1]

    def sentence_vectors(self, rows: list[int]) -> np.ndarray:
        wanted = self._positions["sentences"][rows]
        found = dict(self._query("SELECT pos, embedding FROM sentences WHERE pos = ANY(%s)", (wanted.tolist(),)))
        return np.stack([found[int(pos)].to_numpy().astype(np.float32) for pos in wanted])
