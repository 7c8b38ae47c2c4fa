"""Robustness: bad questions through every interface, bad arguments, malformed articles, index and model trouble.

Each bad question gets the same outcome from qa.retrieve, qa.ask, the CLI, the chat handler and the `/ask`
function: a normal answer, or the ValueError message that qa.question.clean documents, shown as a message.
/work/notes/robustness_matrix.md tabulates the outcomes.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import app
import qa
from qa import chat, cli
from qa.corpus import ArticleError, load_corpus, read_article
from qa.index import build, expected_manifest, load, load_or_build, save
from qa.model import DEFAULT_MODEL_DIR, FETCH_COMMAND
from qa.passages import make_passages
from qa.question import MAX_CHARS, clean

from .conftest import ROOT, SEED, HashingEncoder

# A hang guard, not a speed test: every call here takes well under a second once the model is loaded.
HANG_S = 30.0
CLI_TIMEOUT_S = 300.0


def _refusal_message(question: object) -> str:
    with pytest.raises(ValueError) as refused:
        clean(question)
    return str(refused.value)


def within(seconds: float, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """call(*args, **kwargs), failing the test if it has not returned (or raised) after `seconds`."""
    pool = ThreadPoolExecutor(1)
    started = time.perf_counter()
    try:
        return pool.submit(call, *args, **kwargs).result(timeout=seconds)
    except TimeoutError:
        pytest.fail(f"{getattr(call, '__name__', call)} still running after {time.perf_counter() - started:.0f} s")
    finally:
        pool.shutdown(wait=False)


# --- bad questions × interfaces -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    question: object
    refusal: str | None = None  # part of the ValueError message, or None: answered normally
    in_article: bool | None = None  # asserted only where the answer is unambiguous


LONG = ("Berapa biaya pelatihan model DeepSeek? " * 3000)[:100_000]
CASES: dict[str, Case] = {
    "empty": Case("", refusal="empty"),
    "whitespace-only": Case(" \t\n\u3000\xa0 ", refusal="empty"),
    "control-characters-only": Case("\x00\x01\x07\x1b\x7f\u200b\u202e", refusal="empty"),
    "lone-surrogate": Case("\ud800\udfff\udcff", refusal="empty"),
    "emoji-only": Case("😀🔥🤖👍🏽", refusal="no words"),
    "punctuation-only": Case("?!… ;:—()«»", refusal="no words"),
    "single-token-50k": Case("x" * 50_000, refusal="unbroken"),
    "two-huge-tokens": Case("a" * 500 + " " + "b" * 500, refusal="unbroken"),
    "not-text": Case(None, refusal="must be text"),
    "one-character": Case("a"),
    "one-digit": Case("5"),
    "100k-characters": Case(LONG, in_article=True),
    "nul-and-controls-in-words": Case("Berapa\x00 biaya\x07 pelatihan\x1b model DeepSeek?", in_article=True),
    "lone-surrogate-in-words": Case("Berapa biaya\ud800 pelatihan model DeepSeek?", in_article=True),
    "html-script": Case("<script>alert(1)</script> Berapa biaya pelatihan model DeepSeek?", in_article=True),
    "markdown-image-and-link": Case(
        "![x](http://127.0.0.1:9/x.png) [klik](http://127.0.0.1:9/) berapa biaya pelatihan DeepSeek?",
        in_article=True,
    ),
    "sql": Case("'; DROP TABLE passages; --"),
    "mixed-indonesian-english": Case("Berapa cost training model DeepSeek dibanding OpenAI?", in_article=True),
}


@pytest.fixture
def qa_log_handlers() -> Iterator[None]:
    """cli.main adds a stderr handler to the "qa" logger per call; a process normally makes one call."""
    logger = logging.getLogger("qa")
    before = list(logger.handlers)
    yield
    logger.handlers[:] = before


def _no_reply(stdout: str) -> bool:
    """Nothing on stdout but the CLI's article notes ("Note: …"), which it prints before reading the question."""
    return all(line.startswith("Note: ") for line in stdout.splitlines() if line)


def _check_answer(answer: qa.Answer, case: Case) -> None:
    assert answer.text.strip()
    assert answer.in_article == (answer.evidence is not None) or (answer.gap and answer.gap.kind == "absent")
    if answer.evidence:
        assert answer.evidence.sentence in answer.evidence.passage.text
    if case.in_article is not None:
        assert answer.in_article is case.in_article
    assert answer.truncated == (case.question == LONG)
    assert len(answer.question) <= MAX_CHARS
    assert all(c.isprintable() for c in answer.question)


