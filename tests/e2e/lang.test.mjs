// Languages as data (issue 10): English from pkg/i18n/en.json, a catalogue a province drops into
// pkg/i18n/ by hand (a made-up language "xx" here, served by the test), Vietnamese for a language
// nobody added and for every key a catalogue lacks; a tampered built-in catalogue is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, settled } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

// A province's catalogue: one key translated, one with a bad placeholder (ignored), markup as text.
const XX = {
  lang: 'xx',
  name: 'Xx',
  messages: {
    'Tìm thủ tục hành chính': 'XX-FIND <b>bold</b>',
    'Tìm thấy {n} thủ tục': 'XX-FOUND {count}',
  },
};

const texts = (page, id) => page.$eval(`#${id}`, (e) => ({
  state: e.dataset.state,
  lang: e.shadowRoot.querySelector('.cchc').getAttribute('lang'),
  label: e.shadowRoot.querySelector('label').textContent,
  hint: e.shadowRoot.querySelector('.cchc-hint')?.textContent || '',
  bold: e.shadowRoot.querySelectorAll('b').length,
}));

test('English from its catalogue, a dropped-in catalogue where it has a key, Vietnamese elsewhere', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/pkg/i18n/xx.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(XX),
  }));
  const requested = [];
  page.on('request', (r) => { if (r.url().includes('/pkg/i18n/')) requested.push(r.url().split('/pkg/i18n/')[1].split('?')[0]); });
  await page.goto(`${srv.base}/tests/e2e/pages/lang.html`);
  await settled(page);
  const en = await texts(page, 'en');
  assert.equal(en.state, 'ready');
  assert.equal(en.lang, 'en');
  assert.equal(en.label, 'Find an administrative procedure');
  assert.match(en.hint, /^Type with or without diacritics/);
  const xx = await texts(page, 'xx');
  assert.equal(xx.state, 'ready');
  assert.equal(xx.lang, 'xx');
  assert.equal(xx.label, 'XX-FIND <b>bold</b>', 'shown as text');
  assert.equal(xx.bold, 0, 'never markup');
  assert.match(xx.hint, /^Gõ có dấu hoặc không dấu/, 'a key the catalogue lacks stays Vietnamese');
  const zz = await texts(page, 'zz');
  assert.equal(zz.state, 'ready');
  assert.equal(zz.label, 'Tìm thủ tục hành chính');
  // Each language is fetched once; Vietnamese is never fetched.
  assert.deepEqual([...new Set(requested)].sort(), ['en.json', 'xx.json', 'zz.json']);
  assert.equal(requested.length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Vietnamese page fetches no catalogue', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => { if (r.url().includes('/pkg/i18n/')) requested.push(r.url()); });
  await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html`);
  await settled(page);
  assert.deepEqual(requested, []);
  await context.close();
});

test('a tampered built-in catalogue is refused with the error panel', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/pkg/i18n/en.json*', async (route) => {
    const resp = await route.fetch();
    const body = (await resp.text()).replace('Find an administrative procedure', 'Send your bank password');
    await route.fulfill({ response: resp, body });
  });
  await page.goto(`${srv.base}/tests/e2e/pages/lang.html`);
  await settled(page);
  const en = await page.$eval('#en', (e) => ({ state: e.dataset.state, text: e.shadowRoot.textContent }));
  assert.equal(en.state, 'error');
  assert.doesNotMatch(en.text, /bank password/);
  // The other languages are unaffected.
  assert.equal(await page.$eval('#xx', (e) => e.dataset.state), 'ready');
  await context.close();
});
