"""The word lists shipped in qa/data/, for the modules that read them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_lines(name: str) -> list[str]:
    """The lines of qa/data/<name> that hold data: stripped, without blank lines and "#" comments."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def dates(lang: str = "id") -> tuple[str, ...]:
    """The months, then the days of the week, lowercase, in Indonesian or (`lang` "en") English: calendar.tsv."""
    column = ("id", "en").index(lang)
    return tuple(line.split("\t")[column] for line in data_lines("calendar.tsv"))


@cache
def short_forms(titles_only: bool = False) -> dict[str, str]:
    """Short forms of Indonesian offices and institutions, lowercase, with the words they stand for
    (short_forms_id.tsv); with `titles_only`, those of an office held by a person ("kasat", "dirut")."""
    rows = [line.split("\t") for line in data_lines("short_forms_id.tsv")]
    return {row[0]: row[1] for row in rows if not titles_only or row[2:] == ["title"]}


@cache
def exonyms() -> dict[str, str]:
    """English names of places, lowercase, with the Indonesian word for them (exonyms_en.tsv)."""
    return dict(line.split("\t") for line in data_lines("exonyms_en.tsv"))
