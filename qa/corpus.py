"""Articles on disk, and their split into sections and body paragraphs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .attribution import cues
from .files import write_atomic
from .folders import CORPUS_DIR


# A heading is a short line that does not read as a sentence: news sub-heads are a few words with no
# closing punctuation ("Dampak signifikan", "Masa depan AI di AS").
HEADING_MAX_WORDS = 8
# A title is the first line when it does not read as a sentence either; news titles run longer than sub-heads.
TITLE_MAX_WORDS = 20
_SENTENCE_END = tuple('.!?:;,"”’)')
_QUOTE_START = (*cues.OPEN_QUOTES, cues.STRAIGHT_QUOTE, "‘", "'")  # a line opening a quotation is no heading
# Indonesian papers close with an editor's code such as "(Z-2)" or "(Ant/P-5)"; it is not content.
_EDITOR_CODE = re.compile(r"\s*\((?:[A-Za-z]{1,6}/)?[A-Za-z]{1,4}-\d{1,3}\)\s*$")


class ArticleError(ValueError):
    """An article file that cannot be read as text."""


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    source: str | None = None
    path: Path | None = None
    examples: tuple[str, ...] = ()  # questions to suggest to a reader, from the metadata
    author: str | None = None
    published: str | None = None  # the date it was published, as its page gave it (YYYY-MM-DD)
    url: str | None = None


@dataclass(frozen=True)
class Paragraph:
    article: str
    section: str | None
    number: int  # 1-based, counting body paragraphs only
    text: str


def read_article(path: str | Path) -> Article:
    """Reads an article file, with its optional metadata beside it (`name.json`)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read the article ({exc.strerror or exc}).") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte {exc.start}); save the article as UTF-8.") from exc
    if "\x00" in text:
        raise ArticleError(f"{path}: contains NUL bytes; this looks like a binary file, not an article.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta = _read_metadata(path.with_suffix(".json"))
    name = path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
    return Article(
        id=path.stem,
        title=str(meta.get("title") or title_line(text) or name),
        text=text,
        source=meta.get("source"),
        path=path,
        examples=tuple(str(q) for q in meta.get("examples") or ()),
        author=_text_or_none(meta.get("author")),
        published=_text_or_none(meta.get("published")),
        url=_text_or_none(meta.get("url")),
    )


def _text_or_none(value: object) -> str | None:
    return str(value) if value else None


def _read_metadata(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{path}: unreadable article metadata ({exc}).") from exc
    if not isinstance(meta, dict):
        raise ArticleError(f"{path}: article metadata must be a JSON object.")
    return meta


def write_article(article: Article, folder: str | Path = CORPUS_DIR) -> Path:
    """Writes `<id>.json` (the metadata), then `<id>.txt`, each whole or not at all: the corpus reads an
    article by its .txt, so a kill between the two leaves a .json nothing reads, which the next add of that
    id replaces."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fields = {
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "examples": list(article.examples),
    }
    meta = {key: value for key, value in fields.items() if value}
    write_atomic(folder / f"{article.id}.json", json.dumps(meta, ensure_ascii=False, indent=2).encode())
    path = folder / f"{article.id}.txt"
    write_atomic(path, (article.text.rstrip("\n") + "\n").encode())
    return path


def delete_article(article_id: str, folder: str | Path = CORPUS_DIR) -> None:
    """Removes the article's text first, so that a kill half-way leaves at most its unread metadata."""
    folder = Path(folder)
    (folder / f"{article_id}.txt").unlink()
    (folder / f"{article_id}.json").unlink(missing_ok=True)


def load_corpus(folder: str | Path = CORPUS_DIR) -> list[Article]:
    """Every `*.txt` article in the folder, in name order."""
    paths = sorted(Path(folder).glob("*.txt"))
    if not paths:
        raise ArticleError(f"{folder}: no article (*.txt) found; add one with: python -m qa add PATH")
    return [read_article(p) for p in paths]


def is_heading(line: str, max_words: int = HEADING_MAX_WORDS) -> bool:
    line = line.strip()
    return (
        0 < len(line.split()) <= max_words
        and not line.endswith(_SENTENCE_END)
        and not line.startswith(_QUOTE_START)
    )


def title_line(text: str) -> str | None:
    """The article's first line when it is a title: not a sentence (a title may ask or exclaim: "Benarkah
    Cuma Soal Cuaca?"), and with the body below it."""
    lines = _lines(text)
    if len(lines) < 2:
        return None
    return lines[0] if is_heading(lines[0].rstrip("?!"), TITLE_MAX_WORDS) else None


def _lines(text: str) -> list[str]:
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


def split_paragraphs(article: Article) -> list[Paragraph]:
    """Body paragraphs in article order; a heading becomes the section of the paragraphs below it."""
    lines = _lines(article.text)
    if title_line(article.text):
        lines = lines[1:]
    if lines:
        lines[-1] = _EDITOR_CODE.sub("", lines[-1])
    paragraphs: list[Paragraph] = []
    section: str | None = None
    for line in lines:
        if is_heading(line):
            section = line
        elif line:
            paragraphs.append(Paragraph(article.id, section, len(paragraphs) + 1, line))
    return paragraphs
