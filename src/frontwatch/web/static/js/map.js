// The map: offline Natural Earth borders (optionally a tile server), events as canvas circles
// coloured by type and sized by fatalities, server-side clusters when dense, and the
// territorial-control layer.
/* global L, topojson */

import { el } from "./dom.js";
import { nameColor, typeColor } from "./colors.js";

const ADMIN1_MIN_ZOOM = 5;

export function createMap(container, config, { onSelect, onViewChange }) {
  const map = L.map(container, { preferCanvas: true, worldCopyJump: true, minZoom: 1,
    maxZoom: 14, zoomControl: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth");
  const renderer = L.canvas({ padding: 0.3 });
  map.createPane("basemap").style.zIndex = 200;
  map.createPane("provinces").style.zIndex = 250;
  if (config.tiles) {
    L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "",
      maxZoom: 19 }).addTo(map);
  }
  const eventsLayer = L.layerGroup().addTo(map);
  const controlLayer = L.layerGroup();
  const selectedLayer = L.layerGroup().addTo(map);
  let admin1 = null;

  loadBasemap(map, Boolean(config.tiles)).then((layer) => { admin1 = layer; toggleAdmin1(); });

  function toggleAdmin1() {
    if (!admin1) return;
    const want = map.getZoom() >= ADMIN1_MIN_ZOOM;
    if (want && !map.hasLayer(admin1)) admin1.addTo(map);
    if (!want && map.hasLayer(admin1)) map.removeLayer(admin1);
  }

  let moveTimer = null;
  map.on("moveend", () => {
    toggleAdmin1();
    // Debounced: a drag fires many moves; one request after the map settles.
    clearTimeout(moveTimer);
    moveTimer = setTimeout(() => onViewChange(), 120);
  });

  function radiusFor(fatalities) {
    return Math.min(18, 4 + 2 * Math.sqrt(fatalities || 0));
  }

  function drawPoint(p, types) {
    const [id, lat, lon, typeIndex, fatalities, contested] = p;
    const type = types[typeIndex];
    const marker = L.circleMarker([lat, lon], {
      renderer, radius: radiusFor(fatalities), fillColor: typeColor(type), fillOpacity: 0.8,
      color: contested ? "#111" : "#fff", weight: contested ? 2.5 : 1,
      dashArray: contested ? "3 2" : null,
    });
    marker.bindTooltip(el("span", {}, `${type} · ${fatalities} killed${contested ? " · contested" : ""}`));
    marker.on("click", () => onSelect(id));
    marker.addTo(eventsLayer);
  }

  // A cluster is a ring split by event type (each type's share of its events, most first),
  // sized by its count, so dense areas keep their colours; a click zooms in.
  function drawCell(c, types) {
    const [lat, lon, n, mix] = c;
    const size = Math.round(Math.min(54, 20 + 6 * Math.log2(n)));
    const stops = [];
    let at = 0;
    for (const [typeIndex, count] of mix) {
      const end = at + (100 * count) / n;
      stops.push(`${typeColor(types[typeIndex])} ${at.toFixed(2)}% ${end.toFixed(2)}%`);
      at = end;
    }
    const dominant = types[mix[0][0]];
    const title = `${n.toLocaleString("en")} events: ${mix.map(([t, k]) => `${k.toLocaleString("en")} ${types[t]}`).join(", ")}. Click to zoom in.`;
    const badge = el("div", { class: "cluster", title, "data-dominant": dominant, "data-events": n },
      el("span", {}, n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n)));
    badge.style.width = badge.style.height = `${size}px`;
    // Set through the CSS object model, which the Content-Security-Policy allows.
    badge.style.background = `conic-gradient(${stops.join(", ")})`;
    const marker = L.marker([lat, lon], { icon: L.divIcon({ html: badge, className: "cluster-icon",
      iconSize: [size, size] }), keyboard: false });
    marker.on("click", () => map.setView([lat, lon], Math.min(map.getZoom() + 2, 14)));
    marker.addTo(eventsLayer);
  }

  return {
    leaflet: map,
    view() {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(3)).join(",");
    },
    zoom() { return map.getZoom(); },
    setData(data) {
      eventsLayer.clearLayers();
      for (const c of data.cells) drawCell(c, data.types);
      for (const p of data.points) drawPoint(p, data.types);
      container.dataset.points = String(data.points.length);
      container.dataset.cells = String(data.cells.length);
      container.dataset.located = String(data.located);
      container.dataset.mode = data.mode;
      container.dataset.state = "ready";
    },
    setLoading() { container.dataset.state = "loading"; },
    // A ring around the event shown in the panel, brought into view if it is off screen.
    highlight(lat, lon) {
      selectedLayer.clearLayers();
      if (lat === null || lat === undefined || lon === null || lon === undefined) return;
      L.circleMarker([lat, lon], { renderer, radius: 22, color: "#1f4e99", weight: 3,
        fill: false, interactive: false }).addTo(selectedLayer);
      if (!map.getBounds().contains([lat, lon])) map.panTo([lat, lon]);
    },
    setControl(periods) {
      controlLayer.clearLayers();
      for (const p of periods) {
        if (p.latitude === null || p.longitude === null) continue;
        const marker = L.circleMarker([p.latitude, p.longitude], { renderer, radius: 11,
          color: nameColor(p.controller), weight: 4, fill: false, dashArray: p.contested ? "4 3" : null });
        marker.bindTooltip(el("div", {},
          el("strong", {}, p.location || "?"), el("br"),
          `held by ${p.controller} since ${p.since}`, el("br"),
          p.previous ? `before: ${p.previous}` : ""));
        marker.on("click", () => onSelect(p.event_id));
        marker.addTo(controlLayer);
      }
      container.dataset.control = String(controlLayer.getLayers().length);
    },
    showControl(on) {
      if (on && !map.hasLayer(controlLayer)) controlLayer.addTo(map);
      if (!on && map.hasLayer(controlLayer)) map.removeLayer(controlLayer);
    },
  };
}

async function loadBasemap(map, hasTiles) {
  // Countries first (they are the first paint); provinces after, shown from zoom 5.
  const countries = await fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json());
  const land = topojson.feature(countries, countries.objects.countries);
  L.geoJSON(land, { pane: "basemap", interactive: false,
    style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: hasTiles ? 0 : 1 } }).addTo(map);
  const provinces = await fetch("/static/vendor/admin1/admin1.json").then((r) => r.json());
  const lines = topojson.mesh(provinces, provinces.objects.admin1, (a, b) => a !== b);
  return L.geoJSON(lines, { pane: "provinces", interactive: false,
    style: { color: "#b0a99f", weight: 0.6, dashArray: "2 2" } });
}
