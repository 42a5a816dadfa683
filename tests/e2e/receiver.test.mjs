// The feedback loop as a new user runs it (issue 12): `cchc serve` serves the demo portal, the
// citizen submits the demo form in Chromium and sees the reference, staff find the submission
// with `cchc phan-anh list`. Also: a retried draft (the same Idempotency-Key) is stored once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, open, settled, screenshot } from './helpers.mjs';

const CCHC = path.join(ROOT, 'target/debug/cchc');
let server; let base; let browser; let db; let dir;

before(async () => {
  assert.ok(fs.existsSync(CCHC), 'target/debug/cchc is built by `cargo test` before the e2e tests');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-e2e-receiver-'));
  db = path.join(dir, 'phan-anh.sqlite');
  server = spawn(CCHC, ['serve', '--root', path.join(ROOT, 'www'), '--schema', path.join(ROOT, 'www/data/phan-anh.json'),
    '--db', db, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let buf = '';
    server.stderr.on('data', (d) => {
      buf += d;
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`cchc serve exited (${code}): ${buf}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = () => execFileSync(CCHC, ['phan-anh', 'list', '--db', db, '--format', 'jsonl'], { encoding: 'utf8' })
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));

async function fillValid(page, title) {
  await page.locator('#f-doi_tuong').check();
  await page.locator('#f-ho_ten').fill("H'Hen Niê");
  await page.locator('#f-dia_chi').selectOption('66');
  await page.waitForFunction(() => document.querySelector('[data-cchc="feedback-form"]').shadowRoot
    .querySelector('#f-dia_chi-xa').options.length > 10);
  await page.locator('#f-dia_chi-xa').selectOption({ index: 3 });
  await page.locator('#f-dia_chi-chi-tiet').fill('Thôn 3, "xã" Ea Tu; DROP TABLE submission; --');
  await page.locator('#f-dien_thoai').fill('0912 345 678');
  await page.locator('#f-loai').check();
  await page.locator('#f-linh_vuc').selectOption({ index: 1 });
  await page.locator('#f-tieu_de').fill(title);
  await page.locator('#f-noi_dung').fill('Hồ sơ nộp ngày 02/03/2026 tại Bộ phận một cửa, đến nay quá hạn 15 ngày chưa có kết quả.');
  await page.locator('#f-cam_ket').check();
}

test('the demo form on cchc serve: submitted, referenced, listed for staff', async () => {
  const { page, context, errors } = await open(browser, `${base}/phan-anh-kien-nghi.html`);
  await settled(page);
  await fillValid(page, 'Cấp giấy phép xây dựng quá hạn');
  const request = page.waitForRequest((r) => r.url().endsWith('/api/phan-anh') && r.method() === 'POST');
  await page.locator('[part=submit]').click();
  const key = (await request).headers()['idempotency-key'];
  const success = page.locator('.cchc-success');
  await success.waitFor();
  const reference = /PAKN-\d{4}-\d{6}/.exec(await success.innerText())?.[0];
  assert.ok(reference, 'the reference is shown');
  assert.match(await success.innerText(), /Cơ quan tiếp nhận đã nhận/);
  await screenshot(page, 'receiver-success');
  const stored = list().filter((s) => s.reference === reference);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].values.ho_ten, "H'Hen Niê");
  assert.equal(stored[0].values.dien_thoai, '0912345678');
  assert.equal(stored[0].values.dia_chi.tinh_ten, 'Tỉnh Đắk Lắk');
  assert.equal(stored[0].values.dia_chi.chi_tiet, 'Thôn 3, "xã" Ea Tu; DROP TABLE submission; --');
  assert.equal(stored[0].status, 'moi');
  // The same draft sent again (a retry whose answer was lost): the first reference, nothing new.
  const again = await page.evaluate(async ([k]) => {
    const r = await fetch('/api/phan-anh', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': k },
      body: JSON.stringify({ schema_version: 1, lang: 'vi', values: {}, files: [] }) });
    return [r.status, await r.json()];
  }, [key]);
  assert.deepEqual([again[0], again[1].reference], [201, reference]);
  assert.equal(list().filter((s) => s.reference === reference).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('server-side errors from cchc serve show beside their fields, in English on an English page', async () => {
  const { page, context } = await open(browser, `${base}/phan-anh-kien-nghi.html`, { ignore: [/Failed to load resource/] });
  await settled(page);
  const res = await page.evaluate(async () => {
    const r = await fetch('/api/phan-anh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ schema_version: 1, lang: 'en', values: { dien_thoai: '12' }, files: [] }) });
    return [r.status, await r.json()];
  });
  assert.equal(res[0], 422);
  assert.equal(res[1].errors.dien_thoai.code, 'phone_length');
  assert.match(res[1].errors.dien_thoai.message, /digits/);
  await context.close();
});
