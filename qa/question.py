"""What a question must look like before it is searched, and what kind of question it is."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Far beyond any real question; the embedding model reads only a few hundred tokens anyway.
MAX_CHARS = 1000
# A single "word" this long is not language (a pasted hash, base64, a key held down).
MAX_TOKEN_CHARS = 100

_WHO_SAID = re.compile(
    r"^\s*(?:siapa(?:kah)?\b(?:\s+yang)?|who\b|whose\b|by\s+whom\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Question:
    text: str
    truncated: bool = False  # the original was longer than MAX_CHARS


def clean(question: object) -> Question:
    """The question as it will be searched.

    Raises ValueError, with a message meant for the user, when the input is not a string, is empty or
    only white space, control characters, punctuation or symbols (no letter or digit), or is one unbroken
    run of characters. Over-long text is cut to MAX_CHARS and flagged, not refused.
    """
    if not isinstance(question, str):
        raise ValueError(f"The question must be text, not {type(question).__name__}.")
    # Lone surrogates and control characters come from broken clients and binary pastes; drop them.
    text = question.encode("utf-8", "replace").decode("utf-8")
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in text)
    text = " ".join(text.split())
    if not text:
        raise ValueError("The question is empty. Please type a question about the article.")
    if not any(c.isalnum() for c in text):
        raise ValueError("The question has no words in it. Please type a question about the article.")
    truncated = len(text) > MAX_CHARS
    if truncated:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0] or text[:MAX_CHARS]
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    if all(len(w) > MAX_TOKEN_CHARS for w in words):
        raise ValueError("The question is one long unbroken string, not words. Please type a question.")
    return Question(text, truncated)


def asks_who(question: str) -> bool:
    """A question whose answer is a person: "Siapa yang mengatakan …?", "Who said …?"."""
    return bool(_WHO_SAID.match(question))
