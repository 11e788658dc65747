// Talks to the public API (/api/v1/**) and nothing else on the buyer and staff pages. Every answer comes back as
// { status, ok, body, problem, headers }; network failures and 503s are answers too, never thrown errors, so a
// page keeps working (and keeps polling) while the API sheds load.

const JSON_TYPE = 'application/json';

export async function request(method, path, { body, headers = {}, cache } = {}) {
  const init = { method, headers: { Accept: `${JSON_TYPE}, application/problem+json`, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = JSON_TYPE;
  }
  if (cache) {
    init.cache = cache;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (networkError) {
    return { status: 0, ok: false, body: null, problem: { detail: 'The server cannot be reached' }, headers: new Headers() };
  }
  const type = response.headers.get('Content-Type') || '';
  let parsed = null;
  if (type.includes('json')) {
    try {
      parsed = await response.json();
    } catch (badJson) {
      parsed = null;
    }
  }
  return {
    status: response.status,
    ok: response.ok,
    body: response.ok ? parsed : null,
    problem: response.ok ? null : (parsed || { detail: `The server answered ${response.status}` }),
    headers: response.headers,
  };
}

export const get = (path, options) => request('GET', path, options);

/** Seconds to wait before retrying a 503, from its Retry-After (seconds or an HTTP date); at least 1. */
export function retryAfterSeconds(answer, fallback = 2) {
  const value = answer.headers.get('Retry-After');
  if (!value) {
    return fallback;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(1, Math.ceil(seconds));
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallback : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/** The rel="next" target of an RFC 8288 Link header, or null (also when the server does not page). */
export function nextLink(answer) {
  const link = answer.headers.get('Link');
  if (!link) {
    return null;
  }
  for (const part of link.split(',')) {
    const match = part.match(/<([^>]*)>\s*;(.*)/);
    if (match && /rel="?next"?/.test(match[2])) {
      const url = new URL(match[1], location.href);
      return url.origin === location.origin ? url.pathname + url.search : null;
    }
  }
  return null;
}

/** A random UUID for Idempotency-Key; crypto.randomUUID only exists on secure origins, getRandomValues everywhere. */
export function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends a write until it gets an answer that is not 503, waiting each Retry-After. A POST carries one
 * Idempotency-Key for all its attempts, so the server replays rather than repeats it (a PUT is idempotent as it
 * is). onBusy(seconds) is told about each wait.
 */
export async function sendUntilServed(method, path, body, { headers = {}, onBusy = () => {} } = {}) {
  const sent = method === 'POST' ? { ...headers, 'Idempotency-Key': newKey() } : headers;
  for (;;) {
    const answer = await request(method, path, { body, headers: sent });
    if (answer.status !== 503 && answer.status !== 0 && answer.status !== 409) {
      return answer;
    }
    const seconds = answer.status === 0 ? 3 : retryAfterSeconds(answer);
    await onBusy(seconds);
  }
}

/** Every user of the users mock, fetched once per page (again only after a failure). */
let users = null;
export function allUsers() {
  if (!users) {
    users = get('/api/v1/users').then((answer) => {
      if (!answer.ok) {
        users = null;
        return null;
      }
      return answer.body;
    });
  }
  return users;
}

const concertCache = new Map();
/** A concert by id, remembered for the page's lifetime (names shown next to tickets). */
export async function concert(id) {
  if (!concertCache.has(id)) {
    const answer = await get(`/api/v1/concerts/${encodeURIComponent(id)}`);
    if (!answer.ok) {
      return null;
    }
    concertCache.set(id, answer.body);
  }
  return concertCache.get(id);
}

export function forgetConcert(id) {
  concertCache.delete(id);
}
