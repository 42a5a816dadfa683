// The feedback form widget (issue 5): GOV.UK error pattern, nothing lost (draft through reloads,
// failed and stalled submissions), one POST per submission, honeypot, hostile input, the
// cchc-submit event for host pages, accessibility at 1280 and 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settled, axe, screenshot } from './helpers.mjs';

let srv; let browser;
const posts = [];
before(async () => {
  srv = await serve({ log: (line) => { if (line === 'POST /api/phan-anh') posts.push(line); } });
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.close(); });

const DEMO = () => `${srv.base}/www/phan-anh-kien-nghi.html`;
const TEST = () => `${srv.base}/tests/e2e/pages/form.html`;
const EVENT = () => `${srv.base}/tests/e2e/pages/form-event.html`;
const NET = { ignore: [/Failed to load resource/] };

/** Evaluates `fn(shadowRoot, arg)` inside the (only) form widget's shadow root. */
function inForm(page, fn, arg) {
  return page.evaluate(([src, a]) => {
    const host = document.querySelector('cchc-feedback-form, [data-cchc="feedback-form"]');
    // eslint-disable-next-line no-new-func
    return new Function('root', 'arg', `return (${src})(root, arg);`)(host.shadowRoot, a);
  }, [fn.toString(), arg]);
}

const activeId = (page) => inForm(page, (root) => {
  const a = root.activeElement;
  return a ? (a.id || a.getAttribute('part') || a.className) : null;
});

/** Fills the default form with valid, real-looking values. */
async function fillValid(page, { name = 'Nguyễn Thị Hoà' } = {}) {
  await page.locator('#f-doi_tuong').check();
  await page.locator('#f-ho_ten').fill(name);
  await page.locator('#f-dia_chi').selectOption('01');
  await page.waitForFunction(() => {
    const root = document.querySelector('cchc-feedback-form, [data-cchc="feedback-form"]').shadowRoot;
    return root.querySelector('#f-dia_chi-xa').options.length > 10;
  });
  await page.locator('#f-dia_chi-xa').selectOption({ index: 3 });
  await page.locator('#f-dia_chi-chi-tiet').fill('Số 12 ngõ 34 phố Hàng Bông');
  await page.locator('#f-dien_thoai').fill('0912 345 678');
  await page.locator('#f-loai').check();
  await page.locator('#f-linh_vuc').selectOption({ index: 1 });
  await page.locator('#f-tieu_de').fill('Thủ tục cấp giấy phép xây dựng kéo dài quá hạn');
  await page.locator('#f-noi_dung').fill('Hồ sơ nộp ngày 02/03/2026 tại Bộ phận một cửa, đến nay quá hạn 15 ngày chưa có kết quả.');
  await page.locator('#f-cam_ket').check();
}

const draftKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc-feedback-draft:')));

