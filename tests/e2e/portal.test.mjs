// The demo portal: every widget renders on real data, with no console errors, no axe violations,
// and none of the portal's hostile CSS leaking in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settled, axe, screenshot } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

const PAGES = [
  ['index.html', ['cchc-tthc-search', 'cchc-index-tracker', 'feedback-form']],
  ['tra-cuu-thu-tuc.html', ['cchc-tthc-search']],
  ['chi-tieu-cchc.html', ['cchc-index-tracker']],
  ['phan-anh-kien-nghi.html', ['feedback-form']],
  ['phan-anh-da-tra-loi.html', ['feedback-answers']],
];

for (const [file, kinds] of PAGES) {
  test(`${file}: widgets ready, no console errors, no axe violations`, async () => {
    const { page, context, errors } = await open(browser, `${srv.base}/www/${file}`);
    const states = await settled(page);
    assert.deepEqual(states.map((s) => s.kind), kinds);
    assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
    await screenshot(page, file.replace('.html', ''));
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('hostile portal CSS does not leak into the widgets', async () => {
  const { page, context } = await open(browser, `${srv.base}/www/index.html`);
  await settled(page);
  const styles = await page.$$eval('cchc-tthc-search, cchc-index-tracker, [data-cchc]', (hosts) => hosts.map((h) => {
    const inner = h.shadowRoot.querySelector('.cchc');
    const cs = getComputedStyle(inner);
    const btn = h.shadowRoot.querySelector('button');
    return {
      font: cs.fontFamily, size: cs.fontSize, lineHeight: cs.lineHeight, align: cs.textAlign,
      button: btn ? getComputedStyle(btn).backgroundColor : null,
    };
  }));
  for (const s of styles) {
    assert.ok(!/Times/i.test(s.font), `portal font leaked: ${s.font}`);
    assert.equal(s.size, '16px');
    assert.equal(s.lineHeight, '24px');
    assert.equal(s.align, 'left');
    if (s.button) assert.notEqual(s.button, 'rgb(221, 221, 221)', 'portal button style leaked');
  }
  await context.close();
});

test('works at 360 px wide (no horizontal scrolling)', async () => {
  const { page, context, errors } = await open(browser, `${srv.base}/www/index.html`, { viewport: { width: 360, height: 740 } });
  await settled(page);
  await screenshot(page, 'index-360');
  const overflow = await page.$$eval('cchc-tthc-search, cchc-index-tracker, [data-cchc]', (hosts) =>
    hosts.map((h) => h.shadowRoot.querySelector('.cchc').scrollWidth - h.getBoundingClientRect().width));
  for (const o of overflow) assert.ok(o <= 1, `widget wider than its box by ${o}px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the page scrolls sideways');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same pages work with www/ served as the site root', async () => {
  const { serve: _s } = await import('./helpers.mjs');
  const { createServer } = await import('../../tools/serve.mjs');
  const { ROOT } = await import('./helpers.mjs');
  const server = createServer({ root: `${ROOT}/www` });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { page, context, errors } = await open(browser, `http://127.0.0.1:${server.address().port}/index.html`);
  const states = await settled(page);
  assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
  assert.deepEqual(errors, []);
  await context.close();
  server.closeAll();
});

test('without JavaScript the webmaster\'s fallback content is visible', async () => {
  const { page, context } = await open(browser, `${srv.base}/www/index.html`, { javaScriptEnabled: false });
  const visible = await page.$$eval('cchc-tthc-search p, cchc-index-tracker p, [data-cchc] p',
    (ps) => ps.map((p) => p.getBoundingClientRect().height > 0 && getComputedStyle(p).visibility !== 'hidden'));
  assert.equal(visible.length, 3);
  assert.ok(visible.every(Boolean));
  await context.close();
});
