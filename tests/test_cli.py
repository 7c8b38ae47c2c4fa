"""The command line: `python -m qa` as a real process for the entry point, in process for the rest."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

import qa
from qa import cli
from qa.ingest import MAX_BYTES, MAX_PARAGRAPHS
from qa.normalize import normalize
from qa.vectors import CACHE_FILE, key

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
    assert "question [question ...]" in usage and "{add,articles,remove,chat,speakers,build-index,fetch-model}" in usage


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


# --- add, articles, remove: real processes over a copy of the corpus -----------------------------------------
PAGES = ROOT / "tests" / "data" / "pages"
PAGES_EXPECTED: dict[str, dict] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))  # missing: fails
ADDED = re.compile(r"^added (\S+): (\d+) paragraphs, (\d+) people quoted; embedded (\d+) new passages in [\d.]+ s$")
SENTENCE = "Warga desa bergotong royong memperbaiki jembatan yang rusak diterjang banjir pekan lalu."


def run_qa(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """`python -m qa …` with bytes on standard input; its output decoded."""
    env = {k: v for k, v in os.environ.items() if k != "QA_MODEL"}
    done = subprocess.run(
        [sys.executable, "-m", "qa", *map(str, args)], cwd=ROOT, input=stdin, capture_output=True, timeout=300, env=env
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones too, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def library_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of corpus/ and an index built for it by `python -m qa build-index --corpus C --index I`, once per
    module. The real index's embedding cache is copied in first, pruned to the seed corpus's vectors, so the
    build embeds nothing and an added page's passages are still new to it."""
    root = tmp_path_factory.mktemp("library")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    index.mkdir()
    shutil.copy(ROOT / "index" / CACHE_FILE, index / CACHE_FILE)
    done = run_qa("build-index", "--corpus", corpus, "--index", index)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((index / "manifest.json").read_text())
    assert f"{manifest['passages']} passages from 1 article(s)" in done.stdout
    assert manifest["build"]["embedded_texts"] == 0, "the seed's vectors come from the copied cache"
    passages = json.loads((index / "passages.json").read_text())
    texts = {t for p in passages for t in [p["text"], *(s["text"] for s in p["sentences"])]}
    keep = [key(manifest["model"], normalize(t)) for t in texts]
    with closing(sqlite3.connect(index / CACHE_FILE)) as db, db:
        db.execute("CREATE TEMP TABLE keep (key TEXT PRIMARY KEY)")
        db.executemany("INSERT INTO keep VALUES (?)", [(k,) for k in keep])
        db.execute("DELETE FROM vectors WHERE key NOT IN (SELECT key FROM keep)")
    with closing(sqlite3.connect(index / CACHE_FILE)) as db:
        assert db.execute("SELECT count(*) FROM vectors").fetchone()[0] == len(set(keep))
    return corpus, index


