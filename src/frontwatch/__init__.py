"""frontwatch: conflict reporting to sourced, geocoded, ACLED-style event data."""

from frontwatch.model import Article, Claim, Event
from frontwatch.pipeline import ArticleResult, Extractor, extract, extract_many, make_article

__all__ = [
    "Article", "ArticleResult", "Claim", "Event", "Extractor", "extract", "extract_many",
    "make_article",
]
__version__ = "0.1.0"
