// Issue 15: the loader reads the agency's hotlines (js/cchc-widgets.js `hotlines`, `dial`) and
// draws them in every widget. It must read each number exactly as the core's `read_hotline`
// does: both are held to tests/fixtures/contacts/hotlines.json (the core by a unit test in
// src/feedback/hotline.rs, the loader here, through a real widget's error panel).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, ROOT } from './helpers.mjs';

const FIXTURE = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/contacts/hotlines.json'), 'utf8'));

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

// A page with no widget; one is inserted later (as a CMS would), with the given contacts file.
async function panel(contacts, { label = false } = {}) {
  const { page, context, errors } = await open(browser, `${srv.base}/tests/e2e/pages/none.html`, { ignore: [/Failed to load resource/] });
  await page.route('**/__contacts.json', (route) => route.fulfill({ contentType: 'application/json', body: contacts }));
  await page.evaluate(() => {
    const t = document.createElement('cchc-index-tracker');
    t.setAttribute('src', '/__fail/404');
    t.setAttribute('contacts', '/__contacts.json');
    document.querySelector('main').appendChild(t);
  });
  await page.waitForFunction(() => document.querySelector('cchc-index-tracker')?.dataset.contactsState);
  await page.waitForFunction(() => document.querySelector('cchc-index-tracker').dataset.state === 'error');
  // Drawn after the state is set: give the panel a moment.
  await page.waitForTimeout(200);
  const got = await page.$eval('cchc-index-tracker', (e) => {
    const box = e.shadowRoot.querySelector('[role=alert] [part=contacts]');
    return {
      state: e.dataset.contactsState,
      lines: box ? [...box.querySelectorAll('li')].map((li) => [li.textContent, li.querySelector('a').getAttribute('href')]) : null,
      text: box ? box.textContent : null,
      markup: box ? box.querySelectorAll('script, img, b, i').length : 0,
    };
  });
  assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), []);
  await context.close();
  return got;
}

test('the loader reads every hotline as the core does (shared fixture)', async () => {
  const cases = FIXTURE.cases;
  assert.ok(cases.length > 20);
  const got = await panel(JSON.stringify({ format: 'cchc-lien-he', version: 1, agency: 'UBND tỉnh X', hotlines: cases.map((c) => c[0]) }));
  const want = cases.filter((c) => c[2] !== null).map((c) => [c[1], `tel:${c[2]}`]);
  assert.deepEqual(got.lines, want);
  // Some numbers were left out: `cchc check` names them; the widget says so to the webmaster.
  assert.equal(got.state, 'error');
  assert.match(got.text, /^Cần hỗ trợ\? Gọi đường dây nóng:/);
});

test('labels and hours are text, never markup; a clean file is ready', async () => {
  const got = await panel(JSON.stringify({
    format: 'cchc-lien-he', version: 1, agency: 'UBND tỉnh X',
    hotlines: [{ number: '1900 1234', label: ' <b>Đường dây nóng</b> ', hours: '<img src=x onerror=alert(1)>' }, '113'],
  }));
  assert.equal(got.state, 'ready');
  assert.deepEqual(got.lines, [
    ['<b>Đường dây nóng</b>: 1900 1234 (<img src=x onerror=alert(1)>)', 'tel:19001234'],
    ['113', 'tel:113'],
  ]);
  assert.equal(got.markup, 0);
  assert.doesNotMatch(got.text, /ví dụ/, 'no example note unless the file says so');
});

test('a file that is not a contacts file shows nothing and says error', async () => {
  for (const body of ['{"hotlines": ["1900 1234"]', '<html>404</html>', '[]', '{"format": "cchc-lien-he", "hotlines": {"a": 1}}']) {
    const got = await panel(body);
    assert.equal(got.state, 'error', body);
    assert.equal(got.lines, null, body);
  }
});
