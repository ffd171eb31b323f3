// Map of event locations on an offline basemap: Natural Earth country shapes, no tiles.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import { QUADS, quadClass } from './colors.js';
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

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    iconCreateFunction(cluster) {
      const counts = {};
      for (const m of cluster.getAllChildMarkers()) {
        const q = quadClass(m.options.event.quad_class);
        counts[q] = (counts[q] || 0) + 1;
      }
      const dominant = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
      const n = Number(cluster.getChildCount());
      const size = n < 10 ? 30 : n < 100 ? 36 : 44;
      return L.divIcon({
        html: '<div><span>' + n + '</span></div>',
        className: 'ev-cluster ' + dominant,
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

  function update(data) {
    clusters.clearLayers();
    const points = data.points.map((row) => Object.fromEntries(data.fields.map((f, i) => [f, row[i]])));
    const markers = points.map((p) => {
      const m = L.marker([p.lat, p.lon], {
        event: p,
        keyboard: true,
        title: `${p.event_type || 'uncoded'} at ${p.location_name || ''}`,
        icon: L.divIcon({ className: 'ev-pin ' + quadClass(p.quad_class), iconSize: [14, 14] }),
      });
      m.bindTooltip(tooltip(p), { direction: 'top', offset: [0, -6] });
      m.on('click', () => onSelect(p.article_id, p.idx));
      return m;
    });
    clusters.addLayers(markers);
    if (markers.length) {
      const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
      map.fitBounds(bounds.pad(0.3), { maxZoom: 6 });
    }
  }

  function legend(node) {
    for (const [q, { name }] of Object.entries(QUADS)) {
      node.append(el('span', { class: 'key' }, el('i', { class: 'swatch ' + quadClass(Number(q)) }), name));
    }
  }

  return { map, update, legend, invalidate: () => map.invalidateSize() };
}
