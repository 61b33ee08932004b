"""The command line: a thin layer over the Python API."""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import sys
from pathlib import Path

import click

from ..errors import ConsistencyError, UsageError, environment_error
from ..options import Options
from . import render


def store_options(fn):
    """--store, --embedder, --format and -v, shared by every command."""

    @click.option("--store", type=click.Path(path_type=Path), envvar="CONSISTENCY_STORE", default=None,
                  help="Store directory (default: $CONSISTENCY_STORE or ./.consistency).")
    @click.option("--embedder", type=click.Choice(["minilm", "hashing"]), envvar="CONSISTENCY_EMBEDDER",
                  default=None, help="Sentence embedder (hashing is a fast fake for tests).")
    @click.option("--format", "fmt", type=click.Choice(["json", "table"]), default=None,
                  help="Output format (default: table on a terminal, json in a pipe).")
    @click.option("-v", "--verbose", count=True, help="Log each stage with counts and timings (-vv: debug).")
    @functools.wraps(fn)
    def wrapper(store, embedder, fmt, verbose, **kwargs):
        _configure_logging(verbose)
        options = Options().with_(store=store, embedder=embedder, progress=_is_tty())
        fmt = fmt or ("table" if _is_tty() else "json")
        try:
            return fn(options=options, fmt=fmt, **kwargs)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from exc
        except ConsistencyError as exc:
            raise click.ClickException(str(exc)) from exc
        except (OSError, sqlite3.Error) as exc:  # disk full, damaged store: one line, not a traceback
            converted = environment_error(exc)
            if converted is None or verbose:
                raise
            raise click.ClickException(str(converted)) from exc

    return wrapper


