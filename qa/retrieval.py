"""Search: a question in, the passages that answer it out, best first."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from . import fusion
from .corpus import CORPUS_DIR, Article, load_corpus, read_article
from .embedding import Encoder
from .focus import Wanted, holds, time_precision
from .index import INDEX_DIR, Index, build, load_or_build
from .normalize import normalize
from .language import Lang
from .passages import Passage, SpeakerProfile, group_by_speaker, list_items
from .question import Question, read
from .search import DENSE_CANDIDATES, InProcess, Search  # noqa: F401 (qa.bench reads DENSE_CANDIDATES here)
from .tokens import fold

Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "bm25")
Fuse = Callable[[np.ndarray, np.ndarray, float], np.ndarray]  # dense, keyword, dense weight -> one score
_WORD = re.compile(r"\w+")
_CAPITALISED_RUN = re.compile(r"[A-Z]\w*(?:\s+[A-Z]\w*)+")


@dataclass(frozen=True)
class Settings:
    """How one search's signals are weighed into one score."""

    fuse: Fuse  # how the dense and the keyword scores are combined (`qa.fusion`)
    dense_weight: Mapping[Lang, float]  # the dense side's share, by the question's language
    # A long paragraph can answer a question in one sentence that its whole-paragraph vector dilutes, and its
    # other sentences' words dilute BM25: this share of a passage's dense score, and of its keyword score, is
    # its best sentence's.
    sentence_weight: float
    keyword_sentence_weight: float
    # Added to the few leading passages that hold an answer of the kind asked for (an amount for "berapa", a
    # time for "kapan"): enough to settle a near tie, not to lift a passage that is off the question.
    kind_bonus: float


# Every value chosen across articles, not on the seed (`python -m evals.tune`; README, "Tuning"): over the eval
# articles, the setting whose worst quarter of articles ranks best, among those that keep the seed article's hit@1
# and hit@3. How the best sentence shares in a passage's score is a near tie the batches tip both ways (whole dense
# and half keyword with 43 articles, half and whole with d5's 51, whole and half again with d6's 59, in 58 of the 59
# folds); a new choice replaces the setting in use only when it ranks more questions first over all articles, and
# over the 936 questions of the 59 the two rank as many first (815) and this one a fact question more. The
# embeddings lead and BM25 is a second voice; BM25 over Indonesian text gives an English question little beyond
# names and numbers, so English rests on the multilingual embeddings alone. Both sides score a passage partly by its
# best sentence (the dense side half, the keyword side wholly): a news paragraph often holds the asked fact in one
# sentence among chattier ones.
SETTINGS = Settings(
    fuse=fusion.convex,
    dense_weight={"id": 0.6, "en": 1.0},
    sentence_weight=0.5,
    keyword_sentence_weight=1.0,
    kind_bonus=0.1,
)
# How many leading passages the asked kind of answer may reorder: it breaks ties among the best, and is only
# looked for there, so its cost does not grow with the archive.
KIND_DEPTH = 5
# Keeps a named speaker's weakest passage above everyone else's best even when all scores are equal.
NAMED_MARGIN = 0.01
# How far below its list's opener, and below the item before it, a list item is put: enough to keep the
# order, too little to pass anything the opener does not.
LIST_STEP = 1e-4


@dataclass(frozen=True)
class Signals:
    """One question's evidence for every passage, before it is weighed (`fuse`)."""

    question: Question  # as read; `question.query` is what was searched
    dense: np.ndarray  # cosine similarity with the whole passage
    sentence: np.ndarray  # cosine similarity of the passage's best sentence
    sentences: np.ndarray  # cosine similarity of every sentence, by row of `Index.sentence_vectors`
    keyword: np.ndarray  # raw BM25 of the whole passage
    sentence_keyword: np.ndarray  # raw BM25 of the passage's best sentence by BM25
    named: np.ndarray  # True for the passages of the speakers the question asks about
    lists: Mapping[int, tuple[int, ...]]  # for a question asking for items, the lists of the articles (`list_items`)


