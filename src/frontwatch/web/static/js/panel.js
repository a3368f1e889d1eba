// The side panel: the list of events, and one event with its claims side by side and each
// claim's sentence highlighted in its article's text. Everything from the store is set as
// text (dom.js), never parsed as HTML.

import { append, clear, el, safeUrl } from "./dom.js";
import { typeColor } from "./colors.js";

export function renderList(list, events, { onSelect, append: more }) {
  if (!more) clear(list);
  for (const e of events) {
    const item = el("li", { "data-id": e.event_id_cnty, tabindex: 0, class: e.contested ? "contested" : "" },
      el("span", { class: "swatch", title: e.event_type }),
      el("span", { class: "when" }, e.event_date || "undated"),
      " ",
      el("span", { class: "what" }, e.sub_event_type),
      el("div", { class: "where" }, [e.location, e.country].filter(Boolean).join(", ") || "no place"),
      el("div", { class: "figures" }, `${e.fatalities} killed`,
        e.contested ? el("span", { class: "badge contested-badge" }, "contested") : ""));
    item.querySelector(".swatch").style.background = typeColor(e.event_type);
    item.addEventListener("click", () => onSelect(e.event_id_cnty));
    item.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onSelect(e.event_id_cnty); });
    list.append(item);
  }
}

function figure(c) {
  if (c.fatalities === null || c.fatalities === undefined) return c.denies ? "denies" : "no figure";
  if (c.fatalities_quantifier && c.fatalities_value === null) return `${c.fatalities_quantifier} (counted ${c.fatalities})`;
  if (c.fatalities_low !== null && c.fatalities_high !== null && c.fatalities_low !== undefined) {
    return `${c.fatalities_low}–${c.fatalities_high}`;
  }
  return `${c.fatalities_approximate ? "at least " : ""}${c.fatalities}`;
}

function claimCard(c, index) {
  const who = c.claimant || c.outlet || "the report";
  const badges = [
    c.hedged ? el("span", { class: "badge hedged" }, "hedged") : null,
    c.denies ? el("span", { class: "badge denies" }, "denies") : null,
    c.updates ? el("span", { class: "badge updates" }, "updated toll") : null,
  ];
  const article = c.article || {};
  const link = safeUrl(article.url);
  return el("article", { class: "claim", "data-claim": c.claim_id, "data-index": index },
    el("h4", { class: "claimant" }, who),
    el("div", { class: "kind" }, c.claimant_kind || (c.claimant ? "" : "reporting outlet")),
    el("div", { class: "figure" }, el("span", { class: "label" }, "killed "),
      el("strong", { class: "fatalities" }, figure(c)),
      c.injuries !== null && c.injuries !== undefined ? ` · ${c.injuries} injured` : ""),
    el("div", { class: "badges" }, badges),
    el("blockquote", { class: "sentence" }, (c.evidence || []).map((ev) => ev.text).join(" … ") || "—"),
    el("div", { class: "source" },
      link ? el("a", { href: link, target: "_blank", rel: "noopener noreferrer" }, article.title || article.outlet || "article")
        : el("span", {}, article.title || "untitled article"),
      article.outlet ? ` · ${article.outlet}` : "",
      article.published ? ` · ${article.published}` : "",
      (c.outlets || []).length > 1 ? ` (also run by ${c.outlets.filter((o) => o !== article.outlet).join(", ")})` : ""),
    el("div", { class: "why" }, c.merge_reason ? `joined: ${c.merge_reason}` : ""));
}

export function renderEvent(box, e) {
  clear(box);
  const actors = [e.actor1, e.actor2].filter(Boolean).join(" vs ");
  const place = [e.location, e.admin2, e.admin1, e.country].filter(Boolean);
  const head = el("div", { class: "event-head", "data-id": e.event_id_cnty },
    el("div", { class: "type-line" }, el("span", { class: "swatch" }), `${e.event_type} / ${e.sub_event_type}`),
    el("h3", {}, `${e.event_date || "undated"} · ${[...new Set(place)].join(", ") || "no place"}`),
    el("div", { class: "actors" }, actors || "actors unknown"),
    el("div", { class: "figures" }, `Fatalities ${e.fatalities}`,
      e.fatalities_high !== null && e.fatalities_high !== e.fatalities ? ` (claims up to ${e.fatalities_high})` : "",
      e.contested ? el("span", { class: "badge contested-badge", id: "contested-flag" }, "contested: the claims disagree") : ""),
    el("div", { class: "sources" }, `${e.n_articles} article(s), ${e.n_claims} claim(s) · ${e.event_id_cnty}`),
    e.notes ? el("p", { class: "notes" }, e.notes) : null);
  head.querySelector(".swatch").style.background = typeColor(e.event_type);
  const claims = el("div", { class: "claims", id: "claims" }, e.claims.map(claimCard));
  const articles = el("div", { class: "articles", id: "articles" });
  append(box, head, el("h4", {}, "Claims side by side"), claims, el("h4", {}, "In the articles"), articles);
  return articles;
}

/** The article's text as text nodes, with this event's sentences (and other events') marked. */
export function renderArticle(box, article, eventId) {
  const spans = article.evidence
    .filter((ev) => Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.end > ev.start)
    .map((ev) => ({ start: ev.start, end: ev.end, mine: ev.event_id === eventId, ev }));
  const cuts = new Set([0, article.text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(article.text.length, s.end)); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const piece = article.text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { body.append(document.createTextNode(piece)); continue; }
    const mine = covering.filter((s) => s.mine);
    const who = [...new Set(covering.map((s) => s.ev.claimant).filter(Boolean))].join(", ");
    body.append(el("mark", { class: mine.length ? "this-event" : "other-event",
      title: mine.length ? `cited by this event${who ? ": " + who : ""}` : "cited by another event" }, piece));
  }
  const link = safeUrl(article.url);
  const wrap = el("section", { class: "article", "data-article": article.article_id },
    el("h5", {}, link ? el("a", { href: link, target: "_blank", rel: "noopener noreferrer" }, article.title || "untitled")
      : (article.title || "untitled"),
    article.outlet ? ` · ${article.outlet}` : "", article.published ? ` · ${article.published}` : ""),
    body);
  box.append(wrap);
  const first = body.querySelector("mark.this-event");
  if (first) body.scrollTop = Math.max(0, first.offsetTop - body.offsetTop - 40);
}
