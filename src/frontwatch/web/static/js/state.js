// The page's state lives in the URL's query string, so every view is a permalink:
// the filters, the selected event, the control layer's date, the map view and the
// timeline's bar size.

export const FILTER_KEYS = ["since", "until", "type", "actor", "country", "bbox", "contested", "q"];
const OTHER_KEYS = ["event", "control", "view", "by"];

export function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of [...FILTER_KEYS, ...OTHER_KEYS]) {
    const value = params.get(key);
    if (value !== null && value !== "") state[key] = value;
  }
  if (state.contested !== undefined) state.contested = state.contested === "true" || state.contested === "1";
  return state;
}

export function toQuery(state, keys = [...FILTER_KEYS, ...OTHER_KEYS]) {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = state[key];
    if (value === undefined || value === null || value === "" || value === false) continue;
    params.set(key, value === true ? "true" : String(value));
  }
  return params;
}

export function writeUrl(state, push) {
  const query = toQuery(state).toString();
  const url = `${window.location.pathname}${query ? "?" + query : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/** The filters as API parameters; `without` leaves some out (the timeline shows every date). */
export function filterParams(state, without = []) {
  const out = {};
  for (const key of FILTER_KEYS) {
    if (without.includes(key)) continue;
    if (state[key] !== undefined && state[key] !== "" && state[key] !== false) out[key] = state[key];
  }
  return out;
}