def _bad_inputs(folder: Path) -> dict[str, tuple[str, bytes]]:
    """Name → (the path to give `add`, standard input)."""
    files = {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n",
        "binary.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "latin1.txt": ("Harga cabai di pasar naik menjadi Rp110 ribu per kilogram, kata pedagang." + " caf\xe9 ").encode("latin-1"),
        "huge.txt": (SENTENCE + "\n").encode() * (MAX_BYTES // len(SENTENCE) + 10),
        "many.txt": "\n".join(f"{SENTENCE[:-1]} di dusun nomor {n}." for n in range(MAX_PARAGRAPHS + 1)).encode(),
        "salinan deepseek.txt": (ROOT / "corpus" / "deepseek.txt").read_bytes(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    cases = {name: (str(folder / name), b"") for name in files}
    for page in ("not_an_article.html", "english_article.html"):
        cases[page] = (str(PAGES / page), b"")
    cases["missing-path"] = (str(folder / "no such file.txt"), b"")
    cases["a-folder"] = (str(folder), b"")
    cases["empty-stdin"] = ("-", b"")
    cases["whitespace-stdin"] = ("-", b"\n \n")
    return cases


BAD_INPUTS = {
    "empty.txt": r"empty\.txt is empty",
    "whitespace.txt": r"whitespace\.txt is empty",
    "binary.png": r"binary\.png looks like a binary file",
    "latin1.txt": r"latin1\.txt is not UTF-8 text",
    "huge.txt": r"huge\.txt is over 1 MB",
    "many.txt": rf"many\.txt has {MAX_PARAGRAPHS + 1} paragraphs",
    "salinan deepseek.txt": r"salinan deepseek\.txt is already in the corpus, as 'deepseek'",
    "not_an_article.html": r"not_an_article\.html: no article text found in the page",
    "english_article.html": r"english_article\.html reads as English, not Indonesian",
    "missing-path": r"no such file\.txt: cannot read it \(No such file or directory\)",
    "a-folder": r"cannot read it \(Is a directory\)",
    "empty-stdin": r"standard input is empty",
    "whitespace-stdin": r"standard input is empty",
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_add_refuses_bad_input_with_one_error_line_and_changes_nothing(
    library_folders: tuple[Path, Path], tmp_path: Path, case: str
) -> None:
    corpus, index = library_folders
    path, stdin = _bad_inputs(tmp_path)[case]
    before = snapshot(corpus), snapshot(index)
    done = run_qa("add", path, "--corpus", corpus, "--index", index, stdin=stdin)
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and done.stderr.endswith("\n"), done.stderr
    assert re.search(BAD_INPUTS[case], lines[0]), lines[0]
    assert (snapshot(corpus), snapshot(index)) == before


def test_build_index_honours_corpus_and_index(library_folders: tuple[Path, Path]) -> None:
    corpus, index = library_folders
    manifest = json.loads((index / "manifest.json").read_text())
    assert set(manifest["articles"]) == {p.stem for p in corpus.glob("*.txt")}
    assert {"manifest.json", "passages.json", "dense.faiss", "sentences.npy"} <= set(snapshot(index))


def test_add_ask_remove_and_add_again(library_folders: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(library_folders[0], corpus)
    shutil.copytree(library_folders[1], index)
    seed = snapshot(corpus)
    name, want = next(iter(PAGES_EXPECTED.items()))
    folders = ("--corpus", corpus, "--index", index)

    added = run_qa("add", PAGES / name, *folders)
    assert added.returncode == 0, added.stderr
    assert "Traceback" not in added.stderr
    match = ADDED.match(added.stdout.strip())
    assert match and added.stdout.count("\n") == 1, added.stdout
    article, paragraphs, people, embedded = match[1], *map(int, match.groups()[1:])
    assert paragraphs >= want["min_paragraphs"] and people >= 1
    assert embedded == paragraphs  # every passage new to the cache
    assert {f"{article}.txt", f"{article}.json"} == set(snapshot(corpus)) - set(seed)

    listed = run_qa("articles", *folders)
    assert listed.returncode == 0, listed.stderr
    assert f"{article}: {want['title']} — {want['site']} ({paragraphs} paragraphs)" in listed.stdout.splitlines()
    assert len(listed.stdout.splitlines()) == len(list(corpus.glob("*.txt")))

    asked = run_qa(want["question_id"], "--json", *folders)
    assert asked.returncode == 0, asked.stderr
    top = json.loads(asked.stdout)["passages"][:3]
    assert any(p["article"] == article and want["answer_phrase"] in p["text"] for p in top), top

    removed = run_qa("remove", article, *folders)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == f"removed {article}: {want['title']}\n"
    assert snapshot(corpus) == seed
    assert article not in run_qa("articles", *folders).stdout

    again = run_qa("add", PAGES / name, *folders)
    assert again.returncode == 0, again.stderr
    match = ADDED.match(again.stdout.strip())
    assert match and match[1] == article and int(match[2]) == paragraphs
    assert "embedded 0 new passages" in again.stdout


def test_remove_refuses_an_unknown_id_and_the_last_article(library_folders: tuple[Path, Path]) -> None:
    corpus, index = library_folders
    before = snapshot(corpus), snapshot(index)
    for article_id, message in [("nope", "error: no article 'nope' in "), ("deepseek", "error: 'deepseek' is the only article")]:
        done = run_qa("remove", article_id, "--corpus", corpus, "--index", index)
        assert (done.returncode, done.stdout) == (2, "") and done.stderr.startswith(message), done.stderr
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert (snapshot(corpus), snapshot(index)) == before
