// Sortable, paginated event table; a row click opens the article at that event.
import { quadClass } from './colors.js';
import { clear, el } from './dom.js';

export const COLUMNS = [
  { key: 'date', label: 'Date', value: (e) => e.day || 'undated' },
  { key: 'type', label: 'PLOVER', value: (e) => e.event_type || 'uncoded', badge: true },
  { key: 'cameo', label: 'CAMEO', value: (e) => e.cameo_code || '' },
  { key: 'source', label: 'Source', value: (e) => e.source_code || '—', title: (e) => e.source_name || e.source_text },
  { key: null, label: 'Action', value: (e) => (e.negated ? 'not ' : '') + (e.trigger_text || '') },
  { key: 'target', label: 'Target', value: (e) => e.target_code || '—', title: (e) => e.target_name || e.target_text },
  { key: 'location', label: 'Where', value: (e) => [e.location_name, e.location_country].filter(Boolean).join(', ') },
  { key: 'confidence', label: 'Conf.', value: (e) => (e.confidence == null ? '' : e.confidence.toFixed(2)) },
  { key: 'article', label: 'Article', value: (e) => e.article_title || e.article_id.slice(0, 10) },
];

export function createTable(table, { onSort, onSelect }) {
  const thead = table.querySelector('thead');
  const tbody = table.querySelector('tbody');

  function header(sort, order) {
    clear(thead);
    const tr = el('tr');
    for (const c of COLUMNS) {
      const th = el('th', { scope: 'col' });
      if (c.key) {
        const active = c.key === sort;
        th.setAttribute('aria-sort', active ? (order === 'asc' ? 'ascending' : 'descending') : 'none');
        th.append(el('button', {
          type: 'button', class: 'sort' + (active ? ' active' : ''), dataset: { sort: c.key },
          text: c.label + (active ? (order === 'asc' ? ' ▲' : ' ▼') : ''),
          onclick: () => onSort(c.key, active && order === 'asc' ? 'desc' : 'asc'),
        }));
      } else {
        th.textContent = c.label;
      }
      tr.append(th);
    }
    thead.append(tr);
  }

  function rows(items) {
    clear(tbody);
    if (!items.length) {
      tbody.append(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty', text: 'no events match' })));
      return;
    }
    for (const e of items) {
      const tr = el('tr', {
        tabindex: 0, class: 'event-row', dataset: { article: e.article_id, idx: e.idx },
        title: e.evidence_text || '',
        onclick: () => onSelect(e.article_id, e.idx),
        onkeydown: (evt) => { if (evt.key === 'Enter') onSelect(e.article_id, e.idx); },
      });
      for (const c of COLUMNS) {
        const td = el('td', { title: c.title ? c.title(e) : undefined });
        if (c.badge) td.append(el('span', { class: 'badge ' + quadClass(e.quad_class), text: c.value(e) }));
        else td.textContent = c.value(e);
        tr.append(td);
      }
      tbody.append(tr);
    }
  }

  return { header, rows };
}
