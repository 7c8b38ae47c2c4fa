"""Locate, verify and load the sentence-transformers embedding model.

Fetching the weights lives in qa/fetch.py; this module only decides which model to use and loads it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .folders import MODELS_DIR

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

HUB_ID = "google/embeddinggemma-300m"
DEFAULT_MODEL_DIR = MODELS_DIR / "embeddinggemma-300m"
SAFETENSORS_SHA256 = "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2"
WEIGHTS_FILE = "model.safetensors"
# What SentenceTransformer(path) reads for this model (modules.json lists Transformer, Pooling, 2x Dense, Normalize).
REQUIRED_FILES: tuple[str, ...] = (
    "modules.json",
    "config.json",
    "config_sentence_transformers.json",
    "sentence_bert_config.json",
    WEIGHTS_FILE,
    "tokenizer.json",
    "tokenizer_config.json",
    "1_Pooling/config.json",
    "2_Dense/config.json",
    "2_Dense/model.safetensors",
    "3_Dense/config.json",
    "3_Dense/model.safetensors",
)
FETCH_COMMAND = "python -m qa fetch-model"
ENV_VAR = "QA_MODEL"
HUB_TIMEOUT_S = 10.0
# Caches the weights' hash so that repeated checks of a 1.2 GB file are instant.
STAMP_FILE = ".qa-verified.json"


class ModelMissingError(RuntimeError):
    """The embedding model is absent, incomplete or corrupt; the message names the command that fixes it."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(f"{problem}\nFetch the embedding model with: {FETCH_COMMAND}")


def sha256_file(path: Path, progress: bool = False) -> str:
    """Hash a file in 1 MiB blocks so a 1 GB file never sits in memory."""
    from tqdm import tqdm

    digest = hashlib.sha256()
    with path.open("rb") as f, tqdm(
        total=path.stat().st_size, unit="B", unit_scale=True, desc=f"sha256 {path.name}", disable=not progress
    ) as bar:
        while block := f.read(1 << 20):
            digest.update(block)
            bar.update(len(block))
    return digest.hexdigest()


def _stamps(folder: Path) -> dict[str, dict]:
    """The folder's remembered hashes by file name ({} when there are none or the stamp is unreadable)."""
    try:
        saved = json.loads((folder / STAMP_FILE).read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict):
        return {}
    # A stamp written before it held several files is one record naming its file.
    return {saved["file"]: saved} if isinstance(saved.get("file"), str) else saved


def cached_sha256(path: Path, progress: bool = False) -> str:
    """sha256 of `path`, remembered in a stamp file next to it and keyed on size + mtime."""
    stat = path.stat()
    key = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    stamps = _stamps(path.parent)
    saved = stamps.get(path.name)
    if isinstance(saved, dict) and {k: saved.get(k) for k in key} == key and isinstance(saved.get("sha256"), str):
        return saved["sha256"]
    digest = sha256_file(path, progress)
    try:
        (path.parent / STAMP_FILE).write_text(json.dumps({**stamps, path.name: {**key, "sha256": digest}}))
    except OSError:
        pass  # a read-only model folder still works, only without the speed-up
    return digest


def verify_model_dir(
    path: Path,
    expected_sha256: str = SAFETENSORS_SHA256,
    required: tuple[str, ...] = REQUIRED_FILES,
    progress: bool = False,
) -> str:
    """Check that `path` holds the complete, untampered model; return the weights' sha256 or raise ModelMissingError."""
    if not path.is_dir():
        raise ModelMissingError(f"No embedding model at {path}.")
    missing = [name for name in required if not (path / name).is_file() or (path / name).stat().st_size == 0]
    if missing:
        raise ModelMissingError(f"The model folder {path} is incomplete (missing or empty: {', '.join(missing)}).")
    digest = cached_sha256(path / WEIGHTS_FILE, progress)
    if digest != expected_sha256:
        raise ModelMissingError(
            f"{path / WEIGHTS_FILE} is corrupt or truncated (sha256 {digest}, expected {expected_sha256})."
        )
    return digest


