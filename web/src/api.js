// The page talks to the server only through this JSON API (see /api/openapi.json).

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  return q.toString();
}

export async function get(path, params = {}) {
  const qs = query(params);
  const res = await fetch('api/' + path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join('; ')
      : body.detail || res.statusText;
    throw new Error(detail);
  }
  return body;
}
