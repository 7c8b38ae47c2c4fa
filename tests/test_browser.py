"""End to end: `python app.py` in a subprocess, driven by headless Chromium (Debian's, via Playwright).

QA_SCREENSHOT=1 also writes docs/screenshot.png of the app answering a question.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator

import pytest
from gradio_client import Client
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright

from .conftest import ROOT, RunningApp

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
Opener = Callable[..., Page]  # opens the app in a new browser context with the given options
ANSWER_TIMEOUT_MS = 60_000
SCREENSHOT = ROOT / "docs" / "screenshot.png"
DESKTOP = {"width": 1100, "height": 1150}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
FIRST_EXAMPLE = "Berapa biaya pelatihan model DeepSeek?"
# WCAG AA for body text.
MIN_CONTRAST = 4.5
CONTRAST_JS = """(element) => {
  const channels = (colour) => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (colour) => {
    const linear = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [r, g, b] = channels(colour).map((c) => linear(c / 255));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(element);
  const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium with `make browser`.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Browser, running_app: RunningApp) -> Iterator[Opener]:
    """Opens the app in a fresh browser context (viewport, colour scheme, permissions as given)."""
    contexts: list[BrowserContext] = []

    def open_(**context: object) -> Page:
        contexts.append(browser.new_context(**{"viewport": DESKTOP, **context}))  # type: ignore[arg-type]
        page = contexts[-1].new_page()
        page.goto(running_app.url)
        expect(textbox(page)).to_be_visible()
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page: Opener) -> Page:
    return open_page()


def textbox(page: Page) -> Locator:
    return page.locator("#question textarea")


def submit(page: Page, question: str) -> None:
    textbox(page).fill(question)
    textbox(page).press("Enter")


def ask(page: Page, question: str) -> None:
    """Asks and waits for the reply: a bot message after the question's bubble."""
    asked = page.locator("#chat .user-row").count()
    submit(page, question)
    expect(page.locator("#chat .user-row")).to_have_count(asked + 1, timeout=ANSWER_TIMEOUT_MS)
    reply = page.locator("#chat .user-row").last.locator("xpath=following-sibling::div[contains(@class, 'bot-row')]")
    expect(reply.first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)


def expected(running_app: RunningApp, question: str) -> dict:
    return Client(running_app.url, verbose=False).predict(question, api_name="/ask")


def test_app_starts_and_prints_its_url(running_app: RunningApp) -> None:
    # The server answers HTTP a moment before launch() returns and the line is printed.
    deadline = time.monotonic() + 10
    while not running_app.stdout.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running_app.stdout.read_text().strip() == f"Ask the article at {running_app.url}"
    print(f"\napp start to HTTP ready: {running_app.start_seconds:.1f} s")


