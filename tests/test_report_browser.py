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


UPDATE = [("Baltic Wire", "2026-03-12", "Police in Dorn said 8 people were injured when the roof of the Dorn "
                                          "market hall collapsed on Tuesday."),
          ("Riga Post", "2026-03-14", "Police in Dorn said the number of people injured when the roof of the Dorn "
                                      "market hall collapsed on Tuesday has risen to 11.")]

STRIKES = [("s0", "2026-03-02", "Dock workers strike in Kesk harbour over pay",
            "Dock workers in Kesk harbour walked out on Monday in a strike over pay, halting the Viking and Eckero "
            "ferries to Tallinn, Maret Ilves of the Baltic Dockers Union said."),
           ("s1", "2026-03-23", "Crane operators walk out at Kesk container terminal",
            "Crane operators at the Kesk container terminal stopped work on Monday in a new strike over pay, leaving "
            "Maersk and Hapag cargo ships waiting offshore, Toomas Kask of the Harju Port Authority said.")]


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
    for i, (outlet, day, text) in enumerate(UPDATE):
        rows.append({"id": f"u{i}", "outlet": outlet, "url": f"https://{outlet.split()[0].lower()}.example/dorn-{i}",
                     "title": "Market hall roof collapses in Dorn", "published": f"{day}T09:00:00+00:00",
                     "text": text})
    # two strikes in one port three weeks apart: two stories, one thread
    for aid, day, title, text in STRIKES:
        rows.append({"id": aid, "outlet": "Harbour Courier", "url": f"https://courier.example/{aid}", "title": title,
                     "published": f"{day}T07:00:00+00:00", "text": text})
    return rows


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    src = tmp / "night.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _articles()), encoding="utf-8")
    result = run([src], Options(store=tmp / "store", embedder="hashing"), tmp / "out")
    return result.files["report.html"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (CI installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page(browser, report):
    """The report on a 1280 px screen, every fold opened."""
    pg = browser.new_page(viewport={"width": 1280, "height": 1400})
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: errors.append(f"request {r.url}") if not r.url.startswith(("file:", "data:"))
          else None)
    pg.goto(report.as_uri())
    pg.wait_for_load_state("load")
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / "report-1280.png"), full_page=True)
    pg.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    yield pg, errors
    pg.close()


@pytest.fixture(scope="module")
def narrow(browser, report):
    """The report on a 390 px phone screen, as it first opens."""
    pg = browser.new_page(viewport={"width": 390, "height": 844})
    pg.goto(report.as_uri())
    pg.wait_for_load_state("load")
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / "report-390.png"), full_page=True)
    yield pg
    pg.close()


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


def test_report_browser_no_sideways_scroll_at_390(narrow):
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 390
    narrow.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 390  # wide tables scroll inside their box


def test_report_browser_flagged_stories_lead_before_anything_else(page):
    pg, _ = page
    order = pg.evaluate("""[...document.querySelectorAll('main > section')].map(s => s.id)""")
    assert order.index("stories") == order.index("summary") + 1
    flagged = pg.locator("#stories .story.flagged")
    assert flagged.count() >= 2  # the briefing story and the market-hall story both carry flags
    folded = pg.locator("#other-stories .story")
    for i in range(folded.count()):  # no flagged story is folded away
        assert folded.nth(i).locator(".flag").count() == 0
    first_story_flags = pg.locator("#stories .story.flagged").first.locator(".flag")
    assert first_story_flags.count() >= 1


def test_report_browser_update_looks_different_and_is_counted_apart(page):
    pg, _ = page
    update = pg.locator(".flag.kind-update").first
    contradiction = pg.locator(".flag.kind-contradiction").first
    assert update.count() == 1 and contradiction.count() == 1
    style = "el => getComputedStyle(el).borderLeftStyle + ' ' + getComputedStyle(el).backgroundColor"
    assert update.evaluate(style) != contradiction.evaluate(style)
    assert "not a contradiction" in update.inner_text()
    cards = pg.locator("#summary .card").all_inner_texts()
    assert any("new updates (not contradictions)" in c for c in cards) and any(c.endswith("new flags") for c in cards)


def test_report_browser_no_internal_keys_and_honest_columns(page):
    pg, _ = page
    text = pg.evaluate("document.body.innerText")
    import re

    assert not re.search(r"\b(?:unattributed|unknown|named):", text)
    assert "Share of claims" not in text
    assert "Its claims in unsupported repetitions" in text


def test_report_browser_timeline_axes_are_labelled(page):
    pg, _ = page
    labels = pg.locator("svg.timeline .axis-label").all_text_contents()
    assert any("day the statement refers to" in t for t in labels) and "outlet" in labels
    assert pg.locator("svg.timeline .mark-label").count() >= 1  # the dates in conflict are written beside their marks


def test_report_browser_every_flag_links_to_its_evidence(page):
    pg, _ = page
    flags = pg.locator("#stories .flag")
    assert flags.count() >= 2
    for i in range(flags.count()):
        card = flags.nth(i)
        links = card.locator("a.evlink").evaluate_all("els => els.map(e => e.href)")
        quotes = card.locator("blockquote").count()
        no_url = card.locator("span.evlink").count()
        assert len(links) + no_url == quotes >= 1
        assert all("#:~:text=" in href for href in links)


def test_report_browser_stories_of_one_subject_sit_under_their_thread(page):
    pg, _ = page
    threads = pg.locator("#stories .thread")
    assert threads.count() == 1  # the two strikes; the briefing and the market hall are subjects of their own
    strikes = threads.first.locator(".story h3").all_text_contents()
    assert sorted(strikes) == sorted(title for _, _, title, _ in STRIKES)
    assert "Thread: " + STRIKES[0][2] in threads.first.locator(".thread-title").inner_text()
    assert pg.locator(".thread .story.flagged").count() == 0 and pg.locator("#stories .story.flagged").count() >= 2
