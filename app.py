"""Web chat over the articles in corpus/: `python app.py`, then open the printed URL.

Host and port follow GRADIO_SERVER_NAME (default 127.0.0.1) and GRADIO_SERVER_PORT (default 7860, or the
next free port). The API endpoint `/ask` returns the answer as JSON: see `qa.chat.answer_dict`. A reader adds
an article of their own (a saved page, Markdown or text, uploaded or pasted) on the page; served to a network,
only when QA_ALLOW_UPLOAD=1.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# Set before the model libraries load: a progress bar per start is noise in a server's output.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

import gradio as gr  # noqa: E402

import qa  # noqa: E402
from qa import chat  # noqa: E402
from qa.messages import UPLOADS_OFF  # noqa: E402

TITLE = "Tanya Artikel · Ask the Article"
INTRO = (
    "Tanyakan apa saja tentang artikel ini, dalam bahasa Indonesia atau Inggris — jawabannya mengutip "
    "paragraf artikel apa adanya dan siapa yang mengatakannya. Ask in Indonesian or English: the reply quotes "
    "the passage that answers, in the article's own Indonesian, and who said it."
)
PASSAGE_COUNTS = range(1, 11)
UPLOAD_TYPES = [".html", ".htm", ".md", ".markdown", ".txt"]
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def uploads_allowed(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Adding articles writes to the server's corpus: on by default for the machine's own user only."""
    served = environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    return served in _LOOPBACK or environ.get("QA_ALLOW_UPLOAD") == "1"


CONCURRENCY = 4
CSS = """
.gradio-container { max-width: 1000px !important; margin: auto; }
#header h1 { margin: 0.2em 0 0.3em; font-size: 1.8em; }
#header p { margin: 0 0 0.4em; opacity: 0.85; }
#header ul.articles { margin: 0; padding-left: 1.2em; }
#header .spin-notice { font-size: 0.9em; opacity: 0.8; }
#chat .thought-group .md { font-size: 14px !important; line-height: 1.5; }
#chat .placeholder-content { padding: 0 1em; }
#question textarea::placeholder { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
/* Both colours are set: the theme's text colour is light in dark mode and vanishes on a light highlight. */
#chat mark { background: #fde68a; color: #1f2937; font-size: inherit; padding: 0 0.1em; border-radius: 2px; }
.dark #chat mark { background: #713f12; color: #fef3c7; }
/* A partial or absent answer is boxed and badged, so that it never reads as a full one. */
#chat .support-partial, #chat .support-none { border-left: 4px solid; padding: 0.3em 0.6em; border-radius: 4px; }
#chat .support-partial { border-color: #d97706; background: rgba(217, 119, 6, 0.08); }
#chat .support-none { border-color: #6b7280; background: rgba(107, 114, 128, 0.1); }
#chat .support-partial .badge, #chat .support-none .badge { display: block; font-size: 0.85em; }
#add-status .add-error { color: #b91c1c; }
.dark #add-status .add-error { color: #fca5a5; }
/* The footer keeps its API link; the separator after it led nowhere. */
footer .divider:last-of-type { display: none; }
@media (max-width: 640px) {
  #header h1 { font-size: 1.35em; }
  #header p, #header li { font-size: 0.9em; }
}
"""
# Page-wide behaviour Gradio has no setting for.
HEAD = """<script>
(() => {
  // Gradio's copy buttons copy a message's source, our HTML (<mark>, <br>, entities); a reader expects the
  // text they see. Without a secure context there is no navigator.clipboard, and Gradio copies the source.
  const clipboard = navigator.clipboard;
  if (clipboard) {
    const write = clipboard.writeText.bind(clipboard);
    const text = (source) =>
      new DOMParser().parseFromString(String(source).replace(/<br>/g, "\\n"), "text/html").body.textContent;
    clipboard.writeText = (source) => write(text(source));
  }
  // A citation's open/close button has an empty name; a screen reader would announce just "button".
  const LABEL = "Buka/tutup kutipan / Show or hide passage";
  new MutationObserver(() => {
    for (const button of document.querySelectorAll("#chat .thought-group .title button[aria-label='']")) {
      button.setAttribute("aria-label", LABEL);
      button.setAttribute("title", LABEL);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
</script>"""
# Runs in the browser, so the question leaves the textbox at once and what is typed next is never touched.
# The page keeps every question asked since the chat was cleared, with the passage count and speaker filter
# set at the time, and sends them all (`asked`); the chat handlers show them and answer those not yet taken
# (chat.show_asked, chat.answer_waiting). The list lives in the page rather than being read back from
# `asked`: two quick submits would both read it before either wrote it, losing one.
TAKE_QUESTION_JS = """(question, k, speaker, article) => {
  const asked = (window.askedQuestions ??= []);
  asked.push({ question: question ?? "", k, speaker, article });
  return ["", [...asked]];
}"""
FORGET_QUESTIONS_JS = "() => { window.askedQuestions = []; }"
# Gradio's own "copy all" leaves out the citation titles, and a pasted passage needs its source. The
# clipboard shim in HEAD turns the joined HTML into text.
COPY_ALL_JS = """(messages) => navigator.clipboard?.writeText((messages ?? []).map((message) =>
  [message.metadata?.title, ...message.content.map((part) => part.text)].filter(Boolean).join("<br>")
).join("<br><br>"))"""
# After an answer the asker starts reading at their question, not at the end of the last passage; the page
# itself scrolls only when the chat's top is above the screen (a phone).
SCROLL_TO_QUESTION_JS = """() => {
  const questions = document.querySelectorAll("#chat [data-testid=user]");
  const question = questions[questions.length - 1];
  if (!question) return;
  let box = question.parentElement;
  while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
  if (box) box.scrollTop += question.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  const chat = document.getElementById("chat").getBoundingClientRect();
  if (chat.top < 0) window.scrollBy(0, chat.top - 8);
}"""


