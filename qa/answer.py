"""The reply to a question: the best evidence sentence, verbatim, with who said it, and the passages behind it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .attribution import Speech, cues, identity_asked, speech_in
from .bm25 import analyze
from .language import Lang, foreign
from .passages import Passage
from .question import (
    MAX_CHARS,
    asks_about_article,
    asks_author,
    asks_for_words,
    asks_who,
    asks_who_is_quoted,
    asks_who_said,
    clean,
    refers_back,
)
from .retrieval import Ranking, Retriever, check_k
from .sentences import is_lead_in, sentence_spans

# Below this similarity (see `relevance`) nothing in the article answers. Calibrated on the dev split of
# evals/: the lowest on-topic question's relevance less a margin of 0.05, which also refuses every unrelated
# dev question. Cross-lingual similarities run lower, hence one floor per language.
RELEVANCE_MIN: dict[Lang, float] = {"id": 0.36, "en": 0.29}
RELEVANCE_PASSAGES = 3
# A sentence sharing the question's words is a better quote than an equally similar one that does not.
KEYWORD_WEIGHT = 0.1
# Analysing a sentence costs about as much as the rest of an answer; the top passages' sentences recur.
TERMS_CACHE_SIZE = 4096
# What an article is about: its title and the first sentences of its lead.
LEAD_SENTENCES = 2
# A list of everyone quoted gives each role its gist.
ROLE_CHARS = 60

REPLIES: dict[Lang, dict[str, str]] = {
    "id": {
        "speaker": "Menurut {who}: {quote}",
        "narration": "Menurut artikel: {quote}",
        "who": "{who} — {quote}",
        "who_narration": "Artikel tidak menyebut siapa yang mengatakannya. Bagian yang paling dekat: {quote}",
        "identity": "{name}: {role} (menurut artikel).",
        "about": "Artikel “{title}”: {lead}",
        "quoted": "Yang dikutip dalam artikel ({n}): {people}.",
        "author": "Artikel yang dimuat di sini tidak mencantumkan nama penulisnya{source}.",
        "source": "; sumbernya: {source}",
        "nobody_quoted": "Artikel ini tidak mengutip siapa pun; seluruhnya narasi penulis.",
        "not_found": "Maaf, jawabannya tidak ditemukan dalam artikel ini.",
        "truncated": "(Pertanyaan dipotong menjadi paling banyak {n} karakter karena terlalu panjang.)",
        "refers_back": (
            "(Setiap pertanyaan dijawab tersendiri: sebutkan nama orangnya, atau pilih di filter narasumber.)"
        ),
    },
    "en": {
        "speaker": "According to {who}: {quote}",
        "narration": "According to the article: {quote}",
        "who": "{who} — {quote}",
        "who_narration": "The article does not say who said it. The closest passage: {quote}",
        "identity": "{name}: {role} (as the article describes them).",
        "about": "The article “{title}”: {lead}",
        "quoted": "Quoted in the article ({n}): {people}.",
        "author": "The article as loaded here does not name its writer{source}.",
        "source": "; its source is {source}",
        "nobody_quoted": "The article quotes no one; it is all the writer's narration.",
        "not_found": "Sorry, the answer is not in this article.",
        "truncated": "(The question was cut to at most {n} characters, as it was too long.)",
        "refers_back": "(Each question is answered on its own: name the person, or choose them in the speaker filter.)",
    },
}


# A question in a third language is still searched (the embeddings are multilingual) and answered in English.
FOREIGN_NOTE = "(I answer questions in Indonesian or English; yours looks like another language: '{code}'.)"


@dataclass(frozen=True)
class Evidence:
    sentence: str  # verbatim from the passage
    passage: Passage
    speech: Speech | None  # how the sentence is the passage speaker's words; None for narration around them


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
    note = " " + replies["truncated"].format(n=MAX_CHARS) if cleaned.truncated else ""
    if code:
        note += " " + FOREIGN_NOTE.format(code=code)

    def answer(text: str, passages: Sequence[Passage], evidence: Evidence | None) -> Answer:
        return Answer(cleaned.text, lang, text + note, True, tuple(passages), evidence, cleaned.truncated)

    # What kind of question it is, read as the search read it (chat abbreviations spelt out: "yg blg").
    asked = ranking.question
    # Questions about the article as a whole, or about who someone is, are answered from what attribution
    # found, not from the passage that happens to match best.
    if speaker is None and asks_about_article(asked):
        return answer(*_about(retriever, replies, k))
    if speaker is None and asks_author(asked):
        return answer(_author(retriever, replies), (), None)
    if speaker is None and asks_who_is_quoted(asked):
        return answer(*_quoted(retriever, replies, k))
    roles = {p.name: p.role for p in retriever.speakers()}
    person = identity_asked(asked, roles) if speaker is None else None
    if person is not None:
        ranking = retriever.rank(cleaned.text, "hybrid", person)
        passages = retriever.top(ranking, k)
        text = replies["identity"].format(name=person, role=roles[person])
        return answer(text, passages, best_sentence(retriever, ranking.query, passages[0]))
    # A question about what a quoted person said is answered from their passages, whatever its topic; so is
    # "Apa kata dia?" with the speaker chosen in the filter.
    named = bool(ranking.speakers) or (speaker is not None and asks_for_words(asked))
    relevant = len(ranking.order) > 0 and (named or relevance(ranking) >= RELEVANCE_MIN[lang])
    if not named and refers_back(asked):
        note += " " + replies["refers_back"]
    if not relevant:
        return Answer(cleaned.text, lang, replies["not_found"] + note, False, (), None, cleaned.truncated)
    passages = retriever.top(ranking, k)
    evidence = best_sentence(retriever, ranking.query, passages[0], spoken=asks_for_words(asked))
    return answer(_reply(replies, evidence, asks_who(asked), asks_who_said(asked)), passages, evidence)


def relevance(ranking: Ranking) -> float:
    """How closely the article's best passage or sentence matches the question (cosine similarity).

    A sentence can match a short question far better than its whole paragraph does; the sentences of the
    few most similar passages are enough to find it.
    """
    best = np.argsort(-ranking.dense)[:RELEVANCE_PASSAGES]
    return max(float(ranking.dense[best[0]]), float(ranking.sentence[best].max()))


def best_sentence(retriever: Retriever, question: str, passage: Passage, spoken: bool = False) -> Evidence:
    """The passage's sentence that answers the question best; with `spoken`, one of its speaker's own
    sentences if it has any ("What did Budi say?" is not answered by the narration around Budi's words)."""
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
    score = similarity + KEYWORD_WEIGHT * overlap
    speech = [speech_in(passage.text, span, passage.speaker) if passage.speaker else None for span in spans]
    if spoken and any(speech):
        score = np.where([kind is not None for kind in speech], score, -np.inf)
    best = int(np.argmax(score))
    start, end = spans[best]
    return Evidence(passage.text[start:end], passage, speech[best])


@lru_cache(maxsize=TERMS_CACHE_SIZE)
def _terms(text: str) -> frozenset[str]:
    return frozenset(analyze(text))


def _who(passage: Passage) -> str:
    return f"{passage.speaker} ({passage.speaker_role})" if passage.speaker_role else str(passage.speaker)


def _reply(replies: dict[str, str], evidence: Evidence, who_question: bool, who_said: bool) -> str:
    if evidence.speech is None:
        return replies["who_narration" if who_said else "narration"].format(quote=evidence.sentence)
    # Quote marks go only around words quoted as spoken: on speech the writer reports ("Budi mengatakan
    # bahwa …"), as on narration, they would put the writer's words in the speaker's mouth. The reply names
    # the speaker, so a lead-in naming them again is left out.
    quote = evidence.sentence
    if evidence.speech == "quoted":
        quote = _quoted_words(_without_lead_in(quote))
    return replies["who" if who_question else "speaker"].format(who=_who(evidence.passage), quote=quote)


def _without_lead_in(sentence: str) -> str:
    spans = sentence_spans(sentence)
    return sentence[spans[1][0] :] if len(spans) > 1 and is_lead_in(sentence, spans[0]) else sentence


def _quoted_words(sentence: str) -> str:
    """A quoted sentence with its quote marks balanced: one cut from a longer quotation has only one of its
    marks, and one from the middle of a quotation has none."""
    opens = sum(sentence.count(mark) for mark in cues.OPEN_QUOTES)
    closes = sum(sentence.count(mark) for mark in cues.CLOSE_QUOTES)
    straight = sentence.count(cues.STRAIGHT_QUOTE)
    if not (opens or closes or straight):
        return f"“{sentence}”"
    sentence = "“" * max(closes - opens, 0) + sentence + "”" * max(opens - closes, 0)
    if straight % 2:
        mark = cues.STRAIGHT_QUOTE
        sentence = sentence + mark if sentence.startswith(mark) else mark + sentence
    return sentence


def _about(retriever: Retriever, replies: dict[str, str], k: int) -> tuple[str, list[Passage], Evidence | None]:
    """Each article's title and the opening sentences of its lead."""
    firsts = [next(p for p in retriever.passages if p.article == a.id) for a in retriever.articles]
    firsts = firsts or list(retriever.passages[:1])
    titles = {a.id: a.title for a in retriever.articles}
    lines = []
    for passage in firsts:
        spans = sentence_spans(passage.text)[:LEAD_SENTENCES]
        lead = passage.text[spans[0][0] : spans[-1][1]]
        lines.append(replies["about"].format(title=titles.get(passage.article, passage.article), lead=lead))
    passages = list(retriever.passages[:k]) if len(firsts) == 1 else firsts[:k]
    return "\n".join(lines), passages, None


def _author(retriever: Retriever, replies: dict[str, str]) -> str:
    """An article file holds no byline: what can be said is where it comes from."""
    sources = ", ".join(sorted({a.source for a in retriever.articles if a.source}))
    return replies["author"].format(source=replies["source"].format(source=sources) if sources else "")


def _quoted(retriever: Retriever, replies: dict[str, str], k: int) -> tuple[str, list[Passage], Evidence | None]:
    """Everyone the articles quote, with their roles, and the passages where each is first heard."""
    people = retriever.speakers()
    if not people:
        return replies["nobody_quoted"], [], None
    listed = "; ".join(f"{p.name} ({_gist(p.role, ROLE_CHARS)})" if p.role else p.name for p in people)
    return replies["quoted"].format(n=len(people), people=listed), [p.passages[0] for p in people[:k]], None


def _gist(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most `limit` characters, with an ellipsis when cut (a list in
    the reply reads better whole-worded than the chat's fixed-width `chat.shorten`)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
