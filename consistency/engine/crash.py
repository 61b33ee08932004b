"""Named commit points, where a test can make the process die as a power cut would.

``CONSISTENCY_KILL_AT=check.align`` (or ``check.align:2`` for the second time the point is
reached) sends SIGKILL to the process right after that commit. Unset, it costs one dict lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "CONSISTENCY_KILL_AT"
_reached: dict[str, int] = {}


def commit_point(name: str) -> None:
    """Mark that the work up to here is committed; die here if the environment asks for it."""
    target = os.environ.get(ENV)
    if not target:
        return
    wanted, _, nth = target.partition(":")
    if wanted != name:
        return
    _reached[name] = _reached.get(name, 0) + 1
    if _reached[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