@pytest.mark.parametrize("name", list(CASES))
def test_bad_question_through_every_interface(
    name: str, retriever: qa.Retriever, capsys: pytest.CaptureFixture[str], qa_log_handlers: None
) -> None:
    case = CASES[name]
    q = case.question
    timings: dict[str, float] = {}

    def timed(interface: str, call: Callable[..., Any], *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return within(HANG_S, call, *args)
        finally:
            timings[interface] = time.perf_counter() - started

    if case.refusal:
        for interface, call in (("retrieve", qa.retrieve), ("ask", qa.ask)):
            with pytest.raises(ValueError, match=case.refusal) as refused:
                timed(interface, call, q)
        message = str(refused.value)
        assert message.endswith(".")  # a sentence for the user, not a repr
    else:
        hits = timed("retrieve", qa.retrieve, q)
        assert len(hits) == 3 and [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        answer = timed("ask", qa.ask, q)
        _check_answer(answer, case)
        if case.question == LONG:
            assert "dipotong" in answer.text  # the notice, in the question's language
        if name == "mixed-indonesian-english":
            assert any("5,6" in p.text for p in answer.passages)  # the training cost

    # The chat: the refusal is the reply; an answer is the reply line, then its citations.
    history = timed("chat", chat.turn, q, 3, None, qa.ask)
    assert history[-1]["role"] == "assistant"
    replies = [m for m in history if m["role"] == "assistant"]
    assert "Traceback" not in json.dumps(history)
    if case.refusal:
        # The textbox sends text; anything else is taken for an empty box.
        shown = message if isinstance(q, str) else _refusal_message("")
        assert [m["content"] for m in replies] == [chat.escape(shown)]
    else:
        assert replies[0]["content"] == chat.answer_line(answer)
        assert len(replies) == 1 + len(answer.passages)
        assert "<script>" not in json.dumps(history) and "<img" not in json.dumps(history)

    # The `/ask` API function: the error as data, or the answer as JSON.
    result = timed("api", app.ask, q)
    json.dumps(result)  # serialisable as it stands
    assert result == ({"error": message} if case.refusal else chat.answer_dict(answer))

    # The CLI, in process (three cases also run as a real process below): a message and exit 2, or the reply.
    if isinstance(q, str):
        status = timed("cli", cli.main, [q])
        out, err = capsys.readouterr()
        if case.refusal:
            assert (status, err) == (2, f"error: {message}\n") and _no_reply(out)
        else:
            assert status == 0 and answer.text in out and "Traceback" not in err
    print(f"\n{name}: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items()))


def _run_cli(*args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=CLI_TIMEOUT_S,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("argv", "status", "expected"),
    [
        pytest.param("😀🔥🤖", 2, "error: The question has no words in it.", id="emoji-only"),
        # Bytes that are not UTF-8 reach Python's argv as lone surrogates (surrogateescape).
        pytest.param(b"\xff\xfe\xfd", 2, "error: The question is empty.", id="undecodable-bytes"),
        pytest.param(LONG, 0, "(Pertanyaan dipotong menjadi", id="100k-characters"),
    ],
)
def test_cli_process_bad_question(argv: str | bytes, status: int, expected: str) -> None:
    done = _run_cli(argv)
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr
    if status:
        assert _no_reply(done.stdout) and done.stderr.strip().splitlines()[-1].startswith(expected)
    else:
        assert expected in done.stdout


# --- bad arguments ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [0, -1, 2.5, "3", None, True, float("nan")])
def test_ask_refuses_a_bad_k(retriever: qa.Retriever, k: object) -> None:
    with pytest.raises(ValueError, match="k must be"):
        qa.ask("Berapa biaya pelatihan model DeepSeek?", k=k)  # type: ignore[arg-type]
    assert app.ask("Berapa biaya pelatihan model DeepSeek?", k)["error"].startswith("k must be")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: qa.retrieve(None), "must be text"),  # type: ignore[arg-type]
        (lambda: qa.retrieve("biaya DeepSeek", k=0), "k must be at least 1"),
        (lambda: qa.retrieve("biaya DeepSeek", mode="fuzzy"), "Unknown mode"),  # type: ignore[arg-type]
        (lambda: qa.retrieve("biaya DeepSeek", mode=None), "Unknown mode"),  # type: ignore[arg-type]
    ],
    ids=["retrieve-none", "retrieve-k-0", "retrieve-unknown-mode", "retrieve-mode-none"],
)
def test_module_functions_refuse_bad_arguments(retriever: qa.Retriever, call: Callable[[], object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


def test_k_beyond_the_passage_count_returns_every_passage(retriever: qa.Retriever) -> None:
    total = len(retriever.passages)
    assert len(qa.retrieve("biaya pelatihan DeepSeek", k=10**6)) == total
    answer = qa.ask("Berapa biaya pelatihan model DeepSeek?", k=10**6)
    assert answer.in_article and len(answer.passages) == total


def test_unknown_speaker_is_an_empty_result_not_an_error(retriever: qa.Retriever) -> None:
    assert qa.retrieve("biaya pelatihan DeepSeek", speaker="Nobody Here") == []
    answer = qa.ask("Apa kata Nobody Here tentang biaya?", speaker="Nobody Here")
    assert not answer.in_article and answer.passages == ()


def test_chat_with_k_0_replies_with_the_message(retriever: qa.Retriever) -> None:
    history = chat.turn("Berapa biaya pelatihan model DeepSeek?", 0, None, qa.ask)
    assert history[-1] == {"role": "assistant", "content": "k must be at least 1, not 0."}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["Berapa biaya?", "-k", "0"], "error: k must be at least 1, not 0."),
        (["Berapa biaya?", "-k", "abc"], "invalid int value: 'abc'"),
        (["Berapa biaya?", "--mode", "fuzzy"], "invalid choice: 'fuzzy'"),
        ([], "the following arguments are required: question"),
    ],
    ids=["k-0", "k-not-int", "unknown-mode", "no-question"],
)
def test_cli_refuses_bad_arguments(
    argv: list[str], expected: str, retriever: qa.Retriever, capsys: pytest.CaptureFixture[str], qa_log_handlers: None
) -> None:
    try:
        status = cli.main(argv)
    except SystemExit as exit_:  # argparse's own refusal: usage and the reason on stderr
        status = exit_.code
    out, err = capsys.readouterr()
    assert status == 2 and _no_reply(out) and expected in err and "Traceback" not in err


