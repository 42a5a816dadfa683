// A portal served over plain http:// (no secure context, so no crypto.subtle): the loader falls
// back to `fetch` with `integrity` for the wasm and the catalogue, and still refuses a tampered file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve, settled } from './helpers.mjs';

let srv; let browser; let base;
before(async () => {
  srv = await serve();
  const port = new URL(srv.base).port;
  base = `http://portal.test:${port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--host-resolver-rules=MAP portal.test 127.0.0.1'],
  });
});
after(async () => { await browser?.close(); srv?.close(); });

test('works over plain http (no crypto.subtle), English included', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/www/index.html`);
  assert.equal(await page.evaluate(() => window.isSecureContext), false);
  assert.equal(await page.evaluate(() => !!(window.crypto && crypto.subtle)), false);
  const states = await settled(page, 30000);
  assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
  await page.goto(`${base}/tests/e2e/pages/lang.html`);
  await settled(page, 30000);
  assert.equal(await page.$eval('#en', (e) => e.shadowRoot.querySelector('label').textContent), 'Find an administrative procedure');
  assert.deepEqual(errors, []);
  await context.close();
});

test('over plain http a tampered wasm is still refused', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/pkg/cchc_tracker_bg.wasm*', async (route) => {
    // (Node cannot resolve portal.test: fetch the original from the same server by address.)
    const resp = await route.fetch({ url: route.request().url().replace('portal.test', '127.0.0.1') });
    const body = Buffer.from(await resp.body());
    body[body.length - 10] ^= 0xff;
    await route.fulfill({ response: resp, body });
  });
  await page.goto(`${base}/www/chi-tieu-cchc.html`);
  await settled(page, 30000);
  const panel = await page.$eval('cchc-index-tracker', (e) => ({
    state: e.dataset.state, text: e.shadowRoot.querySelector('[role=alert]')?.textContent || '',
  }));
  assert.equal(panel.state, 'error');
  assert.match(panel.text, /Không tải được chức năng này/);
  await context.close();
});
