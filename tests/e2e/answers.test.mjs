// The answered-feedback widget on the demo's published answers (written by `cchc phan-anh publish`,
// examples/build_answers_demo.rs): a reference number finds its answer, unaccented words and
// filters search, the state is in the URL and the back button works, accessibility at two
// widths, data stays text, and a broken file shows the error panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, settled, axe, screenshot, ROOT } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

const PAGE = '/www/phan-anh-da-tra-loi.html';
const host = '[data-cchc=feedback-answers]';
const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/data/phan-anh-da-tra-loi.json'), 'utf8'));

async function answersPage(query = '', opts) {
  const o = await open(browser, srv.base + PAGE + query, opts);
  const states = await settled(o.page);
  assert.deepEqual(states.map((s) => s.state), ['ready']);
  return o;
}
const box = (page) => page.locator(`${host} >> #ans-q`);
const refs = (page) => page.$eval(host, (e) => [...e.shadowRoot.querySelectorAll('[part=answer-item] a[data-ref]')].map((a) => a.dataset.ref));
const count = (page) => page.$eval(host, (e) => e.shadowRoot.querySelector('.ans-count').textContent);
const openSubject = (page) => page.$eval(host, (e) => {
  const d = e.shadowRoot.querySelector('.ans-detail');
  return d.hidden ? null : d.querySelector('[part=answer-item] h2')?.textContent;
});

test('newest first, the events and data-state as the other widgets', async () => {
  const o = await open(browser, srv.base + PAGE);
  const events = await o.page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('[data-cchc=feedback-answers]');
    if (el.dataset.state === 'ready') resolve(['already']);
    el.addEventListener('cchc-ready', (e) => resolve([e.type, e.detail.kind]));
  }));
  assert.ok(events[0] === 'already' || (events[0] === 'cchc-ready' && events[1] === 'feedback-answers'), String(events));
  await settled(o.page);
  const shown = await refs(o.page);
  assert.deepEqual(shown, DATA.items.map((i) => i.reference).slice(0, shown.length));
  const days = DATA.items.map((i) => i.answered);
  assert.deepEqual(days, [...days].sort().reverse(), 'the demo file is newest first');
  assert.match(await count(o.page), new RegExp(`^${DATA.items.length} phản ánh đã trả lời$`));
  assert.deepEqual(o.errors, []);
  await o.context.close();
});

test('a reference number, typed without dashes in lower case, opens its answer; the URL follows and back works', async () => {
  const { page, context, errors } = await answersPage();
  const item = DATA.items[3];
  await box(page).fill(item.reference.replace(/-/g, '').toLowerCase());
  assert.deepEqual(await refs(page), [item.reference]);
  await box(page).press('Enter');
  await page.waitForFunction((h) => !document.querySelector(h).shadowRoot.querySelector('.ans-detail').hidden, host);
  assert.equal(await openSubject(page), item.subject);
  const text = await page.$eval(host, (e) => e.shadowRoot.querySelector('.ans-detail').textContent);
  assert.ok(text.includes(item.answer) && text.includes(item.answering_agency));
  assert.equal(new URL(page.url()).searchParams.get('pakn-ma'), item.reference);
  // Focus moved to the opened answer's heading.
  assert.equal(await page.$eval(host, (e) => e.shadowRoot.activeElement?.tagName), 'H2');
  // A shared link opens the same answer.
  const other = await context.newPage();
  await other.goto(page.url());
  await settled(other);
  assert.equal(await openSubject(other), item.subject);
  // Back: the list again.
  await page.goBack();
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('.ans-detail').hidden, host);
  assert.equal(new URL(page.url()).searchParams.get('pakn-ma'), null);
  // An unknown number says so.
  await box(page).fill('PAKN-2019-999999');
  assert.match(await count(page), /Không tìm thấy phản ánh số PAKN-2019-999999/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unaccented words, a typo and an abbreviation find answers; filters narrow them; state in the URL', async () => {
  const { page, context } = await answersPage();
  await box(page).fill('khai sinh');
  await box(page).press('Enter');
  const khai = await refs(page);
  const expected = DATA.items.find((i) => /khai sinh/i.test(i.subject)).reference;
  assert.equal(khai[0], expected);
  await box(page).fill('cap giay chung nhan quyen su dung dat');
  assert.equal((await refs(page))[0], DATA.items.find((i) => /quyền sử dụng đất/.test(i.subject)).reference);
  await box(page).fill('bao hiem xa hoi mot lann');
  assert.equal((await refs(page))[0], DATA.items.find((i) => /bảo hiểm xã hội/i.test(i.subject)).reference);
  await box(page).fill('bhxh');
  assert.equal((await refs(page))[0], DATA.items.find((i) => /bảo hiểm xã hội/i.test(i.subject)).reference);
  // Filters: year, then agency; every item shown matches, the count says how many.
  await box(page).fill('');
  await page.locator(`${host} >> #ans-year`).selectOption('2025');
  const y2025 = DATA.items.filter((i) => i.answered.startsWith('2025'));
  assert.deepEqual(await refs(page), y2025.map((i) => i.reference));
  const agency = y2025[0].answering_agency;
  await page.locator(`${host} >> #ans-agency`).selectOption(agency);
  assert.deepEqual(await refs(page), y2025.filter((i) => i.answering_agency === agency).map((i) => i.reference));
  let url = new URL(page.url());
  assert.equal(url.searchParams.get('pakn-nam'), '2025');
  assert.equal(url.searchParams.get('pakn-co-quan'), agency);
  // Back undoes the agency, then the year.
  await page.goBack();
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('#ans-agency').value === '', host);
  assert.deepEqual(await refs(page), y2025.map((i) => i.reference));
  // Field filter with words from a shared link.
  const field = DATA.items[0].field;
  const other = await context.newPage();
  await other.goto(`${srv.base}${PAGE}?pakn-q=${encodeURIComponent('cong an')}&pakn-linh-vuc=${encodeURIComponent(field)}`);
  await settled(other);
  const got = await refs(other);
  assert.ok(got.length > 0);
  for (const r of got) {
    const i = DATA.items.find((x) => x.reference === r);
    assert.equal(i.field, field);
  }
  assert.equal(await other.locator(`${host} >> #ans-q`).inputValue(), 'cong an');
  url = new URL(other.url());
  assert.equal(url.searchParams.get('pakn-linh-vuc'), field);
  await context.close();
});

