"""The web chat's content: replies as chat messages, the speaker filter, the page header, the API's JSON.

The chatbot renders each message as sanitised HTML, not Markdown (so `![x](url)` in a question is never an
image to fetch). Every piece of text from the article or the user goes through `escape`, which leaves
the tags written here as the only markup on the page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from .answer import Answer
from .api import ArticleInfo
from .language import Lang
from .passages import Passage, SpeakerProfile
from .question import MAX_CHARS

Message = dict[str, Any]
Asker = Callable[[str, int, str | None], Answer]

ALL_SPEAKERS = ""  # the speaker filter's "no filter" value; no speaker has an empty name
# Roles can run to a full clause; a citation title has room for the gist.
ROLE_CHARS = 40

LABELS: dict[Lang, dict[str, str]] = {
    "id": {"narration": "Narasi artikel", "score": "skor", "no_section": "Pembuka"},
    "en": {"narration": "Article narration", "score": "score", "no_section": "Opening"},
}


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


def citation_title(passage: Passage, lang: Lang) -> str:
    """¶12 · Budi Santoso (profesor …) · Harga pangan · skor 0.87"""
    labels = LABELS[lang]
    parts = [f"¶{passage.paragraph}", who(passage, lang), passage.section or labels["no_section"]]
    return escape(" · ".join(parts) + f" · {labels['score']} {passage.score:.2f}")


def highlight(text: str, sentence: str | None) -> str:
    """The passage escaped, with the evidence sentence (verbatim in it) marked."""
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return escape(text)
    end = start + len(sentence)  # type: ignore[arg-type]  # sentence is a str whenever start >= 0
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def reply_messages(answer: Answer) -> list[Message]:
    """The answer line, then one collapsible citation per passage; the evidence passage starts open."""
    evidence = answer.evidence
    messages: list[Message] = [{"role": "assistant", "content": escape(answer.text)}]
    for passage in answer.passages:
        is_evidence = evidence is not None and passage.id == evidence.passage.id
        metadata: dict[str, str] = {"title": citation_title(passage, answer.lang)}
        if not is_evidence:
            metadata["status"] = "done"  # Gradio's way of saying "start collapsed"
        content = highlight(passage.text, evidence.sentence if is_evidence and evidence else None)
        messages.append({"role": "assistant", "content": content, "metadata": metadata})
    return messages


def respond(
    question: str | None, history: list[Message], k: int, speaker: str | None, ask: Asker
) -> tuple[list[Message], str]:
    """The chat handler: the history with the question and its reply added, and an emptied textbox.

    A question the library refuses gets its message as the reply, never an error.
    """
    text = question if isinstance(question, str) else ""
    asked = [{"role": "user", "content": escape(shorten(text, MAX_CHARS))}] if text.strip() else []
    try:
        reply = reply_messages(ask(text, int(k), speaker or None))
    except ValueError as exc:
        reply = [{"role": "assistant", "content": escape(str(exc))}]
    return [*history, *asked, *reply], ""


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
        "in_article": answer.in_article,
        "truncated": answer.truncated,
        "evidence": answer.evidence.sentence if answer.evidence else None,
        "passages": [passage_dict(p) for p in answer.passages],
    }


def api_reply(question: object, k: object, ask: Asker) -> dict[str, Any]:
    """The `/ask` endpoint's JSON: the answer, or {"error": message} for input the library refuses."""
    try:
        return answer_dict(ask(question, k, None))  # type: ignore[arg-type]  # the library checks types
    except ValueError as exc:
        return {"error": str(exc)}


def speaker_choices(profiles: Sequence[SpeakerProfile], all_label: str) -> list[tuple[str, str]]:
    """(label, value) pairs for the speaker filter: everyone first, then each person with their role."""
    return [(all_label, ALL_SPEAKERS)] + [
        (f"{p.name} — {shorten(p.role, ROLE_CHARS)}" if p.role else p.name, p.name) for p in profiles
    ]


def header(title: str, intro: str, infos: Sequence[ArticleInfo]) -> str:
    """The page's heading: what this is, what to ask, and which article(s) it answers from."""
    items = "".join(
        f"<li><strong>{escape(a.title)}</strong>"
        + (f" — {escape(a.source)}" if a.source else "")
        + (f'<div class="spin-notice">⚠ {escape(a.notice)}</div>' if a.notice else "")
        + "</li>"
        for a in infos
    )
    return f"<h1>{escape(title)}</h1><p>{escape(intro)}</p><ul class='articles'>{items}</ul>"
