"""The HTML report in real headless Chromium: no console errors, plots drawn, article markup inert."""

import json
from pathlib import Path

import pytest

from consistency import Options
from consistency.nightly import run

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "test-output"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
REPEATED = f"The deployment was agreed in secret {SCRIPT} at a meeting in Mirgorod {IMG} in January."


def _articles() -> list[dict]:
    rows = []
    for i, (outlet, day, date) in enumerate([("Baltic Wire", "2026-03-10", "March 10"),
                                             ("Riga Post", "2026-03-11", "March 12"),
                                             ("Harbour <i>Courier</i>", "2026-03-11", "March 10")]):
        rows.append({
            "id": f"b{i}", "outlet": outlet, "url": f"https://{i}.example/markin" if i else "javascript:alert(1)",
            "title": f"Battery in place {SCRIPT}" if i == 0 else "Battery in place",
            "published": f"{day}T08:00:00+00:00",
            "text": f"Defence Minister Ilya Markin told a {date} press briefing that the first battery had reached "
                    f"its position.\n\n{REPEATED}\n\nReported by desk number {i}.",
        })
    return rows


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    src = tmp / "night.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _articles()), encoding="utf-8")
    result = run([src], Options(store=tmp / "store", embedder="hashing"), tmp / "out")
    return result.files["report.html"]


@pytest.fixture(scope="module")
def page(report):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (CI installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1100, "height": 1400})
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("request", lambda r: errors.append(f"request {r.url}") if not r.url.startswith(("file:", "data:"))
              else None)
        pg.goto(report.as_uri())
        pg.wait_for_load_state("load")
        pg.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        SHOTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(SHOTS / "report.png"), full_page=True)
        yield pg, errors
        browser.close()


def test_report_browser_no_console_errors_or_requests(page):
    pg, errors = page
    assert pg.title().startswith("Consistency report")
    assert errors == []


def test_report_browser_article_markup_is_text_not_live(page):
    pg, _ = page
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    assert pg.evaluate("document.scripts.length") == 0
    assert pg.locator("img").count() == 0 and pg.locator("i").count() == 0
    text = pg.evaluate("document.body.textContent")
    assert SCRIPT in text and "Harbour <i>Courier</i>" in text
    assert IMG in text  # the repeated claim is quoted as evidence, markup and all
    assert pg.locator('a[href^="javascript:"]').count() == 0


def test_report_browser_plots_render_with_size(page):
    pg, _ = page
    timeline = pg.locator("svg.timeline")
    assert timeline.count() >= 1
    box = timeline.first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 50
    assert pg.locator("svg.timeline .mark").count() >= 3
    conflict = pg.locator("svg.timeline .mark.conflict").first.bounding_box()
    assert conflict and conflict["width"] > 0 and conflict["height"] > 0
    bars = pg.locator("svg.bars").first.bounding_box()
    assert bars and bars["width"] > 100
