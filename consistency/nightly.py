"""The nightly batch: ingest what is new, check, and write the report.

``run`` is what ``consistency run`` calls from cron. It checks that the report folder is
writable before it touches the store, so a misconfigured job fails without side effects;
the store itself commits in transactions, so a failure mid-run leaves it consistent.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .engine.crash import commit_point
from .errors import ConsistencyError, InputError
from .options import Options
from .pipeline import CheckResult, IngestResult, Progress, check, embedder_for, ingest, open_store

if TYPE_CHECKING:
    from .report.build import RunInfo

logger = logging.getLogger(__name__)

DEFAULT_OUT = Path("consistency-report")


class ReportError(ConsistencyError):
    """The report cannot be written where it was asked for."""


@dataclass
class RunResult:
    """What one nightly run did and where its report is."""

    run_id: str
    ingest: IngestResult
    check: CheckResult
    files: dict[str, Path]
    run_dir: Path
    summary: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of this process per stage

    @property
    def exit_code(self) -> int:
        """0 when all went well, 1 when some input records were rejected."""
        return 1 if self.ingest.rejected else 0

    def to_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "exit_code": self.exit_code,
            "summary": self.summary,
            "ingest": self.ingest.to_dict(),
            "flags": {"new": self.check.new, "carried": self.check.carried, "resolved": self.check.resolved},
            "files": {k: str(v) for k, v in self.files.items()},
            "run_dir": str(self.run_dir),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "cpu": {k: round(v, 3) for k, v in self.cpu.items()},
        }


def run(sources: Iterable[str | Path], options: Options | None = None, out_dir: str | Path = DEFAULT_OUT,
        progress: Progress | None = None) -> RunResult:
    """Ingest new articles from ``sources``, check the store, and write the report into ``out_dir``."""
    from .report.build import build_report
    from .report.files import write_report

    options = options or Options()
    sources = [Path(s) for s in sources]
    out_dir = Path(out_dir)
    _preflight(sources, out_dir)
    timings: dict[str, float] = {}
    cpu: dict[str, float] = {}

    t, c = time.perf_counter(), time.process_time()
    ingested = ingest(sources, options, progress=progress)
    timings["ingest"], cpu["ingest"] = time.perf_counter() - t, time.process_time() - c
    logger.info("run: ingest: %d new articles, %d already seen, %d claims, %d embedded, %d rejected in %.1fs",
                ingested.articles_new, ingested.articles_duplicate, ingested.claims_new, ingested.embedded,
                len(ingested.rejected), timings["ingest"])

    t, c = time.perf_counter(), time.process_time()
    with open_store(options, readonly=True) as store:
        # Articles stored by a run that died before its report: their stories are compared
        # again, so this report shows what that one would have (clusters included).
        tonight = set(ingested.article_ids)
        unreported = [a for a in store.ingested_since(_reported_run(store))[0] if a not in tonight]
    # Every open flag takes part in what is new, carried or resolved; the report leaves out the unsure.
    checked = check(options.with_(min_confidence=0.0), progress=progress, again=unreported, every_open_flag=False)
    commit_point("run.checked")
    timings["check"], cpu["check"] = time.perf_counter() - t, time.process_time() - c
    logger.info("run: check: %d open flags on the stories compared (%d new, %d carried over, %d resolved), %d claim clusters in %.1fs",
                len(checked.flags), len(checked.new), len(checked.carried), len(checked.resolved),
                len(checked.clusters), timings["check"])

    t, c = time.perf_counter(), time.process_time()
    with open_store(options) as store:
        baseline = _reported_run(store)
        # New, carried and resolved count from the last report written, not the last check: a
        # run that died after its check but before its report must not hide tonight's changes.
        checked = replace(checked, **store.flag_changes_since(baseline, [f.id for f in checked.flags]))
        ingested = _since_report(store, ingested, baseline)
        info = _run_info(store, baseline)
        report = build_report(store, checked, ingested, info, embedder_for(options), options.min_confidence)
    files = write_report(report, out_dir)
    commit_point("run.report")
    with open_store(options) as store:
        store.set_meta(REPORTED, info.check_run)
    timings["report"], cpu["report"] = time.perf_counter() - t, time.process_time() - c
    logger.info("run: report: %d flags, %d stories, %d outlets written to %s in %.1fs", len(report["flags"]),
                len(report["stories"]), len(report["outlets"]), files["report.html"], timings["report"])
    return RunResult(run_id=info.run_id, ingest=ingested, check=checked, files=files,
                     run_dir=out_dir / "runs" / info.run_id, summary=report["summary"], timings=timings, cpu=cpu)


def _preflight(sources: list[Path], out_dir: Path) -> None:
    """Fail before touching the store when an input is missing or the report cannot be written."""
    if not sources:
        raise InputError("no input given; name the files or folders that hold tonight's articles")
    for path in sources:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".write-test-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise ReportError(f"{out_dir}: cannot write the report there ({exc.strerror or exc}); "
                          "choose another folder with --out or fix its permissions") from exc


REPORTED = "reported_check_run"


def _reported_run(store) -> int:
    """The check run the last written report described (0 before the first report)."""
    reported = store.get_meta(REPORTED)
    if reported is not None:
        return int(reported)
    runs = store.runs("check")  # a store from before reports were recorded: the previous check
    return runs[-2]["id"] if len(runs) > 1 else 0


def _since_report(store, ingested: IngestResult, baseline: int) -> IngestResult:
    """Tonight's ingest counted from the last report: articles an interrupted run stored count as new."""
    ids, claims = store.ingested_since(baseline)
    stored_before = len(ids) - ingested.articles_new  # stored by runs that died before their report
    if stored_before <= 0:
        return ingested
    return replace(ingested, articles_new=len(ids), claims_new=claims, article_ids=ids,
                   articles_duplicate=max(0, ingested.articles_duplicate - stored_before))


def _run_info(store, baseline: int) -> "RunInfo":
    from .report.build import RunInfo

    runs = store.runs("check")
    current = runs[-1]
    before = [r for r in runs if r["id"] == baseline]
    previous = before[0]["finished"] or before[0]["started"] if before else None
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%M%SZ")
    return RunInfo(run_id=f"{stamp}-r{current['id']}", check_run=current["id"], started=current["started"],
                   previous=previous)
