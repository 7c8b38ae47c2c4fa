"""The web chat's content: replies as chat messages, the queue of asked questions with the conversation they
belong to, the speaker filter, the page header and suggested questions, the API's JSON.

The chatbot renders each message as sanitised HTML, not Markdown (so `![x](url)` in a question is never an
image to fetch). Every piece of text from the article or the user goes through `escape`, which leaves
the tags written here as the only markup on the page.
"""

from __future__ import annotations

import difflib
import html
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .answer import Answer
from .api import ArticleInfo, default_library, default_retriever
from .corpus import Article, ArticleError
from .ingest import read_limited
from .conversation import Conversation
from .language import Lang
from .messages import EXAMPLES, LABELS, NOT_ADDED, NOTHING_TO_ADD, PASTED, SPIN_NOTICE_PAGE, UPLOADS_OFF
from .normalize import normalize
from .passages import Passage, SpeakerProfile
from .question import MAX_CHARS

Message = dict[str, Any]
Asker = Callable[[str, int, str | None], Answer]

ALL_SPEAKERS = ""  # the speaker filter's "no filter" value; no speaker has an empty name
# Roles can run to a full clause; a citation title has room for the gist, a phone-wide menu for less.
ROLE_CHARS = 40
MENU_ROLE_CHARS = 24
ARTICLE_CHARS = 48
# Questions offered for an article whose metadata suggests none: what its most quoted people said.
GENERIC_SPEAKERS = 2
SPUN_EXAMPLES = 2
_WORD = re.compile(r"\w+")


def escape(text: str) -> str:
    """Text shown as itself: no tag, entity or line of it is markup."""
    return html.escape(text).replace("\n", "<br>")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def who(passage: Passage, lang: Lang) -> str:
    if passage.speaker is None:
        return LABELS[lang]["narration"]
    role = f" ({shorten(passage.speaker_role, ROLE_CHARS)})" if passage.speaker_role else ""
    return passage.speaker + role


def citation_title(passage: Passage, lang: Lang, related: bool = False, titles: Mapping[str, str] = {}) -> str:
    """¶12 · Budi Santoso (profesor …) · Harga pangan; "Terkait · ¶12 · …" for a passage shown as related
    to a question it does not answer; with the article's title first when `titles` names it (several
    articles are searched).

    No score: its scale differs from question to question (a fused rank, boosted for a named speaker), so a
    number would suggest a comparison it cannot bear. The order of the citations is the ranking.
    """
    parts = [f"¶{passage.paragraph}", who(passage, lang), passage.section or LABELS[lang]["no_section"]]
    source = [shorten(titles[passage.article], ARTICLE_CHARS)] if passage.article in titles else []
    return escape(" · ".join([LABELS[lang]["related"]] * related + source + parts))


def answer_line(answer: Answer) -> str:
    """The reply's first message: a full answer as it is; a partial or absent one under a badge saying so,
    in a box of its own colour (the `support-…` classes of app.py's CSS)."""
    if answer.support == "full":
        return escape(answer.text)
    badge = LABELS[answer.lang][answer.support]
    return (
        f'<div class="support-{answer.support}"><strong class="badge">{escape(badge)}</strong> '
        f"{escape(answer.text)}</div>"
    )


def highlight(text: str, sentence: str | None) -> str:
    """The passage escaped, with the evidence sentence (verbatim in it) marked."""
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return escape(text)
    end = start + len(sentence)  # type: ignore[arg-type]  # sentence is a str whenever start >= 0
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def reply_messages(answer: Answer, speaker: str | None = None, titles: Mapping[str, str] = {}) -> list[Message]:
    """The answer line, then one collapsible citation per passage; the evidence passage starts open; each
    citation names its article when `titles` maps the articles searched to their titles.

    An active speaker filter is said first: it decides the answer, and a reader who forgot setting it would
    otherwise take a filtered answer for the article's best one.
    """
    evidence = answer.evidence
    messages: list[Message] = []
    if speaker:
        note = LABELS[answer.lang]["filter"].format(speaker=speaker)
        messages.append({"role": "assistant", "content": escape(note)})
    messages.append({"role": "assistant", "content": answer_line(answer)})
    for passage in answer.passages:
        is_evidence = evidence is not None and passage.id == evidence.passage.id
        related = answer.support != "full" and not is_evidence
        metadata: dict[str, str] = {"title": citation_title(passage, answer.lang, related, titles)}
        if not is_evidence:
            metadata["status"] = "done"  # Gradio's way of saying "start collapsed"
        content = highlight(passage.text, evidence.sentence if is_evidence and evidence else None)
        messages.append({"role": "assistant", "content": content, "metadata": metadata})
    return messages


