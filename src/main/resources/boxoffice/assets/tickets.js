// A user's tickets, a page at a time where the server pages, each with its print status kept live (one list
// request every few seconds for the tickets shown), print / re-print, and the printed SVG to view or download.
import { allUsers, concert, get, nextLink, request } from './api.js';
import { byId, el, every, markCurrentPage, notify, setText, statusBadge, updateStatusBadge, userPicker } from './ui.js';

const PAGE = 20;
const LIVE_MS = 2000;
markCurrentPage();
const state = byId('tickets-state');
const body = document.querySelector('#tickets tbody');
const more = byId('more');
const preview = byId('preview');
const previewImage = byId('preview-image');
let owner = null;
let next = null;
let rows = new Map();
let previewUrl = null;

async function choose(user) {
  owner = user;
  rows = new Map();
  body.replaceChildren();
  preview.hidden = true;
  setText(byId('owner'), `Tickets of ${user.name}`);
  history.replaceState(null, '', `?user=${encodeURIComponent(user.id)}`);
  next = `/api/v1/tickets?user_id=${encodeURIComponent(user.id)}&limit=${PAGE}`;
  await loadPage();
}

async function loadPage() {
  if (!next || !owner) {
    return;
  }
  more.disabled = true;
  const answer = await get(next);
  more.disabled = false;
  if (!answer.ok) {
    notify(state, `Could not load tickets (${answer.problem.detail}); try again shortly.`, 'warn');
    return;
  }
  next = nextLink(answer);
  for (const ticket of answer.body) {
    if (!rows.has(ticket.id)) {
      await addRow(ticket);
    }
  }
  more.hidden = !next;
  notify(state, rows.size === 0 ? `${owner.name} has no tickets yet.` : '');
}

async function addRow(ticket) {
  const concertCell = el('td', {}, '…');
  const badge = statusBadge(ticket.print_status);
  const printButton = el('button', { type: 'button', class: 'secondary', 'data-action': 'print' }, 'Print');
  const viewButton = el('button', { type: 'button', class: 'secondary', 'data-action': 'view' }, 'View');
  const download = el('a', {
    class: 'button secondary',
    'data-action': 'download',
    href: `/api/v1/tickets/${encodeURIComponent(ticket.id)}/print`,
    download: `ticket-${ticket.id}.svg`,
  }, 'Download SVG');
  const row = el('tr', { 'data-ticket': ticket.id },
    concertCell,
    el('td', { class: 'optional' }, el('code', {}, ticket.id.slice(0, 8))),
    el('td', { 'aria-live': 'polite' }, badge),
    el('td', {}, el('div', { class: 'actions' }, printButton, viewButton, download)));
  const entry = { ticket, badge, printButton, viewButton, download };
  rows.set(ticket.id, entry);
  printButton.addEventListener('click', () => print(entry));
  viewButton.addEventListener('click', () => view(entry));
  body.append(row);
  show(entry, ticket.print_status);
  const details = await concert(ticket.concert.id);
  concertCell.textContent = details ? `${details.name} (${details.date})` : ticket.concert.id;
}

function show(entry, status) {
  updateStatusBadge(entry.badge, status);
  const printed = status === 'PRINTED';
  entry.printButton.textContent = status === 'NOT_PRINTED' && entry.wasPrinted ? 'Re-print' : status === 'ERROR' ? 'Retry print' : 'Print';
  entry.printButton.disabled = status === 'PENDING' || printed;
  entry.viewButton.hidden = !printed;
  entry.download.hidden = !printed;
  entry.wasPrinted = entry.wasPrinted || printed;
  entry.ticket.print_status = status;
}

async function print(entry) {
  entry.printButton.disabled = true;
  const answer = await request('POST', `/api/v1/tickets/${encodeURIComponent(entry.ticket.id)}/print`);
  if (answer.status === 202) {
    show(entry, 'PENDING');
    await refresh();
  } else {
    entry.printButton.disabled = false;
    notify(state, `Could not ask for printing: ${answer.problem.detail}`, 'warn');
  }
}

async function view(entry) {
  let response;
  try {
    response = await fetch(`/api/v1/tickets/${encodeURIComponent(entry.ticket.id)}/print`, { cache: 'no-cache' });
  } catch (networkError) {
    notify(state, 'The server cannot be reached; try again shortly.', 'warn');
    return;
  }
  if (!response.ok) {
    notify(state, 'This ticket is not printed any more; print it again.', 'warn');
    await refresh();
    return;
  }
  const svg = await response.blob();
  if (previewUrl) {
    URL.revokeObjectURL(previewUrl);
  }
  previewUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  previewImage.src = previewUrl;
  previewImage.alt = `Printed ticket ${entry.ticket.id}`;
  previewImage.dataset.ticket = entry.ticket.id;
  preview.hidden = false;
  byId('preview-title').focus();
}

// One request re-reads every ticket shown (the first rows.size of the same ordered list), so a rename's
// NOT_PRINTED and a finished print both show within LIVE_MS.
async function refresh() {
  if (!owner || rows.size === 0) {
    return;
  }
  const limit = Math.min(1000, Math.max(PAGE, rows.size));
  const answer = await get(`/api/v1/tickets?user_id=${encodeURIComponent(owner.id)}&limit=${limit}`);
  if (!answer.ok) {
    return;
  }
  for (const ticket of answer.body) {
    const entry = rows.get(ticket.id);
    if (entry) {
      show(entry, ticket.print_status);
    }
  }
}

userPicker({ search: byId('user-search'), results: byId('user-results'), count: byId('user-count') }, choose);
more.addEventListener('click', loadPage);
const wanted = new URLSearchParams(location.search).get('user');
if (wanted) {
  const users = await allUsers();
  const user = users && users.find((u) => u.id === wanted);
  if (user) {
    await choose(user);
  } else {
    notify(state, 'That user is not known.', 'bad');
  }
}
every(LIVE_MS, refresh);