def test_cli_unknown_speaker_is_an_error_listing_the_known_ones(
    retriever: qa.Retriever, capsys: pytest.CaptureFixture[str], qa_log_handlers: None
) -> None:
    assert cli.main(["Apa kata dia tentang biaya?", "--speaker", "Nobody Here", "--json"]) == 2
    err = capsys.readouterr().err
    assert "no speaker matches 'Nobody Here'" in err and "Stuart Russell" in err and "Traceback" not in err


# --- malformed articles -------------------------------------------------------------------------------------

QUOTED = (
    'Budi Santoso mengatakan, "Kami akan terus bekerja keras untuk rakyat.\n\n'  # the quote never closes
    "Pemerintah daerah menyiapkan anggaran tambahan tahun ini untuk perbaikan jalan.\n\n"
    '"Anggaran itu cukup untuk dua tahun," kata Siti Rahmawati, kepala dinas setempat.\n'
)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(b"", "no body paragraphs", id="empty-file"),
        pytest.param(b" \n\n\t\n\r\n", "no body paragraphs", id="blank-lines-only"),
        pytest.param("Judul\n\nSubjudul satu\n\nSubjudul dua\n".encode(), "no body paragraphs", id="headings-only"),
        pytest.param(bytes(range(1, 32)) * 20, "no body paragraphs", id="control-bytes-only"),
        pytest.param(SEED.read_text(encoding="utf-8").encode("utf-16"), "not UTF-8", id="utf-16"),
        pytest.param(bytes(random.Random(0).randrange(256) for _ in range(4096)), "not UTF-8", id="random-binary"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(64), "not UTF-8", id="png"),
        pytest.param("Paragraf satu.\x00\n\nParagraf dua.".encode(), "NUL bytes", id="nul-in-utf8"),
    ],
)
def test_unusable_article_is_an_error_naming_the_file(
    tmp_path: Path, encoder: HashingEncoder, data: bytes, match: str
) -> None:
    path = _write(tmp_path, "bad-article.txt", data)
    with pytest.raises(ValueError, match=match) as error:
        build([read_article(path)], encoder.documents, encoder.id)
    assert str(path) in str(error.value)


def _retriever(path: Path, encoder: HashingEncoder) -> qa.Retriever:
    article = read_article(path)
    return qa.Retriever(build([article], encoder.documents, encoder.id), encoder, [article])  # type: ignore[arg-type]


