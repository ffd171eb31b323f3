// Colours: PLOVER types for the timeline and badges, quad classes for the map.

export const QUADS = {
  0: { name: 'neutral', color: '#8a8f98' },
  1: { name: 'verbal cooperation', color: '#3b82c4' },
  2: { name: 'material cooperation', color: '#2e9e6a' },
  3: { name: 'verbal conflict', color: '#e0a020' },
  4: { name: 'material conflict', color: '#d0402b' },
};

const TYPE_ORDER = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];
const PALETTE = [
  '#1f77b4', '#4e9ad6', '#17becf', '#9edae5', '#2ca02c', '#98df8a', '#bcbd22', '#dbdb8d',
  '#ff9896', '#f7b6d2', '#e377c2', '#9467bd', '#c5b0d5', '#8c564b', '#ff7f0e', '#d62728',
];

export function typeColor(type) {
  const i = TYPE_ORDER.indexOf(type);
  if (i >= 0) return PALETTE[i];
  let h = 0;
  for (const c of String(type)) h = (h * 31 + c.charCodeAt(0)) % 360;
  return type === 'UNCODED' ? '#b0b4ba' : `hsl(${h}, 45%, 55%)`;
}

export function quadClass(q) {
  return q === null || q === undefined ? 'qn' : 'q' + q;
}