@dataclass(frozen=True)
class Ranking:
    """Every passage's scores for one question, kept for callers that judge relevance (answers, evals)."""

    question: Question  # as read, with the speakers it asks about; `question.query` is what was searched
    scores: np.ndarray  # fused, the order of `order`
    dense: np.ndarray  # per passage: cosine similarity, whole passage and best sentence mixed (`sentence_weight`)
    sentence: np.ndarray  # per passage: cosine similarity of its best sentence
    keyword: np.ndarray  # per passage: BM25, whole passage and best sentence mixed (`keyword_sentence_weight`)
    order: np.ndarray  # passage indices, best first


def dense_mix(signals: Signals, settings: Settings) -> np.ndarray:
    """The dense score of each passage: its own cosine and its best sentence's, mixed."""
    w = settings.sentence_weight
    return (1 - w) * signals.dense + w * np.maximum(signals.sentence, signals.dense)


def keyword_mix(signals: Signals, settings: Settings) -> np.ndarray:
    """The keyword score of each passage: its own BM25 and its best sentence's, mixed."""
    w = settings.keyword_sentence_weight
    return (1 - w) * signals.keyword + w * signals.sentence_keyword


def fuse(signals: Signals, settings: Settings, holds: Callable[[int], bool]) -> np.ndarray:
    """One score per passage. `holds(i)` says whether passage i's best sentence holds an answer of the kind the
    question asks for (a paragraph that mentions a figure in passing does not answer "how many" with it); it
    is asked of the leading few passages only."""
    q = signals.question
    fused = settings.fuse(dense_mix(signals, settings), keyword_mix(signals, settings), settings.dense_weight[q.lang])
    fused = lift(fused, signals.named)
    if q.wants is not None and settings.kind_bonus:
        lead = np.argsort(-fused, kind="stable")[:KIND_DEPTH]
        fused[lead] += settings.kind_bonus * np.array([holds(int(i)) for i in lead], np.float32)
    return follow_lists(fused, signals.lists)


