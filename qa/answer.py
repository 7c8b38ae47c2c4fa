"""The reply to a question: the best evidence sentence, verbatim, with who said it, and the passages behind it."""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .attribution import Sentence, cues, is_lead_in, sentence_spans
from .focus import rare
from .language import Lang
from .messages import FOREIGN_NOTE, REPLIES
from .passages import Passage
from .question import MAX_CHARS, Question, without_clitics
from .retrieval import Ranking, Retriever, check_k
from .support import Gap, Support, absent, answers, lacking, support, terms
from .tokens import fold

# Below this similarity (see `relevance`) nothing in the article answers. Calibrated on the dev split of
# evals/: the lowest on-topic question's relevance less a margin of 0.05, which also refuses every unrelated
# dev question. Cross-lingual similarities run lower, hence one floor per language.
RELEVANCE_MIN: dict[Lang, float] = {"id": 0.36, "en": 0.29}
# A question a little under the floor is still on the article's topic when it names a word the article holds that
# is rare in the language (`focus.rare`: "Yg daftar lewat joki bakal diapain?" in a report on exam jockeys): chat
# words and vague verbs pull the embedding away, the rare word says what it is about. The margin is the one the
# floor was set with. So does a word the article holds in a good share of its passages, rare or not ("oksigen" in a
# report on a hospital's oxygen shortage): what the article keeps coming back to is what it is about.
TOPIC_MARGIN = 0.05
TOPIC_SHARE = 4
TOPIC_PASSAGES_MIN = 3
RELEVANCE_PASSAGES = 3
# A sentence sharing the question's words is a better quote than an equally similar one that does not; one
# holding an answer of the asked kind (an amount for "berapa") better again.
KEYWORD_WEIGHT = 0.1
WANTED_WEIGHT = 0.1
# What an article is about: its title and the first sentences of its lead.
LEAD_SENTENCES = 2
# A list of everyone quoted gives each role its gist.
ROLE_CHARS = 60




@dataclass(frozen=True)
class Evidence:
    sentence: str  # verbatim from the passage: one of its sentences, or a quotation's lead-in with it
    passage: Passage
    said: Sentence  # whose words the sentence is, and how (the quotation's, for a lead-in with it)


@dataclass(frozen=True)
class Answer:
    question: str  # as searched (cleaned, maybe truncated)
    lang: Lang
    text: str  # the reply shown to the user
    support: Support  # "full": answered; "partial": on topic, the asked fact missing; "none": not in the article
    passages: tuple[Passage, ...]  # the evidence first; related passages when support is not "full"
    evidence: Evidence | None
    truncated: bool = False
    gap: Gap | None = None  # what the article lacks of what was asked, when support is not "full"
    speaker: str | None = None  # whose words the answer is about: the person asked for, or the evidence's

    @property
    def in_article(self) -> bool:
        return self.support != "none"