def _is_default_dir(path: Path) -> bool:
    return path.resolve() == DEFAULT_MODEL_DIR.resolve()


def resolve_model(name: str | None = None) -> str:
    """Pick the model: the argument, else $QA_MODEL, else the local copy (if present), else the hub id.

    Returns a local folder path or a hub id. A local folder that is missing or broken raises ModelMissingError.
    """
    chosen = name or os.environ.get(ENV_VAR) or ""
    if not chosen:
        if DEFAULT_MODEL_DIR.exists():
            verify_model_dir(DEFAULT_MODEL_DIR)
            return str(DEFAULT_MODEL_DIR)
        return HUB_ID
    path = Path(chosen).expanduser()
    if path.exists():
        if _is_default_dir(path):
            verify_model_dir(path)
        elif not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise ModelMissingError(f"{path} is not a sentence-transformers model folder.")
        return str(path.resolve())
    # Hub ids are "owner/name" or a bare name; anything else that does not exist is a missing folder.
    if path.is_absolute() or chosen.startswith((".", "~")) or chosen.count("/") > 1:
        raise ModelMissingError(f"No embedding model at {chosen}.")
    return chosen


def model_id(name: str | None = None) -> str:
    """A stable identifier for index manifests: changes whenever the weights change."""
    resolved = resolve_model(name)
    path = Path(resolved)
    if not path.is_dir():
        return resolved
    weights = path / WEIGHTS_FILE
    digest = cached_sha256(weights)[:12] if weights.is_file() else "unhashed"
    label = HUB_ID if _is_default_dir(path) or digest == SAFETENSORS_SHA256[:12] else str(path)
    return f"{label}@{digest}"


def load_model(name: str | None = None) -> SentenceTransformer:
    """The resolved model on CPU in fp32, loaded once per process."""
    return _load(resolve_model(name))


@functools.cache
def _load(resolved: str) -> SentenceTransformer:
    local = Path(resolved).is_dir()
    if local:
        # Read by huggingface_hub at import time, hence set before importing sentence_transformers.
        os.environ["HF_HUB_OFFLINE"] = "1"
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    # A progress bar per load is noise in a CLI's or a server's output.
    transformers.utils.logging.disable_progress_bar()

    def build(offline: bool) -> SentenceTransformer:
        return SentenceTransformer(
            resolved, device="cpu", local_files_only=offline, model_kwargs={"dtype": torch.float32}
        )

    try:
        # For a hub id this tries the Hugging Face cache without touching the network.
        return build(offline=True)
    except Exception as error:  # noqa: BLE001 - truncated weights raise SafetensorError, garbled JSON ValueError
        if local:
            reason = next(iter(str(error).splitlines()), type(error).__name__)
            raise ModelMissingError(f"Could not load the model folder {resolved}: {reason}") from error
        if not isinstance(error, OSError):  # only "not in the cache" sends a hub id on to the hub
            raise
    # Without this probe an unreachable hub costs over a minute of retries inside huggingface_hub.
    if not hub_reachable(resolved):
        raise ModelMissingError(
            f"{resolved} is neither a local folder nor in the Hugging Face cache, and the model hub is unreachable."
        )
    try:
        return build(offline=False)
    except OSError as error:
        raise ModelMissingError(f"Could not load {resolved} from the model hub: {error}") from error


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def hub_reachable(hub_id: str, timeout: float = HUB_TIMEOUT_S) -> bool:
    """A cheap metadata request that fails within `timeout` when the hub is unreachable."""
    if hub_offline():
        return False
    from huggingface_hub import model_info

    try:
        model_info(hub_id, timeout=timeout)
    except Exception:  # noqa: BLE001 - any failure (DNS, timeout, HTTP error) means "not reachable"
        return False
    return True
