"""End to end: a reader adds their own article on the page (an uploaded news page, pasted text), then asks it.

The app runs in a QA_HOME of its own, so what is added never reaches the checkout's corpus/ and index/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from qa.corpus import load_corpus

from .conftest import ROOT, RunningApp, home_copy, serve_app
from .test_browser import ANSWER_TIMEOUT_MS, DESKTOP, ask, bot_messages, browser  # noqa: F401  # fixture

PAGES = ROOT / "tests" / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
PAGE = "kabarnusa_harga_cabai.html"
ADD_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return home_copy(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def own_app(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with serve_app(tmp_path_factory.mktemp("app"), {"QA_HOME": str(home)}) as app:
        yield app


@pytest.fixture
def page(browser, own_app: RunningApp) -> Iterator[Page]:  # noqa: F811  # the imported fixture
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(own_app.url)
    expect(page.locator("#question textarea")).to_be_visible()
    page.locator("#add-article").get_by_text("Tambah artikel Anda").click()
    yield page
    context.close()


def status(page: Page):
    return page.locator("#add-status")


def test_an_uploaded_news_page_is_answerable_at_once(page: Page, home: Path) -> None:
    expected = EXPECTED[PAGE]
    page.locator("#upload input[type=file]").set_input_files(str(PAGES / PAGE))
    expect(status(page)).to_contain_text("✓ added", timeout=ADD_TIMEOUT_MS)
    expect(status(page)).to_contain_text(expected["title"])
    # The new article is chosen, so the next question is about it; the header lists it with its site.
    expect(page.locator("#article input")).to_have_value(expected["title"])
    expect(page.locator("#header")).to_contain_text(expected["site"])
    assert any(a.title == expected["title"] for a in load_corpus(home / "corpus"))
    ask(page, expected["question_id"])
    expect(page.locator("#chat mark").last).to_be_visible()
    reply = bot_messages(page)
    expect(reply.filter(has_text=expected["answer_phrase"]).first).to_be_visible()
    ask(page, expected["question_en"])  # and in English
    expect(reply.filter(has_text=expected["answer_phrase"])).not_to_have_count(0)


def test_pasted_text_is_added_and_a_bad_file_is_refused_with_a_message(page: Page, home: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in (home / "corpus").iterdir())
    binary = tmp_path / "foto.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    page.locator("#upload input[type=file]").set_input_files(str(binary))
    expect(status(page)).to_contain_text("Not added", timeout=ADD_TIMEOUT_MS)
    expect(status(page)).to_contain_text("binary")
    assert sorted(p.name for p in (home / "corpus").iterdir()) == before
    text = (ROOT / "tests" / "data" / "articles" / "banjir.txt").read_text(encoding="utf-8")
    page.locator("#paste textarea").fill(text)
    page.locator("#add").click()
    expect(status(page)).to_contain_text("✓ added", timeout=ADD_TIMEOUT_MS)
    expect(page.locator("#paste textarea")).to_have_value("")
    ask(page, "Berapa tinggi banjir di Semarang?")
    expect(bot_messages(page).filter(has_text="satu meter").first).to_be_visible()
