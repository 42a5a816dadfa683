// Which functions of the combined module (`cchc_all`, pages with several widget kinds) a page never
// calls while it starts: `cargo xtask rest-profile` runs this on a copy of www/ and pkg/ built with
// function names and without the split, and writes the answer to xtask/rest-functions.txt, which
// `cargo xtask build` moves into `cchc_all_rest.wasm` (fetched once the page's widgets are ready).
//
// A function counts as called when V8 compiles it: V8 compiles each wasm function on its first
// call (`wasm.CompileLazy` in a trace). The demo's all-three page is loaded in headless Chromium
// (4× CPU slowdown, as the startup benchmark) in each way it can start, and watched until 1.5 s
// after every widget is ready or has failed: in Vietnamese (then taken off the page), in English,
// with each data file failing (404, 500, bad JSON, network error), with the form's draft restored,
// and with the tests' other tracker files, form schema and the built-in form.
// Usage: node tools/rest-profile.mjs ROOT OUT (ROOT holds www/, with the bundle in www/pkg/).
import { chromium } from 'playwright-core';
import fs from 'fs';
import { serve } from '../tests/e2e/helpers.mjs';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: node tools/rest-profile.mjs ROOT OUT');
  process.exit(2);
}
const srv = await serve({ root });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const HOSTS = 'cchc-tthc-search, cchc-index-tracker, [data-cchc]';
const settled = () => {
  const w = [...document.querySelectorAll('cchc-tthc-search, cchc-index-tracker, [data-cchc]')];
  return w.length > 0 && w.every((e) => e.dataset.state === 'ready' || e.dataset.state === 'error');
};

const called = new Set();
async function scenario(name, prepare, act, after) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const tab = await context.newPage();
  if (prepare) await prepare(tab, context);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(tab, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
  if (act) await act(tab);
  else await tab.goto(`${srv.base}/www/index.html`);
  await tab.waitForFunction(settled, null, { timeout: 60000, polling: 50 });
  await tab.waitForTimeout(1500);
  if (after) await after(tab);
  const states = await tab.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.dataset.state).join(','), HOSTS);
  const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  let n = 0;
  for (const e of ev) {
    if (e.name !== 'wasm.CompileLazy') continue;
    const f = e.args?.func_index ?? e.args?.data?.func_index;
    if (f != null && !called.has(f)) { called.add(f); n++; }
  }
  console.log(`${name}: ${states}; ${n} more functions called`);
  await context.close();
}

const rewrite = (from, to) => async (tab) => {
  await tab.route('**/www/index.html', async (r) => {
    const res = await r.fetch();
    r.fulfill({ response: res, body: (await res.text()).replace(from, to) });
  });
};
// Taken off the page (an AJAX page swap): the widgets are destroyed. The loader destroys them
// on its failure path too, which must not need the rest.
await scenario('vi, then removed', null, null, async (tab) => {
  await tab.evaluate((s) => document.querySelectorAll(s).forEach((e) => e.remove()), HOSTS);
  await tab.waitForTimeout(500);
});
await scenario('en', rewrite('<html lang="vi">', '<html lang="en">'));
await scenario('failures', async (tab) => {
  await tab.route('**/data/tthc.json*', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await tab.route('**/data/chi-tieu.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "plans": [' }));
  await tab.route('**/data/phan-anh.json*', (r) => r.fulfill({ status: 500, body: 'error' }));
  await tab.route('**/data/lien-he.json*', (r) => r.abort());
});
await scenario('bad data', async (tab) => {
  await tab.route('**/data/tthc.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "procedures": [{"name": 5}]}' }));
  await tab.route('**/data/chi-tieu.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 99}' }));
  await tab.route('**/data/phan-anh.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '[1]' }));
  await tab.route('**/data/dvhc/tinh.json*', (r) => r.fulfill({ status: 404, body: '' }));
});
// The form's draft, restored when the page starts again (typed before the trace starts).
await scenario('draft', async (tab) => {
  await tab.goto(`${srv.base}/www/index.html`);
  await tab.waitForFunction(settled, null, { timeout: 60000, polling: 50 });
  const form = tab.locator('[data-cchc="feedback-form"]');
  const fields = form.locator('input[type=text], input:not([type]), input[type=tel], input[type=email], textarea');
  const n = await fields.count();
  for (let i = 0; i < n; i++) await fields.nth(i).fill(i % 2 ? '0912345678' : 'Nguyễn Văn A');
  await tab.waitForTimeout(1500);
}, (tab) => tab.reload());

// Other data than the demo's: each tracker file of the tests (with progress reports, odd
// deadlines, bad rows), the tests' form schema, and the built-in form (no `schema`).
const file = (p) => fs.readFileSync(new URL(`../${p}`, import.meta.url));
for (const tracker of ['tests/e2e/pages/tracker-fixture.json', 'tests/e2e/pages/tracker-progress.json',
  'tests/e2e/pages/tracker-bad.json', 'tests/fixtures/tien-do/chi-tieu-vi-du.json']) {
  await scenario(`data: ${tracker.replace(/^.*\//, '')}`, async (tab) => {
    await tab.route('**/data/chi-tieu.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: file(tracker) }));
    await tab.route('**/data/phan-anh.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: file('tests/e2e/pages/form-test.json') }));
  });
}
await scenario('the built-in form', rewrite(' data-schema="data/phan-anh.json"', ''));

const names = JSON.parse(fs.readFileSync(`${out}.names.json`, 'utf8'));
// A group (functions of one name) moves only when none of its functions was called.
const groups = new Map();
for (const [f, name] of names) {
  if (!name) continue;
  const g = groups.get(name) || { called: false };
  g.called ||= called.has(f);
  groups.set(name, g);
}
const cold = [...groups].filter(([, g]) => !g.called).map(([n]) => n).sort();
const header = [
  '# The combined module\'s functions that no page called while it started (`cargo xtask rest-profile`,',
  '# tools/rest-profile.mjs): `cargo xtask build` moves them to pkg/cchc_all_rest.wasm (xtask/src/split.rs).',
  '# One name per line, without symbol hashes; generated, do not edit.',
];
fs.writeFileSync(out, header.concat(cold).join('\n') + '\n');
console.log(`${called.size} of ${names.length} functions called; ${cold.length} names written to ${out}`);
await browser.close();
srv.close();