def ask(question: str, k: int = 3, history: list[str] | None = None, article: str | None = None) -> dict[str, Any]:
    """The answer to a question about the articles, as JSON: reply, support, passages (or error). `history`:
    the questions asked before it in the same conversation, oldest first ("Apa lagi yang dia katakan?");
    `article`: the id of the one article to ask (each passage's "article"), else every article."""
    try:
        asker = chat.conversation(article or None)
    except ValueError as exc:
        return {"error": str(exc)}
    return chat.api_reply(question, k, history, asker)


def header() -> str:
    retriever = qa.default_retriever()
    return chat.header(TITLE, INTRO, qa.articles(retriever), {a.id: a.text for a in retriever.articles})


def suggestions(retriever: qa.Retriever) -> list[str]:
    """The questions the articles' metadata suggests, else what their most quoted people said."""
    return [q for a in retriever.articles for q in a.examples] or chat.generic_examples(retriever.speakers())


def choose_article(article: str) -> tuple[Any, Any]:
    """The speaker filter and the examples for the article chosen (all of them: ALL_ARTICLES)."""
    retriever = qa.default_library().only(article or None)
    speakers = gr.Dropdown(choices=chat.speaker_choices(retriever.speakers(), "Semua / All"), value=chat.ALL_SPEAKERS)
    suggested = suggestions(retriever)
    return speakers, gr.Dataset(samples=[[q] for q in suggested], visible=bool(suggested))


def add_article(path: str | None, pasted: str) -> tuple[Any, ...]:
    """Adds the uploaded or pasted article and chooses it, so that the next question is about it. The upload
    box is emptied either way, ready for the next file; refused pasted text stays, to be mended."""
    status, added = chat.add_article(path, pasted, uploads_allowed())
    if added is None:
        return status, gr.skip(), gr.skip(), None, gr.skip()
    choices = chat.article_choices(qa.default_retriever().articles, "Semua artikel / All articles")
    # Choosing it fires the picker's change: the speaker filter and the examples follow.
    return status, header(), gr.Dropdown(choices=choices, value=added), None, ""


