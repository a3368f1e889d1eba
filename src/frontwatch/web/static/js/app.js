// The dashboard's wiring: URL state -> requests -> map, timeline, list and event panel.
/* global L */

import { getJSON, isAbort } from "./api.js";
import { TYPE_COLORS } from "./colors.js";
import { append, clear, el } from "./dom.js";
import { createMap } from "./map.js";
import { renderArticle, renderEvent, renderList } from "./panel.js";
import { FILTER_KEYS, filterParams, readUrl, toQuery, writeUrl } from "./state.js";
import { createTimeline } from "./timeline.js";

const PAGE = 50;
const $ = (id) => document.getElementById(id);

let state = readUrl();
let map = null;
let timeline = null;
let lastStatsKey = null;
let listOffset = 0;
let fittedOnce = Boolean(state.view);

function showError(error) {
  if (isAbort(error)) return;
  const box = $("error");
  box.textContent = error && error.message ? error.message : String(error);
  box.hidden = false;
}

function clearError() { $("error").hidden = true; }

function fillTypes(types) {
  const select = $("f-type");
  for (const [type, subs] of Object.entries(types)) {
    const group = el("optgroup", {});
    group.label = type;
    append(group, el("option", { value: type }, `${type} (all)`), subs.map((s) => el("option", { value: s }, s)));
    select.append(group);
  }
}

function formFromState() {
  for (const key of ["since", "until", "type", "actor", "country", "q"]) $(`f-${key}`).value = state[key] || "";
  $("f-contested").checked = Boolean(state.contested);
  $("control-on").checked = Boolean(state.control);
  if (state.control) $("control-date").value = state.control;
}

function stateFromForm() {
  for (const key of ["since", "until", "type", "actor", "country", "q"]) {
    const value = $(`f-${key}`).value.trim();
    if (value) state[key] = value; else delete state[key];
  }
  if ($("f-contested").checked) state.contested = true; else delete state.contested;
}

function updateLinks() {
  const query = toQuery(state, FILTER_KEYS).toString();
  const suffix = query ? `?${query}` : "";
  $("dl-csv").href = `/api/events.csv${suffix}`;
  $("dl-acled").href = `/api/events.acled.csv${suffix}`;
  $("dl-geojson").href = `/api/events.geojson${suffix}`;
}

// A newer request for the same view aborts the older one; whoever waited for the older one
// waits for the newer instead, so "ready" always means the latest answer is drawn.
const latestRuns = new Map();
function latest(name, fn) {
  const wrapped = fn().catch((error) => {
    const newer = latestRuns.get(name);
    if (isAbort(error) && newer && newer !== wrapped) return newer;
    throw error;
  });
  latestRuns.set(name, wrapped);
  return wrapped;
}

const loadMap = () => latest("map", drawMap);

async function drawMap() {
  map.setLoading();
  const data = await getJSON("map", "/api/map", { ...filterParams(state), zoom: map.zoom(), view: fittedOnce ? map.view() : null });
  map.setData(data);
  if (!fittedOnce) {
    fittedOnce = true;
    const spots = [...data.points.map((p) => [p[1], p[2]]), ...data.cells.map((c) => [c[0], c[1]])];
    if (spots.length) map.leaflet.fitBounds(L.latLngBounds(spots).pad(0.2), { maxZoom: 8 });
  }
}

async function loadStats() {
  // The timeline shows every date under the other filters, so it can be brushed anywhere.
  // Its bars are a day, a week or a month as the store's span suits, unless the user picks.
  const by = ["day", "week", "month"].includes(state.by) ? state.by : "auto";
  const params = { ...filterParams(state, ["since", "until"]), by };
  const key = JSON.stringify(params);
  if (key !== lastStatsKey) {
    const data = await getJSON("stats", "/api/stats", params);
    lastStatsKey = key;
    $("timeline-by").value = data.by;
    $("timeline").dataset.by = data.by;
    timeline.setData(data);
  }
  timeline.setRange(state.since, state.until);
}

async function loadList(more = false) {
  listOffset = more ? listOffset + PAGE : 0;
  const data = await getJSON("list", "/api/events", { ...filterParams(state), limit: PAGE, offset: listOffset });
  renderList($("event-list"), data.events, { onSelect: selectEvent, append: more });
  $("total").textContent = `${data.total.toLocaleString("en")} events`;
  $("total").dataset.total = String(data.total);
  $("list-note").textContent = data.total > listOffset + data.events.length
    ? `newest ${listOffset + data.events.length} of ${data.total.toLocaleString("en")}` : "";
  $("list-more").hidden = !(data.total > listOffset + data.events.length);
}

async function loadControl() {
  map.showControl(Boolean(state.control));
  $("control-count").textContent = "";
  if (!state.control) return;
  const data = await getJSON("control", "/api/control", { date: state.control, country: state.country });
  map.setControl(data.periods);
  $("control-count").textContent = `${data.periods.length} places`;
}

