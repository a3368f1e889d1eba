// Fetching JSON from the server: one request in flight per purpose, so a slow answer to an
// old filter never overwrites the answer to the new one.

const inflight = new Map();

export async function getJSON(purpose, path, params = {}) {
  const previous = inflight.get(purpose);
  if (previous) previous.abort();
  const controller = new AbortController();
  inflight.set(purpose, controller);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "" && v !== false) query.set(k, String(v));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  try {
    const response = await fetch(url, {signal: controller.signal,
      headers: {Accept: "application/json"}});
    let body = {};
    try {
      body = await response.json();
    } catch (error) {
      // A newer request for the same purpose may abort this one while its body is read: that
      // is an abort like any other, never an empty answer to draw.
      if (isAbort(error)) throw error;
      if (response.ok) throw new ApiError(response.status, `${path}: the server's answer is not JSON`);
    }
    if (!response.ok) {
      const detail = typeof body.detail === "string" ? body.detail : response.statusText;
      throw new ApiError(response.status, detail);
    }
    return body;
  } finally {
    if (inflight.get(purpose) === controller) inflight.delete(purpose);
  }
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export function isAbort(error) {
  return error && error.name === "AbortError";
}