class Retriever:
    """Hybrid search over the passages of one or more articles; their evidence comes from `search`, the index's
    own in memory unless an engine's is given (`qa.backend`)."""

    def __init__(
        self, index: Index, encoder: Encoder, articles: Sequence[Article] = (), search: Search | None = None
    ) -> None:
        self.index = index
        self.encoder = encoder
        self.articles = tuple(articles)
        self.passages: tuple[Passage, ...] = index.passages
        self.search = search or InProcess(index)
        self._speakers = group_by_speaker(self.passages)
        self.roles: dict[str, str | None] = {s.name: s.role for s in self._speakers}  # speaker -> role
        self._speaker_of = np.array([p.speaker for p in self.passages], dtype=object)
        self._position = {p.id: i for i, p in enumerate(self.passages)}
        self._lists = list_items(self.passages)
        self._sentence_passage = np.array([i for i, p in enumerate(self.passages) for _ in p.sentences], dtype=int)
        self._sentence_rows: dict[int, list[int]] = {}
        self._holds: dict[tuple[int, Wanted, re.Pattern[str] | None], bool] = {}
        for row, passage in enumerate(self._sentence_passage.tolist()):
            self._sentence_rows.setdefault(passage, []).append(row)

    @classmethod
    def from_articles(
        cls, articles: Sequence[Article], model: str | None = None, index_dir: Path | None = None
    ) -> Retriever:
        """Built in memory, or loaded from (and saved to) `index_dir` when one is given."""
        encoder = Encoder(model)
        if index_dir is None:
            index = build(articles, encoder.documents, encoder.id)
        else:
            index = load_or_build(articles, encoder.documents, encoder.id, index_dir)
        return cls(index, encoder, articles)

    @classmethod
    def from_file(cls, path: str | Path, model: str | None = None) -> Retriever:
        """Any article file; its index is built in memory."""
        return cls.from_articles([read_article(path)], model)

    @classmethod
    def from_corpus(
        cls, folder: str | Path = CORPUS_DIR, model: str | None = None, index_dir: Path = INDEX_DIR
    ) -> Retriever:
        return cls.from_articles(load_corpus(folder), model, index_dir)

    def speakers(self) -> list[SpeakerProfile]:
        return list(self._speakers)

    # Derived on first need, as only a question's names are checked against them: normalising every passage
    # again would add to the start-up of a large archive.
    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of the articles, folded, as written and as the spin bridge reads it: what names occur."""
        return frozenset(fold(word) for p in self.passages for word in _WORD.findall(f"{p.text} {normalize(p.text)}"))

    @functools.cached_property
    def name_runs(self) -> tuple[tuple[str, ...], ...]:
        """Runs of capitalised words, folded: the names a short form may stand for ("TSMC", "Kemenkes")."""
        runs = (tuple(fold(run).split()) for p in self.passages for run in _CAPITALISED_RUN.findall(p.text))
        return tuple(dict.fromkeys(runs))

    @functools.cached_property
    def word_passages(self) -> dict[str, frozenset[str]]:
        """For each word of the articles as written, folded, the ids of the passages that hold it: how widely
        the article names what a question names."""
        ids: dict[str, set[str]] = {}
        for p in self.passages:
            for word in _WORD.findall(p.text):
                ids.setdefault(fold(word), set()).add(p.id)
        return {word: frozenset(found) for word, found in ids.items()}

    def read(self, question: object) -> Question:
        """The question as these articles' reader understands it (`qa.question.read`)."""
        return read(question, self.roles)

    def rank(
        self,
        question: Question | str,
        mode: Mode = "hybrid",
        speaker: str | None = None,
        skip: frozenset[str] = frozenset(),
    ) -> Ranking:
        """All passages scored for `question`; `speaker` keeps only that speaker's passages, `skip` leaves out
        passages by id (those a conversation has shown)."""
        if mode not in MODES:
            raise ValueError(f"Unknown mode {mode!r}; use one of {', '.join(MODES)}.")
        q = question if isinstance(question, Question) else self.read(question)
        signals = self.signals(q)
        settings = {
            "hybrid": SETTINGS,
            "dense": dataclasses.replace(SETTINGS, dense_weight={"id": 1.0, "en": 1.0}, kind_bonus=0.0),
            "bm25": dataclasses.replace(SETTINGS, dense_weight={"id": 0.0, "en": 0.0}, kind_bonus=0.0),
        }[mode]
        fused = fuse(signals, settings, lambda i: self.holds(self.best_row(i, signals.sentences), q.wants, q.text))
        if speaker is not None:
            fused = np.where(self._speaker_of == speaker, fused, -np.inf)
        if skip:
            fused = np.where([p.id in skip for p in self.passages], -np.inf, fused)
        order = np.argsort(-fused, kind="stable")
        order = order[np.isfinite(fused[order])]
        dense, keyword = dense_mix(signals, settings), keyword_mix(signals, settings)
        return Ranking(q, fused[order], dense, signals.sentence, keyword, order)

    def signals(self, question: Question) -> Signals:
        """The question's dense, keyword and speaker evidence for every passage."""
        dense, sentences = self._dense_scores(question.query, question.quoted)
        named = np.isin(self._speaker_of, question.speakers) if question.speakers else np.zeros(len(dense), bool)
        keyword, sentence_keyword = self.search.keyword(question.query)
        return Signals(
            question,
            dense,
            self._best(sentences, -1.0),
            sentences,
            keyword,
            self._best(sentence_keyword, 0.0),
            named,
            self._lists if question.lists else {},
        )

    def best_row(self, i: int, sentences: np.ndarray) -> int:
        """The row of passage i's best sentence by `sentences` (a score per row of `Index.sentence_vectors`)."""
        rows = self._sentence_rows[i]
        return rows[int(np.argmax(sentences[rows]))]

    def holds(self, row: int, wanted: Wanted | None, asked: str = "") -> bool:
        """Whether sentence `row` (of `Index.sentence_vectors`) holds an answer of the kind `wanted` (its speaker
        counts as a person; a time as precise as `asked` asks), remembered: the same sentences lead many
        questions."""
        if wanted is None:
            return False
        # Only a time's precision is taken from the question: which words it gives would key the memory by
        # question.
        asked = asked if wanted == "time" else ""
        key = (row, wanted, time_precision(asked))
        if key not in self._holds:
            passage = self.passages[self._sentence_passage[row]]
            said = passage.sentences[row - self._sentence_rows[self._sentence_passage[row]][0]]
            text = passage.text[said.start : said.end]
            self._holds[key] = holds(text, wanted, said.speaker, asked)
        return self._holds[key]

    def retrieve(
        self, question: str, k: int = 3, mode: Mode = "hybrid", speaker: str | None = None
    ) -> list[Passage]:
        """The k best passages for the question, best first, each with its fused score.

        Raises ValueError for a question `qa.question.clean` refuses, an unknown mode, or k that is not
        a positive int. A k beyond the number of passages returns them all.
        """
        k = check_k(k)
        return self.top(self.rank(question, mode, speaker), k)

    def top(self, ranking: Ranking, k: int) -> list[Passage]:
        """The first k passages of a ranking, each with its score."""
        return [
            dataclasses.replace(self.passages[i], score=round(float(s), 4))
            for i, s in zip(ranking.order[:k], ranking.scores[:k])
        ]

    def items(self, passage: Passage) -> list[Passage]:
        """The items of the list the passage opens, in order (none if it opens none)."""
        return [self.passages[i] for i in self._lists.get(self._position[passage.id], ())]

    def sentence_vectors(self, passage: Passage) -> np.ndarray:
        """The unit vectors of the passage's sentences, a row each, in the order of `passage.sentences`; the
        caller's to change."""
        return self.search.sentence_vectors(self._sentence_rows[self._position[passage.id]])

    def _dense_scores(self, text: str, quoted: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The cosine of each passage, and of each sentence. Words the question quotes are also matched alone,
        as a second query: a remembered phrase is diluted by the rest of the question ("Who called the AI race
        a …?")."""
        dense, sentence_scores = self.search.similarities(self.encoder.query(text))
        if quoted:
            by_quote, sentence_by_quote = self.search.similarities(self.encoder.query(quoted))
            dense, sentence_scores = np.maximum(dense, by_quote), np.maximum(sentence_scores, sentence_by_quote)
        return dense, sentence_scores

    def _best(self, sentence_scores: np.ndarray, floor: float) -> np.ndarray:
        """Per passage, its best sentence's score (`floor` for a passage with none)."""
        best = np.full(len(self.passages), floor, dtype=np.float32)
        np.maximum.at(best, self._sentence_passage, sentence_scores)
        return best


def lift(fused: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Fused scores with the passages of the speakers a question asks about ("Apa kata Budi …") lifted above all
    others, by the spread of the scores whatever the fusion's scale, so that they lead and keep their order:
    the user asked for that person, and their quotes often continue over paragraphs that never repeat
    the name."""
    return fused + named * (float(np.ptp(fused)) + NAMED_MARGIN)


def follow_lists(fused: np.ndarray, lists: Mapping[int, Sequence[int]]) -> np.ndarray:
    """Fused scores with each list's items, in order, right after the paragraph that opens it ("… empat
    rekomendasi kepada PLN, yaitu:"), where that ranks them higher: asked for the items of something, the
    opener alone names none of them, and the items alone ("1. Mempercepat …") share no words with the question."""
    if not lists:
        return fused
    fused = fused.copy()
    for opener, items in lists.items():
        for k, item in enumerate(items, 1):
            fused[item] = max(fused[item], fused[opener] - k * LIST_STEP)
    return fused


def check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, int):
        raise ValueError(f"k must be a whole number, not {k!r}.")
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}.")
    return k
