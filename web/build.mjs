// Build the explorer into the Python package (src/eventwire/web/static), so pip users need no npm.
// Usage: npm ci && npm run build   (from web/); node build.mjs --out DIR builds elsewhere
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// `--out DIR` builds elsewhere (the tests use it to check the committed bundle is up to date).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? process.argv[outFlag + 1] : join(here, '..', 'src', 'eventwire', 'web', 'static');
const MAX_BYTES = 2 * 1024 * 1024;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: out,
  legalComments: 'none',
  logLevel: 'warning',
});
await build({
  entryPoints: { app: join(here, 'src', 'style.css') },
  bundle: true,
  minify: true,
  outdir: out,
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));

// Third-party notices for what the bundle contains.
const notices = ['leaflet', 'leaflet.markercluster', 'topojson-client', 'world-atlas'].map((pkg) => {
  const dir = join(here, 'node_modules', pkg);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const license = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  return `${pkg} ${version}\n\n${license ? readFileSync(join(dir, license), 'utf8') : ''}`;
});
notices.push('Country shapes: Natural Earth (public domain), via world-atlas.');
writeFileSync(join(out, 'THIRD-PARTY-NOTICES.txt'), notices.join('\n' + '-'.repeat(72) + '\n'));

let total = 0;
for (const f of readdirSync(out)) {
  const size = statSync(join(out, f)).size;
  total += size;
  console.log(`${f.padEnd(28)} ${(size / 1024).toFixed(1).padStart(8)} KiB`);
}
console.log(`${'total'.padEnd(28)} ${(total / 1024).toFixed(1).padStart(8)} KiB`);
if (total > MAX_BYTES) {
  console.error(`bundle is ${total} bytes, over the ${MAX_BYTES} budget`);
  process.exit(1);
}
