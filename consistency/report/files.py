"""Write the report: one self-contained HTML file, JSON, and CSV tables written with pandas.

Each run's files go to ``runs/<run-id>/``; the same files beside ``runs/`` are always the
latest run's. Every file is written to a temporary name and renamed, so a reader (or a mail
job) never sees half a report.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from .build import flags_chart

if TYPE_CHECKING:
    import pandas as pd

MAX_HTML_FLAGS = 200  # per section; the JSON and CSV files hold every flag
FILES = ("report.html", "report.json", "flags.csv", "claims.csv", "outlets.csv")
FLAG_COLUMNS = ["id", "type", "section", "status", "confidence", "outlets", "story_id", "story_title", "explanation",
                "values", "verdict", "note", "reviewed_at", "first_run", "last_run", "urls"]


def render_html(report: dict) -> str:
    """The report as one HTML page with inline CSS and inline SVG plots; all article text escaped."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("consistency.report", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    stories = [dict(st, svg=Markup(st["svg"])) for st in report["stories"]]  # SVG text is escaped as it is built
    sections: dict[str, list] = {}
    for f in report["flags"]:
        sections.setdefault(f["section"], []).append(f)
    hidden = {}
    for name in ("new", "resolved", "carried", "dismissed"):
        items = sorted(sections.get(name, []), key=lambda f: -f["confidence"])
        sections[name], hidden[name] = items[:MAX_HTML_FLAGS], max(0, len(items) - MAX_HTML_FLAGS)
    shown = {st["id"] for st in stories if not st["folded"]}
    by_story: dict[str, list] = {}
    loose = []
    for f in sorted(report["flags"], key=lambda f: (f["section"] != "new", -f["confidence"])):
        if f["section"] not in ("new", "carried"):
            continue
        if f["story_id"] in shown:
            by_story.setdefault(f["story_id"], []).append(f)
        else:
            loose.append(f)
    threads = report.get("threads", [])
    return env.get_template("report.html.j2").render(
        run=report["run"], s=report["summary"], rejected=report["rejected"], sections=sections,
        hidden=hidden, stories=stories, by_story=by_story,
        flagged_groups=thread_groups([st for st in stories if not st["folded"]], threads),
        folded_groups=thread_groups([st for st in stories if st["folded"]], threads), loose=loose[:MAX_HTML_FLAGS],
        loose_hidden=max(0, len(loose) - MAX_HTML_FLAGS), outlets=report["outlets"], clusters=report["clusters"],
        chart=Markup(flags_chart(report)))


def thread_groups(stories: list[dict], threads: list[dict]) -> list[dict]:
    """The stories in runs of one thread: ``thread`` is set where a run holds more than one story."""
    by_id = {t["id"]: t for t in threads}
    groups: list[dict] = []
    for st in stories:
        tid = st.get("thread_id")
        if groups and tid and groups[-1]["id"] == tid:
            groups[-1]["stories"].append(st)
        else:
            groups.append({"id": tid, "stories": [st]})
    return [{"thread": by_id.get(g["id"]) if len(g["stories"]) > 1 else None, "stories": g["stories"]}
            for g in groups]


def write_report(report: dict, out_dir: Path) -> dict[str, Path]:
    """Write this run's files under ``runs/<run-id>/`` and as the latest files; returns name -> latest path."""
    out_dir = Path(out_dir)
    run_dir = out_dir / "runs" / report["run"]["id"]
    for name in (*FILES, "LATEST"):  # left by a run that was killed while writing
        (out_dir / f".{name}.tmp").unlink(missing_ok=True)
    try:
        return _write_all(report, out_dir, run_dir)
    except BaseException:
        # A failed write (a full disk) leaves no half report: the run's folder and temporary files go.
        shutil.rmtree(run_dir, ignore_errors=True)
        for name in FILES:
            (out_dir / f".{name}.tmp").unlink(missing_ok=True)
        raise


def _write_all(report: dict, out_dir: Path, run_dir: Path) -> dict[str, Path]:
    import pandas as pd

    run_dir.mkdir(parents=True, exist_ok=True)
    data = {k: v for k, v in report.items()}
    data["stories"] = [{k: v for k, v in st.items() if k != "svg"} for st in report["stories"]]
    data["flags"] = [dict(f, evidence=[{k: v for k, v in e.items() if k != "segments"} for e in f["evidence"]])
                     for f in report["flags"]]
    _write_text(run_dir / "report.html", render_html(report))
    _write_text(run_dir / "report.json", json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))
    frames = {
        "flags.csv": pd.DataFrame([_flag_row(f) for f in report["flags"]], columns=FLAG_COLUMNS),
        "claims.csv": pd.DataFrame(report["claims"], columns=["claim_id", "article_id", "outlet", "published",
                                                              "story_id", "url", "text", "source", "times",
                                                              "quantities", "flags", "cluster", "stance"]),
        "outlets.csv": pd.DataFrame(report["outlets"], columns=["outlet", "articles", "claims", "flags",
                                                                "unsupported_repetitions", "repetition_share"]),
    }
    for name, frame in frames.items():
        tmp = run_dir / f".{name}.tmp"
        neutralise_formulas(frame).to_csv(tmp, index=False)
        os.replace(tmp, run_dir / name)
    latest = {}
    for name in FILES:  # copy every file first, then rename: the latest set never mixes two runs
        shutil.copyfile(run_dir / name, out_dir / f".{name}.tmp")
    for name in FILES:
        os.replace(out_dir / f".{name}.tmp", out_dir / name)
        latest[name] = out_dir / name
    _write_text(out_dir / "LATEST", report["run"]["id"] + "\n")
    return latest


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Text cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading apostrophe."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return out


def _flag_row(f: dict) -> dict:
    review = f.get("review") or {}
    return {
        "id": f["id"], "type": f["type"], "section": f["section"], "status": f["status"],
        "confidence": f["confidence"], "outlets": "; ".join(f["outlets"]), "story_id": f["story_id"],
        "story_title": f["story_title"], "explanation": f["explanation"],
        "values": "; ".join(f"{k}: {v}" for k, v in f["values"].items()),
        "verdict": review.get("verdict", ""), "note": review.get("note", ""), "reviewed_at": review.get("at", ""),
        "first_run": f["first_run"], "last_run": f["last_run"],
        "urls": " ".join(link["url"] for link in f["links"] if link["url"]),
    }


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