def test_unbalanced_quotes_stay_in_their_paragraph(tmp_path: Path, encoder: HashingEncoder) -> None:
    extra = "“Kami belum tahu, ujar dia.\n\n” ” ‘ „ «\n\nJalan itu rusak sejak tahun lalu, kata Siti Rahmawati.\n"
    r = _retriever(_write(tmp_path, "quotes.txt", (QUOTED + "\n" + extra).encode()), encoder)
    # A line of stray marks reads as a sub-heading, not as a paragraph.
    assert [(p.speaker, p.section) for p in r.passages] == [
        ("Budi Santoso", None),
        (None, None),
        ("Siti Rahmawati", None),
        ("Siti Rahmawati", None),  # "ujar dia": the person last named
        ("Siti Rahmawati", "” ” ‘ „ «"),
    ]
    # Keyword mode: the test encoder is a hashed bag of words, too coarse to rank on its own.
    assert r.retrieve("anggaran perbaikan jalan", k=1, mode="bm25")[0].paragraph == 2


def test_article_without_quotes_is_narration_and_searchable(tmp_path: Path, encoder: HashingEncoder) -> None:
    text = (
        "Hujan deras mengguyur kota sejak pagi hari.\n\n"
        "Banjir setinggi lutut merendam jalan utama di pusat kota.\n\n"
        "Lalu lintas tersendat hingga sore hari.\n"
    )
    r = _retriever(_write(tmp_path, "plain.txt", text.encode()), encoder)
    assert [p.text for p in r.passages] == text.strip().split("\n\n")
    assert all(p.speaker is None for p in r.passages) and r.speakers() == []
    assert r.retrieve("banjir jalan utama", k=1, mode="bm25")[0].paragraph == 2


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("\n", "\r").encode(),  # classic Mac
        lambda t: "\ufeff".encode() + t.replace("\n\n", "\r\n\n").encode(),  # BOM and mixed endings
        lambda t: t.replace("\n", "\u2028").encode(),  # Unicode line separators, not split into paragraphs
    ],
    ids=["cr-only", "bom-mixed-endings", "unicode-line-separator"],
)
def test_line_ending_variants_give_sane_passages(
    tmp_path: Path, encoder: HashingEncoder, encode: Callable[[str], bytes]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    article = read_article(_write(tmp_path, "deepseek.txt", encode(text)))
    passages = make_passages(article)
    clean = make_passages(read_article(SEED))
    assert passages and all(p.text == p.text.strip() and "\r" not in p.text and "\ufeff" not in p.text for p in passages)
    if "\u2028" not in article.text:
        assert passages == clean  # the same passages, speakers and ids as the clean file


def test_article_with_control_characters_and_a_huge_line(tmp_path: Path, encoder: HashingEncoder) -> None:
    text = "Paragraf \x07 dengan \x1b[31m kode warna, kata Budi Santoso.\n\n" + "kata " * 20_000 + "\n"
    r = _retriever(_write(tmp_path, "odd.txt", text.encode()), encoder)
    assert len(r.passages) == 2 and r.passages[0].speaker == "Budi Santoso"
    assert len(r.retrieve("kode warna", k=2)) == 2


@pytest.mark.parametrize(
    ("sidecar", "match"),
    [(b"{not json", "unreadable article metadata"), (b"[1, 2]", "must be a JSON object"), (b"\xff\xfe", "unreadable")],
    ids=["garbled", "not-an-object", "not-utf8"],
)
def test_bad_metadata_sidecar_names_the_file(tmp_path: Path, sidecar: bytes, match: str) -> None:
    _write(tmp_path, "a.txt", QUOTED.encode())
    _write(tmp_path, "a.json", sidecar)
    with pytest.raises(ArticleError, match=match) as error:
        read_article(tmp_path / "a.txt")
    assert str(tmp_path / "a.json") in str(error.value)


def test_corpus_with_one_bad_file_names_that_file(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", QUOTED.encode())
    _write(tmp_path, "b.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(ArticleError, match="b.txt"):
        load_corpus(tmp_path)


def test_unreadable_article_path_is_an_article_error(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ArticleError, match="folder.txt: cannot read"):
        load_corpus(tmp_path)
    with pytest.raises(ArticleError, match="absent.txt: cannot read"):
        qa.Retriever.from_file(tmp_path / "absent.txt")


def test_from_file_with_the_real_model_on_a_messy_article(tmp_path: Path, retriever: qa.Retriever) -> None:
    path = _write(tmp_path, "messy.txt", ("\ufeff" + QUOTED).replace("\n", "\r\n").encode())
    r = within(HANG_S * 4, qa.Retriever.from_file, path)
    assert [p.speaker for p in r.passages] == ["Budi Santoso", None, "Siti Rahmawati"]
    assert r.retrieve("Who said the budget lasts two years?", k=1)[0].speaker == "Siti Rahmawati"


@pytest.mark.parametrize(
    ("data", "error", "match"),
    [(b"", ValueError, "no body paragraphs"), (bytes(range(256)) * 4, ArticleError, "not UTF-8")],
    ids=["empty", "binary"],
)
def test_from_file_with_the_real_model_names_the_bad_file(
    tmp_path: Path, retriever: qa.Retriever, data: bytes, error: type[Exception], match: str
) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(error, match=match) as raised:
        qa.Retriever.from_file(path)
    assert str(path) in str(raised.value)


# --- index damage (beyond tests/test_index.py) --------------------------------------------------------------


@pytest.fixture
def saved_index(tmp_path: Path, encoder: HashingEncoder) -> tuple[Path, list[qa.Article]]:
    articles = [read_article(SEED)]
    save(build(articles, encoder.documents, encoder.id), tmp_path / "index")
    return tmp_path / "index", articles


def _edit_manifest(folder: Path, edit: Callable[[dict], object]) -> None:
    manifest = json.loads((folder / "manifest.json").read_text())
    replaced = edit(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest if replaced is None else replaced))


def _replace_file(folder: Path, name: str, data: bytes) -> None:
    """Damage that the manifest's file hashes cannot catch: the hash is updated to match."""
    (folder / name).write_bytes(data)
    _edit_manifest(folder, lambda m: m["files"].__setitem__(name, hashlib.sha256(data).hexdigest()))


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda f: _edit_manifest(f, lambda m: m.__setitem__("model", "someone/else@123")), "model changed"),
        (lambda f: _edit_manifest(f, lambda m: m.__setitem__("corpus_sha256", "0" * 64)), "corpus_sha256 changed"),
        (lambda f: _edit_manifest(f, lambda m: m.__setitem__("pipeline", "old")), "pipeline changed"),
        (lambda f: _edit_manifest(f, lambda m: m.__setitem__("format", 0)), "format changed"),
        (lambda f: _edit_manifest(f, lambda m: m["files"].__setitem__("dense.faiss", "0" * 64)), "does not match"),
        (lambda f: _edit_manifest(f, lambda m: {k: v for k, v in m.items() if k != "files"}), "damaged index"),
        (lambda f: _edit_manifest(f, lambda m: m.__setitem__("dimension", 3)), "dimension"),
        (lambda f: _edit_manifest(f, lambda m: [m]), "unreadable manifest"),
        (lambda f: (f / "manifest.json").write_bytes(b"\xff\xfe{}"), "unreadable manifest"),
        (lambda f: _replace_file(f, "passages.json", b'[{"bogus": 1}]'), "damaged index files"),
        (lambda f: _replace_file(f, "dense.faiss", b"garbage" * 100), "damaged index files"),
        (
            lambda f: _replace_file(
                f, "passages.json", b'[{"id": "a#p1", "article": "a", "section": null, "paragraph": 1, '
                b'"text": "t", "sentences": [{"bogus": 1}]}]'
            ),
            "damaged index files",
        ),
        (lambda f: _replace_file(f, "sentences.npy", b"\x93NUMPY garbage"), "damaged index files"),
    ],
    ids=[
        "edited-model-id",
        "edited-corpus-hash",
        "edited-pipeline",
        "edited-format",
        "edited-file-hash",
        "no-file-hashes",
        "edited-dimension",
        "manifest-not-an-object",
        "manifest-not-utf8",
        "hash-consistent-bogus-passages",
        "hash-consistent-garbage-faiss",
        "hash-consistent-bad-sentences",
        "hash-consistent-garbage-npy",
    ],
)
def test_manifest_mismatch_is_detected_and_rebuilt(
    saved_index: tuple[Path, list[qa.Article]],
    encoder: HashingEncoder,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[Path], None],
    reason: str,
) -> None:
    folder, articles = saved_index
    damage(folder)
    with caplog.at_level(logging.WARNING, logger="qa"):
        index = load_or_build(articles, encoder.documents, encoder.id, folder)
    assert [r.message for r in caplog.records if "rebuilding" in r.message] and reason in caplog.text
    assert len(index.passages) == index.dense.ntotal == 32
    load(folder, expected_manifest(articles, encoder.id))  # repaired on disk


