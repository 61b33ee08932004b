"""Fact-checkers' verdicts on flags."""

from __future__ import annotations

from ..options import Options

VERDICTS = ("confirmed", "dismissed")


def review(flag_id: str, verdict: str, note: str = "", options: Options | None = None) -> dict:
    """Record a verdict on a flag; it lapses when the flag's evidence changes."""
    from ..errors import UsageError
    from ..pipeline import open_store

    if verdict not in VERDICTS:
        raise UsageError(f"verdict must be one of {', '.join(VERDICTS)} (got {verdict!r})")
    with open_store(options or Options()) as store:
        with store.transaction():
            store.set_review(flag_id, verdict, note)
        return {"flag_id": flag_id, **store.reviews()[flag_id]}
