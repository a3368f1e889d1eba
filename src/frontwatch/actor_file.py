"""The packaged actor file (`frontwatch/data/actors.yaml`), parsed once per process.

Outside the actors package, which loads spaCy: the store's merge and the reconciler read the
same file without the catalogue.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def packaged_actor_data() -> dict[str, Any]:
    """The packaged actor file as parsed YAML; callers read it, never change it."""
    return yaml.safe_load(
        resources.files("frontwatch.data").joinpath("actors.yaml").read_text("utf-8"))
