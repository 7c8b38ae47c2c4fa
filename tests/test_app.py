"""The web chat's handler and formatting (qa.chat), on made-up answers and on the real seed article."""

from __future__ import annotations

import copy
import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import qa
from qa import chat
from qa.api import ArticleInfo
from qa.messages import NOTHING_TO_ADD, UPLOADS_OFF
from qa.question import MAX_CHARS

QUOTE = "Biayanya US$5,6 juta."
PASSAGES = (
    qa.Passage("a#p5", "a", None, 5, f"Mereka bilang. {QUOTE} Murah.", "Liang", "pendiri <b>PT</b>", score=2.0),
    qa.Passage("a#p9", "a", "Dampak", 9, "Narasi biasa & tanpa kutipan.", None, None, score=0.8312),
)
ANSWER = qa.Answer(
    question="Berapa biayanya?",
    lang="id",
    text=f"Menurut Liang (pendiri): “{QUOTE}”",
    support="full",
    passages=PASSAGES,
    evidence=qa.Evidence(QUOTE, PASSAGES[0], True),
)
EMPTY = "Pertanyaannya kosong."


class RecordingAsk:
    """Stands in for qa.ask: records each call, answers with ANSWER and refuses a blank question."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str | None]] = []

    def __call__(self, question: str, k: int, speaker: str | None) -> qa.Answer:
        self.calls.append((question, k, speaker))
        if not question.strip():
            raise ValueError(EMPTY)
        return ANSWER


def text_of(markup: str) -> str:
    """What a browser shows for our message HTML (our markup only uses <mark> and <br>)."""
    return html.unescape(re.sub(r"</?mark>|<br>", "", markup))


def asked(*questions: object, k: object = 3, speaker: str = chat.ALL_SPEAKERS) -> list[object]:
    """What the page sends: every question asked, with the settings at the time."""
    return [{"question": q, "k": k, "speaker": speaker} for q in questions]


def session_of(ask: chat.Asker | None = None) -> chat.Session:
    """A page's session whose conversation is `ask` (a new RecordingAsk by default)."""
    return chat.Session((lambda _article: ask) if ask else (lambda _article: RecordingAsk()))


def run(sent: object, session: chat.Session) -> list[list[chat.Message]]:
    """What the chat shows after each of its two handlers, as the page runs them on a question."""
    return [chat.show_asked(sent, session), chat.answer_waiting(session)]


def users(shown: list[chat.Message]) -> list[str]:
    return [m["content"] for m in shown if m["role"] == "user"]


def test_reply_is_answer_line_then_one_citation_per_passage() -> None:
    messages = chat.reply_messages(ANSWER)
    assert [m["role"] for m in messages] == ["assistant"] * 3
    assert text_of(messages[0]["content"]) == ANSWER.text
    assert "metadata" not in messages[0]
    first, second = messages[1]["metadata"]["title"], messages[2]["metadata"]["title"]
    assert first == "¶5 · Liang (pendiri &lt;b&gt;PT&lt;/b&gt;) · Pembuka"
    assert second == "¶9 · Narasi artikel · Dampak"
    assert [text_of(m["content"]) for m in messages[1:]] == [p.text for p in PASSAGES]


def test_titles_show_no_score() -> None:
    titles = [m["metadata"]["title"] for m in chat.reply_messages(ANSWER)[1:]]
    assert not any("skor" in t or "score" in t or re.search(r"\d\.\d", t) for t in titles)


def test_evidence_sentence_is_marked_and_its_citation_starts_open() -> None:
    evidence, other = chat.reply_messages(ANSWER)[1:]
    assert f"<mark>{QUOTE}</mark>" in evidence["content"]
    assert "status" not in evidence["metadata"]
    assert "<mark>" not in other["content"] and other["metadata"]["status"] == "done"


