// Operations at a glance, from this node's own metrics: /actuator/prometheus every few seconds (rates are the
// difference between two scrapes) and /actuator/nodes for which nodes are up. Charts are inline SVG drawn here.
import { get } from './api.js';
import { byId, el, every, markCurrentPage, notify } from './ui.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const INTERVAL_MS = 3000;
const POINTS = 60;
const COLOURS = ['#1d4ed8', '#b91c1c', '#166534', '#92400e', '#7c3aed', '#0e7490', '#be185d'];
markCurrentPage();
const state = byId('ops-state');
const charts = new Map();
let previous = null;

/** Prometheus text format → [{ name, labels, value }]. */
function parse(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/);
    if (!match) {
      continue;
    }
    const labels = {};
    for (const pair of (match[2] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** Sums samples of one metric by the value of one label (or all together when by is null). */
function sumBy(samples, name, by, where = () => true) {
  const sums = new Map();
  for (const s of samples) {
    if (s.name === name && where(s.labels)) {
      const key = by ? (s.labels[by] || '?') : 'all';
      sums.set(key, (sums.get(key) || 0) + s.value);
    }
  }
  return sums;
}

function rates(now, before, seconds) {
  const result = new Map();
  for (const [key, value] of now) {
    result.set(key, Math.max(0, (value - (before.get(key) || 0)) / seconds));
  }
  return result;
}

function means(sumNow, countNow, sumBefore, countBefore) {
  const result = new Map();
  for (const [key, count] of countNow) {
    const calls = count - (countBefore.get(key) || 0);
    result.set(key, calls > 0 ? ((sumNow.get(key) || 0) - (sumBefore.get(key) || 0)) / calls : 0);
  }
  return result;
}

function chart(id, title, unit) {
  if (!charts.has(id)) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${POINTS - 1} 100`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title);
    const legend = el('ul', { class: 'legend', 'aria-live': 'off' });
    const section = el('section', { class: 'chart', id: `chart-${id}`, 'aria-labelledby': `chart-${id}-title` },
      el('h3', { id: `chart-${id}-title` }, title), svg, legend);
    byId('charts').append(section);
    charts.set(id, { svg, legend, unit, series: new Map() });
  }
  return charts.get(id);
}

function plot(id, title, unit, values, digits = 1) {
  const c = chart(id, title, unit);
  for (const [key, value] of values) {
    if (!c.series.has(key)) {
      c.series.set(key, []);
    }
  }
  for (const [key, history] of c.series) {
    history.push(values.get(key) || 0);
    if (history.length > POINTS) {
      history.shift();
    }
  }
  const top = Math.max(1e-9, ...[...c.series.values()].flat());
  c.svg.replaceChildren();
  c.legend.replaceChildren();
  let colour = 0;
  for (const [key, history] of [...c.series].sort()) {
    const stroke = COLOURS[colour % COLOURS.length];
    colour += 1;
    const offset = POINTS - history.length;
    const line = document.createElementNS(SVG_NS, 'polyline');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', stroke);
    line.setAttribute('stroke-width', '2');
    line.setAttribute('vector-effect', 'non-scaling-stroke');
    line.setAttribute('points', history.map((v, i) => `${offset + i},${(100 - (v / top) * 96 - 2).toFixed(2)}`).join(' '));
    c.svg.append(line);
    const latest = history[history.length - 1];
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = stroke;
    c.legend.append(el('li', { 'data-series': key },
      el('span', {}, swatch, key),
      el('span', { class: 'metric-value' }, `${latest.toFixed(digits)} ${unit}`)));
  }
  c.svg.setAttribute('aria-label', `${title}: ${[...c.series].map(([k, h]) => `${k} ${h[h.length - 1].toFixed(digits)} ${unit}`).join(', ') || 'no data yet'}`);
}

async function scrape() {
  let response;
  try {
    response = await fetch('/actuator/prometheus', { cache: 'no-store' });
  } catch (networkError) {
    notify(state, 'This node cannot be reached.', 'bad');
    return;
  }
  if (!response.ok) {
    notify(state, `Metrics are not available (${response.status}).`, 'warn');
    return;
  }
  const samples = parse(await response.text());
  const now = { at: Date.now(), samples };
  notify(state, `Updated ${new Date(now.at).toLocaleTimeString()}.`, 'ok');
  draw(now, previous || now);
  previous = now;
}

function draw(now, before) {
  const seconds = Math.max(0.001, (now.at - before.at) / 1000);
  const a = now.samples;
  const b = before.samples;
  const purchases = (s) => sumBy(s, 'ticketoverflow_purchases_total', 'outcome');
  plot('purchases', 'Purchases per second, by outcome', '/s', rates(purchases(a), purchases(b), seconds));
  const shed = (s) => sumBy(s, 'http_server_requests_seconds_count', null, (l) => l.status === '503');
  plot('shed', 'Shed requests (503) per second', '/s', rates(shed(a), shed(b), seconds));
  plot('queued', 'Jobs waiting, by kind', 'jobs', sumBy(a, 'ticketoverflow_jobs_queued', 'kind'), 0);
  const wait = (s, suffix) => sumBy(s, `ticketoverflow_jobs_wait_seconds_${suffix}`, 'kind');
  plot('wait', 'Mean job wait before a worker takes it, by kind', 's',
    means(wait(a, 'sum'), wait(a, 'count'), wait(b, 'sum'), wait(b, 'count')), 2);
  plot('staleness', 'Worst seating plan staleness', 's', sumBy(a, 'ticketoverflow_seating_staleness_seconds', null), 1);
  const render = (s, suffix) => sumBy(s, `ticketoverflow_render_duration_seconds_${suffix}`, 'kind');
  plot('render', 'Mean render time, by document', 's',
    means(render(a, 'sum'), render(a, 'count'), render(b, 'sum'), render(b, 'count')), 3);
}

async function nodes() {
  const answer = await get('/actuator/nodes');
  const body = document.querySelector('#nodes tbody');
  if (!answer.ok) {
    return;
  }
  const rows = answer.body.map((n) => {
    const seen = Math.max(0, Math.round((Date.now() - Date.parse(n.seenAt)) / 1000));
    return el('tr', { 'data-node': n.node, 'data-up': String(n.up) },
      el('td', {}, n.node, n.self ? ' (this node)' : ''),
      el('td', {}, n.roles),
      el('td', {}, el('span', { class: `status ${n.up ? 'status-ACTIVE' : 'status-CANCELLED'}` }, n.up ? 'Up' : 'Down')),
      el('td', { class: 'num' }, `${seen} s ago`));
  });
  body.replaceChildren(...rows);
}

every(INTERVAL_MS, scrape);
every(INTERVAL_MS, nodes);

