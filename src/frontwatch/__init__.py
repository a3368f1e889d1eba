"""frontwatch: conflict reporting to sourced, geocoded, ACLED-style event data."""

from frontwatch.pipeline import ArticleResult, Extractor, extract, extract_many

__all__ = ["Extractor", "ArticleResult", "extract", "extract_many"]
__version__ = "0.1.0"