def test_english_question_gets_english_labels() -> None:
    english = qa.Answer("How much?", "en", "According to …", "full", PASSAGES, None)
    titles = [m["metadata"]["title"] for m in chat.reply_messages(english)[1:]]
    assert titles[0].endswith("· Opening") and titles[1].startswith("¶9 · Article narration")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("id", "Filter narasumber aktif: hanya kutipan Ana &lt;Z&gt;."),
        ("en", "Speaker filter on: only passages of Ana &lt;Z&gt;."),
    ],
)
def test_an_active_speaker_filter_is_said_first_in_the_questions_language(lang: str, line: str) -> None:
    answer = qa.Answer("q", lang, "Maaf / Sorry", "none", (), None)  # type: ignore[arg-type]
    filtered = chat.reply_messages(answer, "Ana <Z>")
    assert filtered[0] == {"role": "assistant", "content": line}
    assert filtered[1:] == chat.reply_messages(answer)
    assert not any("Filter" in m["content"] for m in chat.reply_messages(answer))


def test_long_roles_are_shortened_in_titles() -> None:
    passage = qa.Passage("a#p1", "a", "S", 1, "t", "Ana", "profesor " * 20)
    title = chat.citation_title(passage, "id")
    assert "…" in title and len(title) < 80


def test_turn_is_the_question_then_its_reply() -> None:
    ask = RecordingAsk()
    assert chat.turn("Berapa biayanya?", 3, chat.ALL_SPEAKERS, ask) == [
        {"role": "user", "content": "Berapa biayanya?"},
        *chat.reply_messages(ANSWER),
    ]
    assert ask.calls == [("Berapa biayanya?", 3, None)]


@pytest.mark.parametrize(("speaker", "passed"), [(chat.ALL_SPEAKERS, None), (None, None), ("Liang", "Liang")])
def test_speaker_filter_and_k_pass_through(speaker: str | None, passed: str | None) -> None:
    ask = RecordingAsk()
    chat.turn("Apa katanya?", 7, speaker, ask)
    assert ask.calls == [("Apa katanya?", 7, passed)]


def test_refusal_is_the_reply_and_a_blank_question_has_no_bubble() -> None:
    assert chat.turn("  ", 3, None, RecordingAsk()) == [{"role": "assistant", "content": EMPTY}]


def test_handler_shows_the_waiting_question_at_once_then_its_answer() -> None:
    assert run(asked("Berapa biayanya?"), session_of()) == [
        [{"role": "user", "content": "Berapa biayanya?"}],
        chat.turn("Berapa biayanya?", 3, None, RecordingAsk()),
    ]


def test_each_question_is_answered_once_with_the_settings_it_was_asked_with() -> None:
    ask = RecordingAsk()
    session = session_of(ask)
    run(asked("satu?", k=2), session)
    sent = asked("satu?", k=2) + asked("dua?", k=5, speaker="Liang")
    shown = run(sent, session)[-1]
    assert ask.calls == [("satu?", 2, None), ("dua?", 5, "Liang")]
    assert users(shown) == ["satu?", "dua?"]
    assert run(sent, session) == [shown, shown] and len(ask.calls) == 2  # nothing new: shown as it stands


def test_a_question_asked_while_another_is_answered_waits_its_turn_and_the_last_shows_everything() -> None:
    # "dua?" and "tiga?" are asked while "satu?" is being answered: a second handler starts meanwhile.
    started, release = threading.Event(), threading.Event()
    ask = RecordingAsk()

    def slow(question: str, k: int, speaker: str | None) -> qa.Answer:
        started.set()
        release.wait(timeout=10)
        return ask(question, k, speaker)

    session = session_of(slow)
    reply = {q: chat.turn(q, 3, None, RecordingAsk()) for q in ("satu?", "dua?", "tiga?")}
    assert users(chat.show_asked(asked("satu?"), session)) == ["satu?"]
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(chat.answer_waiting, session)
        assert started.wait(timeout=10)
        assert users(chat.show_asked(asked("satu?", "dua?", "tiga?"), session)) == ["satu?", "dua?", "tiga?"]
        second = pool.submit(chat.answer_waiting, session)
        assert not second.done()  # it waits for "satu?" rather than answering out of turn
        release.set()
        assert first.result(timeout=10) == reply["satu?"] + [{"role": "user", "content": "dua?"}, {"role": "user", "content": "tiga?"}]
        assert second.result(timeout=10) == reply["satu?"] + reply["dua?"] + reply["tiga?"]
    assert [q for q, _, _ in ask.calls] == ["satu?", "dua?", "tiga?"]  # each answered once, in order


