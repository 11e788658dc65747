// The concerts list: every concert (a page at a time where the server pages), with seats left kept live by one
// small availability request every few seconds.
import { get, nextLink } from './api.js';
import { byId, el, every, formatCount, formatDate, markCurrentPage, notify, setText, statusBadge, updateStatusBadge } from './ui.js';

const PAGE = 50;
const LIVE_MS = 3000;
const rows = new Map();
let next = `/api/v1/concerts?limit=${PAGE}`;

markCurrentPage();
const state = byId('list-state');
const body = document.querySelector('#concerts tbody');
const more = byId('more');

async function loadPage() {
  if (!next) {
    return;
  }
  more.disabled = true;
  const answer = await get(next);
  more.disabled = false;
  if (!answer.ok) {
    notify(state, `Could not load concerts (${answer.problem.detail}); retrying…`, 'warn');
    setTimeout(loadPage, 3000);
    return;
  }
  next = nextLink(answer);
  for (const concert of answer.body) {
    if (!rows.has(concert.id)) {
      addRow(concert);
    }
  }
  more.hidden = !next;
  notify(state, rows.size === 0 ? 'No concerts yet. Staff can create one on the Staff page.' : '');
}

function addRow(concert) {
  const seats = el('td', { class: 'num seats', 'data-seats-left': '' }, '…');
  const status = statusBadge(concert.status);
  const link = el('a', { href: `/concert.html?id=${encodeURIComponent(concert.id)}` }, concert.name);
  const row = el('tr', { 'data-concert': concert.id },
    el('td', {}, link),
    el('td', { class: 'date' }, formatDate(concert.date)),
    el('td', { class: 'optional' }, concert.venue),
    el('td', {}, status),
    seats);
  rows.set(concert.id, { seats, status });
  body.append(row);
}

async function refreshSeats() {
  const ids = [...rows.keys()];
  for (let start = 0; start < ids.length; start += 100) {
    const chunk = ids.slice(start, start + 100);
    const answer = await get(`/api/v1/concerts/availability?ids=${chunk.map(encodeURIComponent).join(',')}`);
    if (!answer.ok) {
      notify(state, answer.status === 503 ? 'The box office is busy; seat counts will catch up shortly.' : '', 'warn');
      return;
    }
    for (const seats of answer.body) {
      const row = rows.get(seats.id);
      if (row) {
        setText(row.seats, formatCount(seats.seats_left));
        updateStatusBadge(row.status, seats.status);
      }
    }
  }
}

more.addEventListener('click', loadPage);
await loadPage();
every(LIVE_MS, refreshSeats);