def _is_tty() -> bool:
    return sys.stdout.isatty()


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("sentence_transformers", "transformers", "faiss", "httpx", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def _progress_bar(enabled: bool):
    """A progress callback drawing a bar on a terminal; None in pipes and cron."""
    if not enabled or not sys.stderr.isatty():
        return None
    bars: dict[str, object] = {}

    def update(stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="item", leave=False, file=sys.stderr)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


@click.group()
@click.version_option(package_name="consistency")
def main() -> None:
    """Check whether news outlets agree: claims, contradictions and unsupported repetitions.

    \b
    Example:
        consistency ingest corpora/sample --store demo
        consistency check --store demo
        consistency query "the briefing was on March 10" --store demo
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--verify", is_flag=True, help="Check the whole database before writing (done anyway after an interrupted batch).")
@store_options
def ingest(paths, verify: bool, options: Options, fmt: str) -> None:
    """Ingest articles from JSONL, CSV, or folders of .txt/.json/.html files.

    Already-stored articles are skipped and nothing is embedded twice. Exits 1 when any
    record was rejected (each rejection names file, line, field and the fix).

    \b
    Example:
        consistency ingest corpora/sample/articles.jsonl corpora/sample/more --store demo
    """
    from ..pipeline import ingest as run_ingest

    result = run_ingest(paths, options.with_(verify=verify), progress=_progress_bar(options.progress))
    click.echo(render.ingest(result, fmt))
    for rejection in result.rejected:
        click.echo(f"rejected: {rejection}", err=True)
    if result.rejected:
        sys.exit(1)


@main.command()
@click.option("--full", is_flag=True, help="Compare every stored pair again, not only those touching new claims.")
@click.option("--facts", is_flag=True, default=None,
              help="Also line up each story's figures and dates by what they count or date, across wordings "
                   "(every row; without it the check keeps only the table's surest findings, dates of one "
                   "happening worded differently).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Show only flags at least this sure (confidence is the precision measured at the flag's score).")
@click.option("--verify", is_flag=True, help="Check the whole database before writing (done anyway after an interrupted batch).")
@store_options
def check(full: bool, facts: bool | None, min_confidence: float | None, verify: bool, options: Options,
          fmt: str) -> None:
    """Align claims across outlets and print every flag (JSON: one flag per line).

    \b
    Example:
        consistency check --store demo --format json | jq .type
        consistency check --store demo --facts --min-confidence 0.3
    """
    from ..pipeline import check as run_check

    options = options.with_(min_confidence=min_confidence, facts=facts, verify=verify)
    result = run_check(options, progress=_progress_bar(options.progress), full=full)
    click.echo(render.flags(result.flags, fmt, reviews=_reviews(options)))


@main.command()
@click.argument("text")
@click.option("-k", "k", type=click.IntRange(1, 200), default=10, show_default=True, help="Matches to return.")
@store_options
def query(text: str, k: int, options: Options, fmt: str) -> None:
    """Find the stored claims that match TEXT, grouped by outlet, with their flags.

    \b
    Example:
        consistency query "Oreshnik will be operational by December" -k 5 --store demo
    """
    from ..query.engine import query as run_query

    result = run_query(text, options, k)
    click.echo(render.query(result, fmt))


@main.command()
@store_options
def stats(options: Options, fmt: str) -> None:
    """Count articles, claims, indexed vectors, open flags and outlets."""
    from ..pipeline import stats as run_stats

    counts = run_stats(options)
    click.echo(json.dumps(counts) if fmt == "json" else render.table([counts]))


@main.command()
@click.argument("flag_ids", nargs=-1)
@click.option("--confirm", "verdict", flag_value="confirmed", help="The flag is a real problem.")
@click.option("--dismiss", "verdict", flag_value="dismissed", help="The flag is a false alarm.")
@click.option("--note", default="", help="Why; shown in the report and published with --export.")
@click.option("--export", "export", type=click.Choice(["claimreview"]), default=None,
              help="Write the confirmed flags (all, or those named) as schema.org ClaimReview JSON-LD.")
@click.option("--publisher", default="consistency", show_default=True,
              help="With --export: the organisation publishing the reviews (ClaimReview author).")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="With --export: write here instead of standard output.")
@store_options
def review(flag_ids: tuple[str, ...], verdict: str | None, note: str, export: str | None, publisher: str,
           out_file: Path | None, options: Options, fmt: str) -> None:
    """Record a verdict on a flag (it persists until the flag's evidence changes), or export confirmed ones.

    \b
    Examples:
        consistency review tim-0123456789ab --dismiss --note "same briefing, time zones differ"
        consistency review num-0123456789ab --confirm --note "the ministry's own figure is 40"
        consistency review --export claimreview --publisher "Desk Fact Check" --out reviews.jsonld
    """
    if export:
        if verdict:
            raise click.UsageError("--export writes verdicts already recorded; give --confirm/--dismiss separately")
        from ..review.claimreview import export_claim_reviews

        doc = export_claim_reviews(options, publisher, list(flag_ids) or None)
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        if out_file:
            out_file.write_text(text + "\n", encoding="utf-8")
            click.echo(f"{len(doc['@graph'])} ClaimReviews written to {out_file}", err=True)
        else:
            click.echo(text)
        return
    from ..review import review as run_review

    if verdict is None:
        raise click.UsageError("give --confirm or --dismiss (or --export claimreview)")
    if len(flag_ids) != 1:
        raise click.UsageError("give exactly one FLAG_ID to record a verdict on")
    flag_id = flag_ids[0]
    rec = run_review(flag_id, verdict, note, options)
    click.echo(json.dumps(rec) if fmt == "json" else f"{flag_id}: {verdict}" + (f" ({note})" if note else ""))


def _reviews(options: Options) -> dict:
    from ..pipeline import open_store

    with open_store(options) as store:
        return store.reviews()


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), envvar="CONSISTENCY_OUT",
              default=Path("consistency-report"), show_default=True,
              help="Report folder: the latest report.html, report.json and CSVs, plus runs/<run-id>/ copies.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing unless something is wrong (for cron).")
@click.option("--engine", type=click.Choice(["local", "ray"]), envvar="CONSISTENCY_ENGINE", default="local",
              show_default=True, help="Where the batch runs: this process, or Ray (pip install 'consistency[ray]').")
@click.option("--ray-address", default=None,
              help="Ray cluster to join ('auto': the one running here); none starts a local Ray.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave flags less sure than this out of the report (they stay in the store).")
@click.option("--verify", is_flag=True, help="Check the whole database before writing (done anyway after an interrupted batch).")
@store_options
def run(sources, out_dir: Path, quiet: bool, engine: str, ray_address: str | None, min_confidence: float | None,
        verify: bool, options: Options, fmt: str) -> None:
    """Nightly batch: ingest what is new, check, and write the report (HTML, JSON, CSV).

    Exit status: 0 all well; 1 some input records were rejected (each listed on stderr);
    2 failure (one line on stderr; -v for the traceback). The store stays consistent.

    \b
    Example (crontab):
        15 2 * * * consistency run incoming/ --store /srv/news/store --out /srv/news/reports --quiet

    \b
    On a Ray cluster (the store stays on this machine; workers parse, embed and compare):
        consistency run incoming/ --store /srv/news/store --engine ray --ray-address auto
    """
    from ..nightly import run as run_nightly

    if ray_address and engine != "ray":
        raise click.UsageError("--ray-address needs --engine ray")
    options = options.with_(engine=engine, ray_address=ray_address, min_confidence=min_confidence, verify=verify)

    verbose = click.get_current_context().params.get("verbose", 0)
    if quiet and verbose:
        raise click.UsageError("--quiet and -v contradict each other; give one")
    if quiet or not sys.stderr.isatty():
        _silence_model_progress()
    try:
        result = run_nightly(sources, options, out_dir, progress=_progress_bar(options.progress and not quiet))
    except Exception as exc:  # cron needs exit status 2 and one readable line for any failure
        _fail(exc, verbose)
    if not quiet:
        click.echo(json.dumps(result.to_dict()) if fmt == "json" else _run_summary(result))
    for rejection in result.ingest.rejected:
        click.echo(f"rejected: {rejection}", err=True)
    sys.exit(result.exit_code)


def _run_summary(result) -> str:
    s = result.summary
    return (f"{s['articles_new']} new articles ({s['articles_duplicate']} already seen, {s['rejected']} rejected), "
            f"{s['claims_new']} new claims; flags: {s['flags_new']} new, {s['flags_resolved']} resolved, "
            f"{s['flags_carried']} carried over, {s['flags_dismissed']} dismissed\nreport: {result.files['report.html']}")


def _silence_model_progress() -> None:
    """Keep the model loaders' own progress bars out of cron mail."""
    import os

    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    if "transformers" in sys.modules:
        sys.modules["transformers"].utils.logging.disable_progress_bar()


def _fail(exc: Exception, verbose: int) -> None:
    import traceback

    if verbose:
        traceback.print_exception(exc, file=sys.stderr)
    exc = environment_error(exc) or exc
    hint = "" if isinstance(exc, ConsistencyError) or verbose else "; rerun with -v for the traceback"
    what = str(exc) if isinstance(exc, ConsistencyError) else f"{type(exc).__name__}: {exc}"
    click.echo(f"consistency run failed: {what}{hint}", err=True)
    sys.exit(2)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@store_options
def serve(host: str, port: int, options: Options, fmt: str) -> None:
    """Serve the fact-checker's web page and the HTTP JSON API (docs at /docs).

    \b
    Example:
        consistency serve --store demo --port 8765
        curl 'http://127.0.0.1:8765/api/query?q=the+briefing+was+on+March+10&k=5'
    """
    from ..server.app import serve as run_server

    click.echo(f"serving {options.store} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run_server(options, host, port)