test('empty submit: focused error summary, links to fields, messages beside fields, input kept', async () => {
  const { page, context, errors } = await open(browser, DEMO());
  await settled(page);
  // Input that must survive exactly as typed (double spaces, bad number).
  await page.locator('#f-ho_ten').fill('  Nguyễn   Văn  An ');
  await page.locator('#f-dien_thoai').fill('0123');
  await page.locator('[part=submit]').click();
  const summary = page.locator('[part=error-summary]');
  await summary.waitFor({ state: 'visible' });
  assert.equal(await activeId(page), 'error-summary', 'focus moves to the summary');
  assert.match(await summary.innerText(), /^Có lỗi cần sửa/);
  const links = await inForm(page, (root) => [...root.querySelectorAll('[part=error-summary] a')]
    .map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
  assert.ok(links.length >= 8, JSON.stringify(links));
  assert.ok(links.some((l) => l.href === '#f-dien_thoai'));
  assert.ok(!links.some((l) => l.href === '#f-ho_ten'), 'a name with extra spaces is valid (normalised, not rewritten)');
  // Messages beside the fields, referenced from aria-describedby, with the hidden prefix.
  const phone = await inForm(page, (root) => {
    const input = root.querySelector('#f-dien_thoai');
    const err = root.querySelector('#f-dien_thoai-error');
    return { describedby: input.getAttribute('aria-describedby'), invalid: input.getAttribute('aria-invalid'),
      error: err.textContent, hidden: err.hidden, prefix: err.querySelector('.cchc-visually-hidden').textContent };
  });
  assert.match(phone.describedby, /f-dien_thoai-error/);
  assert.equal(phone.invalid, 'true');
  assert.equal(phone.hidden, false);
  assert.equal(phone.prefix, 'Lỗi:');
  assert.match(phone.error, /^Lỗi: /);
  const radios = await inForm(page, (root) => root.querySelector('[data-field=doi_tuong] fieldset').getAttribute('aria-describedby'));
  assert.match(radios, /f-doi_tuong-error/);
  // The input is kept exactly.
  assert.equal(await page.locator('#f-ho_ten').inputValue(), '  Nguyễn   Văn  An ');
  assert.equal(await page.locator('#f-dien_thoai').inputValue(), '0123');
  // A summary link focuses its field.
  await page.locator('[part=error-summary] a[href="#f-tieu_de"]').click();
  assert.equal(await activeId(page), 'f-tieu_de');
  await page.locator('[part=error-summary] a[href="#f-dia_chi"]').click();
  assert.equal(await activeId(page), 'f-dia_chi');
  await screenshot(page, 'form-errors');
  assert.deepEqual(await axe(page), [], 'axe in the error state');
  // After the first submit, leaving a fixed field clears its error (and its summary entry).
  await page.locator('#f-tieu_de').fill('Chậm trả kết quả');
  await page.locator('#f-tieu_de').press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-cchc="feedback-form"]').shadowRoot
    .querySelector('#f-tieu_de-error').hidden);
  assert.ok(!(await summary.innerText()).includes('tiêu đề'));
  // ... and leaving a field with a wrong value shows the new message at once.
  await page.locator('#f-dien_thoai').fill('01693456789');
  await page.locator('#f-dien_thoai').press('Tab');
  await page.waitForFunction(() => /039/.test(document.querySelector('[data-cchc="feedback-form"]').shadowRoot
    .querySelector('#f-dien_thoai-error').textContent));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a valid submission is POSTed once and shows the reference; the draft is then cleared', async () => {
  const { page, context, errors } = await open(browser, DEMO());
  await settled(page);
  // The agency's hotlines (issue 15) under the intro, before the first field.
  await page.waitForFunction(() => document.querySelector('[data-cchc="feedback-form"]').shadowRoot.querySelector('[part=contacts]'));
  assert.ok(await page.$eval('[data-cchc="feedback-form"]', (e) => {
    const box = e.shadowRoot.querySelector('[part=contacts]');
    const intro = e.shadowRoot.querySelector('.cchc-intro');
    const field = e.shadowRoot.querySelector('form');
    return box.querySelectorAll('a[href^="tel:"]').length === 2
      && (intro.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING)
      && (box.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING);
  }), 'hotlines between the intro and the form');
  await fillValid(page, { name: "H'Hen Niê" });
  await page.waitForTimeout(900);
  assert.equal((await draftKeys(page)).length, 1, 'draft saved while typing');
  const before = posts.length;
  const request = page.waitForRequest((r) => r.url().endsWith('/api/phan-anh') && r.method() === 'POST');
  await page.locator('[part=submit]').dblclick();
  const body = JSON.parse((await request).postData());
  const success = page.locator('.cchc-success');
  await success.waitFor();
  assert.match(await success.innerText(), /Mã số tiếp nhận của bạn\s+PAKN-\d{4}-\d{6}/);
  assert.equal(await activeId(page), 'cchc-success', 'focus moves to the confirmation');
  // The schema names the answers page: the panel links to it, opened at this reference.
  const reference = (await success.locator('.cchc-reference').innerText()).trim();
  const link = success.getByRole('link', { name: 'Xem trả lời khi cơ quan công bố' });
  assert.equal(await link.getAttribute('href'), `/phan-anh-da-tra-loi.html?pakn-ma=${reference}`);
  await page.waitForTimeout(300);
  assert.equal(posts.length - before, 1, 'double click submits once');
  // The contract of docs/phan-anh-format.md: normalised values.
  assert.equal(body.schema_version, 1);
  assert.equal(body.lang, 'vi');
  assert.match(body.submitted_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.equal(body.values.dien_thoai, '0912345678');
  assert.equal(body.values.ho_ten, "H'Hen Niê");
  assert.equal(body.values.dia_chi.tinh, '01');
  assert.equal(body.values.dia_chi.tinh_ten, 'Thành phố Hà Nội');
  assert.equal(body.values.cam_ket, true);
  assert.ok(!('website' in body.values), 'no honeypot in the values');
  assert.deepEqual(body.files, []);
  assert.deepEqual(await draftKeys(page), [], 'draft cleared after the confirmed submission');
  // Whom to call (issue 15): the agency's hotlines under the confirmation.
  await success.locator('[part=contacts] a[href="tel:19000000"]').waitFor();
  assert.match(await success.locator('[part=contacts]').innerText(), /Cần hỗ trợ\? Gọi đường dây nóng:/);
  // Once: the hotlines under the intro give way to the confirmation's.
  const shown = await inForm(page, (root) => [...root.querySelectorAll('[part=contacts]')].filter((c) => c.getClientRects().length > 0).length);
  assert.equal(shown, 1, 'the hotlines are shown once after sending');
  assert.deepEqual(await axe(page), [], 'axe in the success state');
  await screenshot(page, 'form-success');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the draft survives a reload, is announced, and can be cleared', async () => {
  const { page, context } = await open(browser, DEMO());
  await settled(page);
  await page.locator('#f-ho_ten').fill('Nguyễn Thị Hoà');
  await page.locator('#f-loai').check();
  await page.locator('#f-dia_chi').selectOption('79');
  await page.waitForFunction(() => document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-dia_chi-xa').options.length > 10);
  const commune = await page.locator('#f-dia_chi-xa option').nth(5).getAttribute('value');
  await page.locator('#f-dia_chi-xa').selectOption(commune);
  await page.locator('#f-noi_dung').fill('Dòng một\nDòng hai với dấu: ắ ằ ẳ ẵ ặ');
  await page.waitForTimeout(900);
  await page.reload({ waitUntil: 'load' });
  await settled(page);
  assert.equal(await page.locator('#f-ho_ten').inputValue(), 'Nguyễn Thị Hoà');
  assert.equal(await page.locator('#f-noi_dung').inputValue(), 'Dòng một\nDòng hai với dấu: ắ ằ ẳ ẵ ặ');
  assert.ok(await page.locator('#f-loai').isChecked());
  assert.equal(await page.locator('#f-dia_chi').inputValue(), '79');
  await page.waitForFunction((c) => document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-dia_chi-xa').value === c, commune);
  const notice = page.locator('.cchc-notice-box');
  assert.match(await notice.innerText(), /Đã khôi phục bản nháp/);
  await notice.locator('button').click();
  assert.equal(await page.locator('#f-ho_ten').inputValue(), '');
  assert.deepEqual(await draftKeys(page), []);
  await context.close();
});

test('a failed submission (HTTP 500) keeps the draft, survives a reload, and can be sent again', async () => {
  const { page, context } = await open(browser, TEST(), NET);
  await settled(page);
  await fillValid(page);
  // Every POST of one draft carries the same Idempotency-Key (the receiver stores it once).
  const keys = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/phan-anh') && r.method() === 'POST') keys.push(r.headers()['idempotency-key']); });
  await page.route('**/api/phan-anh', (route) => route.continue({ url: `${srv.base}/__fail/submit-500` }));
  await page.locator('[part=submit]').click();
  const failure = page.locator('.cchc-failure');
  await failure.waitFor();
  const text = await failure.innerText();
  assert.match(text, /Chưa gửi được/);
  assert.match(text, /HTTP 500/);
  assert.match(text, /vẫn được giữ nguyên/);
  assert.equal(await failure.getAttribute('role'), 'alert');
  assert.equal(await activeId(page), 'cchc-failure');
  assert.equal((await draftKeys(page)).length, 1, 'draft kept');
  assert.equal(await page.locator('[part=submit]').isDisabled(), false);
  // ... and whom to call meanwhile (issue 15).
  await failure.locator('[part=contacts] a[href="tel:02393000001"]').waitFor();
  // A crash or a reload now loses nothing.
  await page.reload({ waitUntil: 'load' });
  await settled(page);
  assert.equal(await page.locator('#f-ho_ten').inputValue(), 'Nguyễn Thị Hoà');
  assert.ok(await page.locator('#f-cam_ket').isChecked());
  await page.waitForFunction(() => document.querySelector('cchc-feedback-form').shadowRoot.querySelector('#f-dia_chi-xa').selectedIndex === 3);
  // Still failing: the retry button in the failure panel; then the server recovers.
  await page.locator('[part=submit]').click();
  await failure.waitFor();
  await page.unroute('**/api/phan-anh');
  await failure.locator('button').click();
  await page.locator('.cchc-success').waitFor();
  assert.match(await page.locator('.cchc-success').innerText(), /PAKN-/);
  assert.deepEqual(await draftKeys(page), []);
  assert.equal(keys.length, 3, 'three POSTs: before the reload, after it, and the retry');
  assert.match(keys[0], /^[0-9a-f]{32}$/);
  assert.deepEqual(keys, [keys[0], keys[0], keys[0]], 'the same key on every retry, also after a reload');
  // Confirmed: the next submission is a new one with a new key.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc-feedback-key:')));
  assert.deepEqual(stored, [], 'the key goes with the confirmed draft');
  await context.close();
});

test('a stalled submission times out with a retry, keeping the draft', async () => {
  const { page, context } = await open(browser, TEST(), NET);
  await settled(page);
  await fillValid(page);
  await page.route('**/api/phan-anh', (route) => route.continue({ url: `${srv.base}/__fail/stall` }));
  const t0 = Date.now();
  await page.locator('[part=submit]').click();
  // While in flight: the button is disabled and a second submit does nothing.
  assert.ok(await page.locator('[part=submit]').isDisabled());
  assert.match(await page.locator('.cchc-sending').innerText(), /Đang gửi/);
  await page.locator('#f-tieu_de').press('Enter');
  const failure = page.locator('.cchc-failure');
  await failure.waitFor({ timeout: 10000 });
  const waited = Date.now() - t0;
  assert.ok(waited >= 2900 && waited < 8000, `timed out after ${waited} ms (schema: 3000)`);
  assert.match(await failure.innerText(), /không trả lời sau 3 giây/);
  assert.equal((await draftKeys(page)).length, 1);
  await page.unroute('**/api/phan-anh');
  const before = posts.length;
  await failure.locator('button').click();
  await page.locator('.cchc-success').waitFor();
  assert.equal(posts.length - before, 1);
  await context.close();
});

test('server-side errors (422) are shown beside their fields like local ones', async () => {
  const { page, context } = await open(browser, TEST(), NET);
  await settled(page);
  await fillValid(page);
  await page.route('**/api/phan-anh', (route) => route.fulfill({ status: 422, contentType: 'application/json',
    body: JSON.stringify({ errors: { dien_thoai: { code: 'blocked', message: 'Số điện thoại này không nhận được tin nhắn.' } } }) }));
  await page.locator('[part=submit]').click();
  await page.locator('[part=error-summary]').waitFor({ state: 'visible' });
  assert.equal(await activeId(page), 'error-summary');
  assert.match(await page.locator('[part=error-summary]').innerText(), /không nhận được tin nhắn/);
  assert.match(await inForm(page, (root) => root.querySelector('#f-dien_thoai-error').textContent), /không nhận được tin nhắn/);
  assert.equal((await draftKeys(page)).length, 1);
  await context.close();
});

test('a filled honeypot is dropped silently: nothing is POSTed', async () => {
  const { page, context } = await open(browser, TEST());
  await settled(page);
  const hp = await inForm(page, (root) => {
    const i = root.querySelector('#hp-website');
    return { tabindex: i.getAttribute('tabindex'), autocomplete: i.getAttribute('autocomplete'),
      hidden: i.closest('[aria-hidden=true]') !== null, offscreen: i.getBoundingClientRect().right <= 0 };
  });
  assert.deepEqual(hp, { tabindex: '-1', autocomplete: 'off', hidden: true, offscreen: true });
  await fillValid(page);
  await page.locator('#hp-website').fill('http://spam.example', { force: true });
  const before = posts.length;
  await page.locator('[part=submit]').click();
  await page.locator('.cchc-success').waitFor();
  await page.waitForTimeout(300);
  assert.equal(posts.length - before, 0);
  assert.doesNotMatch(await page.locator('.cchc-success').innerText(), /PAKN/);
  await context.close();
});

test('markup, script, invisible and RTL-override characters, emoji: refused or neutralised, shown as text', async () => {
  const { page, context, errors } = await open(browser, DEMO());
  await settled(page);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  await page.locator('#f-tieu_de').fill(markup);
  await page.locator('#f-ho_ten').fill('Nguyễn 😀 An');
  await page.locator('#f-van_ban').fill('Quyết định\u200B số 12\u202E/QĐ-UBND');
  await page.locator('[part=submit]').click();
  await page.locator('[part=error-summary]').waitFor({ state: 'visible' });
  const seen = await inForm(page, (root) => ({
    title: root.querySelector('#f-tieu_de-error').textContent,
    name: root.querySelector('#f-ho_ten-error').textContent,
    vb: root.querySelector('#f-van_ban-notice').textContent,
    vbError: root.querySelector('#f-van_ban-error').hidden,
    injected: root.querySelectorAll('script, img').length,
  }));
  assert.match(seen.title, /<script/, 'the tag is named, as text');
  assert.match(seen.name, /😀|biểu tượng|emoji/i);
  assert.match(seen.vb, /ký tự ẩn|invisible/i);
  assert.equal(seen.vbError, true, 'invisible characters are removed with a notice, not an error');
  assert.equal(seen.injected, 0);
  assert.equal(await page.locator('#f-tieu_de').inputValue(), markup, 'input kept exactly');
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 100,000-character paste: no lag, counted, refused by length, no panic', async () => {
  const { page, context, errors } = await open(browser, DEMO());
  await settled(page);
  const big = 'Nội dung dài. '.repeat(7143).slice(0, 100000);
  // The synchronous cost of the input event (what the citizen would feel as lag).
  const handler = await inForm(page, (root, text) => {
    const el = root.querySelector('#f-noi_dung');
    el.value = text;
    const t = performance.now();
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    return performance.now() - t;
  }, big);
  assert.ok(handler < 50, `input handler took ${handler} ms`);
  const count = page.locator('#f-noi_dung-count');
  await page.waitForFunction(() => /quá/.test(document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-noi_dung-count').textContent));
  assert.equal(await count.innerText(), 'Bạn đã nhập quá 95.000 ký tự');
  // Typing keeps working right after.
  await page.locator('#f-tieu_de').pressSequentially('Tiêu đề', { delay: 5 });
  assert.equal(await page.locator('#f-tieu_de').inputValue(), 'Tiêu đề');
  await page.locator('[part=submit]').click();
  await page.locator('[part=error-summary]').waitFor({ state: 'visible' });
  assert.match(await inForm(page, (root) => root.querySelector('#f-noi_dung-error').textContent), /5\.?000/);
  assert.equal((await page.locator('#f-noi_dung').inputValue()).length, 100000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('character count: NFC characters, updated after a pause, announced politely', async () => {
  const { page, context } = await open(browser, DEMO());
  await settled(page);
  const count = page.locator('#f-dia_chi_thu_tin-count');
  assert.equal(await count.getAttribute('aria-live'), 'polite');
  assert.equal(await count.innerText(), 'Bạn có thể nhập tối đa 300 ký tự.');
  // "Hoà" typed with a combining grave (NFD) counts as 3 characters, like its composed form.
  await page.locator('#f-dia_chi_thu_tin').fill('Hoa\u0300');
  await page.waitForFunction(() => /297/.test(document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-dia_chi_thu_tin-count').textContent));
  assert.equal(await count.innerText(), 'Bạn còn 297 ký tự');
  await context.close();
});

test('commune list: loading state, failure with retry', async () => {
  const { page, context } = await open(browser, DEMO(), NET);
  await settled(page);
  await page.route('**/dvhc/xa-48.json', (route) => route.abort());
  await page.locator('#f-dia_chi').selectOption('48');
  const status = page.locator('#f-dia_chi-xa-status');
  await page.waitForFunction(() => /Chưa tải được/.test(document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-dia_chi-xa-status').textContent));
  const retry = page.locator('[data-field=dia_chi] button');
  assert.ok(await retry.isVisible());
  await page.unroute('**/dvhc/xa-48.json');
  await retry.click();
  await page.waitForFunction(() => document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-dia_chi-xa').options.length > 10);
  assert.equal(await status.innerText(), '');
  assert.ok(!(await retry.isVisible()));
  await context.close();
});

test('without an endpoint the host page takes the submission through cchc-submit', async () => {
  const { page, context, errors } = await open(browser, EVENT());
  await settled(page);
  await fillValid(page, { name: 'Rơ Mah  Hlun' });
  await page.locator('#f-dien_thoai').fill('+84 912.345.678');
  await page.locator('[part=submit]').click();
  await page.locator('.cchc-success').waitFor();
  assert.match(await page.locator('.cchc-success').innerText(), /HOST-2026-42/);
  const got = await page.evaluate(() => window.received);
  assert.equal(got.length, 1);
  assert.equal(got[0].values.dien_thoai, '0912345678');
  assert.equal(got[0].values.ho_ten, 'Rơ Mah Hlun');
  assert.equal(got[0].lang, 'vi');
  assert.deepEqual(await draftKeys(page), []);
  // The host reports a failure: the draft stays, a retry is offered.
  await page.reload({ waitUntil: 'load' });
  await settled(page);
  await page.evaluate(() => { window.hostMode = 'fail'; });
  await fillValid(page);
  await page.locator('[part=submit]').click();
  await page.locator('.cchc-failure').waitFor();
  assert.match(await page.locator('.cchc-failure').innerText(), /đang bảo trì/);
  // Nobody handles the event: never a false success.
  await page.evaluate(() => { window.hostMode = 'ignore'; });
  await page.locator('.cchc-failure button').click();
  await page.waitForFunction(() => /chưa được kết nối/.test(document.querySelector('[data-cchc]').shadowRoot.querySelector('.cchc-failure')?.textContent || ''));
  await page.waitForTimeout(800);
  assert.equal((await draftKeys(page)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without localStorage the form still works and says the draft cannot be saved', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(TEST());
  await settled(page);
  assert.match(await page.locator('.cchc-notice-box').innerText(), /không cho lưu bản nháp/);
  await fillValid(page);
  await page.locator('[part=submit]').click();
  await page.locator('.cchc-success').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('360 px: no horizontal scrolling, keyboard-only submit, axe clean', async () => {
  const { page, context } = await open(browser, DEMO(), { viewport: { width: 360, height: 740 } });
  await settled(page);
  // Keyboard only: focus the first radio, choose with Space, submit with Enter in a text field.
  await page.locator('#f-doi_tuong').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.locator('#f-doi_tuong').isChecked());
  await page.keyboard.press('Tab');
  await page.keyboard.type('Công ty TNHH Hoà Bình');
  await page.keyboard.press('Enter');
  await page.locator('[part=error-summary]').waitFor({ state: 'visible' });
  assert.equal(await activeId(page), 'error-summary');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(await activeId(page), /^f-/);
  // The widget fits its box and the viewport (the demo portal's own footer is not ours).
  const fit = await inForm(page, (root) => {
    const host = root.host.getBoundingClientRect();
    const over = [...root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5
      && !e.closest('.cchc-hp')).map((e) => e.tagName + '.' + e.className);
    return { overflow: root.querySelector('.cchc').scrollWidth - host.width, over };
  });
  assert.ok(fit.overflow <= 1, `widget wider than its box by ${fit.overflow}px`);
  assert.deepEqual(fit.over, []);
  await screenshot(page, 'form-360');
  assert.deepEqual(await axe(page), []);
  await context.close();
});