def build() -> gr.Blocks:
    """The page; building it loads the index and the model, so the first question is fast."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        retriever = qa.default_retriever()
        retriever.encoder.model  # noqa: B018  # loaded now rather than at the first question
        profiles = retriever.speakers()
        heading = gr.HTML(header(), elem_id="header")
        article = gr.Dropdown(
            chat.article_choices(retriever.articles, "Semua artikel / All articles"),
            value=chat.ALL_ARTICLES,
            label="Artikel yang ditanya / Article to ask",
            filterable=False,
            elem_id="article",
        )
        copy_all = gr.Button("Salin semua / Copy all", size="sm", render=False)
        # Small while empty, so the input and the examples fit the first screen; it grows with the answers.
        chatbot = gr.Chatbot(
            show_label=False,
            height=None,
            min_height=140,
            max_height="70vh",
            autoscroll=False,  # SCROLL_TO_QUESTION_JS instead: Gradio's scrolls to the end of the last passage
            placeholder="Tanyakan sesuatu di bawah ini, atau pilih contoh. Ask below, or pick an example.",
            render_markdown=False,
            latex_delimiters=[],
            buttons=["copy", copy_all],
            feedback_options=None,
            elem_id="chat",
        )
        with gr.Row(equal_height=True):
            question = gr.Textbox(
                show_label=False,
                placeholder="Pertanyaan… / Question…",
                scale=5,
                min_width=150,
                autofocus=True,
                elem_id="question",
            )
            send = gr.Button("Tanya / Ask", variant="primary", scale=1, min_width=130)
        suggested = suggestions(retriever)
        # Always there, hidden while empty: an article added later brings its own.
        examples = gr.Examples(
            [[q] for q in suggested] or [[""]], inputs=[question], label="Contoh / Examples", visible=bool(suggested)
        )
        with gr.Row():
            # A closed list, not a number box: nothing but a whole number from 1 to 10 can be chosen.
            k = gr.Dropdown(
                [(str(n), n) for n in PASSAGE_COUNTS],
                value=3,
                filterable=False,
                label="Kutipan / Passages",
                min_width=140,
            )
            # Wide enough that on a phone it takes a row of its own and its options stay on one or two lines.
            speaker = gr.Dropdown(
                chat.speaker_choices(profiles, "Semua / All"),
                value=chat.ALL_SPEAKERS,
                label="Narasumber / Speaker",
                scale=2,
                min_width=300,
            )
            clear = gr.Button("Hapus / Clear", min_width=140)
        with gr.Accordion("Tambah artikel Anda / Add your own article", open=False, elem_id="add-article"):
            allowed = uploads_allowed()
            upload = gr.File(
                label=(
                    "Unggah halaman berita tersimpan (.html), Markdown atau teks / "
                    "Upload a saved news page, Markdown or text"
                ),
                file_types=UPLOAD_TYPES,
                type="filepath",
                interactive=allowed,
                elem_id="upload",
            )
            pasted = gr.Textbox(
                lines=5,
                max_lines=12,
                label="…atau tempel teks artikel / …or paste the article's text",
                interactive=allowed,
                elem_id="paste",
            )
            add = gr.Button("Tambahkan / Add", interactive=allowed, elem_id="add")
            status = gr.HTML("" if allowed else chat.escape(UPLOADS_OFF), elem_id="add-status")
        asked = gr.JSON([], visible="hidden")
        session = gr.State(chat.Session())

        taking = {"inputs": [question, k, speaker, article], "outputs": [question, asked], "js": TAKE_QUESTION_JS}
        gr.on([question.submit, send.click], None, **taking, api_visibility="private")
        examples.load_input_event.then(None, **taking, api_visibility="private")
        article.change(choose_article, [article], [speaker, examples.dataset], api_visibility="private")
        adding = {"outputs": [status, heading, article, upload, pasted], "api_visibility": "private"}
        upload.upload(lambda path: add_article(path, ""), [upload], **adding)
        add.click(lambda text: add_article(None, text), [pasted], **adding)
        # "always_last": a question asked while the last is shown is shown once that is done, with every
        # question the page has asked, so none is lost; the answers then come one handler at a time.
        showing = asked.change(
            chat.show_asked, [asked, session], [chatbot], trigger_mode="always_last", api_visibility="private"
        )
        # "always_last" here too: by default a step still running drops a new trigger ("once"), and on a slow
        # first answer the questions sent meanwhile were shown but never answered.
        answering = showing.then(
            chat.answer_waiting, [session], [chatbot], trigger_mode="always_last", api_visibility="private"
        )
        answering.then(None, js=SCROLL_TO_QUESTION_JS, api_visibility="private")
        clear.click(
            lambda: ([], "", [], chat.Session()),
            outputs=[chatbot, question, asked, session],
            js=FORGET_QUESTIONS_JS,
            queue=False,
            cancels=[showing, answering],
            api_visibility="private",
        )
        chatbot.clear(
            lambda: ([], chat.Session()),
            outputs=[asked, session],
            js=FORGET_QUESTIONS_JS,
            queue=False,
            cancels=[showing, answering],
            api_visibility="private",
        )
        copy_all.click(None, [chatbot], js=COPY_ALL_JS, api_visibility="private")
        gr.api(ask, api_name="ask")
    return demo


def serve(demo: gr.Blocks) -> str:
    """Starts serving in a background thread; returns the local URL."""
    demo.queue(default_concurrency_limit=CONCURRENCY)
    _, url, _ = demo.launch(
        prevent_thread_lock=True,
        quiet=True,
        ssr_mode=False,
        footer_links=["api"],
        css=CSS,
        head=HEAD,
        theme=gr.themes.Soft(),
    )
    return url


def main() -> int:
    try:
        demo = build()
    # A bad QA_BACKEND or QA_FALLBACK is a ValueError naming the setting, as an unreachable engine's EngineError does.
    except (qa.ArticleError, qa.ModelMissingError, qa.EngineError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Ask the article at {serve(demo)}", flush=True)
    demo.block_thread()
    return 0


if __name__ == "__main__":
    sys.exit(main())