def question_message(question: str) -> list[Message]:
    """The asker's bubble, shortened as the library cuts it; none for a blank question."""
    return [{"role": "user", "content": escape(shorten(question, MAX_CHARS))}] if question.strip() else []


def turn(
    question: object, k: object, speaker: str | None, ask: Asker, titles: Mapping[str, str] = {}
) -> list[Message]:
    """One question's bubble and its reply. A question the library refuses gets its message as the reply,
    never an error; so does a passage count it refuses."""
    text = question if isinstance(question, str) else ""
    speaker = speaker or None  # ALL_SPEAKERS is no filter
    try:
        reply = reply_messages(ask(text, k, speaker), speaker, titles)  # type: ignore[arg-type]  # the library checks k
    except ValueError as exc:
        reply = [{"role": "assistant", "content": escape(str(exc))}]
    return [*question_message(text), *reply]


@dataclass(frozen=True)
class Asked:
    """A question as the page sent it, with the passage count, speaker filter and article chosen when it was
    asked (no article: all of them)."""

    question: str
    k: object  # checked by the library
    speaker: str | None
    article: str | None = None

    @classmethod
    def from_page(cls, raw: object) -> Asked:
        """From the page's JSON ({"question", "k", "speaker", "article"}); anything else is a blank question."""
        fields = raw if isinstance(raw, dict) else {}
        question, speaker, article = fields.get("question"), fields.get("speaker"), fields.get("article")
        return cls(
            question if isinstance(question, str) else "",
            fields.get("k"),
            speaker if isinstance(speaker, str) and speaker else None,
            article if isinstance(article, str) and article else None,
        )


def conversation(article: str | None = None) -> Asker:
    # Over every article, the conversation searches the library as it stands at each question, so an article
    # added from another tab is searched too; over one article, that article's own index.
    return Conversation(None if article is None else default_library().only(article)).ask


def titles_searched(article: str | None) -> dict[str, str]:
    """The titles to name each passage's article by: all the library's, when a question searches several."""
    articles = default_retriever().articles if article is None else ()
    return {a.id: a.title for a in articles} if len(articles) > 1 else {}


