// The embedding API: the data-attribute form, elements added and removed later, the language of
// the surrounding page, events, parts, theming and a strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settled, ROOT } from './helpers.mjs';
import { createServer } from '../../tools/serve.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

test('data-cchc divs, lang="en" sections and the cchc-ready / cchc-error events', async () => {
  const { page, context } = await open(browser, `${srv.base}/tests/e2e/pages/embed.html`, { ignore: [/Failed to load resource/] });
  await settled(page);
  assert.equal(await page.$eval('#cms', (e) => e.dataset.state), 'ready');
  const en = await page.$eval('#en', (e) => e.shadowRoot.querySelector('[role=alert]').textContent);
  assert.match(en, /could not be loaded/);
  assert.match(en, /Try again/i);
  // Theming: the page sets --cchc-primary on cchc-tthc-search; it reaches the button inside.
  const bg = await page.$eval('#en', (e) => getComputedStyle(e.shadowRoot.querySelector('[role=alert] button')).backgroundColor);
  assert.equal(bg, 'rgb(106, 27, 154)');
  await context.close();
});

test('widgets inserted later start, removed ones clean up, the wasm is fetched once', async () => {
  const { page, context, errors } = await open(browser, `${srv.base}/tests/e2e/pages/embed.html`, { ignore: [/Failed to load resource/] });
  await settled(page);
  const ready = await page.evaluate(() => new Promise((resolve) => {
    const later = document.getElementById('later');
    later.addEventListener('cchc-ready', (e) => resolve(e.detail.kind));
    later.innerHTML = '<div data-cchc="tthc-search" data-src="../../../www/data/tthc.json" id="ajax"></div>';
  }));
  assert.equal(ready, 'tthc-search');
  // Removing the element empties its shadow root (listeners released by the core).
  const left = await page.evaluate(async () => {
    const el = document.getElementById('ajax');
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return el.shadowRoot.childNodes.length;
  });
  assert.equal(left, 0);
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.endsWith('.wasm')).length);
  assert.equal(wasm, 1);
  assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), []);
  await context.close();
});

test('a page without widgets never downloads the wasm', async () => {
  const { page, context } = await open(browser, `${srv.base}/tests/e2e/pages/none.html`);
  await page.waitForFunction(() => window.cchcWidgets);
  await page.waitForTimeout(300);
  // Only the loader itself: no glue, no wasm, no catalogue.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.ok(fetched.some((n) => n.endsWith('/pkg/cchc-widgets.js')), JSON.stringify(fetched));
  assert.deepEqual(fetched.filter((n) => /\/pkg\//.test(n) && !n.endsWith('/pkg/cchc-widgets.js')), []);
  await context.close();
});

test('works under a strict Content-Security-Policy', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
  const server = createServer({ root: ROOT, csp });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { page, context, errors } = await open(browser, `http://127.0.0.1:${server.address().port}/www/index.html`);
  const states = await settled(page);
  assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
  assert.deepEqual(errors, [], 'CSP violations or errors');
  await context.close();
  server.closeAll();
});
