// The fact-checker's page. Every piece of stored text goes in through textContent or a text
// node, never through innerHTML: an article that contains markup shows it as text.
"use strict";

const FLAG_NAMES = {
  timeline: "Timeline conflict",
  attribution: "Attribution conflict",
  channel: "Channel conflict",
  number: "Number conflict",
  polarity: "Polarity conflict",
  name_variant: "Name variant",
  unsupported_repetition: "Unsupported repetition",
  place: "Place conflict",
  role: "Role conflict",
  update: "Update",
};
const GRID_COLUMNS = [
  ["outlet", "Outlet"], ["published", "Published"], ["speaker", "Speaker"], ["channel", "Channel"],
  ["date", "Date"], ["number", "Number"], ["place", "Place"], ["wording", "Wording"], ["article", "Article"],
];
const COMPARED = ["speaker", "channel", "date", "number", "place"];

// el("p", {class: "x"}, "text", child): attributes by setAttribute, children as text nodes or elements.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) throw new Error("no inline handlers");
    node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === "") continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Only http(s) links become links: a "javascript:" URL in an article record stays plain text.
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function articleLink(url, title) {
  const href = safeUrl(url);
  const label = title || url || "(no link)";
  if (!href) return el("span", { class: "nolink", title: "no web link for this article" }, label);
  return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, label);
}

