"""When a stored index is stale: the manifest's "data" digest follows every file of qa/data/, and its "pipeline"
digest follows the code of the modules that shape passages (not their comments or docstrings, and not modules
outside the index). Edits are made to a copy of the package, never to qa/ itself."""

from __future__ import annotations

import ast
import io
import shutil
import tokenize
from pathlib import Path

import pytest

import qa.index
from qa.corpus import read_article
from qa.index import StaleIndex, data_version, expected_manifest, load, load_or_build, pipeline_version

from .conftest import SEED, HashingEncoder

PACKAGE = Path(qa.index.__file__).resolve().parent
DATA_FILES = sorted(str(p.relative_to(PACKAGE / "data")) for p in (PACKAGE / "data").rglob("*") if p.is_file())


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / "qa"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert pipeline_version(copy) == pipeline_version(PACKAGE) and data_version(copy) == data_version(PACKAGE)
    return copy


def _append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def _replace(path: Path, old: str, new: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count(old) == 1, f"{old!r} not found once in {path}"
    path.write_text(source.replace(old, new), encoding="utf-8")


# --- data ------------------------------------------------------------------------------------------------------


def test_there_are_data_files() -> None:
    assert len(DATA_FILES) >= 6


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_line_added_to_any_data_file_changes_the_data_version(package: Path, name: str) -> None:
    before = data_version(package)
    _append(package / "data" / name, "\nkata_baru_untuk_uji\n")
    assert data_version(package) != before
    assert pipeline_version(package) == pipeline_version(PACKAGE)  # data is not code


def test_a_new_or_renamed_data_file_changes_the_data_version(package: Path) -> None:
    before = data_version(package)
    (package / "data" / "extra.txt").write_text("kata\n", encoding="utf-8")
    added = data_version(package)
    assert added != before
    (package / "data" / "extra.txt").rename(package / "data" / "extra2.txt")
    assert data_version(package) not in (before, added)


# --- pipeline --------------------------------------------------------------------------------------------------

CUES = Path("attribution") / "cues.py"


def test_the_attribution_modules_are_part_of_the_pipeline(package: Path) -> None:
    before = pipeline_version(package)
    for module in sorted((package / "attribution").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        _append(module, "\n_X = 1\n")
        assert pipeline_version(package) != before, f"{module.name} is not part of the pipeline digest"
        module.write_text(source, encoding="utf-8")
    assert pipeline_version(package) == before


def test_a_comment_only_edit_keeps_the_pipeline_version(package: Path) -> None:
    before = pipeline_version(package)
    path = package / CUES
    source = path.read_text(encoding="utf-8")
    # A comment at the end of every logical line of code (where tokenize says one ends), a line of them at the top.
    lines = source.splitlines(keepends=True)
    ends = {t.start[0] for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.NEWLINE}
    edited = "# A comment at the top.\n" + "".join(
        line.rstrip("\n") + "  # a trailing comment\n" if number in ends and "#" not in line else line
        for number, line in enumerate(lines, 1)
    )
    assert edited.count("# a trailing comment") > 20
    path.write_text(edited, encoding="utf-8")
    assert pipeline_version(package) == before


def test_a_docstring_only_edit_keeps_the_pipeline_version(package: Path) -> None:
    before = pipeline_version(package)
    path = package / CUES
    source = path.read_text(encoding="utf-8")
    assert source.lstrip().startswith('"""'), "cues.py opens with a module docstring"
    path.write_text('"""An entirely different module docstring,\n\nover several lines."""\n' + source.split('"""', 2)[2], encoding="utf-8")
    assert pipeline_version(package) == before
    # A docstring given to a function that had none is no change either.
    reader = package / "attribution" / "reader.py"
    lines = reader.read_text(encoding="utf-8").splitlines(keepends=True)
    function = next(
        node
        for node in ast.walk(ast.parse("".join(lines)))
        if isinstance(node, ast.FunctionDef) and ast.get_docstring(node) is None and node.body[0].lineno > node.lineno
    )
    first = function.body[0]
    lines.insert(first.lineno - 1, " " * first.col_offset + '"""A docstring that was not there."""\n')
    reader.write_text("".join(lines), encoding="utf-8")
    assert pipeline_version(package) == before


def test_a_code_edit_to_an_attribution_module_changes_the_pipeline_version(package: Path) -> None:
    before = pipeline_version(package)
    _append(package / CUES, "\n_X = 1\n")
    assert pipeline_version(package) != before


def test_a_changed_constant_changes_the_pipeline_version(package: Path) -> None:
    before = pipeline_version(package)
    _replace(package / "corpus.py", "HEADING_MAX_WORDS = 8", "HEADING_MAX_WORDS = 9")
    assert pipeline_version(package) != before


def test_a_code_edit_to_normalize_changes_the_pipeline_version(package: Path) -> None:
    before = pipeline_version(package)
    _append(package / "normalize.py", "\n\ndef _unused() -> int:\n    return 1\n")
    assert pipeline_version(package) != before


@pytest.mark.parametrize("module", ["answer.py", "chat.py", "cli.py", "retrieval.py", "question.py", "bm25.py"])
def test_an_edit_to_a_module_outside_the_index_keeps_the_pipeline_version(package: Path, module: str) -> None:
    before = pipeline_version(package)
    _append(package / module, "\n_X = 1\n")
    assert pipeline_version(package) == before


def test_a_submodule_imported_by_name_is_part_of_the_pipeline(package: Path) -> None:
    """`from .attribution import extra`, where `extra` is a module that nothing else imports: its code counts."""
    (package / "attribution" / "extra.py").write_text("LIMIT = 3\n", encoding="utf-8")
    _replace(package / "corpus.py", "from .attribution import cues\n", "from .attribution import cues, extra\n")
    before = pipeline_version(package)
    _append(package / "attribution" / "extra.py", "_X = 1\n")
    assert pipeline_version(package) != before


# --- a stored index goes stale --------------------------------------------------------------------------------


def test_a_changed_data_version_makes_the_stored_index_stale(
    tmp_path: Path, encoder: HashingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [read_article(SEED)]
    folder = tmp_path / "index"
    load_or_build(articles, encoder.documents, encoder.id, folder)
    load(folder, expected_manifest(articles, encoder.id))  # loads as it is
    real = qa.index.data_version()
    monkeypatch.setattr(qa.index, "data_version", lambda package=PACKAGE: "0" * 16)
    assert expected_manifest(articles, encoder.id)["data"] != real
    with pytest.raises(StaleIndex, match=r"^data changed$"):
        load(folder, expected_manifest(articles, encoder.id))
    # load_or_build rebuilds it, from the embedding cache: nothing is embedded again.
    index = load_or_build(articles, encoder.documents, encoder.id, folder)
    assert index.manifest["data"] == "0" * 16 and index.manifest["build"]["embedded_texts"] == 0
    load(folder, expected_manifest(articles, encoder.id))


def test_a_changed_pipeline_version_makes_the_stored_index_stale(
    tmp_path: Path, encoder: HashingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [read_article(SEED)]
    folder = tmp_path / "index"
    load_or_build(articles, encoder.documents, encoder.id, folder)
    monkeypatch.setattr(qa.index, "pipeline_version", lambda package=PACKAGE: "0" * 16)
    with pytest.raises(StaleIndex, match=r"^pipeline changed$"):
        load(folder, expected_manifest(articles, encoder.id))
