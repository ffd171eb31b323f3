// eventwire explorer: filters → (map, timeline, table); a click on any event → its article.
import { get, query } from './api.js';
import { QUADS } from './colors.js';
import { createArticleView } from './article.js';
import { el } from './dom.js';
import { createMap } from './map.js';
import { createTable } from './table.js';
import { createTimeline } from './timeline.js';

const FILTER_KEYS = ['actor', 'country', 'type', 'quad', 'date_from', 'date_to', 'q'];
const state = { filters: {}, sort: 'date', order: 'asc', page: 1, page_size: 50 };
const $ = (id) => document.getElementById(id);
const status = (msg, bad = false) => {
  $('status').textContent = msg;
  $('status').classList.toggle('bad', bad);
};

function readForm(form) {
  const data = new FormData(form);
  const out = {};
  for (const k of FILTER_KEYS) {
    let v = String(data.get(k) || '').trim();
    if (k === 'actor' || k === 'country') v = v.toUpperCase();
    if (v) out[k] = v;
  }
  return out;
}

function writeForm(form, filters) {
  for (const k of FILTER_KEYS) form.elements[k].value = filters[k] || '';
}

async function main() {
  const form = $('filters');
  const article = createArticleView($('article'), {
    onClose: () => { history.pushState(null, '', location.pathname + location.search); route(); },
    onSelectEvent: (idx) => openEvent(currentArticle, idx),
  });
  let currentArticle = null;
  const map = createMap($('map'), { onSelect: (id, idx) => openEvent(id, idx) });
  map.legend($('map-legend'));
  $('color-by').addEventListener('change', (evt) => map.setColorBy(evt.target.value));
  const timeline = createTimeline($('timeline'), $('timeline-legend'), {
    onBrush: (from, to) => {
      state.filters = { ...state.filters, date_from: from, date_to: to };
      writeForm(form, state.filters);
      refresh({ timeline: false });
    },
  });
  const table = createTable($('events'), {
    onSort: (sort, order) => { Object.assign(state, { sort, order, page: 1 }); loadTable(); },
    onSelect: (id, idx) => openEvent(id, idx),
  });

  function openEvent(id, idx) {
    const hash = `#/article/${encodeURIComponent(id)}/${Number(idx)}`;
    if (location.hash !== hash) history.pushState(null, '', hash);
    route();
  }

  async function route() {
    const m = /^#\/article\/([^/]+)(?:\/(\d+))?$/.exec(location.hash);
    if (!m) { article.close(); return; }
    const id = decodeURIComponent(m[1]);
    const idx = m[2] === undefined ? null : Number(m[2]);
    try {
      if (id !== currentArticle) {
        const view = await get('articles/' + encodeURIComponent(id));
        currentArticle = id;
        article.open(); // visible first, so the selected evidence can scroll into view
        article.show(view, idx);
      } else {
        article.open();
        article.select(idx);
      }
    } catch (err) {
      status(`Cannot open article: ${err.message}`, true);
    }
  }

  async function loadTable() {
    table.header(state.sort, state.order);
    const res = await get('events', { ...state.filters, sort: state.sort, order: state.order, page: state.page,
      page_size: state.page_size });
    table.rows(res.items);
    const pages = Math.max(1, Math.ceil(res.total / res.page_size));
    $('page-info').textContent = `page ${res.page} of ${pages} · ${res.total} events`;
    $('prev').disabled = res.page <= 1;
    $('next').disabled = res.page >= pages;
    $('table-note').textContent = `${res.total} matching`;
    return res;
  }

  async function refresh({ timeline: withTimeline = true } = {}) {
    status('loading…');
    state.page = 1;
    document.body.dataset.busy = 'true'; // lets tests (and styles) know the views are being redrawn
    const qs = query(state.filters);
    history.replaceState(null, '', `${location.pathname}${qs ? '?' + qs : ''}${location.hash}`); // shareable link
    try {
      const { date_from, date_to, ...undated } = state.filters;
      const [points, tl] = await Promise.all([
        get('map', state.filters),
        withTimeline ? get('timeline', undated) : Promise.resolve(null),
        loadTable(),
      ]);
      map.update(points);
      $('map-note').textContent = points.truncated ? `a sample of ${points.points.length} of ${points.total} located events` : `${points.total} located`;
      if (tl) {
        timeline.render(tl, { date_from, date_to });
        $('timeline-note').textContent = `events per ${tl.bucket} · drag across bars to filter dates, click one bar for one ${tl.bucket}`;
      }
      else timeline.showRange({ date_from, date_to });
      status('');
    } catch (err) {
      status(`Filter rejected: ${err.message}`, true);
    } finally {
      delete document.body.dataset.busy;
    }
  }

  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    state.filters = readForm(form);
    refresh();
  });
  form.elements.type.addEventListener('change', () => form.requestSubmit());
  form.elements.quad.addEventListener('change', () => form.requestSubmit());
  $('reset-filters').addEventListener('click', () => {
    form.reset();
    state.filters = {};
    refresh();
  });
  $('prev').addEventListener('click', () => { state.page -= 1; loadTable().catch((e) => status(e.message, true)); });
  $('next').addEventListener('click', () => { state.page += 1; loadTable().catch((e) => status(e.message, true)); });
  $('page-size').addEventListener('change', (evt) => {
    state.page_size = Number(evt.target.value);
    state.page = 1;
    loadTable().catch((e) => status(e.message, true));
  });
  window.addEventListener('popstate', route);
  window.addEventListener('resize', () => map.invalidate());

  try {
    const [stats, facets] = await Promise.all([get('stats'), get('facets')]);
    $('stats').textContent = `${stats.articles} articles · ${stats.events} events ` +
      `(${stats.events_located} located, ${stats.events_dated} dated) · ${stats.quotes} quote${stats.quotes === 1 ? "" : "s"}` +
      (facets.date_min ? ` · ${facets.date_min} – ${facets.date_max}` : '');
    for (const t of facets.types.filter((x) => x.value !== 'UNCODED')) form.elements.type.append(el('option', { value: t.value, text: `${t.value} (${t.n})` }));
    for (const q of facets.quad_classes) {
      form.elements.quad.append(el('option', { value: q.value, text: `${q.value} ${QUADS[q.value]?.name || ''} (${q.n})` }));
    }
    for (const a of facets.actors) $('actor-codes').append(el('option', { value: a.value, text: `${a.n}` }));
    for (const c of facets.countries) $('country-codes').append(el('option', { value: c.value, text: `${c.n}` }));
  } catch (err) {
    status(`Cannot reach the API: ${err.message}`, true);
  }
  const fromUrl = new URLSearchParams(location.search);
  state.filters = Object.fromEntries(FILTER_KEYS.filter((k) => fromUrl.get(k)).map((k) => [k, fromUrl.get(k)]));
  writeForm(form, state.filters);
  await refresh();
  await route();
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', main);
