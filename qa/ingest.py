"""A reader's own article: a saved news page, Markdown or plain text, read into an `Article` or refused.

HTML goes through trafilatura, which finds the article's body and metadata (title, author, date, site) and
leaves out menus, ads, sidebars and footers; Markdown through markdown-it; plain text is read as the corpus
reads its own files, one paragraph a line. Whatever cannot become an Indonesian news article (binary data,
nothing but white space, a page with no article in it, another language, a text too long to be one article)
is refused with one `ArticleError` line saying why, before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from urllib.parse import urlparse

from markdown_it import MarkdownIt

from .corpus import TITLE_MAX_WORDS, Article, ArticleError, is_heading, split_paragraphs
from .language import text_language

MAX_BYTES = 1_000_000
MAX_PARAGRAPHS = 500
# Indonesian and Malay, which long Indonesian text sometimes scores as; a news article in any other language
# would be searched and quoted in words the reader did not ask in.
ARTICLE_LANGUAGES = frozenset({"id", "ms"})
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
ID_MAX_CHARS = 40
UNTITLED_WORDS = 8
# Boxes that portals put between paragraphs, pointing to other stories ("Baca juga: …"), and ad labels.
# trafilatura keeps them, as they sit inside the article's markup; they are no part of the article.
# An ad's label counts only as a whole line: a paragraph may well open with "Iklan rokok …".
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:(?:baca\s+(?:juga|pula)|simak\s+juga|lihat\s+juga|artikel\s+terkait|berita\s+terkait)\b|"
    r"(?:advertisement|iklan|scroll\s+to\s+continue\s+with\s+content)\s*$)",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)


def read_limited(path: str | Path) -> bytes:
    """A file's bytes, up to one past the size limit: enough for the refusal, and a huge file is never read
    whole."""
    try:
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read it ({exc.strerror or exc}).") from None


def read_source(data: bytes, name: str, taken: Sequence[Article] = (), label: str | None = None) -> Article:
    """The article in `data` (the bytes of the file called `name`, or of standard input, "-"), with an id
    unused by `taken`. Raises ArticleError, naming it `label` (by default its file name), for anything that
    is not one new Indonesian article."""
    label = label or ("standard input" if name == "-" else PurePath(name).name or name)
    if not data.strip():
        raise ArticleError(f"{label} is empty: there is no article to add.")
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{label} is over {MAX_BYTES // 1_000_000} MB: too long for one news article.")
    if b"\x00" in data:
        raise ArticleError(f"{label} looks like a binary file, not an article (it holds NUL bytes).")
    suffix = PurePath(name).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _MARKUP.match(data[:1000].decode("latin-1"))):
        article = _from_html(data, label)
    else:
        text = _decode(data, label)
        article = _from_markdown(text) if suffix in MARKDOWN_SUFFIXES else _from_text(text)
    paragraphs = split_paragraphs(article)
    if not paragraphs:
        raise ArticleError(f"{label}: no article text found (only a title or headings).")
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise ArticleError(f"{label} has {len(paragraphs)} paragraphs; an article may have at most {MAX_PARAGRAPHS}.")
    body = " ".join(p.text for p in paragraphs)
    language = text_language(body)
    if language not in ARTICLE_LANGUAGES:
        raise ArticleError(
            f"{label} reads as {_language_name(language)}, not Indonesian: "
            "the bot answers from Indonesian news articles."
        )
    for other in taken:
        if [p.text for p in split_paragraphs(other)] == [p.text for p in paragraphs]:
            raise ArticleError(f"{label} is already in the corpus, as '{other.id}'.")
    stem = PurePath(name).stem if name != "-" and suffix not in HTML_SUFFIXES else ""
    return replace(article, id=unique_id(slug(stem) or slug(article.title), {a.id for a in taken}))


def _decode(data: bytes, label: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{label} is not UTF-8 text (undecodable byte at {exc.start}); save it as UTF-8.") from None
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > len(text) // 100:
        raise ArticleError(f"{label} looks like a binary file, not an article (it holds control characters).")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _compose(title: str | None, lines: Sequence[str], **meta: str | None) -> Article:
    """An article in the corpus's own layout: the title on the first line when it reads as one, then one
    paragraph or heading a line, without the boxes that point to other stories. An untitled text is named
    by the opening words of its first paragraph."""
    body = [line.strip() for line in lines if line.strip() and not _BOILERPLATE_LINE.match(line)]
    title = " ".join((title or "").split())
    if body and title and body[0] == title:
        body = body[1:]
    head = [title] if title and is_heading(title.rstrip("?!"), TITLE_MAX_WORDS) else []
    if not title and body:
        words = body[0].split()
        title = " ".join(words[:UNTITLED_WORDS]) + (" …" if len(words) > UNTITLED_WORDS else "")
    return Article(id="", title=title, text="\n".join(head + body), **meta)  # type: ignore[arg-type]


def _from_html(data: bytes, label: str) -> Article:
    import trafilatura  # a sixth of a second to import: only for pages, not for every start of the package

    tree = trafilatura.load_html(data)
    # Precision over recall: the default keeps a home page's list of headlines as if it were an article, and
    # promotion lines ("Baca berita dengan sedikit iklan, klik di sini") between the paragraphs.
    page = None if tree is None else trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    lines = [line for line in (page.text or "").split("\n") if not _BOILERPLATE_LINE.match(line)] if page else []
    if page is None or not "".join(lines).strip():
        raise ArticleError(
            f"{label}: no article text found in the page (a home page, or one that loads its text with JavaScript?)."
        )
    site = page.sitename or (urlparse(page.url).hostname if page.url else None)
    # trafilatura title-cases a site name that starts in lower case ("detakNews" becomes "Detaknews").
    named = tree.xpath('//meta[@property="og:site_name"]/@content')
    site = next((n.strip() for n in named if site and n.strip().lower() == site.lower()), site)
    return _compose(page.title, lines, source=site, author=page.author, published=page.date, url=page.url)


_MARKDOWN = MarkdownIt("commonmark")


def _from_markdown(text: str) -> Article:
    lines, title = [], None
    tokens = _MARKDOWN.parse(text)
    for before, token in zip([None, *tokens], tokens):
        if token.type != "inline":
            continue
        line = "".join(
            " " if c.type in ("softbreak", "hardbreak") else c.content
            for c in token.children or ()
            if c.type in ("text", "code_inline", "softbreak", "hardbreak")
        )
        if title is None and before is not None and before.tag == "h1":
            title = line
        lines.append(line)
    return _compose(title, lines)


def _from_text(text: str) -> Article:
    lines = text.split("\n")
    first = next((line.strip() for line in lines if line.strip()), "")
    return _compose(first if is_heading(first.rstrip("?!"), TITLE_MAX_WORDS) else None, lines)


def slug(text: str) -> str:
    """A file name from a title: ASCII letters and digits, words joined by "_", cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > ID_MAX_CHARS:
            break
        out = f"{out}_{word}" if out else word
    return out or (words[0][:ID_MAX_CHARS] if words else "")


def unique_id(base: str, taken: set[str]) -> str:
    base = base or "artikel"
    number = 2
    chosen = base
    while chosen in taken:
        chosen, number = f"{base}_{number}", number + 1
    return chosen


_LANGUAGE_NAMES = {"en": "English", "ms": "Malay", "jv": "Javanese", "zh": "Chinese", "ar": "Arabic", "nl": "Dutch"}


def _language_name(code: str) -> str:
    return _LANGUAGE_NAMES.get(code, f"another language ({code})")
