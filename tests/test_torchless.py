"""spaCy is loaded without PyTorch unless a transformer pipeline needs it (see torchless)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from frontwatch.torchless import needs_torch

CHECK = (
    "import sys, frontwatch, spacy; from frontwatch.nlp import load_pipeline; load_pipeline(); "
    "print('torch' in sys.modules); import torch; print('imported', bool(torch.__version__))"
)


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_torch_installed_but_not_loaded_with_spacy() -> None:
    env = {k: v for k, v in os.environ.items() if k != "FRONTWATCH_SPACY_MODEL"}
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         env=env, check=True).stdout.split("\n")
    assert out[0] == "False"
    assert out[1] == "imported True"  # hidden from thinc only, still there for the trainer


def test_a_transformer_pipeline_needs_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_SPACY_MODEL", "en_core_web_trf")
    assert needs_torch()
    monkeypatch.setenv("FRONTWATCH_SPACY_MODEL", "en_core_web_sm")
    assert not needs_torch()
