"""Disjoint sets: which items a list of pairs joins into one group."""

from __future__ import annotations

from typing import Generic, Hashable, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Groups of items joined pair by pair; items are kept in the order they were first seen."""

    def __init__(self) -> None:
        self.parent: dict[T, T] = {}

    def find(self, x: T) -> T:
        """The representative of the group holding ``x`` (a new item is a group of its own)."""
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> None:
        """Join the groups of ``a`` and ``b``; ``b``'s representative stands for both."""
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[T, list[T]]:
        """Representative -> members, both in first-seen order."""
        out: dict[T, list[T]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out
