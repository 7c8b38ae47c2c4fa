"""Shared fixtures: the real retriever (real model, real index), a small deterministic encoder for fast tests,
and the app served by `python app.py` in a subprocess."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

import qa

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "deepseek.txt"
APP_START_TIMEOUT_S = 180.0


class HashingEncoder:
    """Bag-of-words vectors from hashed tokens: no model, but similar texts still get similar vectors."""

    id = "test/hashing-64"
    dimension = 64

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype=np.float32)
        for token in text.lower().split():
            v[int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    def documents(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])

    def query(self, text: str) -> np.ndarray:
        return self._vector(text)[None, :]

    def words(self, words: Sequence[str]) -> np.ndarray:
        return self.documents(words)


@pytest.fixture
def encoder() -> HashingEncoder:
    return HashingEncoder()


@pytest.fixture(scope="session")
def retriever() -> qa.Retriever:
    """The default retriever over corpus/, with the real model and the persisted index."""
    return qa.default_retriever()


@dataclass(frozen=True)
class RunningApp:
    url: str
    start_seconds: float  # process start to the first HTTP answer
    stdout: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_http(url: str, process: subprocess.Popen[bytes], stderr: Path) -> None:
    deadline = time.monotonic() + APP_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"app.py exited with code {process.returncode}:\n{stderr.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"app.py did not answer at {url} within {APP_START_TIMEOUT_S:.0f} s")


@contextlib.contextmanager
def serve_app(logs: Path, env: dict[str, str] | None = None) -> Iterator[RunningApp]:
    """`python app.py` on a free port, with `env` added to the environment, until the block ends."""
    port = _free_port()
    env = {**os.environ, **(env or {}), "GRADIO_SERVER_PORT": str(port)}
    # Files, not pipes: nothing reads the output while the app runs, and a full pipe would stall it.
    with open(logs / "stdout", "wb") as out, open(logs / "stderr", "wb") as err:
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=out, stderr=err)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for_http(url, process, logs / "stderr")
        yield RunningApp(url, time.monotonic() - started, logs / "stdout")
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def running_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """`python app.py` on a free port, shared by the browser and concurrency tests."""
    with serve_app(tmp_path_factory.mktemp("app")) as app:
        yield app


def home_copy(folder: Path) -> Path:
    """A QA_HOME of its own: copies of corpus/ and index/ (nothing is re-embedded), the model linked."""
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    shutil.copytree(ROOT / "index", folder / "index")
    (folder / "models").symlink_to(ROOT / "models", target_is_directory=True)
    return folder
