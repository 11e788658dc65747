// DOM helpers. Data only ever reaches the page through textContent and attributes set one by one, never as HTML,
// so a user named  Eden O"Hara  (or anything sent to the API) shows as text.
import { allUsers } from './api.js';

/** el('a', { href: '/x', class: 'y' }, 'text', child): an element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

export function setText(element, text) {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

/** Shows a message in a notice element (an aria-live region in the page), with a tone: ok, warn, bad. */
export function notify(element, text, tone = '') {
  element.className = `notice ${tone}`.trim();
  setText(element, text);
}

const STATUS_WORDS = {
  ACTIVE: 'On sale',
  SOLD_OUT: 'Sold out',
  CANCELLED: 'Cancelled',
  NOT_PRINTED: 'Not printed',
  PENDING: 'Printing…',
  PRINTED: 'Printed',
  ERROR: 'Print failed',
};

/** A status as a word, in a span whose class carries the raw value (styles, and tests, read it). */
export function statusBadge(status) {
  return el('span', { class: `status status-${status}`, 'data-status': status }, STATUS_WORDS[status] || status);
}

export function updateStatusBadge(badge, status) {
  if (badge.dataset.status !== status) {
    badge.className = `status status-${status}`;
    badge.dataset.status = status;
    badge.textContent = STATUS_WORDS[status] || status;
  }
}

export function formatDate(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(undefined, {
    timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
  });
}

export function formatCount(n) {
  return Number(n).toLocaleString();
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls task now and then every intervalMs after it finishes, skipping rounds while the tab is hidden. One
 * request per round, and never two at once, so an open page costs the server little.
 */
export function every(intervalMs, task) {
  let stopped = false;
  const round = async () => {
    if (stopped) {
      return;
    }
    if (!document.hidden) {
      try {
        await task();
      } catch (unexpected) {
        // a failed round is retried at the next one; the page stays usable
      }
    }
    setTimeout(round, intervalMs);
  };
  round();
  return () => { stopped = true; };
}

/** Counts down seconds in an element (text made by render(n)), resolving when it reaches zero. */
export async function countdown(seconds, render) {
  for (let left = seconds; left > 0; left -= 1) {
    render(left);
    await sleep(1000);
  }
}

/** Marks the current page's link in the site header. */
export function markCurrentPage() {
  const here = location.pathname === '/' ? '/index.html' : location.pathname;
  for (const link of document.querySelectorAll('header.site nav a')) {
    if (link.getAttribute('href') === here || (here === '/index.html' && link.getAttribute('href') === '/')) {
      link.setAttribute('aria-current', 'page');
    }
  }
}

/**
 * A user picker: a search box filtering the users mock by name or email, client-side, and a list box of up to 20
 * matches. onPick(user) runs when one is chosen.
 */
export function userPicker({ search, results, count }, onPick) {
  let matches = [];
  let shown = 0;
  const show = async () => {
    const round = ++shown;
    const users = await allUsers();
    if (round !== shown) {
      return; // a later keystroke's round draws the list
    }
    const query = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!users) {
      setText(count, 'The users list is not available right now; try again in a moment.');
      return;
    }
    if (query.length < 2) {
      matches = [];
      setText(count, 'Type at least 2 letters of a name or email.');
      return;
    }
    matches = users.filter((u) => u.name.toLowerCase().includes(query) || u.email.toLowerCase().includes(query));
    setText(count, `${matches.length} matching user${matches.length === 1 ? '' : 's'}${matches.length > 20 ? ', first 20 shown' : ''}.`);
    for (const user of matches.slice(0, 20)) {
      results.append(el('option', { value: user.id }, `${user.name} <${user.email}>`));
    }
  };
  search.addEventListener('input', show);
  results.addEventListener('change', () => {
    const user = matches.find((u) => u.id === results.value);
    if (user) {
      onPick(user);
    }
  });
  return show;
}