let refreshes = 0;

async function refresh() {
  const mine = ++refreshes;
  // What a user waits for, from the change to the first frame drawn with its results
  // (read by bench/dashboard.py as the "fw-refresh" measure).
  performance.mark(`fw-refresh-start-${mine}`);
  document.body.dataset.state = "loading";
  clearError();
  updateLinks();
  try {
    await Promise.all([loadMap(), latest("stats", loadStats), latest("list", () => loadList()),
      latest("control", loadControl)]);
    if (mine === refreshes) {
      await new Promise((done) => requestAnimationFrame(() => done()));
      performance.measure("fw-refresh", `fw-refresh-start-${mine}`);
      document.body.dataset.state = "ready";
    }
  } catch (error) {
    showError(error);
    if (!isAbort(error) && mine === refreshes) document.body.dataset.state = "error";
  }
}

async function selectEvent(id, push = true) {
  if (!id) return;
  state.event = id;
  writeUrl(state, push);
  $("list-view").hidden = true;
  $("detail-view").hidden = false;
  const box = $("detail");
  box.dataset.state = "loading";
  try {
    const event = await getJSON("event", `/api/events/${encodeURIComponent(id)}`);
    const articlesBox = renderEvent(box, event);
    map.highlight(event.latitude, event.longitude);
    const ids = [...new Set(event.claims.map((c) => c.article_id).filter(Boolean))];
    const articles = await Promise.all(ids.map((a) => getJSON(`article-${a}`, `/api/articles/${encodeURIComponent(a)}`)));
    for (const article of articles) renderArticle(articlesBox, article, event.event_id_cnty);
    box.dataset.state = "ready";
  } catch (error) {
    box.dataset.state = "error";
    clear(box).append(el("p", { class: "missing" }, error.message || "could not load the event"));
  }
}

function closeEvent() {
  delete state.event;
  writeUrl(state, true);
  $("detail-view").hidden = true;
  $("list-view").hidden = false;
  map.highlight(null, null);
}

function onFiltersChanged() {
  stateFromForm();
  writeUrl(state, true);
  refresh();
}

function legend() {
  const box = $("legend");
  for (const [type, color] of Object.entries(TYPE_COLORS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = color;
    box.append(el("div", {}, swatch, type));
  }
  box.append(el("div", { class: "legend-note" }, "size: fatalities · dashed ring: contested · numbers: clusters, ringed by their types"));
}

async function start() {
  legend();
  const config = await getJSON("config", "/api/config");
  fillTypes(config.event_types);
  formFromState();
  map = createMap($("map"), config, {
    onSelect: (id) => selectEvent(id),
    onViewChange: () => {
      if (!fittedOnce) return;
      state.view = map.view();
      writeUrl(state, false);
      loadMap().catch(showError);
    },
  });
  if (state.view) {
    const [w, s, e, n] = state.view.split(",").map(Number);
    if ([w, s, e, n].every(Number.isFinite)) map.leaflet.fitBounds([[s, w], [n, e]]);
    else fittedOnce = false;
  } else {
    map.leaflet.setView([25, 20], 2);
  }
  timeline = createTimeline($("timeline"), {
    onBrush: (since, until) => {
      if (since) state.since = since; else delete state.since;
      if (until) state.until = until; else delete state.until;
      formFromState();
      writeUrl(state, true);
      refresh();
    },
  });
  $("filters").addEventListener("change", (event) => {
    if (event.target.id === "control-date") return;
    onFiltersChanged();
  });
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); onFiltersChanged(); });
  $("f-clear").addEventListener("click", () => {
    for (const key of FILTER_KEYS) delete state[key];
    formFromState();
    writeUrl(state, true);
    refresh();
  });
  $("list-more").addEventListener("click", () => loadList(true).catch(showError));
  $("timeline-by").addEventListener("change", () => {
    state.by = $("timeline-by").value;
    writeUrl(state, true);
    latest("stats", loadStats).catch(showError);
  });
  $("detail-close").addEventListener("click", closeEvent);
  const controlChanged = () => {
    if ($("control-on").checked) {
      if (!$("control-date").value) $("control-date").value = state.until || new Date().toISOString().slice(0, 10);
      state.control = $("control-date").value;
    } else {
      delete state.control;
    }
    writeUrl(state, true);
    loadControl().catch(showError);
  };
  $("control-on").addEventListener("change", controlChanged);
  $("control-date").addEventListener("change", () => { if ($("control-on").checked) controlChanged(); });
  window.addEventListener("popstate", () => {
    state = readUrl();
    formFromState();
    refresh();
    if (state.event) selectEvent(state.event, false);
    else { $("detail-view").hidden = true; $("list-view").hidden = false; }
  });
  await refresh();
  if (state.event) selectEvent(state.event, false);
}

start().catch(showError);
