"""frontwatch: conflict reporting to sourced, geocoded, ACLED-style event data."""

from frontwatch.torchless import import_thinc_without_torch

import_thinc_without_torch()  # before anything imports spaCy: see torchless

from frontwatch.model import Article, Claim, Event  # noqa: E402
from frontwatch.pipeline import (  # noqa: E402
    ArticleResult,
    Extractor,
    extract,
    extract_many,
    make_article,
)

__all__ = [
    "Article", "ArticleResult", "Claim", "Event", "Extractor", "extract", "extract_many",
    "make_article",
]
__version__ = "0.1.0"