function day(iso) {
  return (iso || "").slice(0, 10);
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

const $ = (id) => document.getElementById(id);

function setStatus(text, kind) {
  const status = $("status");
  status.textContent = text;
  status.className = "status" + (kind ? " " + kind : "");
}

async function loadHealth() {
  try {
    const h = await api("/api/health");
    const c = h.counts;
    $("health").textContent =
      `${c.articles} articles · ${c.claims} claims · ${c.outlets} outlets · ${c.flags} open flags`;
  } catch (err) {
    $("health").textContent = "store unavailable: " + err.message;
  }
}

async function search(text, k) {
  setStatus("Searching…", "busy");
  const started = performance.now();
  try {
    const result = await api(`/api/query?q=${encodeURIComponent(text)}&k=${encodeURIComponent(k)}`);
    render(result);
    const outlets = new Set(result.matches.map((m) => m.outlet)).size;
    const ms = Math.round(performance.now() - started);
    setStatus(result.matches.length
      ? `${result.matches.length} matching claims from ${outlets} outlets, ${result.flags.length} flags (${ms} ms).`
      : "No stored claim matches this text.", result.matches.length ? "done" : "empty");
  } catch (err) {
    $("results").hidden = true;
    setStatus(err.message, "error");
  }
}

function render(result) {
  const clusterOf = {};
  result.clusters.forEach((c, i) => c.claims.forEach((id) => { clusterOf[id] = i; }));
  const matchById = {};
  result.matches.forEach((m) => { matchById[m.claim_id] = m; });
  renderFacts(result.facts || []);
  renderClusters(result.clusters, matchById);
  renderGrid(result.grid, matchById, clusterOf);
  shownThreads = result.threads || {};
  renderFlags(result.flags);
  $("results").hidden = false;
}

const FACT_COLUMNS = [
  ["outlet", "Outlet"], ["published", "Published"], ["stance", "Stance"], ["speaker", "Speaker"],
  ["channel", "Channel"], ["date", "Date"], ["number", "Number"], ["text", "Wording"],
];
// A difference type marks the cells that show its value.
const DIFF_CELLS = { timeline: ["date"], number: ["number"], update: ["number"], attribution: ["speaker"],
  channel: ["channel"], polarity: ["stance", "text"], place: ["text"], role: ["text"], name_variant: ["text"] };

function renderFacts(facts) {
  const box = $("facts");
  clear(box);
  if (!facts.length) {
    box.appendChild(el("p", { class: "empty" }, "No fact answers this closely."));
    return;
  }
  facts.forEach((fact, i) => {
    const rows = fact.statements.map((st) => {
      const marked = new Set(st.differs.flatMap((t) => DIFF_CELLS[t] || []));
      return el("tr", { "data-claim": st.claim_id, class: st.caption ? "caption" : null },
        FACT_COLUMNS.map(([key]) => {
          const td = el("td", { class: `col-${key}` + (marked.has(key) ? " differs" : "") });
          if (key === "text") {
            td.appendChild(el("span", { class: "claim-text" }, st.text));
            if (st.caption) td.appendChild(el("span", { class: "badge" }, "photo caption"));
            td.appendChild(el("div", {}, articleLink(st.url, st.title)));
          } else if (key === "published") {
            td.textContent = day(st.published);
          } else {
            td.textContent = st[key] || "—";
          }
          return td;
        }));
    });
    const diffs = fact.disagreements.map((d) => el("li", {},
      el("strong", {}, FLAG_NAMES[d.type] || d.type), ": ",
      Object.entries(d.values).map(([o, v]) => `${o} says “${v}”`).join("; ")));
    box.appendChild(el("article", { class: "card fact", id: `fact-${i + 1}` },
      el("h3", {}, el("span", { class: "tag" }, `A${i + 1}`), " ", el("q", {}, fact.text)),
      el("p", { class: "hint" }, `${fact.outlets.length} ${fact.outlets.length === 1 ? "outlet" : "outlets"}: ${fact.outlets.join(", ")}`),
      el("div", { class: "table-wrap" }, el("table", { class: "fact-grid" },
        el("thead", {}, el("tr", {}, FACT_COLUMNS.map(([, label]) => el("th", { scope: "col" }, label)))),
        el("tbody", {}, rows))),
      diffs.length ? el("ul", { class: "disagreements" }, diffs) : null,
      fact.flags.length ? el("p", {}, "Flags: ", fact.flags.map((fid) =>
        el("a", { class: "badge flagref", href: `#flag-${fid}` }, fid))) : null));
  });
}

function renderClusters(clusters, matchById) {
  const box = $("clusters");
  clear(box);
  if (!clusters.length) {
    box.appendChild(el("p", { class: "empty" }, "No claim among these matches is carried by two or more outlets."));
    return;
  }
  clusters.forEach((c, i) => {
    const single = c.independent_origins <= 1 && c.outlets.length > 1;
    const origins = el("ul", { class: "origins" },
      c.origins.map((o) => el("li", {}, el("span", { class: "origin" }, o.origin),
        ` — ${o.claims.length} ${o.claims.length === 1 ? "copy" : "copies"}`)));
    box.appendChild(el("article", { class: "card cluster" + (single ? " single-origin" : ""), id: `cluster-${i + 1}` },
      el("h3", {}, el("span", { class: "tag" }, `C${i + 1}`), " ", el("q", {}, c.text)),
      el("dl", { class: "facts" },
        el("dt", {}, "Outlets"), el("dd", {}, `${c.outlets.length}: ${c.outlets.join(", ")}`),
        el("dt", {}, "Independent origins"),
        el("dd", {}, String(c.independent_origins), single ? " — every copy traces back to one origin" : ""),
        el("dt", {}, "Earliest"), el("dd", {}, `${c.earliest.outlet}, ${day(c.earliest.published)}`),
        el("dt", {}, "Matches here"), el("dd", {}, String(c.claims.filter((id) => matchById[id]).length))),
      el("details", {}, el("summary", {}, "Origins"), origins)));
  });
}

function renderGrid(rows, matchById, clusterOf) {
  const table = $("grid");
  clear(table);
  table.appendChild(el("thead", {}, el("tr", {}, GRID_COLUMNS.map(([, label]) => el("th", { scope: "col" }, label)))));
  const differs = differingCells(rows, clusterOf);
  // Outlets in the order of their best match, each outlet's claims best first.
  const score = (r) => (matchById[r.claim_id] || {}).score || 0;
  const best = {};
  rows.forEach((r) => { best[r.outlet] = Math.max(best[r.outlet] || 0, score(r)); });
  const sorted = rows.slice().sort((a, b) => best[b.outlet] - best[a.outlet] ||
    a.outlet.localeCompare(b.outlet) || score(b) - score(a));
  const body = el("tbody");
  sorted.forEach((row, i) => {
    const match = matchById[row.claim_id] || {};
    const first = i === 0 || sorted[i - 1].outlet !== row.outlet;
    const tr = el("tr", { class: first ? "group-start" : null, "data-claim": row.claim_id });
    for (const [key] of GRID_COLUMNS) {
      const td = el("td", { class: `col-${key}` + (differs.has(`${row.claim_id}|${key}`) ? " differs" : "") });
      if (key === "outlet") {
        if (first) td.appendChild(el("strong", {}, row.outlet));
        if (row.claim_id in clusterOf) td.appendChild(el("span", { class: "tag" }, `C${clusterOf[row.claim_id] + 1}`));
      } else if (key === "wording") {
        td.appendChild(el("span", { class: "claim-text" }, row.text));
        if (row.quote) td.appendChild(el("blockquote", { class: "quote" }, row.quote));
        if (row.negated) td.appendChild(el("span", { class: "badge neg" }, "denied / negated"));
        (match.flags || []).forEach((fid) =>
          td.appendChild(el("a", { class: "badge flagref", href: `#flag-${fid}` }, fid)));
      } else if (key === "article") {
        td.appendChild(articleLink(match.url, match.title));
        if (match.score !== undefined) td.appendChild(el("span", { class: "score" }, `match ${match.score.toFixed(2)}`));
      } else {
        td.textContent = row[key] || "—";
      }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  });
  table.appendChild(body);
}

// Cells whose value differs from another outlet's value for the same claim cluster.
function differingCells(rows, clusterOf) {
  const out = new Set();
  const groups = {};
  rows.forEach((r) => {
    if (r.claim_id in clusterOf) (groups[clusterOf[r.claim_id]] = groups[clusterOf[r.claim_id]] || []).push(r);
  });
  for (const members of Object.values(groups)) {
    for (const key of COMPARED) {
      const filled = members.filter((r) => r[key]);
      const values = new Set(filled.map((r) => r[key].toLowerCase()));
      if (values.size > 1 && new Set(filled.map((r) => r.outlet)).size > 1) {
        filled.forEach((r) => out.add(`${r.claim_id}|${key}`));
      }
    }
  }
  return out;
}

let shownFlags = [];
let shownThreads = {};

// Flags in runs by thread where a thread has flags of more than one story: each story is one
// event, its thread the ongoing subject (two strikes at one port); flags compare within a story.
function byThread(flags) {
  const stories = {};
  flags.forEach((f) => {
    if (f.thread_id && f.story_id) (stories[f.thread_id] = stories[f.thread_id] || new Set()).add(f.story_id);
  });
  const runs = [];
  const placed = {};
  flags.forEach((f) => {
    const grouped = f.thread_id && stories[f.thread_id] && stories[f.thread_id].size > 1;
    if (!grouped) {
      runs.push({ thread: null, flags: [f] });
      return;
    }
    if (!(f.thread_id in placed)) {
      placed[f.thread_id] = runs.length;
      runs.push({ thread: f.thread_id, flags: [] });
    }
    runs[placed[f.thread_id]].flags.push(f);
  });
  return runs;
}

function threadBox(run) {
  const byStory = {};
  const order = [];
  run.flags.forEach((f) => {
    if (!(f.story_id in byStory)) { byStory[f.story_id] = []; order.push(f.story_id); }
    byStory[f.story_id].push(f);
  });
  // the stories in the order their events were reported; the thread is named after the first
  const earliest = (sid) => byStory[sid].flatMap((f) => (f.evidence || []).map((e) => e.published || "")).sort()[0] || "";
  order.sort((a, b) => earliest(a).localeCompare(earliest(b)));
  const total = (shownThreads[run.thread] || {}).stories || order.length;
  const first = byStory[order[0]][0];
  return el("section", { class: "thread", "data-thread": run.thread },
    el("h3", { class: "thread-title" }, `Thread: ${first.story_title || "stories of one subject"}`),
    el("p", { class: "hint" }, `${order.length} stories of one ongoing subject with flags here` +
      (total > order.length ? ` (${total} in the store)` : "") + "; each story is one event, and flags compare within it."),
    order.map((sid) => el("div", { class: "story", "data-story": sid },
      el("h4", { class: "story-title" }, byStory[sid][0].story_title || sid),
      byStory[sid].map((f) => flagCard(f)))));
}

function renderFlags(flags) {
  shownFlags = flags;
  const box = $("flags");
  clear(box);
  if (!flags.length) {
    box.appendChild(el("p", { class: "empty" }, "No flag touches these claims."));
    return;
  }
  // Confidence is the share of such flags found right on labelled coverage: the unsure can be hidden.
  const least = Number(($("min-confidence") || {}).value || 0);
  const sure = flags.filter((f) => Number(f.confidence) >= least);
  byThread(sure).forEach((run) => box.appendChild(run.thread ? threadBox(run) : flagCard(run.flags[0])));
  if (sure.length < flags.length) {
    box.appendChild(el("p", { class: "empty" },
      `${flags.length - sure.length} less sure flags hidden (confidence below ${least}).`));
  }
}

function flagCard(f) {
  const values = Object.entries(f.values || {});
  const evidence = (f.evidence || []).map((e) => el("figure", { class: "evidence" },
    el("blockquote", {}, e.text),
    el("figcaption", {}, `${e.outlet}, ${day(e.published)}`)));
  const state = el("span", { class: "verdict" });
  const note = el("input", { type: "text", class: "note", maxlength: "2000", placeholder: "note (optional)",
                             "aria-label": "review note" });
  const confirm = el("button", { type: "button", class: "confirm" }, "Confirm");
  const dismiss = el("button", { type: "button", class: "dismiss" }, "Dismiss");
  const card = el("article", { class: `card flag type-${f.type}`, id: `flag-${f.id}`, "data-flag": f.id },
    el("header", {},
      el("span", { class: "flag-type" }, FLAG_NAMES[f.type] || f.type),
      el("span", { class: "confidence" }, "confidence ",
        el("meter", { min: "0", max: "1", value: String(f.confidence) }), ` ${Number(f.confidence).toFixed(2)}`),
      state),
    el("p", { class: "explanation" }, f.explanation),
    values.length ? el("table", { class: "values" },
      el("tbody", {}, values.map(([outlet, value]) => el("tr", {}, el("th", { scope: "row" }, outlet), el("td", {}, value))))) : null,
    evidence.length ? el("div", { class: "evidence-list" }, evidence) : null,
    el("div", { class: "review" }, confirm, dismiss, note),
    el("p", { class: "flag-id" }, f.id));
  showVerdict(card, state, f.review);
  confirm.addEventListener("click", () => review(f.id, "confirm", note, card, state));
  dismiss.addEventListener("click", () => review(f.id, "dismiss", note, card, state));
  return card;
}

function showVerdict(card, state, rev) {
  card.classList.remove("confirmed", "dismissed");
  if (!rev) {
    state.textContent = "";
    return;
  }
  card.classList.add(rev.verdict);
  state.textContent = rev.verdict === "confirmed" ? "Confirmed" : "Dismissed";
  if (rev.note) state.title = rev.note;
}

async function review(flagId, verdict, note, card, state) {
  const buttons = card.querySelectorAll(".review button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const rec = await api(`/api/flags/${encodeURIComponent(flagId)}/review`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ verdict, note: note.value }),
    });
    showVerdict(card, state, rec);
    setStatus(`Flag ${flagId} ${rec.verdict}.`, "done");
  } catch (err) {
    setStatus(`Could not record the verdict: ${err.message}`, "error");
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function start() {
  const form = $("search");
  const input = $("q");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      setStatus("Type the claim to look for.", "error");
      return;
    }
    const k = $("k").value;
    const url = new URL(window.location.href);
    url.searchParams.set("q", text);
    url.searchParams.set("k", k);
    window.history.replaceState(null, "", url);
    search(text, k);
  });
  $("min-confidence").addEventListener("change", () => renderFlags(shownFlags));
  loadHealth();
  const params = new URL(window.location.href).searchParams;
  if (params.get("q")) {
    input.value = params.get("q");
    if (params.get("k")) $("k").value = params.get("k");
    if (!$("k").value) $("k").value = "10";
    search(input.value, $("k").value);
  }
}

document.addEventListener("DOMContentLoaded", start);