# Root ignores file modes through two capabilities; a child process without them obeys the modes like any
# user, so the read-only case is tested whoever runs the suite.
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_FOWNER = 1, 3
READ_ONLY_SCRIPT = """
import json, logging, sys
from pathlib import Path
from qa.corpus import read_article
from qa.index import load_or_build
from tests.conftest import SEED, HashingEncoder

folder, model_id = Path(sys.argv[1]), sys.argv[2]
logging.basicConfig(level=logging.WARNING, format="%(message)s")
encoder = HashingEncoder()
index = load_or_build([read_article(SEED)], encoder.documents, model_id, folder)
print(json.dumps({"passages": len(index.passages), "model": index.manifest["model"]}))
"""


def _obey_file_modes() -> None:
    """Runs in the child before exec: root's capabilities that override file modes are dropped."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.mark.parametrize("stale", [False, True], ids=["valid-index", "stale-index"])
def test_read_only_index_folder_works_even_for_root(tmp_path: Path, encoder: HashingEncoder, stale: bool) -> None:
    folder = tmp_path / "index"
    save(build([read_article(SEED)], encoder.documents, encoder.id), folder)
    model_id = "test/another-model" if stale else encoder.id
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    folder.chmod(0o555)
    try:
        done = subprocess.run(
            [sys.executable, "-c", READ_ONLY_SCRIPT, str(folder), model_id],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
            preexec_fn=_obey_file_modes if os.geteuid() == 0 else None,
        )
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"passages": 32, "model": model_id}
    if stale:
        assert "rebuilding" in done.stderr and "using the rebuilt index in memory" in done.stderr
    else:
        assert done.stderr == ""  # loaded as it is, nothing to write
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_article_files_are_untouched_by_a_rebuild_from_a_damaged_index(
    tmp_path: Path, encoder: HashingEncoder
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "deepseek.txt")
    shutil.copy(SEED.with_suffix(".json"), corpus / "deepseek.json")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
    articles = load_corpus(corpus)
    load_or_build(articles, encoder.documents, encoder.id, tmp_path / "index")
    (tmp_path / "index" / "dense.faiss").write_bytes(b"damaged")
    load_or_build(load_corpus(corpus), encoder.documents, encoder.id, tmp_path / "index")
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()} == before


# --- model trouble through the CLI --------------------------------------------------------------------------


def _partial_model(folder: Path) -> None:
    folder.mkdir()
    for name in ("modules.json", "config.json"):
        shutil.copy(DEFAULT_MODEL_DIR / name, folder / name)


def _corrupt_weights(folder: Path) -> None:
    """Every file of the real model, linked, except truncated weights (the hash would not match)."""
    folder.mkdir()
    for source in DEFAULT_MODEL_DIR.iterdir():
        if source.name != "model.safetensors" and not source.name.startswith("."):
            (folder / source.name).symlink_to(source)
    with (DEFAULT_MODEL_DIR / "model.safetensors").open("rb") as weights:
        (folder / "model.safetensors").write_bytes(weights.read(1 << 20))


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda f: f.mkdir(), "is not a sentence-transformers model folder"),
        (lambda f: None, "No embedding model at"),
        (_partial_model, "Could not load the model folder"),
        (_corrupt_weights, "Could not load the model folder"),
    ],
    ids=["empty-folder", "missing-folder", "partial-folder", "corrupt-weights"],
)
def test_cli_model_trouble_is_one_message_naming_the_fix(
    tmp_path: Path, make: Callable[[Path], None], problem: str
) -> None:
    if not DEFAULT_MODEL_DIR.exists() and make in (_partial_model, _corrupt_weights):
        pytest.skip(f"needs the local model at {DEFAULT_MODEL_DIR}")
    model = tmp_path / "model"
    make(model)
    done = _run_cli("Berapa biaya pelatihan DeepSeek?", env={"QA_MODEL": str(model)})
    assert done.returncode == 2 and done.stdout == ""
    assert "Traceback" not in done.stderr
    message = done.stderr[done.stderr.index("error: ") :].strip().splitlines()
    assert len(message) == 2 and problem in message[0] and str(model) in message[0]
    assert message[1] == f"Fetch the embedding model with: {FETCH_COMMAND}"


def test_app_with_a_broken_model_exits_with_the_message(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    done = subprocess.run(
        [sys.executable, "app.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        env={**os.environ, "QA_MODEL": str(tmp_path / "model")},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().endswith(f"Fetch the embedding model with: {FETCH_COMMAND}")

