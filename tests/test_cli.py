import json
import subprocess
import sys

from .conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qa", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_question_prints_reply_then_passages_with_speaker_paragraph_and_score():
    out = run("Berapa biaya pelatihan DeepSeek?", "-k", "2")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Note: This article appears machine-rewritten")
    assert "\nMenurut " in out.stdout and "US$5,6 juta" in out.stdout
    assert out.stdout.count("score") == 2 and "¶" in out.stdout


def test_json_output():
    out = run("Stargate", "-k", "3", "--mode", "bm25", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    rows = result["passages"]
    assert result["reply"] is None  # single modes only rank
    assert len(rows) == 3 and {"speaker", "paragraph", "score", "text", "id"} <= rows[0].keys()
    assert "Stargate" in rows[0]["text"]


def test_off_topic_question_says_not_found():
    out = run("Siapa juara Piala Dunia 2022?", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert "tidak ditemukan" in result["reply"] and result["passages"] == []


def test_bad_question_is_a_message_and_nonzero_exit():
    out = run("   ")
    assert out.returncode == 2
    assert "error:" in out.stderr and "Traceback" not in out.stderr


def test_speakers_subcommand():
    out = run("speakers")
    assert out.returncode == 0 and "¶" in out.stdout
