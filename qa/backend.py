"""Which search serves the articles, by configuration: the in-process index (the default: FAISS and BM25 in
memory, no server), or the archive in PostgreSQL with pgvector (`qa.postgres`).

    QA_BACKEND=inprocess | pgvector
    QA_PG_URI=postgresql://…   a PostgreSQL with pgvector (a managed or replicated cluster alike); unset, an
                               embedded server (pgserver) runs with its data in QA_PG_DATA (default index/pgdata)
    QA_FALLBACK=inprocess      when the engine cannot serve, the in-process index does, with one warning line
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .postgres import Archive, EngineError

Backend = Literal["inprocess", "pgvector"]
BACKENDS: tuple[Backend, ...] = ("inprocess", "pgvector")
BACKEND_VAR, URI_VAR, DATA_VAR, FALLBACK_VAR = "QA_BACKEND", "QA_PG_URI", "QA_PG_DATA", "QA_FALLBACK"
DATA_FOLDER = "pgdata"  # the embedded server's, inside the index folder unless QA_PG_DATA names another


@dataclass(frozen=True)
class Config:
    backend: Backend
    uri: str | None  # None: the embedded server
    data: Path  # the embedded server's data folder
    fallback: bool  # the in-process index serves when the engine cannot

    @classmethod
    def from_env(cls, index_dir: Path, env: Mapping[str, str] = os.environ, backend: str | None = None) -> Config:
        chosen = backend or env.get(BACKEND_VAR) or "inprocess"
        if chosen not in BACKENDS:
            raise ValueError(f"{BACKEND_VAR}={chosen!r} is not a backend; use one of {', '.join(BACKENDS)}.")
        fallback = env.get(FALLBACK_VAR, "")
        if fallback not in ("", "inprocess"):
            raise ValueError(f"{FALLBACK_VAR}={fallback!r}: the only fallback is 'inprocess' (or leave it unset).")
        data = Path(env[DATA_VAR]).expanduser() if env.get(DATA_VAR) else index_dir / DATA_FOLDER
        return cls(chosen, env.get(URI_VAR) or None, data, fallback == "inprocess")  # type: ignore[arg-type]


def embedded_uri(data: Path) -> str:
    """The URI of the embedded server over `data`, started when it is not running; it stops when the last
    process that uses it ends."""
    # pgserver logs each failed command at length and warns that XDG_RUNTIME_DIR is unset: the one line
    # below says what matters.
    logging.getLogger("pgserver").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver  # only the embedded engine needs it

        try:
            data.mkdir(parents=True, exist_ok=True)
            return pgserver.get_server(data, cleanup_mode="stop").get_uri()
        except Exception as exc:  # whatever initdb or pg_ctl met: all mean the folder cannot serve
            reason = _last_line(data / "log") or str(exc).strip().splitlines()[0]
    raise EngineError(
        f"the embedded PostgreSQL cannot start on {data} ({reason}); fix or remove that folder, or set "
        f"{DATA_VAR} to another, or {URI_VAR} to a running server"
    )


def _last_line(log: Path) -> str | None:
    """The server log's last line: why it stopped."""
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return None
    return lines[-1] if lines else None


def open_archive(config: Config) -> Archive:
    """The archive the configuration names; EngineError, naming the setting to fix, when it cannot serve."""
    uri = config.uri or embedded_uri(config.data)
    try:
        return Archive(uri)
    except Exception as exc:  # psycopg's errors, and a server without pgvector
        setting = f"{URI_VAR} ({_safe(uri)})" if config.uri else f"{DATA_VAR} ({config.data})"
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(f"cannot reach the PostgreSQL archive: {reason}; check {setting}") from None


def _safe(uri: str) -> str:
    """The URI without its password, fit for a message."""
    head, at, tail = uri.rpartition("@")
    if not at or "://" not in head:
        return uri
    scheme, _, user = head.partition("://")
    return f"{scheme}://{user.split(':')[0]}@{tail}"
