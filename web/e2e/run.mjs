// End-to-end check of the explorer as a researcher uses it, in Debian's headless Chromium.
//
//   node e2e/run.mjs --url http://127.0.0.1:PORT/ --shots DIR [--chromium /usr/bin/chromium]
//
// Loads the page, applies a filter, clicks an event, checks that the article view
// highlights exactly that event's evidence, brushes the timeline, and writes screenshots.
// Any request leaving the server's origin is blocked and counted as a failure: the page
// must work with no network. Prints one JSON line; exits 1 if any check failed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    shots: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
const base = new URL(args.url);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
// The page marks <body data-busy> while it redraws map, timeline and table after a filter change.
const settled = (page) => page.waitForSelector('body[data-ready="true"]:not([data-busy])', { timeout: 20000 });
const profile = mkdtempSync(join(tmpdir(), 'eventwire-e2e-'));
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const context = await chromium.launchPersistentContext(profile, {
  executablePath: args.chromium, headless: true, args: flags, viewport: { width: 1400, height: 900 },
});
const results = {};
try {
  const page = context.pages()[0] || (await context.newPage());
  const offsite = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== base.origin && u.protocol !== 'data:') { offsite.push(u.href); return route.abort(); }
    return route.continue();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push('dialog opened: ' + d.message()); d.dismiss(); });

  await page.goto(base.href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 10000 });
  const api = async (path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
  const all = await api('api/events?page_size=500');
  results.events_total = all.total;
  check((await page.locator('#events tbody tr.event-row').count()) === Math.min(all.total, 50), 'table shows the first page');
  check((await page.locator('#timeline rect[data-day]').count()) > 0, 'timeline has bars');
  mkdirSync(args.shots, { recursive: true });
  await page.screenshot({ path: join(args.shots, 'map.png') });

  // Filter by actor code, as typed by a person.
  await page.fill('input[name="actor"]', 'syr');
  await page.click('#filters button[type="submit"]');
  const expected = await api('api/events?actor=SYR&page_size=500');
  await settled(page);
  await page.waitForFunction((n) => document.querySelector('#table-note').textContent === `${n} matching`, expected.total);
  const rows = page.locator('#events tbody tr.event-row');
  results.filtered_rows = await rows.count();
  check(results.filtered_rows === expected.total && expected.total < all.total, 'actor filter narrows the table');
  const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[3].textContent + ' ' + tr.children[5].textContent));
  check(codes.every((c) => /(^|\s)SYR/.test(c)), 'every filtered row has a SYR actor');
  check(new URL(page.url()).searchParams.get('actor') === 'SYR', 'filters are kept in the URL');

  // Click an event of the filtered table (an ASSAULT if any): its article opens with its evidence highlighted.
  const first = (await rows.filter({ hasText: 'ASSAULT' }).count()) ? rows.filter({ hasText: 'ASSAULT' }).first() : rows.first();
  const articleId = await first.getAttribute('data-article');
  const idx = await first.getAttribute('data-idx');
  await first.click();
  await page.waitForSelector('#article:not([hidden]) mark.sel', { timeout: 10000 });
  const event = await api(`api/events/${articleId}/${idx}`);
  const selected = await page.locator('#article-text mark.sel').evaluateAll((ms) => ms.map((m) => m.textContent).join(''));
  results.selected_evidence = selected;
  check(selected === event.evidence_text, `selected highlight equals the evidence (${JSON.stringify(selected)})`);
  check((await page.locator(`#event-cards .card.sel[data-idx="${idx}"]`).count()) === 1, 'event card selected');
  const cardText = await page.locator('#event-cards .card.sel').textContent();
  check(cardText.includes(event.rule) && cardText.includes(event.cameo_code), 'card lists its rule and CAMEO code');
  const text = await page.locator('#article-text').textContent();
  const article = await api(`api/articles/${articleId}`);
  check(text === article.article.text, 'article text shown verbatim');
  check((await page.locator('#article-text script, #article-text img').count()) === 0, 'hostile HTML stays text');
  const timexBg = await page.locator('#article-text mark.hl-timex:not(.sel)').first()
    .evaluate((m) => getComputedStyle(m).backgroundColor);
  check(timexBg !== 'rgba(0, 0, 0, 0)' && timexBg !== 'transparent', `dates are visibly highlighted (${timexBg})`);
  check(await page.evaluate(() => location.hash) === `#/article/${articleId}/${idx}`, 'deep link in the URL');
  await page.screenshot({ path: join(args.shots, 'article.png') });

  // Close, reset, brush the timeline over its first half: the date filter is set from it.
  await page.click('#close-article');
  await page.click('#reset-filters');
  await settled(page);
  await page.waitForFunction((n) => document.querySelector('#table-note').textContent === `${n} matching`, all.total);
  const box = await page.locator('#timeline svg').boundingBox();
  await page.mouse.move(box.x + 32, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('input[name="date_from"]').value !== '');
  const from = await page.inputValue('input[name="date_from"]');
  const to = await page.inputValue('input[name="date_to"]');
  const brushed = await api(`api/events?date_from=${from}&date_to=${to}&page_size=500`);
  await settled(page);
  await page.waitForFunction((n) => document.querySelector('#table-note').textContent === `${n} matching`, brushed.total);
  results.brushed = { from, to, total: brushed.total };
  check(brushed.total < all.total, 'timeline brush narrows the events');

  // Colour the map by PLOVER type instead of quad class.
  await page.selectOption('#color-by', 'type');
  const shown = await api(`api/map?date_from=${from}&date_to=${to}`);
  const types = [...new Set(shown.points.map((row) => row[shown.fields.indexOf('event_type')] || 'UNCODED'))].sort();
  const keys = await page.locator('#map-legend .key').allTextContents();
  check(JSON.stringify(keys) === JSON.stringify(types), `map legend lists the PLOVER types shown (${keys})`);

  // A shared link restores the filters.
  await page.goto(new URL('?type=ASSAULT', base).href);
  await settled(page);
  check(await page.inputValue('select[name="type"]') === 'ASSAULT', 'filters restored from the URL');
  const assaults = await api('api/events?type=ASSAULT');
  check(await page.locator('#events tbody tr.event-row').count() === assaults.total, 'table filtered from the URL');

  results.offsite_requests = offsite;
  results.page_errors = errors;
  check(offsite.length === 0, 'no request left the server');
  check(errors.length === 0, 'no page errors, CSP violations or dialogs');
} catch (err) {
  failures.push('exception: ' + (err && err.stack ? err.stack : err));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify({ ok: failures.length === 0, failures, ...results }));
process.exit(failures.length ? 1 : 0);