def ask(
    retriever: Retriever,
    question: Question | str,
    k: int = 3,
    speaker: str | None = None,
    skip: frozenset[str] = frozenset(),
    lang: Lang | None = None,
) -> Answer:
    """Answers from the retriever's articles; `skip` leaves out passages already shown (a conversation's "what
    else"); `lang` is the reply's language, the question's by default (a follow-up in English may stand for
    an earlier question in Indonesian). Raises ValueError as `Retriever.retrieve` does."""
    k = check_k(k)
    q = question if isinstance(question, Question) else retriever.read(question)
    lang = lang or ("en" if q.foreign else q.lang)
    replies = REPLIES[lang]
    note = " " + replies["truncated"].format(n=MAX_CHARS) if q.truncated else ""
    if q.foreign:
        note += " " + FOREIGN_NOTE.format(code=q.foreign)

    def answer(
        text: str, passages: Sequence[Passage], evidence: Evidence | None, gap: Gap | None = None
    ) -> Answer:
        said = (evidence.said.speaker or evidence.passage.speaker) if evidence else None
        who = q.speakers[0] if q.speakers else speaker or said
        if gap is not None and gap.kind == "absent":
            who = None  # the person asked about is not in the article; whoever the search lifted is no answer
        return Answer(q.typed, lang, text + note, support(gap), tuple(passages), evidence, q.truncated, gap, who)

    # Questions about the article as a whole, or about who someone is, are answered from what attribution
    # found, not from the passage that happens to match best.
    if speaker is None and q.kind == "about":
        return answer(*_about(retriever, replies, k))
    if speaker is None and q.kind == "author":
        return answer(_author(retriever, replies), (), None)
    if speaker is None and q.kind == "quoted":
        return answer(*_quoted(retriever, replies, k))
    if speaker is None and q.kind == "identity":
        ranking = retriever.rank(q, "hybrid", q.speakers[0], skip)
        passages = retriever.top(ranking, k)
        text = replies["identity"].format(name=q.speakers[0], role=retriever.roles[q.speakers[0]])
        return answer(text, passages, best_sentence(retriever, q, passages[0]) if passages else None)
    ranking = retriever.rank(q, "hybrid", speaker, skip)
    if skip and q.speakers and not any(retriever.passages[i].speaker in q.speakers for i in ranking.order):
        # "What else did she say?" once all her passages are shown: nobody else's words in her place.
        text = replies["no_more"].format(names=replies["and"].join(q.speakers))
        return Answer(q.typed, lang, text + note, "none", (), None, q.truncated)
    # A question about what a quoted person said is answered from their passages, whatever its topic; so is
    # "Apa kata dia?" with the speaker chosen in the filter.
    named = bool(q.speakers) or (speaker is not None and q.asks_words)
    relevant = len(ranking.order) > 0 and (named or relevance(ranking) >= RELEVANCE_MIN[q.lang])
    if not relevant and (bare := without_clitics(q.query, retriever.vocabulary)) != q.query:
        # The embedding reads "-nya" as a word of its own: "Gimana tawurannya bisa direncanakan?" scores under
        # the floor where "… tawuran …" does not. Only the refusal is judged again; the search stays as asked.
        relevant = relevance(retriever.rank(replace(q, query=bare), "hybrid", speaker, skip)) >= RELEVANCE_MIN[q.lang]
    if not relevant and ranking.order.size and relevance(ranking) >= RELEVANCE_MIN[q.lang] - TOPIC_MARGIN:
        focus = without_clitics(" ".join(q.focus), retriever.vocabulary).split()
        relevant = any(_tells_topic(word, q.lang, retriever) for word in focus)
    gap = absent(q, retriever) if speaker is None else None
    if gap is not None and gap.kind == "absent":
        # Never another person's words under the asked person's name: related passages, said to be related.
        names = replies["and"].join(map(_as_name, gap.words))
        passages = retriever.top(ranking, k) if relevant else []
        text = replies["absent"].format(names=names)
        return answer(text + (" " + replies["related"].format(names=names) if passages else ""), passages, None, gap)
    if not named and q.pronoun and q.kind == "said":
        note += " " + replies["refers_back"]
    if not relevant:
        return Answer(q.typed, lang, replies["not_found"] + note, "none", (), None, q.truncated)
    passages = retriever.top(ranking, k)
    evidence = best_sentence(retriever, q, passages[0], spoken=q.asks_words)
    closest = _reply(replies, evidence, q.kind == "who_said")
    if q.lists and evidence.sentence.rstrip().endswith(cues.LIST_OPENER):
        # "… empat rekomendasi kepada PLN, yaitu:" names none of them: the items follow, as the article sets them out.
        closest = " ".join([closest, *(item.text for item in retriever.items(evidence.passage))])
    if gap is not None:  # a person or short form the article does not quote, or does not hold
        names = replies["and"].join(map(_as_name, gap.words))
        return answer(replies[gap.kind].format(names=names, closest=closest), passages, evidence, gap)
    gap = lacking(q, evidence.sentence, evidence.said.speaker, evidence.passage, retriever)
    if gap is None:
        return answer(closest, passages, evidence)
    known = [m for m in q.mentions if m.lower() in evidence.passage.text.lower()] or list(q.mentions)
    mentions = replies["mentions"].format(names=replies["and"].join(known)) if known else replies["no_mentions"]
    words = replies["and"].join(f"“{word}”" for word in gap.words)
    kind = replies[gap.kind == "wanted" and q.wants or "person"]
    text = replies[gap.kind].format(mentions=mentions, kind=kind, words=words, closest=closest)
    return answer(text, passages, evidence, gap)


