// The timeline: events per period stacked by type on a canvas, with a brush (drag) that
// chooses the date range every other view is filtered by.

import { typeColor } from "./colors.js";

const DAY = 86400000;
const PAD = { left: 34, right: 8, top: 6, bottom: 18 };

function toTime(iso) { return Date.parse(`${iso}T00:00:00Z`); }
function toIso(t) { return new Date(t).toISOString().slice(0, 10); }

function periodEnd(start, by) {
  const d = new Date(toTime(start));
  if (by === "week") return d.getTime() + 7 * DAY;
  if (by === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return d.getTime() + DAY;
}

export function createTimeline(canvas, { onBrush }) {
  let data = null;
  let range = null; // [since, until] ISO dates, inclusive
  let drag = null;
  let scale = null;

  function layout() {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx, width, height };
  }

  function draw() {
    const { ctx, width, height } = layout();
    ctx.clearRect(0, 0, width, height);
    canvas.dataset.periods = data ? String(data.periods.length) : "0";
    if (!data || !data.periods.length) {
      ctx.fillStyle = "#777";
      ctx.font = "12px sans-serif";
      ctx.fillText("No dated events for these filters.", PAD.left, height / 2);
      scale = null;
      return;
    }
    const t0 = toTime(data.periods[0]);
    const t1 = periodEnd(data.periods[data.periods.length - 1], data.by);
    const plotW = width - PAD.left - PAD.right;
    const plotH = height - PAD.top - PAD.bottom;
    const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * plotW;
    scale = { t0, t1, x, invert: (px) => t0 + ((px - PAD.left) / plotW) * (t1 - t0) };
    const totals = data.periods.map((_, i) => data.types.reduce((s, t) => s + data.events[t][i], 0));
    const max = Math.max(1, ...totals);
    data.periods.forEach((p, i) => {
      const left = x(toTime(p));
      const w = Math.max(1, x(periodEnd(p, data.by)) - left - (plotW > data.periods.length * 3 ? 1 : 0));
      let y = PAD.top + plotH;
      for (const type of data.types) {
        const n = data.events[type][i];
        if (!n) continue;
        const h = (n / max) * plotH;
        ctx.fillStyle = typeColor(type);
        ctx.fillRect(left, y - h, w, h);
        y -= h;
      }
    });
    // Axes: the top count and a few dates.
    ctx.fillStyle = "#555";
    ctx.font = "11px sans-serif";
    ctx.fillText(String(max), 2, PAD.top + 9);
    ctx.fillText("0", 2, PAD.top + plotH);
    const ticks = Math.min(8, Math.max(2, Math.floor(plotW / 110)));
    for (let i = 0; i <= ticks; i++) {
      const t = t0 + ((t1 - t0) * i) / ticks;
      const label = toIso(t);
      const px = Math.min(width - 62, Math.max(PAD.left, x(t) - 30));
      ctx.fillText(label, px, height - 4);
    }
    // The brushed range (or the one being dragged).
    const sel = drag ? [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)]
      : range ? [x(Math.max(t0, toTime(range[0]))), x(Math.min(t1, toTime(range[1]) + DAY))] : null;
    if (sel) {
      ctx.fillStyle = "rgba(30, 60, 120, 0.15)";
      ctx.fillRect(sel[0], PAD.top, sel[1] - sel[0], plotH);
      ctx.strokeStyle = "rgba(30, 60, 120, 0.8)";
      ctx.strokeRect(sel[0] + 0.5, PAD.top + 0.5, sel[1] - sel[0], plotH);
    }
  }

  function px(event) {
    const box = canvas.getBoundingClientRect();
    return Math.min(box.width - PAD.right, Math.max(PAD.left, event.clientX - box.left));
  }

  canvas.addEventListener("pointerdown", (event) => {
    if (!scale) return;
    canvas.setPointerCapture(event.pointerId);
    drag = { from: px(event), to: px(event) };
    draw();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drag) return;
    drag.to = px(event);
    draw();
  });
  canvas.addEventListener("pointerup", (event) => {
    if (!drag) return;
    drag.to = px(event);
    const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    drag = null;
    if (b - a < 3) { draw(); return; } // a click, not a drag
    const since = toIso(scale.invert(a));
    // The end pixel is exclusive: the last day whose start lies left of it.
    const until = toIso(Math.max(scale.invert(a), scale.invert(b) - 1));
    range = [since, until];
    draw();
    onBrush(since, until);
  });
  canvas.addEventListener("dblclick", () => {
    range = null;
    draw();
    onBrush(null, null);
  });
  window.addEventListener("resize", () => draw());

  return {
    setData(series) { data = series; draw(); },
    setRange(since, until) {
      range = since || until ? [since || (data && data.periods[0]) || "1900-01-01", until || "2999-12-31"] : null;
      draw();
    },
  };
}
