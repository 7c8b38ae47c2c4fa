"""qa.attribution is a one-way stack: each module imports only the modules below it in `LAYERS`."""

from __future__ import annotations

import ast
from pathlib import Path

import qa.attribution
from qa.attribution import LAYERS

PACKAGE = "qa.attribution"
FOLDER = Path(qa.attribution.__file__).parent


def imported_modules(source: str) -> set[str]:
    """The package's modules that `source`, a module of it, imports anywhere: at the top, inside a function or
    under `if TYPE_CHECKING:`; as `from . import cues`, `from .words import Token` or by absolute name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 1:
            names = [f"{PACKAGE}.{node.module}"] if node.module else [f"{PACKAGE}.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name.split(".")[2] for name in names if name.startswith(f"{PACKAGE}.")}
    return found & set(LAYERS)


def test_every_module_of_the_package_has_its_layer() -> None:
    modules = {path.stem for path in FOLDER.glob("*.py")} - {"__init__"}
    assert sorted(LAYERS) == sorted(modules)


def test_no_module_imports_one_above_it() -> None:
    upward = {}
    for layer, module in enumerate(LAYERS):
        imported = imported_modules((FOLDER / f"{module}.py").read_text(encoding="utf-8"))
        if above := sorted(other for other in imported if LAYERS.index(other) >= layer):
            upward[module] = above
    assert upward == {}


def test_imports_inside_functions_and_type_checking_blocks_count() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import cues\n"
        "if TYPE_CHECKING:\n"
        "    from .reader import Reading\n"
        "def later():\n"
        "    from qa.attribution.questions import match_speakers\n"
        "    import qa.attribution.names\n"
        "    from qa.attribution import titles\n"
        "    from qa.tokens import fold\n"
    )
    assert imported_modules(source) == {"cues", "reader", "questions", "names", "titles"}