class Session:
    """One page's conversation: the questions asked since the chat was cleared, and the replies so far.

    Mutable and shared on purpose: Gradio hands the same object to every handler of the page. Questions are
    answered one handler at a time, in the order asked, so the conversation reads each in the light of the
    ones before it; what the chat shows is always the whole conversation as it stands. `start` makes the
    page's asker for an article (None: all of them), a new `qa.Conversation` by default; choosing another
    article starts another.
    """

    def __init__(self, start: Callable[[str | None], Asker] = conversation) -> None:
        self._start = start
        self._article: str | None = None
        self.ask = start(None)
        self._lock = threading.Lock()  # guards the fields below
        self.answering = threading.Lock()  # held by the one handler answering, so questions are answered in order
        self._asked: list[Asked] = []
        self._claimed = 0  # the questions before this index have a handler answering them
        self._replies: dict[int, list[Message]] = {}

    def __deepcopy__(self, memo: dict[int, Any]) -> Session:
        # gr.State gives each page a deep copy of its initial value: a new conversation with its own lock.
        return Session(self._start)

    def take(self, asked: Sequence[Asked]) -> None:
        """Notes `asked`, everything the page has asked, in order; the page only ever appends to it, so a
        shorter list, sent before a longer one but arriving after it, is older."""
        with self._lock:
            if len(asked) > len(self._asked):
                self._asked = list(asked)

    def claim(self) -> list[tuple[int, Asked]]:
        """The questions taken that no handler has claimed yet, each with its index."""
        with self._lock:
            mine = list(enumerate(self._asked))[self._claimed :]
            self._claimed = len(self._asked)
            return mine

    def asker(self, article: str | None) -> Asker:
        """The conversation over `article`: the one so far, or a new one when the article is another."""
        with self._lock:
            if article != self._article:
                self._article, self.ask = article, self._start(article)
            return self.ask

    def answer(self, index: int, reply: list[Message]) -> None:
        with self._lock:
            self._replies[index] = reply

    def shown(self) -> list[Message]:
        """The chat: each question with its reply, or alone while it waits for one."""
        with self._lock:
            messages: list[Message] = []
            for index, asked in enumerate(self._asked):
                reply = self._replies.get(index)
                if reply is None:
                    messages += question_message(asked.question)
                # A blank submit again would stack the same refusal into the same bubble.
                elif asked.question.strip() or messages[-len(reply) :] != reply:
                    messages += reply
            return messages


# Two handlers rather than one generator: Gradio streams a generator's later values as diffs against its
# previous one, and a diff applied over what another handler showed in between duplicates messages. Whole
# values, each the conversation as it stands, can arrive in any order and the last is still right.
def show_asked(asked: object, session: Session) -> list[Message]:
    """The chat handler's first step: shows the questions the page has asked, those not yet answered alone.

    `asked` is everything the page has asked since the chat was cleared, in order: the page appends to it and
    never removes from it, so a question typed while another is being answered waits instead of being lost.
    """
    session.take([Asked.from_page(raw) for raw in asked] if isinstance(asked, list) else [])
    return session.shown()


def answer_waiting(session: Session) -> list[Message]:
    """The chat handler's second step: answers every question shown but not yet claimed, in order, in the
    session's conversation, and shows the chat with their replies."""
    with session.answering:
        for index, question in session.claim():
            # The conversation is found when the question is asked, so that an article removed since the page
            # listed it is refused as `turn` refuses any question, with its message as the reply.
            def ask(text: str, k: int, speaker: str | None, article: str | None = question.article) -> Answer:
                return session.asker(article)(text, k, speaker)

            titles = titles_searched(question.article)
            session.answer(index, turn(question.question, question.k, question.speaker, ask, titles))
    return session.shown()


def passage_dict(passage: Passage) -> dict[str, Any]:
    return {
        "id": passage.id,
        "article": passage.article,
        "paragraph": passage.paragraph,
        "section": passage.section,
        "speaker": passage.speaker,
        "role": passage.speaker_role,
        "score": passage.score,
        "text": passage.text,
    }


def answer_dict(answer: Answer) -> dict[str, Any]:
    return {
        "question": answer.question,
        "lang": answer.lang,
        "reply": answer.text,
        "support": answer.support,
        "in_article": answer.in_article,
        "truncated": answer.truncated,
        "evidence": answer.evidence.sentence if answer.evidence else None,
        "passages": [passage_dict(p) for p in answer.passages],
    }


def api_reply(question: object, k: object, history: object, ask: Asker) -> dict[str, Any]:
    """The `/ask` endpoint's JSON: the answer, or {"error": message} for input the library refuses.

    `history` holds the questions asked before, oldest first, each put to `ask` in turn (a new conversation's
    asker) so that "Apa lagi yang dia katakan?" is read as the page would read it."""
    if history is not None and not (isinstance(history, list) and all(isinstance(q, str) for q in history)):
        return {"error": "history must be a list of the previous questions, oldest first."}
    for previous in history or []:
        try:
            ask(previous, k, None)  # type: ignore[arg-type]  # the library checks types
        except ValueError:
            pass  # refused on the page too: it left nothing to lean on
    try:
        return answer_dict(ask(question, k, None))  # type: ignore[arg-type]
    except ValueError as exc:
        return {"error": str(exc)}


