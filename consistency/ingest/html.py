"""Main-text and metadata extraction from news HTML pages (trafilatura)."""

from __future__ import annotations

import re

_META_TIME = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|og:published_time|datePublished|pubdate)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content=["']([^"']+)["']""", re.I)


def extract_html(html: str) -> dict:
    """The article's main text (boilerplate removed) and its outlet, URL, title and date."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    # trafilatura separates paragraphs by one newline; the pipeline expects blank lines.
    text = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    rec = {
        "text": text,
        "title": data.get("title") or "",
        "url": data.get("url") or "",
        "outlet": data.get("sitename") or "",
        "published": _published_time(html) or data.get("date") or "",
    }
    return {k: v for k, v in rec.items() if v}


def _published_time(html: str) -> str | None:
    """The full publication timestamp from the page's meta tags, when it gives one."""
    tag = _META_TIME.search(html)
    if tag:
        content = _CONTENT.search(tag.group(0))
        if content:
            return content.group(1)
    return None