def _tells_topic(word: str, lang: Lang, retriever: Retriever) -> bool:
    """Whether a question word says the question is on the article's topic: one rare in the language that the
    article holds, or one it holds in a good share of its passages."""
    if rare(word, lang):
        return fold(word) in retriever.vocabulary
    share = max(TOPIC_PASSAGES_MIN, len(retriever.passages) // TOPIC_SHARE)
    return len(retriever.word_passages.get(fold(word), ())) >= share


def _as_name(name: str) -> str:
    """A name typed all in lower case ("mark zuckerberg"), capitalised as a reply writes it."""
    return string.capwords(name) if name.islower() else name


def relevance(ranking: Ranking) -> float:
    """How closely the article's best passage or sentence matches the question (cosine similarity).

    A sentence can match a short question far better than its whole paragraph does; the sentences of the
    few most similar passages are enough to find it.
    """
    best = np.argsort(-ranking.dense)[:RELEVANCE_PASSAGES]
    return max(float(ranking.dense[best[0]]), float(ranking.sentence[best].max()))


def best_sentence(retriever: Retriever, question: Question, passage: Passage, spoken: bool = False) -> Evidence:
    """The passage's sentence that answers the question best, preferring one that holds an answer of the
    asked kind; with `spoken`, one that is someone's words if it has any ("What did Budi say?" is not
    answered by the narration around Budi's words), the asked person's first."""
    said = list(passage.sentences)
    spans = [(s.start, s.end) for s in said]
    vectors = retriever.sentence_vectors(passage)
    # A lead-in ("Budi, profesor di …, mengatakan,") says who spoke but not what: it is judged and shown
    # together with the quotation it opens, as that quotation's words.
    for i in range(len(spans) - 1):
        if is_lead_in(passage.text, spans[i]):
            spans[i] = (spans[i][0], spans[i + 1][1])
            said[i] = said[i + 1]
            joined = vectors[i] + vectors[i + 1]
            vectors[i] = joined / np.linalg.norm(joined)
    similarity = vectors @ retriever.encoder.query(question.query)[0]
    words = terms(question.query)
    overlap = np.array([len(words & terms(passage.text[a:b])) / max(len(words), 1) for a, b in spans])
    holding = np.array(
        [answers(question, passage.text[a:b], s.speaker, passage, retriever) for (a, b), s in zip(spans, said)]
    )
    score = similarity + KEYWORD_WEIGHT * overlap + WANTED_WEIGHT * holding
    if spoken:
        for wanted in ({s.speaker for s in said} & set(question.speakers), {s.speaker for s in said} - {None}):
            if wanted:
                score = np.where([s.speaker in wanted for s in said], score, -np.inf)
                break
    best = int(np.argmax(score))
    start, end = spans[best]
    return Evidence(passage.text[start:end], passage, said[best])


def _who(said: Sentence) -> str:
    return f"{said.speaker} ({said.role})" if said.role else str(said.speaker)


def _reply(replies: dict[str, str], evidence: Evidence, who_said: bool) -> str:
    """The evidence framed: led by its speaker's name when the question asks who said it; otherwise under
    "according to" them, as the person someone asks about ("Siapa saja perusahaan yang terlibat …?") is named
    in the sentence, not its speaker."""
    if evidence.said.speaker is None:
        return replies["who_narration" if who_said else "narration"].format(quote=evidence.sentence)
    # Quote marks go only around words quoted as spoken: on speech the writer reports ("Budi mengatakan
    # bahwa …"), as on narration, they would put the writer's words in the speaker's mouth. The reply names
    # the speaker, so a lead-in naming them again is left out.
    quote = evidence.sentence
    if evidence.said.kind == "direct":
        quote = _quoted_words(_without_lead_in(quote))
    return replies["who" if who_said else "speaker"].format(who=_who(evidence.said), quote=quote)


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
        lead_in = passage.sentences[:LEAD_SENTENCES]
        lead = passage.text[lead_in[0].start : lead_in[-1].end] if lead_in else passage.text
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
