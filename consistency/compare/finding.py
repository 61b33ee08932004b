"""What a comparator returns: one typed difference between two claims."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Claim, FlagType


@dataclass(frozen=True, slots=True)
class Finding:
    """One typed difference between an earlier claim ``a`` and a later claim ``b``."""

    type: FlagType
    a: Claim
    b: Claim
    value_a: str
    value_b: str
    span_a: tuple[int, int]
    span_b: tuple[int, int]
    confidence: float
    also: tuple[Claim, ...] = ()  # further copies that give the same value as the claim set against the odd one

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", FlagType(self.type))


def shared_value(f: Finding) -> str:
    """The value that the further copies of a finding give: that of the side they agree with."""
    return f.value_a if f.also and given_value(f.also[0], f.value_a, f) is not None else f.value_b


def given_value(c: Claim, shared: str, f: Finding) -> tuple[str, tuple[int, int]] | None:
    """How a further copy words the shared value, and where: the same words, for a figure another
    wording of it ("roughly 410" for "412"), for a date another wording of the same days
    ("September 9" for the "Monday" of that week)."""
    at = c.text.find(shared)
    if at >= 0:
        return shared, (c.start + at, c.start + at + len(shared))
    side, span = (f.a, f.span_a) if shared == f.value_a else (f.b, f.span_b)
    if f.type in ("number", "update"):
        from .numbers import figure_at, figure_given  # local: numbers reads findings

        q = figure_at(side, span)
        y = figure_given(c, q) if q is not None else None
        return (c.text[y.start - c.start:y.end - c.start], (y.start, y.end)) if y is not None else None
    if f.type != "timeline":
        return None
    days = next(((t.earliest, t.latest) for t in side.times if (t.start, t.end) == span), None)
    same = [t for t in c.times if days and (t.earliest, t.latest) == days]
    return (same[0].text, (same[0].start, same[0].end)) if same else None