def test_an_older_list_arriving_late_does_not_hide_questions() -> None:
    session = session_of()
    chat.show_asked(asked("satu?", "dua?"), session)
    assert users(chat.show_asked(asked("satu?"), session)) == ["satu?", "dua?"]


def test_a_page_gets_its_own_session() -> None:
    session = session_of()
    run(asked("satu?"), session)
    fresh = copy.deepcopy(session)  # how gr.State makes each page's session from the initial value
    assert fresh.ask is not session.ask  # a conversation of its own
    assert run(asked(), fresh) == [[], []] and users(run(asked("satu?"), session)[-1]) == ["satu?"]


def test_repeated_blank_submits_do_not_stack_the_refusal() -> None:
    assert run(asked("", "  ", "\n"), session_of())[-1] == [{"role": "assistant", "content": EMPTY}]
    shown = run(asked("", "Berapa biayanya?", ""), session_of())[-1]
    assert [m["content"] for m in shown].count(EMPTY) == 2


@pytest.mark.parametrize("sent", [None, "satu?", [None, 5, {"question": 7, "k": 3}]])
def test_anything_else_from_the_page_is_nothing_or_blank(sent: object) -> None:
    ask = RecordingAsk()
    shown = run(sent, session_of(ask))[-1]
    assert shown == ([{"role": "assistant", "content": EMPTY}] if isinstance(sent, list) else [])
    assert all(q == "" for q, _, _ in ask.calls)


@pytest.mark.parametrize(
    "question",
    [
        '<script>window.__pwned=1</script> siapa?',
        '<img src=x onerror="window.__pwned=1">',
        "![x](http://127.0.0.1:9/x.png) [klik](javascript:alert(1))",
    ],
)
def test_user_input_is_escaped(question: str) -> None:
    asked = chat.turn(question, 3, None, RecordingAsk())[0]["content"]
    assert "<" not in asked and ">" not in asked and '"' not in asked
    assert text_of(asked) == question


def test_article_text_is_escaped() -> None:
    passage = qa.Passage("a#p1", "a", "<i>S</i>", 1, 'Kata <script>x()</script> "a" & b', "<b>Z</b>", None)
    evidence = qa.Evidence("<script>x()</script>", passage, True)
    answer = qa.Answer("q", "id", "<img src=x>", "full", (passage,), evidence)
    for message in chat.reply_messages(answer, "<b>Z</b>"):
        for markup in (message["content"], message.get("metadata", {}).get("title", "")):
            assert not re.search(r"<(script|img|b|i)\b", markup)
    assert "<mark>&lt;script&gt;x()&lt;/script&gt;</mark>" in chat.reply_messages(answer)[1]["content"]


SPUN = "Saya Kagak tahu. Dia datang Demi uang, Kagak Demi nama, dan Kagak kembali."


def test_spun_words_are_the_spinners_commonest_substitutions() -> None:
    assert chat.spun_words(SPUN) == [("Kagak", "tidak"), ("Demi", "untuk")]
    assert chat.spun_words("Saya tidak tahu untuk apa.") == []


