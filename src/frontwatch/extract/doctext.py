"""A parsed sentence's text, computed once: spaCy rebuilds `Doc.text` from its tokens on every
access, which the extractor's many look-ups would otherwise pay again and again."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get("frontwatch_text")
    if text is None:
        text = doc.text
        doc.user_data["frontwatch_text"] = text
    return text
