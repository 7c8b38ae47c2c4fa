"""The reply to a question: the best evidence sentence, verbatim, with who said it, and the passages behind it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .bm25 import analyze
from .language import Lang, foreign
from .passages import Passage
from .question import asks_who, clean
from .retrieval import Ranking, Retriever, check_k
from .sentences import QUOTE_MARKS, is_lead_in

# Below this similarity (see `relevance`) nothing in the article answers. Calibrated on the dev split of
# evals/: the lowest on-topic question's relevance less a margin of 0.05, which also refuses every unrelated
# dev question. Cross-lingual similarities run lower, hence one floor per language.
RELEVANCE_MIN: dict[Lang, float] = {"id": 0.36, "en": 0.29}
RELEVANCE_PASSAGES = 3
# A sentence sharing the question's words is a better quote than an equally similar one that does not.
KEYWORD_WEIGHT = 0.1
# Analysing a sentence costs about as much as the rest of an answer; the top passages' sentences recur.
TERMS_CACHE_SIZE = 4096

REPLIES: dict[Lang, dict[str, str]] = {
    "id": {
        "speaker": "Menurut {who}: {quote}",
        "narration": "Menurut artikel: {quote}",
        "who": "{who} — {quote}",
        "who_narration": "Artikel tidak menyebut siapa yang mengatakannya. Bagian yang paling dekat: {quote}",
        "not_found": "Maaf, jawabannya tidak ditemukan dalam artikel ini.",
        "truncated": "(Pertanyaan dipotong menjadi {n} karakter.)",
    },
    "en": {
        "speaker": "According to {who}: {quote}",
        "narration": "According to the article: {quote}",
        "who": "{who} — {quote}",
        "who_narration": "The article does not say who said it. The closest passage: {quote}",
        "not_found": "Sorry, the answer is not in this article.",
        "truncated": "(The question was cut to {n} characters.)",
    },
}


# A question in a third language is still searched (the embeddings are multilingual) and answered in English.
FOREIGN_NOTE = "(I answer questions in Indonesian or English; yours looks like another language: '{code}'.)"


@dataclass(frozen=True)
class Evidence:
    sentence: str  # verbatim from the passage
    passage: Passage


@dataclass(frozen=True)
class Answer:
    question: str  # as searched (cleaned, maybe truncated)
    lang: Lang
    text: str  # the reply shown to the user
    in_article: bool
    passages: tuple[Passage, ...]  # empty when nothing in the article answers
    evidence: Evidence | None
    truncated: bool = False


def ask(retriever: Retriever, question: str, k: int = 3, speaker: str | None = None) -> Answer:
    """Answers from the retriever's articles. Raises ValueError as `Retriever.retrieve` does."""
    k = check_k(k)
    cleaned = clean(question)
    ranking = retriever.rank(cleaned.text, "hybrid", speaker)
    code = foreign(cleaned.text)
    lang = "en" if code else ranking.lang
    replies = REPLIES[lang]
    note = " " + replies["truncated"].format(n=len(cleaned.text)) if cleaned.truncated else ""
    if code:
        note += " " + FOREIGN_NOTE.format(code=code)
    # A question about what a quoted person said is answered from their passages, whatever its topic.
    relevant = len(ranking.order) > 0 and (
        ranking.speaker is not None or relevance(ranking) >= RELEVANCE_MIN[lang]
    )
    if not relevant:
        return Answer(cleaned.text, lang, replies["not_found"] + note, False, (), None, cleaned.truncated)
    passages = tuple(retriever.top(ranking, k))
    evidence = best_sentence(retriever, ranking.query, passages[0])
    text = _reply(replies, evidence, asks_who(cleaned.text)) + note
    return Answer(cleaned.text, lang, text, True, passages, evidence, cleaned.truncated)


def relevance(ranking: Ranking) -> float:
    """How closely the article's best passage or sentence matches the question (cosine similarity).

    A sentence can match a short question far better than its whole paragraph does; the sentences of the
    few most similar passages are enough to find it.
    """
    best = np.argsort(-ranking.dense)[:RELEVANCE_PASSAGES]
    return max(float(ranking.dense[best[0]]), float(ranking.sentence[best].max()))


def best_sentence(retriever: Retriever, question: str, passage: Passage) -> Evidence:
    spans, vectors = retriever.sentences(passage)
    # A lead-in ("Budi, profesor di …, mengatakan,") says who spoke but not what: it is judged and shown
    # together with the quotation it opens.
    for i in range(len(spans) - 1):
        if is_lead_in(passage.text, spans[i]):
            spans[i] = (spans[i][0], spans[i + 1][1])
            joined = vectors[i] + vectors[i + 1]
            vectors[i] = joined / np.linalg.norm(joined)
    similarity = vectors @ retriever.encoder.query(question)[0]
    words = _terms(question)
    overlap = np.array([len(words & _terms(passage.text[a:b])) / max(len(words), 1) for a, b in spans])
    start, end = spans[int(np.argmax(similarity + KEYWORD_WEIGHT * overlap))]
    return Evidence(passage.text[start:end], passage)


@lru_cache(maxsize=TERMS_CACHE_SIZE)
def _terms(text: str) -> frozenset[str]:
    return frozenset(analyze(text))


def _who(passage: Passage) -> str:
    return f"{passage.speaker} ({passage.speaker_role})" if passage.speaker_role else str(passage.speaker)


def _quote(sentence: str) -> str:
    # A sentence that holds a quotation already shows where the words are someone's; more marks would nest.
    return sentence if any(mark in sentence for mark in QUOTE_MARKS) else f"“{sentence}”"


def _reply(replies: dict[str, str], evidence: Evidence, who_question: bool) -> str:
    passage, quote = evidence.passage, _quote(evidence.sentence)
    if passage.speaker is None:
        return replies["who_narration" if who_question else "narration"].format(quote=quote)
    return replies["who" if who_question else "speaker"].format(who=_who(passage), quote=quote)
