// One concert: its details, seats left (live), its seating plan as drawn by the workers (refreshed when a new one
// exists, with how long ago it was drawn) and buying a ticket for a chosen user, retrying while the box office
// is busy with the same Idempotency-Key so that a retry never buys twice.
import { get, sendUntilServed } from './api.js';
import { byId, countdown, every, formatCount, formatDate, markCurrentPage, notify, setText, statusBadge, updateStatusBadge, userPicker } from './ui.js';

markCurrentPage();
const id = new URLSearchParams(location.search).get('id') || '';
const concertPath = `/api/v1/concerts/${encodeURIComponent(id)}`;
const state = byId('concert-state');
const buyState = byId('buy-state');
const buyButton = byId('buy');
const plan = byId('plan');
const planAge = byId('plan-age');
let status = null;
let seatsLeft = null;
let buyer = null;
let buying = false;
let drawnAt = null;
let planUrl = null;

async function loadConcert() {
  const answer = await get(concertPath);
  if (answer.status === 404) {
    setText(byId('title'), 'No such concert');
    notify(state, 'This concert does not exist. Go back to the list of concerts.', 'bad');
    return false;
  }
  if (!answer.ok) {
    notify(state, `Could not load the concert (${answer.problem.detail}); retrying…`, 'warn');
    setTimeout(loadConcert, 3000);
    return false;
  }
  const concert = answer.body;
  document.title = `${concert.name} · TicketOverflow`;
  setText(byId('title'), concert.name);
  setText(byId('date'), formatDate(concert.date));
  setText(byId('venue'), concert.venue);
  setText(byId('capacity'), formatCount(concert.capacity));
  byId('status').replaceChildren(statusBadge(concert.status));
  status = concert.status;
  showSaleState();
  return true;
}

async function refreshSeats() {
  const answer = await get(`/api/v1/concerts/availability?ids=${encodeURIComponent(id)}`);
  if (!answer.ok || answer.body.length === 0) {
    return;
  }
  const seats = answer.body[0];
  seatsLeft = seats.seats_left;
  setText(byId('seats-left'), formatCount(seatsLeft));
  status = seats.status;
  const badge = byId('status').firstElementChild;
  if (badge) {
    updateStatusBadge(badge, status);
  }
  showSaleState();
}

function showSaleState() {
  const soldOut = status === 'SOLD_OUT' || seatsLeft === 0;
  if (status === 'CANCELLED') {
    notify(state, 'This concert is cancelled: no tickets are sold.', 'bad');
  } else if (soldOut) {
    notify(state, 'Sold out: every seat is taken.', 'warn');
  } else {
    notify(state, '');
  }
  buyButton.disabled = buying || !buyer || status !== 'ACTIVE' || soldOut;
}

// Revalidates the plan (If-None-Match, so an unchanged plan costs a 304) and swaps the image only when a new one
// was drawn. The SVG is shown as an image made from its bytes: an image never runs script.
async function refreshPlan() {
  let response;
  try {
    response = await fetch(`${concertPath}/seats`, { cache: 'no-cache' });
  } catch (networkError) {
    return;
  }
  if (response.status === 503) {
    setText(planAge, 'The first seating plan is being drawn…');
    return;
  }
  if (!response.ok) {
    return;
  }
  const modified = response.headers.get('Last-Modified');
  const tag = response.headers.get('ETag') || modified;
  if (tag && tag === plan.dataset.tag) {
    return;
  }
  const svg = await response.blob();
  const previous = planUrl;
  planUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  plan.src = planUrl;
  plan.dataset.tag = tag || '';
  plan.alt = `Seating plan of ${byId('title').textContent}`;
  plan.hidden = false;
  drawnAt = modified ? Date.parse(modified) : Date.now();
  if (previous) {
    URL.revokeObjectURL(previous);
  }
  showAge();
}

function showAge() {
  if (drawnAt !== null) {
    const seconds = Math.max(0, Math.round((Date.now() - drawnAt) / 1000));
    setText(planAge, `Drawn ${seconds} s ago`);
  }
}

async function buy(event) {
  event.preventDefault();
  if (!buyer || buyButton.disabled) {
    return;
  }
  buying = true;
  showSaleState();
  const forUser = buyer;
  notify(buyState, `Buying a ticket for ${forUser.name}…`);
  const answer = await sendUntilServed('POST', '/api/v1/tickets', { concert_id: id, user_id: forUser.id }, {
    onBusy: (seconds) => countdown(seconds, (left) => notify(buyState, `Busy — retrying in ${left} s`, 'warn')),
  });
  buying = false;
  if (answer.status === 201) {
    const ticket = answer.body;
    notify(buyState, `Bought: ticket ${ticket.id} for ${forUser.name}.`, 'ok');
    buyState.append(' ', linkToTickets(forUser));
  } else if (answer.status === 422) {
    notify(buyState, `Not bought: ${answer.problem.detail}`, 'bad');
  } else {
    notify(buyState, `Not bought: ${answer.problem.detail || `the server answered ${answer.status}`}`, 'bad');
  }
  await refreshSeats();
}

function linkToTickets(user) {
  const link = document.createElement('a');
  link.href = `/tickets.html?user=${encodeURIComponent(user.id)}`;
  link.textContent = `See ${user.name}'s tickets`;
  link.id = 'tickets-link';
  return link;
}

userPicker({ search: byId('user-search'), results: byId('user-results'), count: byId('user-count') }, (user) => {
  buyer = user;
  setText(byId('buyer'), `${user.name} <${user.email}>`);
  showSaleState();
});
byId('buy-form').addEventListener('submit', buy);

if (await loadConcert()) {
  every(3000, refreshSeats);
  every(3000, refreshPlan);
  setInterval(showAge, 1000);
}

