// The combined module's rest (issue 10, xtask/src/split.rs): on a page with several widget kinds,
// the code no page runs while it starts is a second wasm, fetched once every widget is ready or
// has failed. Nothing a page runs while it starts waits for it (in Vietnamese, in English, with
// its data failing); its code works once it is in; a function of it called before it arrives
// fetches it at once; a tampered copy is refused with the failure panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, settled } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

const REST = 'cchc_all_rest.wasm';

async function load({ prepare, viewport = { width: 360, height: 740 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__settled = [];
    for (const t of ['cchc-ready', 'cchc-error']) document.addEventListener(t, () => window.__settled.push(performance.now()), true);
  });
  if (prepare) await prepare(page);
  await page.goto(`${srv.base}/www/index.html`);
  const states = await settled(page);
  return { context, page, errors, states };
}

const restState = (page) => page.evaluate((name) => ({
  requested: performance.getEntriesByType('resource').filter((r) => r.name.includes(name)).map((r) => r.startTime),
  settled: window.__settled,
  sync: performance.getEntriesByType('mark').some((m) => m.name === 'cchc:rest-sync'),
}), REST);

const scenarios = [
  ['Vietnamese', null, 'ready'],
  ['English', (page) => page.route('**/www/index.html', async (r) => {
    const res = await r.fetch();
    await r.fulfill({ response: res, body: (await res.text()).replace('<html lang="vi">', '<html lang="en">') });
  }), 'ready'],
  ['every data file failing', async (page) => {
    await page.route('**/data/tthc.json*', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.route('**/data/chi-tieu.json*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "plans": [' }));
    await page.route('**/data/phan-anh.json*', (r) => r.fulfill({ status: 500, body: 'error' }));
    await page.route('**/data/lien-he.json*', (r) => r.abort());
  }, 'error'],
];

for (const [name, prepare, want] of scenarios) {
  test(`the rest is fetched once every widget has settled, and starting never needs it (${name})`, async () => {
    const { context, page, errors, states } = await load({ prepare });
    assert.ok(states.every((s) => s.state === want), JSON.stringify(states));
    await page.waitForFunction((n) => performance.getEntriesByType('resource').some((r) => r.name.includes(n)), REST);
    // What the page runs just after ready (the search's index, its words) does not need it either.
    await page.waitForTimeout(1000);
    const r = await restState(page);
    assert.equal(r.sync, false, 'a function of the rest ran while the page started: run `cargo xtask rest-profile`');
    assert.equal(r.requested.length, 1, JSON.stringify(r));
    assert.equal(r.settled.length, 3, JSON.stringify(r));
    assert.ok(r.requested[0] >= Math.max(...r.settled), `rest requested at ${r.requested[0]} ms, before the widgets settled (${r.settled})`);
    if (want === 'ready') assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the code in the rest works: a procedure\'s detail, the form\'s errors, the tracker\'s filter', async () => {
  const { context, page, errors } = await load({ viewport: { width: 1280, height: 900 } });
  await page.waitForFunction((n) => performance.getEntriesByType('resource').some((r) => r.name.includes(n) && r.responseEnd > 0), REST);
  await page.locator('cchc-tthc-search >> [part=search-input]').fill('cap lai can cuoc');
  const first = page.locator('cchc-tthc-search >> [part=result] a').first();
  await first.click();
  await page.locator('cchc-tthc-search >> [part=detail]').first().waitFor();
  await page.locator('[data-cchc=feedback-form] >> [part=submit]').click();
  await page.locator('[data-cchc=feedback-form] >> [part=error-summary]').waitFor();
  const r = await restState(page);
  assert.equal(r.sync, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a function of the rest called before the rest has arrived fetches it at once', async () => {
  let n = 0;
  const { context, page, errors } = await load({
    prepare: (page) => page.route(`**/pkg/${REST}*`, async (route) => {
      // The loader's request is held back; the one the stub makes goes through.
      if (n++ === 0) await new Promise((r) => setTimeout(r, 8000));
      await route.continue().catch(() => {});
    }),
  });
  // The loader asked for it when the widgets settled, before the search attached its words.
  assert.equal(n, 1);
  await page.locator('[data-cchc=feedback-form] >> [part=submit]').click();
  await page.locator('[data-cchc=feedback-form] >> [part=error-summary]').waitFor({ timeout: 5000 });
  const r = await restState(page);
  assert.equal(r.sync, true, JSON.stringify(r));
  assert.equal(n, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tampered rest is refused: the widgets show the failure panel', async () => {
  const { context, page, errors } = await load({
    prepare: (page) => page.route(`**/pkg/${REST}*`, async (route) => {
      const resp = await route.fetch();
      const body = Buffer.from(await resp.body());
      body[body.length - 10] ^= 0xff;
      await route.fulfill({ response: resp, body });
    }),
  });
  // The loader's own request fails its check quietly; the first function of the rest to run
  // fetches it again, refuses it, and the widgets say so.
  await page.waitForFunction((n) => performance.getEntriesByType('resource').some((r) => r.name.includes(n)), REST);
  await page.waitForTimeout(500);
  await page.locator('[data-cchc=feedback-form] >> [part=submit]').click();
  await page.waitForFunction(() => [...document.querySelectorAll('cchc-tthc-search, cchc-index-tracker, [data-cchc]')]
    .every((e) => e.dataset.state === 'error' && e.shadowRoot.querySelector('[role=alert]')));
  const text = await page.$eval('cchc-tthc-search', (e) => e.shadowRoot.querySelector('[role=alert]').textContent);
  assert.match(text, /Không tải được chức năng này/);
  assert.match(text, /integrity/);
  // The call that needed the rest was abandoned with an exception (the only way out of it); the
  // other messages are the browser's own about the refused file.
  const ours = errors.filter((e) => !/SRI|valid digest/.test(e));
  assert.equal(ours.length, 1, JSON.stringify(errors));
  assert.match(ours[0], /integrity/);
  // The form was not sent by the browser instead (its fields would have gone into the URL).
  assert.equal(new URL(page.url()).search, '');
  await context.close();
});