@pytest.mark.parametrize(
    "question",
    [
        "Berapa biaya pelatihan model DeepSeek?",
        "Apa kata Russell tentang biaya pelatihan?",
        "Who said the AI race is a race to the edge of the abyss?",
    ],
)
def test_question_shows_speaker_and_passage(page: Page, running_app: RunningApp, question: str) -> None:
    started = time.monotonic()
    ask(page, question)
    print(f"\nfirst reply shown {time.monotonic() - started:.1f} s after asking: {question}")
    result = expected(running_app, question)
    top = result["passages"][0]
    chat = page.locator("#chat")
    expect(chat).to_contain_text(top["speaker"] or "Narasi artikel")
    expect(chat).to_contain_text(top["text"])
    evidence = chat.locator("mark")
    expect(evidence).to_have_text(result["evidence"])
    expect(evidence).to_be_visible()  # the evidence passage starts open
    expect(chat).not_to_contain_text("skor")  # ranking only: the score's scale means nothing to a reader
    if os.environ.get("QA_SCREENSHOT") == "1" and question.startswith("Berapa"):
        page.wait_for_timeout(500)  # let the citation finish opening
        page.screenshot(path=SCREENSHOT, full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_evidence_highlight_is_readable_in_light_and_dark_mode(open_page: Opener, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    ask(page, "Apa kata Russell tentang biaya pelatihan?")
    mark = page.locator("#chat mark")
    expect(mark).to_be_visible()
    assert mark.evaluate(CONTRAST_JS) >= MIN_CONTRAST


def test_text_typed_while_an_answer_is_pending_is_kept(page: Page) -> None:
    submit(page, "Siapa Sam Altman?")
    expect(textbox(page)).to_have_value("")  # the question left the box at once
    textbox(page).press_sequentially("Siapa Gary")
    expect(page.locator("#chat [data-testid=bot]").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(300)  # any late update of the box would land now
    expect(textbox(page)).to_have_value("Siapa Gary")


def test_questions_sent_in_quick_succession_are_all_answered_in_order(page: Page, running_app: RunningApp) -> None:
    questions = [
        "Berapa biaya pelatihan model DeepSeek?",
        "Apa kata Russell tentang biaya pelatihan?",
        "What did Nvidia say about DeepSeek?",
    ]
    for question in questions:
        submit(page, question)
        # As a person would: typing the next one once this one has left the box (in about 30 ms).
        expect(textbox(page)).to_have_value("")
    expect(page.locator("#chat [data-testid=user]")).to_have_text(questions, timeout=ANSWER_TIMEOUT_MS)
    evidence = [expected(running_app, q)["evidence"] for q in questions]
    expect(page.locator("#chat mark")).to_have_text(evidence, timeout=ANSWER_TIMEOUT_MS)


@pytest.mark.parametrize(
    "viewport",
    [{"viewport": {"width": 1280, "height": 720}}, {"viewport": {"width": 1280, "height": 900}}, PHONE],
    ids=["laptop-720", "desktop-900", "phone"],
)
def test_first_screen_shows_title_input_and_examples(open_page: Opener, viewport: dict) -> None:
    page = open_page(**viewport)
    page.wait_for_timeout(500)  # autofocus has happened
    assert page.evaluate("scrollY") == 0
    height = page.viewport_size["height"]  # type: ignore[index]
    for element in (page.locator("#header h1"), textbox(page), page.get_by_text(FIRST_EXAMPLE)):
        box = element.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_on_a_phone_an_answer_opens_at_its_question(open_page: Opener) -> None:
    page = open_page(**PHONE)
    ask(page, "Who said the AI race is a race to the edge of the abyss?")
    ask(page, "Apa kata Russell tentang biaya pelatihan?")  # a long reply below a first one
    page.wait_for_timeout(500)  # the scroll runs after the answer
    last = page.locator("#chat [data-testid=user]").last.bounding_box()
    assert last is not None and 0 <= last["y"] <= PHONE["viewport"]["height"] / 3  # type: ignore[index]


def test_speaker_filter_is_said_in_the_reply_and_its_menu_fits_a_phone(open_page: Opener) -> None:
    page = open_page(**PHONE)
    page.get_by_label("Narasumber / Speaker").click()
    options = page.locator("ul[role=listbox] li")
    expect(options.first).to_be_visible()
    heights = options.evaluate_all("items => items.map((item) => item.getBoundingClientRect().height)")
    assert max(heights) <= 2.2 * min(heights)  # two lines at most
    page.get_by_role("option", name=re.compile("^Stuart Russell")).click()
    ask(page, "What did Nvidia say about DeepSeek?")
    expect(page.locator("#chat [data-testid=bot]").first).to_have_text(
        "Speaker filter on: only passages of Stuart Russell."
    )


def test_passages_control_offers_whole_numbers_1_to_10_and_is_used(page: Page) -> None:
    control = page.get_by_label("Kutipan / Passages")
    expect(control).to_have_attribute("readonly", "")  # no typing of 0, 2.5 or 99
    control.click()
    expect(page.locator("ul[role=listbox] li")).to_have_text([re.compile(rf"\b{n}$") for n in range(1, 11)])
    page.get_by_role("option", name="5", exact=True).click()
    ask(page, "Apa kata Russell tentang biaya pelatihan?")
    expect(page.locator("#chat .thought-group")).to_have_count(5)


def test_copied_reply_is_plain_text_with_its_sources(open_page: Opener) -> None:
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ask(page, "Apa kata Russell tentang biaya pelatihan?")
    evidence = page.locator("#chat mark").inner_text()
    page.locator("#chat button[aria-label='Copy message']").last.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert evidence in copied and "¶" in copied and "Stuart Russell" in copied
    assert not re.search(r"<\w|&\w+;", copied)
    page.get_by_role("button", name="Salin semua / Copy all").click()
    page.wait_for_timeout(200)
    conversation = page.evaluate("navigator.clipboard.readText()")
    assert conversation.startswith("Apa kata Russell tentang biaya pelatihan?\n\n")
    assert conversation.count("¶") == 3 and evidence in conversation  # every citation keeps its source
    assert not re.search(r"<\w|&\w+;", conversation)


def test_citation_buttons_have_a_name(page: Page) -> None:
    ask(page, "Apa kata Russell tentang biaya pelatihan?")
    buttons = page.locator("#chat .thought-group .title button")
    expect(buttons).to_have_count(3)
    for label in buttons.evaluate_all("all => all.map((b) => b.getAttribute('aria-label'))"):
        assert label and "passage" in label


def test_blank_submits_do_not_stack_refusals(page: Page) -> None:
    for _ in range(3):
        textbox(page).press("Enter")
    # The page reads the textbox a moment after Enter: typing on at once would send the next question as
    # the third blank's. A person cannot type that fast; the test waits until the page has taken all three.
    page.wait_for_function("window.askedQuestions?.length === 3")
    ask(page, "Siapa Sam Altman?")  # answered after the blanks, so they are done
    assert page.locator("#chat").inner_text().count("Please type a question") == 1


def test_clear_then_the_same_question_is_answered_again(page: Page) -> None:
    ask(page, "Siapa Sam Altman?")
    page.get_by_role("button", name="Hapus / Clear").click()
    expect(page.locator("#chat [data-testid=bot]")).to_have_count(0)
    ask(page, "Siapa Sam Altman?")
    expect(page.locator("#chat [data-testid=user]")).to_have_count(1)


def test_example_click_asks_it(page: Page) -> None:
    page.get_by_text("What did Nvidia say about DeepSeek?").click()
    expect(page.locator("#chat [data-testid=user]")).to_have_text("What did Nvidia say about DeepSeek?")
    expect(page.locator("#chat mark")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    expect(textbox(page)).to_have_value("")


@pytest.mark.parametrize(
    "question",
    [
        "<script>window.__pwned=1</script> siapa?",
        '<img src=x onerror="window.__pwned=1"> siapa yang bilang?',
        "![x](http://127.0.0.1:9/pwned.png) siapa?",
    ],
)
def test_markup_in_a_question_is_shown_as_text(page: Page, question: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    ask(page, question)
    expect(page.locator("#chat [data-testid=user]")).to_have_text(question)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#chat script, #chat img[src='x']").count() == 0
    assert not [url for url in fetched if "pwned" in url]


def test_bad_input_gets_a_friendly_reply(page: Page) -> None:
    ask(page, "😀🔥🤖")
    expect(page.locator("#chat [data-testid=bot]")).to_contain_text("Please type a question")


def bot_messages(page: Page) -> Locator:
    return page.locator("#chat [data-testid=bot]")


def test_a_follow_up_with_a_pronoun_is_answered_about_the_person_before(page: Page, running_app: RunningApp) -> None:
    first, follow_up = "Apa kata Mousavizadeh tentang kebijakan Biden?", "Apa lagi yang dia katakan?"
    ask(page, first)
    ask(page, follow_up)
    client = Client(running_app.url, verbose=False)
    earlier = client.predict(first, api_name="/ask")
    later = client.predict(follow_up, 3, [first], api_name="/ask")
    assert later["passages"][0]["speaker"] == earlier["passages"][0]["speaker"] == "Alexandra Mousavizadeh"
    assert later["evidence"] != earlier["evidence"]  # "what else": not the same quote again
    expect(page.locator("#chat mark")).to_have_text([earlier["evidence"], later["evidence"]])
    expect(bot_messages(page).filter(has_text="Menurut Alexandra Mousavizadeh")).to_have_count(2)


def test_a_person_not_in_the_article_is_named_and_passages_are_only_related(page: Page) -> None:
    ask(page, "What did Elon Musk say about DeepSeek?")
    reply = page.locator("#chat .support-none")
    expect(reply).to_contain_text("Not in the article")
    expect(reply).to_contain_text("The article does not mention Elon Musk.")
    expect(page.locator("#chat mark")).to_have_count(0)  # nobody's words are quoted as his
    titles = page.locator("#chat .thought-group .title")
    expect(titles.first).to_contain_text("Related ·")
    assert reply.evaluate("(e) => getComputedStyle(e).borderLeftStyle") == "solid"  # it looks different


def test_a_near_miss_fact_is_shown_as_partly_answered(page: Page) -> None:
    ask(page, "Berapa gaji Liang Wenfeng per tahun?")
    reply = page.locator("#chat .support-partial")
    expect(reply).to_contain_text("Sebagian terjawab")
    expect(reply).to_contain_text("Artikel ini menyebut Liang Wenfeng, tetapi tidak menyebut “gaji”.")
    full = "Berapa biaya pelatihan model DeepSeek?"
    ask(page, full)  # a full answer after it carries no such badge
    expect(page.locator("#chat .support-partial")).to_have_count(1)
    expect(page.locator("#chat .support-none")).to_have_count(0)
