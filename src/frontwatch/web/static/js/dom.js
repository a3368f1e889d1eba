// Building DOM from data without ever parsing it as HTML: every string becomes a text node
// or an attribute value, so article text, titles and names stay inert (see docs/dashboard.md).

const SAFE_ATTRS = new Set(["class", "title", "type", "value", "id", "role", "hidden",
  "colspan", "download", "target", "rel", "tabindex", "aria-label"]);

/** el("div", {class: "x", "data-id": id}, "text", child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("data-")) node.setAttribute(key, String(value));
    else if (key === "href") setHref(node, value);
    else if (SAFE_ATTRS.has(key)) node.setAttribute(key, value === true ? "" : String(value));
    else throw new Error(`el(): attribute ${key} is not allowed`);
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Only http(s) links from data, and relative links we build ourselves; anything else
 * (javascript:, data:, vbscript:) is dropped. */
export function safeUrl(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value, window.location.origin);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (_) { /* not a URL */ }
  return null;
}

function setHref(node, value) {
  const url = safeUrl(value);
  if (url) node.setAttribute("href", url);
}
