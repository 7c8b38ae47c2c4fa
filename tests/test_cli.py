"""The command line: `python -m qa` as a real process for the entry point, in process for the rest."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

import qa
from qa import cli

from .conftest import ROOT

Main = Callable[..., tuple[int, str, str]]
SEED_SPEAKERS = ["Stuart Russell", "Sam Altman", "Juru bicara Nvidia", "Gary Marcus"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def main(retriever: qa.Retriever, capsys: pytest.CaptureFixture[str]) -> Iterator[Main]:
    """cli.main in this process, with the loaded retriever: returns (exit code, stdout, stderr)."""
    logger = logging.getLogger("qa")
    handlers = list(logger.handlers)

    def call(*argv: str) -> tuple[int, str, str]:
        try:
            status = cli.main(list(argv))
        except SystemExit as exit_:  # argparse's own refusals
            status = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return status, out, err

    yield call
    logger.handlers[:] = handlers  # cli.main adds a stderr handler per call; a process makes one call


def test_question_in_words_without_quotes_prints_note_reply_then_passages() -> None:
    out = run("Berapa", "biaya", "pelatihan", "DeepSeek?", "-k", "2")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Note: This article appears machine-rewritten")
    assert "\nMenurut " in out.stdout and "US$5,6 juta" in out.stdout
    assert out.stdout.count("score") == 2 and "¶" in out.stdout


def test_unknown_speaker_is_an_error_naming_the_known_ones() -> None:
    out = run("Apa kata dia?", "--speaker", "Nobody")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("error: no speaker matches 'Nobody'. Known speakers: ")
    assert all(name in out.stderr for name in SEED_SPEAKERS)


def test_words_and_options_may_mix(main: Main) -> None:
    status, out, err = main("Berapa", "-k", "1", "biaya", "pelatihan", "DeepSeek?", "--json")
    assert status == 0, err
    assert len(json.loads(out)["passages"]) == 1 and "5,6" in json.loads(out)["passages"][0]["text"]


@pytest.mark.parametrize("given", ["Stuart Russell", "Russell", "russell", "Russel"])
def test_speaker_resolves_from_a_part_or_misspelling_of_the_name(main: Main, given: str) -> None:
    question = "Apa pendapatnya tentang biaya pelatihan?".split()
    status, out, err = main(*question, "--speaker", given, "--json", "-k", "5")
    assert status == 0, err
    speakers = {p["speaker"] for p in json.loads(out)["passages"]}
    assert speakers == {"Stuart Russell"}


def test_speaker_filter_applies_to_the_single_modes_too(main: Main) -> None:
    status, out, err = main("biaya", "--speaker", "altman", "--mode", "bm25", "--json")
    assert status == 0, err
    assert {p["speaker"] for p in json.loads(out)["passages"]} == {"Sam Altman"}


def test_resolve_speaker_refuses_several_names() -> None:
    known = ["Ana Putri", "Budi Santoso", "Citra"]
    assert cli.resolve_speaker("santoso", known) == "Budi Santoso"
    with pytest.raises(ValueError, match="^'Putri dan Santoso' names several speakers. Known speakers: Ana Putri, "):
        cli.resolve_speaker("Putri dan Santoso", known)


@pytest.mark.parametrize("question", ["   ", "😀🔥"])
def test_a_refused_question_prints_nothing_but_the_error(main: Main, question: str) -> None:
    status, out, err = main(question)
    assert (status, out) == (2, "")
    assert err.startswith("error: The question ") and err.count("\n") == 1


def test_usage_shows_the_subcommands(main: Main) -> None:
    status, _, err = main()
    assert status == 2
    usage = err[: err.index("error:")]
    assert "question [question ...]" in usage and "{chat,speakers,build-index,fetch-model}" in usage


def test_json_output(main: Main) -> None:
    status, out, err = main("Stargate", "-k", "3", "--mode", "bm25", "--json")
    assert status == 0, err
    result = json.loads(out)
    rows = result["passages"]
    assert result["reply"] is None  # single modes only rank
    assert len(rows) == 3 and {"speaker", "paragraph", "score", "text", "id"} <= rows[0].keys()
    assert "Stargate" in rows[0]["text"]


def test_off_topic_question_says_not_found(main: Main) -> None:
    status, out, err = main("Siapa juara Piala Dunia 2022?", "--json")
    assert status == 0, err
    result = json.loads(out)
    assert "tidak ditemukan" in result["reply"] and result["passages"] == []


def test_speakers_subcommand(main: Main) -> None:
    status, out, _ = main("speakers")
    assert status == 0 and "¶" in out and all(name in out for name in SEED_SPEAKERS)


def test_chat_answers_a_conversation_from_standard_input() -> None:
    lines = ["Apa kata Mousavizadeh tentang kebijakan Biden?", "", "Apa lagi yang dia katakan?", "   ", "exit", "?"]
    done = subprocess.run(
        [sys.executable, "-m", "qa", "chat", "-k", "1"],
        cwd=ROOT,
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    replies = [line for line in done.stdout.splitlines() if line.startswith("Menurut ")]
    assert len(replies) == 2 and all(r.startswith("Menurut Alexandra Mousavizadeh") for r in replies)
    assert replies[0] != replies[1]  # "apa lagi": not the same quote again
    assert "?" not in done.stdout.splitlines()[-1]  # nothing after "exit" was answered


def test_chat_replies_to_a_refused_question_and_goes_on() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qa", "chat"],
        cwd=ROOT,
        input="😀😀\nWhat did Elon Musk say about DeepSeek?\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "The question has no words in it." in done.stdout
    assert "The article does not mention Elon Musk." in done.stdout and "[1] related · " in done.stdout


def test_speakers_explain_shows_each_sentences_speaker_cue_and_rule(main: Main) -> None:
    status, out, _ = main("speakers", "--explain", "deepseek")
    assert status == 0
    lines = out.splitlines()
    liang = lines.index(next(line for line in lines if line.startswith("deepseek ¶3 — Liang Wenfeng")))
    assert lines[liang + 1 : liang + 7:2] == [
        "  [1] narration · rule no-cue",
        "  [2] reported · Liang Wenfeng · cue “mengatakan” · rule subject-verb/name",
        "  [3] direct · Liang Wenfeng · cue “mengatakan” · rule quote/subject-verb/name",
    ]
    assert lines[liang + 4] == "      Liang mengatakan kepada Asia Tech Review,"


def test_speakers_explain_reads_any_article_file_and_refuses_a_missing_one(main: Main) -> None:
    status, out, _ = main("speakers", "--explain", "tests/data/articles/beras.txt")
    assert status == 0 and out.startswith("beras ¶1 — narration")
    status, _, err = main("speakers", "--explain", "no/such/article.txt")
    assert status == 2 and err.startswith("error: no/such/article.txt: cannot read the article")
