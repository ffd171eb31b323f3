// Map of event locations on an offline basemap: Natural Earth country shapes, no tiles.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import { QUADS, typeColor } from './colors.js';
import { el } from './dom.js';

// Natural Earth rings that cross the antimeridian jump from +180 to -180, which Leaflet
// draws as a line across the whole map; continue them past 180 instead.
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function unwrap(geometry) {
  if (!geometry) return geometry;
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(unwrapRing)) };
  }
  return geometry;
}

export function createMap(container, { onSelect }) {
  const map = L.map(container, {
    worldCopyJump: true,
    minZoom: 1,
    maxZoom: 12,
    zoomSnap: 0.5,
    preferCanvas: false,
  }).setView([25, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth (world-atlas) · Leaflet');
  const shapes = feature(countries, countries.objects.countries);
  shapes.features = shapes.features.map((f) => ({ ...f, geometry: unwrap(f.geometry) }));
  L.geoJSON(shapes, {
    interactive: false,
    style: { color: '#9aa5b1', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 },
  }).addTo(map);

  // Colours are set through the CSSOM (element.style), which the page's CSP allows; style
  // attributes in markup would be blocked.
  let colorBy = 'quad';
  let last = null;
  let legendNode = null;
  const colorOf = (p) => (colorBy === 'quad'
    ? (QUADS[p.quad_class] || { color: '#b0b4ba' }).color
    : typeColor(p.event_type || 'UNCODED'));
  const painted = (node, color) => { node.style.background = color; return node; };

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    iconCreateFunction(cluster) {
      const counts = new Map();
      for (const m of cluster.getAllChildMarkers()) {
        const c = colorOf(m.options.event);
        counts.set(c, (counts.get(c) || 0) + 1);
      }
      const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const n = Number(cluster.getChildCount());
      const size = n < 10 ? 30 : n < 100 ? 36 : 44;
      return L.divIcon({
        html: painted(el('div', {}, el('span', { text: String(n) })), dominant),
        className: 'ev-cluster',
        iconSize: L.point(size, size),
      });
    },
  });
  map.addLayer(clusters);

  function tooltip(p) {
    return el('div', { class: 'tip' },
      el('strong', { text: p.event_type || 'uncoded' }), ' ',
      el('span', { text: [p.source_code, p.trigger_text, p.target_code].filter(Boolean).join(' → ') }),
      el('br'),
      el('span', { class: 'dim', text: `${p.location_name || ''} · ${p.day || 'undated'}` }));
  }

  function draw(points, fit) {
    clusters.clearLayers();
    const markers = points.map((p) => {
      const m = L.marker([p.lat, p.lon], {
        event: p,
        keyboard: true,
        title: `${p.event_type || 'uncoded'} at ${p.location_name || ''}`,
        icon: L.divIcon({ html: painted(el('div', { class: 'ev-pin' }), colorOf(p)), className: 'ev-pin-wrap',
          iconSize: [14, 14] }),
      });
      m.bindTooltip(tooltip(p), { direction: 'top', offset: [0, -6] });
      m.on('click', () => onSelect(p.article_id, p.idx));
      return m;
    });
    clusters.addLayers(markers);
    if (fit && markers.length) map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 6 });
    drawLegend(points);
  }

  function update(data) {
    last = data.points.map((row) => Object.fromEntries(data.fields.map((f, i) => [f, row[i]])));
    draw(last, true);
  }

  function drawLegend(points) {
    if (!legendNode) return;
    while (legendNode.firstChild) legendNode.removeChild(legendNode.firstChild);
    const keys = colorBy === 'quad'
      ? Object.entries(QUADS).map(([, { name, color }]) => [name, color])
      : [...new Set(points.map((p) => p.event_type || 'UNCODED'))].sort().map((t) => [t, typeColor(t)]);
    for (const [name, color] of keys) {
      legendNode.append(el('span', { class: 'key' }, painted(el('i', { class: 'swatch' }), color), name));
    }
  }

  function legend(node) {
    legendNode = node;
    drawLegend(last || []);
  }

  function setColorBy(mode) {
    colorBy = mode === 'type' ? 'type' : 'quad';
    if (last) draw(last, false);
  }

  return { map, update, legend, setColorBy, invalidate: () => map.invalidateSize() };
}
