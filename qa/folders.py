"""Where the articles, the index and the model live: the checkout's folders, or those under $QA_HOME.

Installed as a package (not from a checkout), the folder above the code is site-packages, no place for
articles: there the folders are the working directory's unless $QA_HOME names another. The command line's
`--corpus` and `--index` choose each one alone.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_VAR = "QA_HOME"
CHECKOUT = Path(__file__).resolve().parent.parent


def home() -> Path:
    chosen = os.environ.get(HOME_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else Path.cwd()


HOME = home()
CORPUS_DIR = HOME / "corpus"
INDEX_DIR = HOME / "index"
MODELS_DIR = HOME / "models"
