// Article view: the cleaned text with every finding highlighted, and one card per event.
//
// Highlights are built from character offsets by cutting the text into segments at every
// span boundary and wrapping each covered segment in an element whose textContent is set:
// the article's own markup (often hostile) is never parsed as HTML.
import { QUADS, quadClass } from './colors.js';
import { clear, el, safeHref } from './dom.js';

export const KINDS = [
  { kind: 'evidence', label: 'event evidence', on: true },
  { kind: 'trigger', label: 'trigger', on: true },
  { kind: 'actor', label: 'actors', on: true },
  { kind: 'place', label: 'places', on: true },
  { kind: 'timex', label: 'dates', on: true },
  { kind: 'quote', label: 'quotes', on: true },
  { kind: 'quote-source', label: 'speakers', on: true },
  { kind: 'quote-cue', label: 'cues', on: true },
  { kind: 'mention', label: 'entities', on: false },
];

// The server counts offsets in code points; JavaScript strings count UTF-16 units.
export function segments(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(s.start, chars.length)));
    cuts.add(Math.max(0, Math.min(s.end, chars.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({ text: chars.slice(a, b).join(''), spans: spans.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

function field(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return el('div', { class: 'field' }, el('dt', { text: label }), el('dd', { text: String(value) }));
}

function actor(code, name, text) {
  if (!code && !name && !text) return null;
  return [code || '—', name && name !== text ? name : null, text ? `“${text}”` : null].filter(Boolean).join(' · ');
}

export function createArticleView(root, { onClose, onSelectEvent }) {
  const title = root.querySelector('#article-title');
  const meta = root.querySelector('#article-meta');
  const legend = root.querySelector('#article-legend');
  const body = root.querySelector('#article-text');
  const cards = root.querySelector('#event-cards');
  root.querySelector('#close-article').addEventListener('click', onClose);

  for (const k of KINDS) {
    const box = el('input', { type: 'checkbox', checked: k.on, dataset: { kind: k.kind } });
    box.addEventListener('change', () => body.classList.toggle('hide-' + k.kind, !box.checked));
    if (!k.on) body.classList.add('hide-' + k.kind);
    legend.append(el('label', { class: 'key' }, box, el('span', { class: 'hl hl-' + k.kind, text: k.label })));
  }

  function show(view, selected) {
    const a = view.article;
    title.textContent = a.title || '(untitled article)';
    clear(meta);
    meta.append(`${a.date || 'undated'}${a.date_source && a.date_source !== 'none' ? ` (from ${a.date_source})` : ''}`);
    if (a.source) meta.append(` · ${a.source}`);
    if (a.dateline) meta.append(` · ${a.dateline}`);
    const href = a.url && safeHref(a.url);
    if (href) meta.append(' · ', el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', text: 'source' }));
    meta.append(` · ${a.input_ref || ''} · id ${a.id}`);

    clear(body);
    for (const seg of segments(a.text || '', view.highlights)) {
      if (!seg.spans.length) {
        body.append(document.createTextNode(seg.text));
        continue;
      }
      const kinds = [...new Set(seg.spans.map((s) => s.kind))];
      const events = [...new Set(seg.spans.filter((s) => s.event !== undefined).map((s) => s.event))];
      const mark = el('mark', {
        class: 'hl ' + kinds.map((k) => 'hl-' + k).join(' '),
        title: [...new Set(seg.spans.map((s) => s.label))].join('\n'),
        dataset: { events: events.join(' ') },
        text: seg.text,
      });
      if (events.length) mark.addEventListener('click', () => onSelectEvent(events[0]));
      body.append(mark);
    }

    clear(cards);
    cards.append(el('h3', { text: `${view.events.length} event${view.events.length === 1 ? '' : 's'}` }));
    for (const e of view.events) cards.append(card(e));
    select(selected);
  }

  function card(e) {
    const quad = QUADS[e.quad_class];
    const when = e.date_start
      ? (e.date_end && e.date_end !== e.date_start ? `${e.date_start} – ${e.date_end}` : e.date_start) +
        (e.date_precision ? ` (${e.date_precision}${e.date_source ? `, ${e.date_source}` : ''})` : '')
      : `undated${e.day ? ` (article date ${e.day})` : ''}`;
    const where = e.location_name
      ? `${e.location_name}${e.location_country ? `, ${e.location_country}` : ''}` +
        (e.location_lat != null ? ` (${e.location_lat.toFixed(3)}, ${e.location_lon.toFixed(3)})` : '')
      : null;
    return el('article', {
      class: 'card ' + quadClass(e.quad_class), tabindex: 0, dataset: { idx: e.idx },
      onclick: () => onSelectEvent(e.idx),
      onkeydown: (evt) => { if (evt.key === 'Enter') onSelectEvent(e.idx); },
    },
    el('header', {},
      el('span', { class: 'badge ' + quadClass(e.quad_class), text: e.event_type || 'uncoded' }),
      el('span', { text: ` CAMEO ${e.cameo_code || '—'}${e.mode ? ` · ${e.mode}` : ''}` }),
      el('span', { class: 'conf', text: `confidence ${e.confidence == null ? '—' : e.confidence.toFixed(2)}` })),
    el('p', { class: 'evidence', text: e.evidence_text || '' }),
    el('dl', {},
      field('source', actor(e.source_code, e.source_name, e.source_text)),
      field('action', `${e.negated ? 'not ' : ''}${e.trigger_text || ''}${e.modality && e.modality !== 'asserted' ? ` (${e.modality})` : ''}`),
      field('target', actor(e.target_code, e.target_name, e.target_text)),
      field('quad class', quad ? `${e.quad_class} · ${quad.name}` : null),
      field('Goldstein', e.goldstein),
      field('context', (e.context || []).join(', ')),
      field('reported by', actor(e.reported_by_code, e.reported_by_name, null)),
      field('where', where),
      field('where rule', e.location_rule),
      field('when', when),
      field('coded by', e.rule || 'unknown rule')));
  }

  function select(idx) {
    for (const m of body.querySelectorAll('mark.sel')) m.classList.remove('sel');
    for (const c of cards.querySelectorAll('.card.sel')) c.classList.remove('sel');
    if (idx === null || idx === undefined) return;
    const marks = [...body.querySelectorAll('mark[data-events]')].filter(
      (m) => m.dataset.events.split(' ').includes(String(idx)),
    );
    for (const m of marks) m.classList.add('sel');
    const c = cards.querySelector(`.card[data-idx="${Number(idx)}"]`);
    if (c) {
      c.classList.add('sel');
      c.scrollIntoView({ block: 'nearest' });
    }
    if (marks.length) marks[0].scrollIntoView({ block: 'center' });
  }

  return { show, select, open: () => { root.hidden = false; }, close: () => { root.hidden = true; } };
}
