"""Web chat over the articles in corpus/: `python app.py`, then open the printed URL.

Host and port follow GRADIO_SERVER_NAME (default 127.0.0.1) and GRADIO_SERVER_PORT (default 7860, or the
next free port). The API endpoint `/ask` returns the answer as JSON: see `qa.chat.answer_dict`.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from typing import Any

# Set before the model libraries load: a progress bar per start is noise in a server's output.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

import gradio as gr  # noqa: E402

import qa  # noqa: E402
from qa import chat  # noqa: E402

TITLE = "Tanya Artikel · Ask the Article"
INTRO = (
    "Tanyakan apa saja tentang artikel ini, dalam bahasa Indonesia atau Inggris — jawabannya mengutip "
    "paragraf artikel dan siapa yang mengatakannya. Ask in Indonesian or English: the reply quotes the "
    "passage that answers, and who said it."
)
# Shown when no article's metadata suggests questions: they fit any news article.
GENERIC_EXAMPLES = [
    "Siapa saja yang dikutip dalam artikel ini?",
    "What is this article about?",
    "Apa yang terjadi?",
]
CONCURRENCY = 4
CSS = """
.gradio-container { max-width: 1000px !important; margin: auto; }
#header h1 { margin: 0.2em 0 0.3em; font-size: 1.8em; }
#header p { margin: 0 0 0.5em; opacity: 0.85; }
#header ul.articles { margin: 0; padding-left: 1.2em; }
#header .spin-notice { font-size: 0.9em; opacity: 0.8; }
#chat .thought-group .md { font-size: 14px !important; line-height: 1.5; }
mark { background: #fde68a; color: inherit; font-size: inherit; padding: 0 0.1em; border-radius: 2px; }
"""


def ask(question: str, k: int = 3) -> dict[str, Any]:
    """The answer to a question about the articles, as JSON: reply, in_article, passages (or error)."""
    return chat.api_reply(question, k, qa.ask)


def build() -> gr.Blocks:
    """The page; building it loads the index and model (qa.articles), so the first question is fast."""
    respond = partial(chat.respond, ask=qa.ask)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        articles = qa.articles()
        gr.HTML(chat.header(TITLE, INTRO, articles), elem_id="header")
        chatbot = gr.Chatbot(
            show_label=False,
            height=520,
            placeholder="Tanyakan sesuatu di bawah ini, atau pilih contoh. Ask below, or pick an example.",
            render_markdown=False,
            latex_delimiters=[],
            buttons=["copy", "copy_all"],
            feedback_options=None,
            elem_id="chat",
        )
        with gr.Row():
            question = gr.Textbox(
                show_label=False,
                placeholder="Tulis pertanyaan… / Type a question…",
                scale=5,
                autofocus=True,
            )
            send = gr.Button("Tanya / Ask", variant="primary", scale=1)
        with gr.Row():
            k = gr.Slider(1, 10, value=3, step=1, precision=0, label="Kutipan / Passages")
            speaker = gr.Dropdown(
                chat.speaker_choices(qa.speakers(), "Semua / All"),
                value=chat.ALL_SPEAKERS,
                label="Narasumber / Speaker",
            )
            gr.ClearButton([chatbot, question], value="Hapus / Clear")
        suggested = [q for a in articles for q in a.examples] or GENERIC_EXAMPLES
        examples = gr.Examples(suggested, inputs=[question], label="Contoh / Examples")
        inputs, outputs = [question, chatbot, k, speaker], [chatbot, question]
        gr.on([question.submit, send.click], respond, inputs, outputs, api_visibility="private")
        examples.load_input_event.then(respond, inputs, outputs, api_visibility="private")
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
        theme=gr.themes.Soft(),
    )
    return url


def main() -> int:
    try:
        demo = build()
    except (qa.ArticleError, qa.ModelMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Ask the article at {serve(demo)}", flush=True)
    demo.block_thread()
    return 0


if __name__ == "__main__":
    sys.exit(main())
