"""The web chat's handler and formatting (qa.chat), on made-up answers and on the real seed article."""

from __future__ import annotations

import html
import re

import pytest

import qa
from qa import chat
from qa.api import ArticleInfo
from qa.question import MAX_CHARS

QUOTE = "Biayanya US$5,6 juta."
PASSAGES = (
    qa.Passage("a#p5", "a", None, 5, f"Mereka bilang. {QUOTE} Murah.", "Liang", "pendiri <b>PT</b>", 2.0),
    qa.Passage("a#p9", "a", "Dampak", 9, "Narasi biasa & tanpa kutipan.", None, None, 0.8312),
)
ANSWER = qa.Answer(
    question="Berapa biayanya?",
    lang="id",
    text=f"Menurut Liang (pendiri): “{QUOTE}”",
    in_article=True,
    passages=PASSAGES,
    evidence=qa.Evidence(QUOTE, PASSAGES[0]),
)


class RecordingAsk:
    """Stands in for qa.ask: records each call, answers with ANSWER."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str | None]] = []

    def __call__(self, question: str, k: int, speaker: str | None) -> qa.Answer:
        self.calls.append((question, k, speaker))
        return ANSWER


def text_of(markup: str) -> str:
    """What a browser shows for our message HTML (our markup only uses <mark> and <br>)."""
    return html.unescape(re.sub(r"</?mark>|<br>", "", markup))


def test_reply_is_answer_line_then_one_citation_per_passage() -> None:
    messages = chat.reply_messages(ANSWER)
    assert [m["role"] for m in messages] == ["assistant"] * 3
    assert text_of(messages[0]["content"]) == ANSWER.text
    assert "metadata" not in messages[0]
    first, second = messages[1]["metadata"]["title"], messages[2]["metadata"]["title"]
    assert first.startswith("¶5 · Liang (pendiri &lt;b&gt;PT&lt;/b&gt;) · Pembuka · skor 2.00")
    assert second == "¶9 · Narasi artikel · Dampak · skor 0.83"
    assert [text_of(m["content"]) for m in messages[1:]] == [p.text for p in PASSAGES]


def test_evidence_sentence_is_marked_and_its_citation_starts_open() -> None:
    evidence, other = chat.reply_messages(ANSWER)[1:]
    assert f"<mark>{QUOTE}</mark>" in evidence["content"]
    assert "status" not in evidence["metadata"]
    assert "<mark>" not in other["content"] and other["metadata"]["status"] == "done"


def test_english_question_gets_english_labels() -> None:
    english = qa.Answer("How much?", "en", "According to …", True, PASSAGES, None)
    titles = [m["metadata"]["title"] for m in chat.reply_messages(english)[1:]]
    assert titles[0].endswith("Opening · score 2.00") and titles[1].startswith("¶9 · Article narration")


def test_long_roles_are_shortened_in_titles() -> None:
    passage = qa.Passage("a#p1", "a", "S", 1, "t", "Ana", "profesor " * 20)
    title = chat.citation_title(passage, "id")
    assert "…" in title and len(title) < 120


def test_respond_appends_question_and_reply_and_clears_the_box() -> None:
    earlier = [{"role": "user", "content": "dulu"}, {"role": "assistant", "content": "jawab"}]
    history, box = chat.respond("Berapa biayanya?", earlier, 3, chat.ALL_SPEAKERS, RecordingAsk())
    assert box == ""
    assert history[:2] == earlier
    assert history[2] == {"role": "user", "content": "Berapa biayanya?"}
    assert history[3:] == chat.reply_messages(ANSWER)


@pytest.mark.parametrize(("speaker", "passed"), [(chat.ALL_SPEAKERS, None), (None, None), ("Liang", "Liang")])
def test_speaker_filter_and_k_pass_through(speaker: str | None, passed: str | None) -> None:
    ask = RecordingAsk()
    chat.respond("Apa katanya?", [], 7, speaker, ask)
    assert ask.calls == [("Apa katanya?", 7, passed)]


@pytest.mark.parametrize(
    "question",
    [
        '<script>window.__pwned=1</script> siapa?',
        '<img src=x onerror="window.__pwned=1">',
        "![x](http://127.0.0.1:9/x.png) [klik](javascript:alert(1))",
    ],
)
def test_user_input_is_escaped(question: str) -> None:
    asked = chat.respond(question, [], 3, None, RecordingAsk())[0][0]["content"]
    assert "<" not in asked and ">" not in asked and '"' not in asked
    assert text_of(asked) == question


def test_article_text_is_escaped() -> None:
    passage = qa.Passage("a#p1", "a", "<i>S</i>", 1, 'Kata <script>x()</script> "a" & b', "<b>Z</b>", None)
    evidence = qa.Evidence("<script>x()</script>", passage)
    answer = qa.Answer("q", "id", "<img src=x>", True, (passage,), evidence)
    for message in chat.reply_messages(answer):
        for markup in (message["content"], message.get("metadata", {}).get("title", "")):
            assert not re.search(r"<(script|img|b|i)\b", markup)
    assert "<mark>&lt;script&gt;x()&lt;/script&gt;</mark>" in chat.reply_messages(answer)[1]["content"]


def test_header_escapes_and_shows_the_spin_notice() -> None:
    infos = [
        ArticleInfo("a", "<b>Judul</b>", "Newsweek", 0.98, "Looks spun.", ()),
        ArticleInfo("b", "Lain", None, 0.0, None, ()),
    ]
    page = chat.header("Tanya", "Ask <anything>", infos)
    assert "&lt;b&gt;Judul&lt;/b&gt;" in page and " — Newsweek" in page and "Ask &lt;anything&gt;" in page
    assert page.count("spin-notice") == 1 and "Looks spun." in page


def test_speaker_choices_start_with_everyone() -> None:
    profiles = [qa.SpeakerProfile("Ana", "profesor", ()), qa.SpeakerProfile("Juru bicara X", None, ())]
    assert chat.speaker_choices(profiles, "All") == [
        ("All", chat.ALL_SPEAKERS),
        ("Ana — profesor", "Ana"),
        ("Juru bicara X", "Juru bicara X"),
    ]


def test_api_reply_is_json_shaped() -> None:
    reply = chat.api_reply("Berapa biayanya?", 3, RecordingAsk())
    assert reply["reply"] == ANSWER.text and reply["in_article"] is True and reply["evidence"] == QUOTE
    assert reply["passages"][0] == {
        "id": "a#p5",
        "article": "a",
        "paragraph": 5,
        "section": None,
        "speaker": "Liang",
        "role": "pendiri <b>PT</b>",  # JSON carries the text as is; escaping is the page's job
        "score": 2.0,
        "text": PASSAGES[0].text,
    }


# The real library behind the handler, on the seed article.


@pytest.mark.parametrize(
    "question",
    ["", "   \n\t ", "😀🔥🤖", "\x00\x01\x02\x7f", "\x00\x07 ?", "x" * 5000, None],
)
def test_bad_input_gets_a_friendly_reply(retriever: qa.Retriever, question: str | None) -> None:
    history, _ = chat.respond(question, [], 3, None, qa.ask)
    reply = history[-1]
    assert reply["role"] == "assistant" and "metadata" not in reply
    assert "Please type a question" in reply["content"]
    assert "Traceback" not in reply["content"]


def test_very_long_question_is_shown_shortened_and_asked_whole() -> None:
    question = "Berapa biayanya? " * 100
    ask = RecordingAsk()
    history, _ = chat.respond(question, [], 3, None, ask)
    assert len(history[0]["content"]) == MAX_CHARS and history[0]["content"].endswith("…")
    assert ask.calls[0][0] == question  # cutting it, and saying so, is the library's job


def test_real_answer_cites_the_speaker(retriever: qa.Retriever) -> None:
    history, _ = chat.respond("Apa kata Russell tentang biaya pelatihan?", [], 3, None, qa.ask)
    titles = [m["metadata"]["title"] for m in history if "metadata" in m]
    assert len(titles) == 3 and "Stuart Russell" in titles[0]
    assert any("<mark>" in m["content"] for m in history[2:])


def test_real_speaker_filter_keeps_only_that_speaker(retriever: qa.Retriever) -> None:
    history, _ = chat.respond("Apa yang dikatakan tentang AI?", [], 5, "Sam Altman", qa.ask)
    titles = [m["metadata"]["title"] for m in history if "metadata" in m]
    assert titles and all("Sam Altman" in t for t in titles)