ALL_ARTICLES = ""  # the article picker's "every article" value; no article has an empty id


def article_choices(articles: Sequence[Article], all_label: str) -> list[tuple[str, str]]:
    """(label, value) pairs for the article picker: every article first, then each by its title."""
    return [(all_label, ALL_ARTICLES)] + [(shorten(a.title, 80), a.id) for a in articles]


def add_article(path: str | None, pasted: str | None, allowed: bool) -> tuple[str, str | None]:
    """Adds an uploaded file (`path`) or pasted text to the default library: the status line for the page,
    and the new article's id (None when nothing was added, with the status saying why)."""
    if not allowed:
        return escape(UPLOADS_OFF), None
    if not path and not (pasted and pasted.strip()):
        return escape(NOTHING_TO_ADD), None
    try:
        if path:
            data, name, label = read_limited(path), Path(path).name, None
        else:
            data, name, label = (pasted or "").encode(), "-", PASTED
        added = default_library().add(data, name, label=label)
    except ArticleError as exc:
        return f'<span class="add-error">⚠ {escape(NOT_ADDED)}: {escape(str(exc))}</span>', None
    return escape(f"✓ {added.summary()} — “{added.article.title}”"), added.article.id


def speaker_choices(profiles: Sequence[SpeakerProfile], all_label: str) -> list[tuple[str, str]]:
    """(label, value) pairs for the speaker filter: everyone first, then each person with the gist of their
    role, short enough that an option stays on one or two lines of a phone."""
    return [(all_label, ALL_SPEAKERS)] + [
        (f"{p.name} — {shorten(p.role, MENU_ROLE_CHARS)}" if p.role else p.name, p.name) for p in profiles
    ]


def generic_examples(profiles: Sequence[SpeakerProfile]) -> list[str]:
    """Questions that any article with quoted people answers: what its most quoted people said, one asked in
    each language."""
    quoted = sorted(profiles, key=lambda p: -len(p.passages))[:GENERIC_SPEAKERS]
    return [template.format(name=p.name) for template, p in zip(EXAMPLES, quoted)]


def spun_words(text: str, limit: int = SPUN_EXAMPLES) -> list[tuple[str, str]]:
    """The spinner's commonest one-word substitutions in a text, as (as printed, standard Indonesian)."""
    printed, standard = _WORD.findall(text), _WORD.findall(normalize(text))
    pairs: Counter[tuple[str, str]] = Counter()
    for op, a, b, c, d in difflib.SequenceMatcher(None, printed, standard, autojunk=False).get_opcodes():
        if op == "replace" and b - a == d - c:
            pairs.update((p, s.lower()) for p, s in zip(printed[a:b], standard[c:d]) if p.lower() != s.lower())
    return [pair for pair, _ in pairs.most_common(limit)]


def spin_notice(text: str) -> str:
    """The warning for a machine-rewritten article, in both languages, with odd words readers will meet."""
    pairs = ", ".join(f"“{spun}” = {plain}" for spun, plain in spun_words(text))
    return SPIN_NOTICE_PAGE + (f": {pairs}." if pairs else ".")


def header(title: str, intro: str, infos: Sequence[ArticleInfo], texts: Mapping[str, str]) -> str:
    """The page's heading: what this is, what to ask, and which article(s) it answers from (`texts` maps an
    article's id to its text, for the spin notice)."""
    items = "".join(
        f"<li><strong>{escape(a.title)}</strong>"
        + (f" — {escape(a.source)}" if a.source else "")
        + (f'<div class="spin-notice">⚠ {escape(spin_notice(texts.get(a.id, "")))}</div>' if a.notice else "")
        + "</li>"
        for a in infos
    )
    return f"<h1>{escape(title)}</h1><p>{escape(intro)}</p><ul class='articles'>{items}</ul>"
