// Events per day, stacked by PLOVER type, with a brush that sets the date filter.
import { typeColor } from './colors.js';
import { clear, el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY_MS = 86400000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const toDay = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
const toIso = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// Bucket starts as day numbers; the server truncates days the same way (weeks start on Monday).
function nextStart(day, bucket) {
  if (bucket === 'day') return day + 1;
  if (bucket === 'week') return day + 7;
  const d = new Date(day * DAY_MS);
  if (bucket === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / DAY_MS;
}
function prevStart(day, bucket) {
  if (bucket === 'day') return day - 1;
  if (bucket === 'week') return day - 7;
  const d = new Date(day * DAY_MS);
  if (bucket === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / DAY_MS;
  return Date.UTC(d.getUTCFullYear() - 1, 0, 1) / DAY_MS;
}
function label(day, bucket) {
  const iso = toIso(day);
  return bucket === 'year' ? iso.slice(0, 4) : bucket === 'month' ? iso.slice(0, 7) : iso;
}

export function createTimeline(container, legendNode, { onBrush }) {
  let state = null;

  function render(data, range) {
    clear(container);
    clear(legendNode);
    const width = Math.max(container.clientWidth, 300);
    const height = Math.max(container.clientHeight, 170);
    const pad = { l: 30, r: 10, t: 8, b: 22 };
    const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': `events per ${data.bucket || 'day'}` });
    container.append(root);
    if (!data.counts.length) {
      const t = svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' });
      t.textContent = 'no dated events for these filters';
      root.append(t);
      state = null;
      return;
    }
    const bucket = data.bucket || 'day';
    const days = data.counts.map((c) => toDay(c.day));
    const starts = [prevStart(Math.min(...days), bucket)];
    const lastStart = nextStart(Math.max(...days), bucket);
    while (starts[starts.length - 1] < lastStart) starts.push(nextStart(starts[starts.length - 1], bucket));
    const index = new Map(starts.map((d, i) => [d, i]));
    const first = 0;
    const last = starts.length - 1;
    const n = starts.length;
    const byDay = new Map();
    for (const c of data.counts) {
      const i = index.get(toDay(c.day));
      if (!byDay.has(i)) byDay.set(i, []);
      byDay.get(i).push(c);
    }
    const maxTotal = Math.max(...[...byDay.values()].map((cs) => cs.reduce((s, c) => s + c.n, 0)));
    const plotW = width - pad.l - pad.r;
    const plotH = height - pad.t - pad.b;
    const bw = plotW / n;
    const x = (i) => pad.l + (i - first) * bw;
    const y = (v) => pad.t + plotH - (v / maxTotal) * plotH;
    const fromIndex = (i) => toIso(starts[i]);
    const toIndex = (i) => toIso(nextStart(starts[i], bucket) - 1);
    const indexOf = (iso) => {
      const d = toDay(iso);
      let i = 0;
      while (i + 1 < n && starts[i + 1] <= d) i++;
      return i;
    };

    root.append(svg('line', { x1: pad.l, x2: width - pad.r, y1: pad.t + plotH, y2: pad.t + plotH, class: 'axis' }));
    const maxLabel = svg('text', { x: pad.l - 4, y: pad.t + 8, 'text-anchor': 'end', class: 'tick' });
    maxLabel.textContent = String(maxTotal);
    root.append(maxLabel);
    const ticks = Math.min(n, Math.max(2, Math.floor(plotW / 90)));
    for (let i = 0; i < ticks; i++) {
      const d = first + Math.round((i * (n - 1)) / Math.max(ticks - 1, 1));
      const anchor = i === 0 ? 'start' : i === ticks - 1 ? 'end' : 'middle';
      const t = svg('text', { x: i === 0 ? x(d) : i === ticks - 1 ? x(d) + bw : x(d) + bw / 2, y: height - 6,
        'text-anchor': anchor, class: 'tick' });
      t.textContent = label(starts[d], bucket);
      root.append(t);
    }
    const bars = svg('g', { class: 'bars' });
    for (const [d, cs] of byDay) {
      let acc = 0;
      for (const c of cs) {
        const r = svg('rect', {
          x: x(d) + bw * 0.1, width: Math.max(bw * 0.8, 2), y: y(acc + c.n), height: y(acc) - y(acc + c.n),
          fill: typeColor(c.type), 'data-day': c.day, 'data-type': c.type,
        });
        const title = svg('title');
        title.textContent = `${label(toDay(c.day), bucket)} · ${c.type}: ${c.n}`;
        r.append(title);
        bars.append(r);
        acc += c.n;
      }
    }
    root.append(bars);
    const brush = svg('rect', { class: 'brush', y: pad.t, height: plotH, x: 0, width: 0 });
    root.append(brush);
    state = { root, brush, first, last, x, bw, pad, plotW, indexOf };
    showRange(range);

    const dayAt = (evt) => {
      const box = root.getBoundingClientRect();
      const px = evt.clientX - box.left;
      return Math.min(last, Math.max(first, first + Math.floor((px - pad.l) / bw)));
    };
    let start = null;
    root.addEventListener('pointerdown', (evt) => {
      start = dayAt(evt);
      root.setPointerCapture(evt.pointerId);
      drawBrush(start, start);
    });
    root.addEventListener('pointermove', (evt) => {
      if (start !== null) drawBrush(start, dayAt(evt));
    });
    root.addEventListener('pointerup', (evt) => {
      if (start === null) return;
      const end = dayAt(evt);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      onBrush(fromIndex(a), toIndex(b));
    });

    for (const type of data.types) {
      legendNode.append(el('span', { class: 'key' }, el('i', { class: 'swatch', dataset: { type } }), type));
    }
    // Colour swatches via CSSOM (allowed by the CSP, unlike style attributes).
    for (const sw of legendNode.querySelectorAll('i.swatch')) sw.style.background = typeColor(sw.dataset.type);
    if (data.undated) legendNode.append(el('span', { class: 'dim', text: `${data.undated} undated` }));
  }

  function drawBrush(a, b) {
    if (!state) return;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    state.brush.setAttribute('x', state.x(lo));
    state.brush.setAttribute('width', Math.max(state.x(hi + 1) - state.x(lo), 2));
  }

  function showRange(range) {
    if (!state) return;
    if (!range.date_from && !range.date_to) {
      state.brush.setAttribute('width', 0);
      return;
    }
    const a = range.date_from ? state.indexOf(range.date_from) : state.first;
    const b = range.date_to ? state.indexOf(range.date_to) : state.last;
    drawBrush(a, b);
  }

  return { render, showRange };
}
