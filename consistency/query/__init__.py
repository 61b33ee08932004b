"""Query: a fact-checker's claim answered by hybrid retrieval (BM25 + MiniLM, re-ranked) over the store."""

from .engine import QueryEngine, QueryResult, query

__all__ = ["QueryEngine", "QueryResult", "query"]