test('axe finds no WCAG A/AA problem at 1280 and 360 px, list and open answer', async () => {
  for (const width of [1280, 360]) {
    const { page, context } = await answersPage('', { viewport: { width, height: 900 } });
    assert.deepEqual(await axe(page), [], `list at ${width}`);
    await screenshot(page, `answers-${width}`);
    await page.locator(`${host} >> [part=answer-item] a[data-ref]`).first().click();
    await page.waitForFunction((h) => !document.querySelector(h).shadowRoot.querySelector('.ans-detail').hidden, host);
    assert.deepEqual(await axe(page), [], `open answer at ${width}`);
    await screenshot(page, `answers-open-${width}`);
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px at ${width}`);
    await context.close();
  }
});

test('markup in the data stays text; print shows no controls', async () => {
  const hostile = structuredClone(DATA);
  hostile.items[0].subject = '<img src=x onerror="window.__pwned=1"><b>in đậm</b>';
  hostile.items[0].answer = '<script>window.__pwned=2</script>Trả lời';
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/data/phan-anh-da-tra-loi.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(hostile) }));
  const page = await context.newPage();
  await page.goto(srv.base + PAGE);
  await settled(page);
  const first = await page.$eval(host, (e) => {
    const a = e.shadowRoot.querySelector('[part=answer-item]');
    return { title: a.querySelector('a').textContent, tags: a.querySelectorAll('img,b,script').length };
  });
  assert.equal(first.title, hostile.items[0].subject);
  assert.equal(first.tags, 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Print: the list without the search form and buttons.
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.$eval(host, (e) => ['.ans-search', '[data-action=more]']
    .map((s) => e.shadowRoot.querySelector(s)).filter(Boolean).map((n) => getComputedStyle(n).display));
  assert.ok(hidden.every((d) => d === 'none'), String(hidden));
  await context.close();
});

test('a broken file shows the error panel with its place and cchc-error; a network failure offers a retry', async () => {
  const context = await browser.newContext();
  let broken = true;
  await context.route('**/data/phan-anh-da-tra-loi.json', (r) => (broken
    ? r.fulfill({ contentType: 'application/json',
      body: '{"format": "cchc-phan-anh-da-tra-loi", "version": 1, "items": [{"reference": "PAKN-2026-000001", "answer": "x"}]}' })
    : r.abort('failed')));
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('cchc-error', (e) => window.__errors.push(e.detail.kind));
  });
  await page.goto(srv.base + PAGE);
  let states = await settled(page);
  assert.deepEqual(states.map((s) => s.state), ['error']);
  const panel = await page.$eval(host, (e) => e.shadowRoot.querySelector('[part=error]').textContent);
  assert.match(panel, /items\[0\]\.answered/);
  assert.deepEqual(await page.evaluate(() => window.__errors), ['feedback-answers']);
  // The network: the panel offers a retry.
  broken = false;
  await page.reload();
  states = await settled(page);
  assert.deepEqual(states.map((s) => s.state), ['error']);
  assert.ok(await page.$eval(host, (e) => !!e.shadowRoot.querySelector('[part=error] button')));
  await context.close();
});
