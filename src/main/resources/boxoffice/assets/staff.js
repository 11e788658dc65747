// Staff: create concerts and change them (name, venue, date, status), with the API's problem+json `field` errors
// shown beside the field they name, and the effect of a change on the concert's printed tickets. When the server
// requires the staff token (401/403), the page asks for it and keeps it for this tab only.
import { get, nextLink, sendUntilServed } from './api.js';
import { byId, countdown, el, markCurrentPage, notify, setText } from './ui.js';

markCurrentPage();
const TOKEN_KEY = 'ticketoverflow.staff-token';
const tokenSection = byId('token-section');
const createState = byId('create-state');
const editState = byId('edit-state');
const concertSelect = byId('e-concert');
const concerts = new Map();
let pendingAfterToken = null;

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function askForToken(answer, retry) {
  sessionStorage.removeItem(TOKEN_KEY);
  tokenSection.hidden = false;
  setText(byId('token-why'), answer.status === 403
    ? 'The staff token was refused. Enter the right one.'
    : 'This server requires the staff token to create or change concerts.');
  pendingAfterToken = retry;
  byId('token').focus();
}

byId('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = byId('token').value.trim();
  if (!token) {
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  byId('token').value = '';
  tokenSection.hidden = true;
  const retry = pendingAfterToken;
  pendingAfterToken = null;
  if (retry) {
    await retry();
  }
});

/** Sends a staff write; 401/403 ask for the token and send again after it is given. */
async function staffWrite(method, path, body, stateElement, done) {
  const send = async () => {
    const answer = await sendUntilServed(method, path, body, {
      headers: authHeaders(),
      onBusy: (seconds) => countdown(seconds, (left) => notify(stateElement, `Busy — retrying in ${left} s`, 'warn')),
    });
    if (answer.status === 401 || answer.status === 403) {
      notify(stateElement, answer.status === 401 ? 'The staff token is needed.' : 'The staff token was refused.', 'bad');
      askForToken(answer, send);
      return;
    }
    await done(answer);
  };
  await send();
}

function clearErrors(form) {
  for (const error of form.querySelectorAll('.field-error')) {
    error.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
}

/** Shows a 400's message beside the field it names (ids prefix-field), focusing that field; else in the notice. */
function showProblem(prefix, answer, stateElement) {
  const field = answer.problem.field;
  const input = field && byId(`${prefix}-${field}`);
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    setText(byId(`${prefix}-${field}-error`), answer.problem.detail);
    notify(stateElement, `Not saved: check the ${field} field.`, 'bad');
    input.focus();
  } else {
    notify(stateElement, `Not saved: ${answer.problem.detail}`, 'bad');
  }
}

byId('create').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const capacityText = byId('c-capacity').value.trim();
  const body = {
    name: byId('c-name').value,
    venue: byId('c-venue').value,
    date: byId('c-date').value,
    // sent as typed when it is not a number, so the API's own rule answers
    capacity: capacityText !== '' && Number.isFinite(Number(capacityText)) ? Number(capacityText) : capacityText,
    status: byId('c-status').value,
  };
  notify(createState, 'Creating…');
  await staffWrite('POST', '/api/v1/concerts', body, createState, async (answer) => {
    if (answer.status === 201) {
      const created = answer.body;
      notify(createState, `Created “${created.name}”.`, 'ok');
      createState.append(' ', el('a', { href: `/concert.html?id=${encodeURIComponent(created.id)}`, id: 'created-link' }, 'Open its page'));
      form.reset();
      addConcert(created);
    } else if (answer.status === 400) {
      showProblem('c', answer, createState);
    } else {
      notify(createState, `Not created: ${answer.problem.detail}`, 'bad');
    }
  });
});

function addConcert(concert) {
  const known = concerts.has(concert.id);
  concerts.set(concert.id, concert);
  const label = `${concert.name} (${concert.date}, ${concert.venue})`;
  if (known) {
    const option = [...concertSelect.options].find((o) => o.value === concert.id);
    option.textContent = label;
  } else {
    concertSelect.append(el('option', { value: concert.id }, label));
  }
}

async function loadConcerts() {
  let path = '/api/v1/concerts?limit=1000';
  while (path) {
    const answer = await get(path);
    if (!answer.ok) {
      notify(editState, `Could not load concerts (${answer.problem.detail}).`, 'warn');
      return;
    }
    answer.body.forEach(addConcert);
    path = nextLink(answer);
  }
}

function fillEditForm() {
  const concert = concerts.get(concertSelect.value);
  clearErrors(byId('edit'));
  byId('save-button').disabled = !concert;
  for (const field of ['name', 'venue', 'date', 'status']) {
    byId(`e-${field}`).value = concert ? concert[field] : '';
  }
  showPrints();
}

// One page of at most this many tickets: a concert may have 150,000, which the page need not hold to show the effect.
const COUNTED = 1000;

async function printCounts(concertId) {
  const answer = await get(`/api/v1/tickets?concert_id=${encodeURIComponent(concertId)}&limit=${COUNTED}`);
  if (!answer.ok) {
    return null;
  }
  const counts = { PRINTED: 0, PENDING: 0, NOT_PRINTED: 0, ERROR: 0 };
  answer.body.forEach((t) => { counts[t.print_status] += 1; });
  return { total: answer.body.length, more: nextLink(answer) !== null, ...counts };
}

function describe(counts) {
  const of = counts.more ? `Of the first ${counts.total} tickets` : `${counts.total} tickets`;
  return `${of}: ${counts.PRINTED} printed, ${counts.PENDING} printing, ${counts.NOT_PRINTED} not printed, ${counts.ERROR} failed`;
}

async function showPrints(before = null) {
  const id = concertSelect.value;
  if (!id) {
    setText(byId('prints'), 'Choose a concert to see its tickets.');
    return;
  }
  const counts = await printCounts(id);
  if (!counts) {
    return;
  }
  const effect = before && before.PRINTED > 0
    ? ` — ${before.PRINTED} printed before the change; every printed ticket must be re-printed with the new details.`
    : '';
  setText(byId('prints'), describe(counts) + effect);
}

concertSelect.addEventListener('change', fillEditForm);
byId('edit').addEventListener('submit', async (event) => {
  event.preventDefault();
  const concert = concerts.get(concertSelect.value);
  if (!concert) {
    return;
  }
  clearErrors(event.target);
  const changes = {};
  for (const field of ['name', 'venue', 'date', 'status']) {
    const value = byId(`e-${field}`).value;
    if (value !== concert[field]) {
      changes[field] = value;
    }
  }
  if (Object.keys(changes).length === 0) {
    notify(editState, 'Nothing changed.');
    return;
  }
  const before = await printCounts(concert.id);
  notify(editState, 'Saving…');
  await staffWrite('PUT', `/api/v1/concerts/${encodeURIComponent(concert.id)}`, changes, editState, async (answer) => {
    if (answer.status === 200) {
      addConcert(answer.body);
      notify(editState, `Saved “${answer.body.name}” (${answer.body.status}).`, 'ok');
      await showPrints(before);
    } else if (answer.status === 400) {
      showProblem('e', answer, editState);
    } else {
      notify(editState, `Not saved: ${answer.problem.detail}`, 'bad');
    }
  });
});

await loadConcerts();
const wanted = new URLSearchParams(location.search).get('concert');
if (wanted && concerts.has(wanted)) {
  concertSelect.value = wanted;
  fillEditForm();
}
