// leaflet.markercluster extends the global L; make it exist before that plugin loads.
import L from 'leaflet';

window.L = L;
export default L;
