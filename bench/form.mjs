// Feedback form benchmark (issue 5, item 6): full-form validation time and time to interactive,
// in headless Chromium. Not a test: it never fails on a number, it measures and writes
// bench/results/form.json (the lead copies the numbers into BENCHMARKS.md).
//
//   node bench/form.mjs [--runs N] [--no-write]
//
// * Validation: the widget wraps every `validate_form` call in a User Timing measure named
//   `cchc-form-validate`. The page is served cross-origin isolated (COOP/COEP) so that
//   performance.now() has 5 µs resolution instead of 100 µs. The default Nghị định 20 form is
//   filled with valid, real-looking values (13 filled fields incl. an address checked against
//   the loaded commune list) and submitted repeatedly; the host page answers each `cchc-submit`
//   with fail() so the form stays. Also measured: the empty form (9 required-field errors).
// * Time to interactive: navigation start → the form's `cchc-ready` event (the form is rendered,
//   listeners wired, draft restored), cold cache, on the demo page; unthrottled and with 4× CPU
//   slowdown + a 3G network profile (1.6 Mbit/s down, 150 ms latency).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../tools/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS = path.join(HERE, 'results', 'form.json');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const WRITE = !argv.includes('--no-write');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const server = createServer({ root: ROOT });
server.prependListener('request', (_req, res) => {
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

async function fillValid(page) {
  await page.locator('#f-doi_tuong').check();
  await page.locator('#f-ho_ten').fill('Nguyễn Thị Hoà');
  await page.locator('#f-so_cccd').fill('001185012345');
  await page.locator('#f-dia_chi').selectOption('79');
  await page.waitForFunction(() => document.querySelector('[data-cchc]').shadowRoot.querySelector('#f-dia_chi-xa').options.length > 10);
  await page.locator('#f-dia_chi-xa').selectOption({ index: 40 });
  await page.locator('#f-dia_chi-chi-tiet').fill('Số 12 đường Nguyễn Huệ');
  await page.locator('#f-dien_thoai').fill('0912 345 678');
  await page.locator('#f-email').fill('hoa.nguyen@example.vn');
  await page.locator('#f-loai').nth(0).check();
  await page.locator('#f-linh_vuc').selectOption({ index: 2 });
  await page.locator('#f-van_ban').fill('Nghị định 20/2008/NĐ-CP');
  await page.locator('#f-tieu_de').fill('Thủ tục cấp giấy phép xây dựng kéo dài quá hạn');
  await page.locator('#f-noi_dung').fill('Hồ sơ nộp ngày 02/03/2026 tại Bộ phận một cửa, đến nay quá hạn 15 ngày chưa có kết quả. '.repeat(10));
  await page.locator('#f-cam_ket').check();
}

async function validationTimes(fill, n) {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/tests/e2e/pages/form-event.html`);
  await page.waitForFunction(() => document.querySelector('[data-cchc]')?.dataset.state === 'ready');
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  await page.evaluate(() => { window.hostMode = 'fail'; });
  if (fill) await fillValid(page);
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => document.querySelector('[data-cchc]').shadowRoot.querySelector('[part=submit]').click());
    if (fill) {
      await page.waitForFunction((k) => window.received.length > k
        && !document.querySelector('[data-cchc]').shadowRoot.querySelector('[part=submit]').disabled, i);
    }
  }
  const times = await page.evaluate(() => performance.getEntriesByName('cchc-form-validate').map((e) => e.duration));
  const valid = fill ? await page.evaluate(() => window.received.length) : 0;
  await context.close();
  return { isolated, times, valid };
}

async function tti(throttled) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150,
        downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    }
    await page.addInitScript(() => {
      document.addEventListener('cchc-ready', (e) => {
        if (e.detail && e.detail.kind === 'feedback-form') window.__formReady = performance.now();
      }, true);
    });
    await page.goto(`${base}/www/phan-anh-kien-nghi.html`);
    await page.waitForFunction(() => window.__formReady, null, { timeout: 60000 });
    out.push(await page.evaluate(() => window.__formReady));
    await context.close();
  }
  return out;
}

const full = await validationTimes(true, 60);
const empty = await validationTimes(false, 30);
const fast = await tti(false);
const slow = await tti(true);
await browser.close();
server.closeAll();

const wasm = fs.statSync(path.join(ROOT, 'pkg/cchc_widgets_bg.wasm')).size;
const summary = (xs) => ({ runs: xs.length, median_ms: round(median(xs)), p95_ms: round(pct(xs, 0.95)), max_ms: round(Math.max(...xs)) });
const result = {
  measured: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model || 'cpu'} × ${os.cpus().length}, ${os.platform()}`,
  browser: 'headless Chromium (playwright-core)',
  cross_origin_isolated: full.isolated,
  validate_full_form: { ...summary(full.times), fields: 17, filled: 13, submissions_received: full.valid, goal_ms: 1 },
  validate_empty_form: summary(empty.times),
  time_to_interactive: {
    unthrottled: summary(fast.map((x) => round(x, 1))),
    cpu4x_3g: summary(slow.map((x) => round(x, 1))),
    what: 'navigation start → cchc-ready of the feedback form, cold cache, demo page www/phan-anh-kien-nghi.html',
  },
  wasm_bytes: wasm,
};
console.log(JSON.stringify(result, null, 2));
if (WRITE) {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  console.error(`written ${path.relative(ROOT, RESULTS)}`);
}