def test_header_escapes_and_shows_a_bilingual_spin_notice_with_the_odd_words() -> None:
    infos = [
        ArticleInfo("a", "<b>Judul</b>", "Newsweek", 0.98, "Looks spun.", ()),
        ArticleInfo("b", "Lain", None, 0.0, None, ()),
    ]
    page = chat.header("Tanya", "Ask <anything>", infos, {"a": SPUN, "b": "Biasa saja."})
    assert "&lt;b&gt;Judul&lt;/b&gt;" in page and " — Newsweek" in page and "Ask &lt;anything&gt;" in page
    assert page.count("spin-notice") == 1
    notice = html.unescape(page.split('<div class="spin-notice">')[1].split("</div>")[0])
    assert "ditulis ulang oleh mesin" in notice and "machine-rewritten" in notice
    assert "“Kagak” = tidak, “Demi” = untuk" in notice


def test_speaker_choices_start_with_everyone_and_keep_roles_short() -> None:
    profiles = [
        qa.SpeakerProfile("Ana", "profesor", ()),
        qa.SpeakerProfile("Budi", "profesor madya Teknik Elektro di Universitas X", ()),
        qa.SpeakerProfile("Juru bicara X", None, ()),
    ]
    choices = chat.speaker_choices(profiles, "All")
    assert choices[0] == ("All", chat.ALL_SPEAKERS) and choices[1] == ("Ana — profesor", "Ana")
    label, value = choices[2]
    assert value == "Budi" and label.endswith("…") and len(label) == len("Budi — ") + chat.MENU_ROLE_CHARS
    assert choices[3] == ("Juru bicara X", "Juru bicara X")


def test_generic_examples_ask_about_the_most_quoted_people() -> None:
    passage = PASSAGES[0]
    profiles = [
        qa.SpeakerProfile("Ana", None, (passage,)),
        qa.SpeakerProfile("Budi", None, (passage,) * 3),
        qa.SpeakerProfile("Citra", None, (passage,) * 2),
    ]
    assert chat.generic_examples(profiles) == ["Apa kata Budi?", "What did Citra say?"]
    assert chat.generic_examples([]) == []


def test_api_reply_is_json_shaped_and_keeps_the_score() -> None:
    reply = chat.api_reply("Berapa biayanya?", 3, None, RecordingAsk())
    assert reply["reply"] == ANSWER.text and reply["in_article"] is True and reply["evidence"] == QUOTE
    assert reply["support"] == "full"
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
    reply = chat.turn(question, 3, None, qa.ask)[-1]
    assert reply["role"] == "assistant" and "metadata" not in reply
    assert "Please type a question" in reply["content"]
    assert "Traceback" not in reply["content"]


@pytest.mark.parametrize("k", [0, 2.5, None, "3"])
def test_a_passage_count_the_library_refuses_is_a_reply(retriever: qa.Retriever, k: object) -> None:
    reply = chat.turn("Berapa biaya pelatihan model DeepSeek?", k, None, qa.ask)[-1]
    assert reply["role"] == "assistant" and reply["content"].startswith("k must be")


def test_very_long_question_is_shown_shortened_and_asked_whole() -> None:
    question = "Berapa biayanya? " * 100
    ask = RecordingAsk()
    bubble = chat.turn(question, 3, None, ask)[0]
    assert len(bubble["content"]) == MAX_CHARS and bubble["content"].endswith("…")
    assert ask.calls[0][0] == question  # cutting it, and saying so, is the library's job


def test_real_answer_cites_the_speaker(retriever: qa.Retriever) -> None:
    messages = chat.turn("Apa kata Russell tentang biaya pelatihan?", 3, None, qa.ask)
    titles = [m["metadata"]["title"] for m in messages if "metadata" in m]
    assert len(titles) == 3 and "Stuart Russell" in titles[0]
    assert any("<mark>" in m["content"] for m in messages[2:])


def test_real_speaker_filter_keeps_only_that_speaker_and_says_so(retriever: qa.Retriever) -> None:
    messages = chat.turn("What did Nvidia say about DeepSeek?", 5, "Sam Altman", qa.ask)
    titles = [m["metadata"]["title"] for m in messages if "metadata" in m]
    assert titles and all("Sam Altman" in t for t in titles)
    assert messages[1]["content"] == "Speaker filter on: only passages of Sam Altman."


def test_generic_examples_are_answered_on_the_seed_article(retriever: qa.Retriever) -> None:
    examples = chat.generic_examples(qa.speakers())
    assert len(examples) == chat.GENERIC_SPEAKERS
    for question in examples:
        answer = qa.ask(question)
        assert answer.in_article and answer.passages[0].speaker in question, question


def test_citations_name_their_article_when_several_are_searched() -> None:
    titles = {"a": "Harga cabai naik", "b": "Banjir di Semarang"}
    messages = chat.reply_messages(ANSWER, titles=titles)
    assert [m["metadata"]["title"].split(" · ")[0] for m in messages[1:]] == ["Harga cabai naik"] * 2
    assert "Harga cabai" not in chat.reply_messages(ANSWER)[1]["metadata"]["title"]  # one article: no name


def test_a_question_carries_the_article_chosen_and_a_new_article_starts_a_new_conversation() -> None:
    assert chat.Asked.from_page({"question": "q", "k": 3, "speaker": "", "article": "b"}).article == "b"
    assert chat.Asked.from_page({"question": "q", "k": 3, "speaker": "", "article": ""}).article is None
    started: list[str | None] = []

    def start(article: str | None) -> chat.Asker:
        started.append(article)
        return RecordingAsk()

    session = chat.Session(start)
    first = session.asker(None)
    assert session.asker(None) is first  # the same article: the same conversation
    assert session.asker("b") is not first
    assert started == [None, "b"]


@pytest.mark.parametrize(
    ("environ", "allowed"),
    [
        ({}, True),
        ({"GRADIO_SERVER_NAME": "127.0.0.1"}, True),
        ({"GRADIO_SERVER_NAME": "localhost"}, True),
        ({"GRADIO_SERVER_NAME": "0.0.0.0"}, False),
        ({"GRADIO_SERVER_NAME": "192.168.1.20"}, False),
        ({"GRADIO_SERVER_NAME": "0.0.0.0", "QA_ALLOW_UPLOAD": "1"}, True),
        ({"GRADIO_SERVER_NAME": "0.0.0.0", "QA_ALLOW_UPLOAD": "yes"}, False),
    ],
)
def test_uploads_are_off_when_served_to_a_network_unless_allowed(environ: dict[str, str], allowed: bool) -> None:
    import app

    assert app.uploads_allowed(environ) is allowed


def test_an_add_refused_by_the_server_writes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "berita.txt"
    page.write_text("Judul berita\nIsi berita yang cukup panjang untuk dibaca sebagai artikel.\n", encoding="utf-8")
    before = sorted(qa.default_library().corpus_dir.iterdir())
    assert chat.add_article(str(page), "", allowed=False) == (chat.escape(UPLOADS_OFF), None)
    assert sorted(qa.default_library().corpus_dir.iterdir()) == before
    assert chat.add_article(None, "  ", allowed=True) == (chat.escape(NOTHING_TO_ADD), None)


def test_article_choices_offer_every_article_then_each() -> None:
    articles = [qa.Article("a", "Harga cabai naik", ""), qa.Article("b", "Banjir", "")]
    assert chat.article_choices(articles, "Semua") == [("Semua", chat.ALL_ARTICLES), ("Harga cabai naik", "a"), ("Banjir", "b")]


def test_a_question_about_an_article_removed_since_the_page_listed_it_is_answered_with_why() -> None:
    def start(article: str | None) -> chat.Asker:
        if article is not None:
            raise ValueError(f"no article '{article}' (articles: a).")
        return RecordingAsk()

    shown = run([{"question": "Siapa?", "k": 3, "speaker": "", "article": "gone"}], chat.Session(start))[-1]
    assert shown[-1] == {"role": "assistant", "content": "no article &#x27;gone&#x27; (articles: a)."}
