// The search widget's print button (issue 15): the print module is requested only when a sheet is
// printed, the sheet is drawn in a frame of its own (the same layout as `cchc sheet`), prints on
// A4 within its page budget with a QR code that decodes to exactly the procedure's url, still
// prints on a hostile host page and under a strict CSP, and a tampered print module is refused
// with a message in the widget. Screenshots of the detail view (360 and 1280 px) and of the
// printed sheet (A4) go to tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { serve, launch, open, settled, axe, screenshot, ROOT, ARTIFACTS, withDetails } from './helpers.mjs';
import { createServer } from '../../tools/serve.mjs';

const DATA = path.join(ROOT, 'www/data/tthc.json');
const host = 'cchc-tthc-search';

/** Every procedure of the demo data with its url and documents+steps length. */
function procedures() {
  return withDetails(DATA).map(({ p, d }) => {
    const chars = [...(d.documents || []), ...(d.steps || [])].reduce((n, s) => n + [...s].length, 0);
    return { code: p.code, name: p.name, url: p.url || d.url, chars, docs: (d.documents || []).length };
  });
}

let srv; let browser; let all; let short; let typical;
const pages = {};
before(async () => {
  srv = await serve();
  browser = await launch();
  all = procedures();
  // A full checklist under 5,000 characters: the procedure with the most documents among those
  // with 1,500 to 5,000 characters of documents and steps and a url.
  short = all.filter((x) => x.url && x.chars > 1500 && x.chars < 5000).sort((a, b) => b.docs - a.docs)[0];
  // A typical one: the median of those by length.
  const mid = all.filter((x) => x.url && x.chars > 1500 && x.chars < 5000).sort((a, b) => a.chars - b.chars);
  typical = mid[Math.floor(mid.length / 2)];
});
after(async () => { await browser?.close(); srv?.close(); });

/** Records, in every frame, each call of `print()` (headless Chromium prints nothing itself). */
async function recordPrints(context) {
  await context.addInitScript(() => {
    window.print = function () { (window.top.__printed = window.top.__printed || []).push(document.title || location.href); };
  });
}

/** Opens `url` with procedure `code` open, waits for its details, returns the page. */
async function detail(url, code, opts = {}) {
  const o = await open(browser, `${url}${url.includes('?') ? '&' : '?'}tthc-ma=${encodeURIComponent(code)}`, opts);
  await settled(o.page, 30000);
  await o.page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelectorAll('[part=detail] h3').length > 0, host);
  return o;
}

const button = (page) => page.locator(`${host} >> button[data-action=print]`);

/** Presses the print button and waits until the sheet is in its frame (or a message says why not). */
async function press(page) {
  await button(page).click();
  await page.waitForFunction((h) => {
    const root = document.querySelector(h).shadowRoot;
    const f = root.querySelector('iframe');
    const msg = root.querySelector('button[data-action=print] + [role=alert]')?.textContent || '';
    return (f && f.contentDocument && f.contentDocument.querySelector('article.sheet')) || /Không/.test(msg);
  }, host, { timeout: 30000 });
}

/** The sheet's frame: its document's markup, its adopted stylesheet's rules, and what it says. */
function frameOf(page) {
  return page.$eval(host, (e) => {
    const f = e.shadowRoot.querySelector('iframe');
    const d = f.contentDocument;
    const css = [...d.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
    const t = (sel) => [...d.querySelectorAll(sel)].map((x) => x.textContent);
    return {
      html: d.documentElement.outerHTML,
      css,
      sheets: d.adoptedStyleSheets.length,
      styleElements: d.querySelectorAll('style').length,
      title: d.title,
      mode: d.compatMode,
      h1: d.querySelector('h1')?.textContent,
      facts: t('.facts tr').map((x) => x.trim()),
      rows: d.querySelectorAll('.checklist tbody tr:not(.case)').length,
      boxes: d.querySelectorAll('.checklist tbody td.box span').length,
      sections: [...d.querySelectorAll('section')].map((s) => s.className),
      qr: d.querySelector('.qr svg path')?.getAttribute('d')?.length || 0,
      foot: t('.foot p'),
      bodyColor: getComputedStyle(d.body).color,
      h1Size: getComputedStyle(d.querySelector('h1')).fontSize,
      frameAttrs: { hidden: f.getAttribute('aria-hidden'), title: f.title },
    };
  });
}

/** The frame's document printed by Chromium on A4: a page of its own with that markup and rules. */
async function printFrame(frame, name) {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  // The frame's document is in standards mode (checked above): so is this copy.
  await page.setContent(`<!doctype html>${frame.html.replace('</head>', `<style>${frame.css}</style></head>`)}`);
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.pdf`), bytes);
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-a4.png`), fullPage: true });
  const qr = page.locator('.qr svg');
  const box = await qr.boundingBox();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  await context.close();
  return { pages: doc.numPages, qrWidth: box.width, decoded };
}

test('the print button loads the print module only when pressed and prints the sheet from its own frame', async () => {
  assert.ok(short, 'a short procedure with a url');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  await recordPrints(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const printModule = [];
  page.on('request', (r) => { if (/\/pkg\/cchc_print/.test(r.url())) printModule.push(r.url()); });
  await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html?tthc-ma=${short.code}`);
  await settled(page, 30000);
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelectorAll('[part=detail] h3').length > 0, host);
  await page.waitForTimeout(300);
  assert.deepEqual(printModule, [], 'nothing of the print module before the button is pressed');

  const b = button(page);
  assert.equal(await b.textContent(), 'In phiếu thủ tục');
  assert.equal(await b.getAttribute('type'), 'button');
  await screenshot(page, 'print-detail-1280');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // Keyboard: focus the button, press Enter.
  await b.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('iframe')?.contentDocument?.querySelector('article.sheet'), host, { timeout: 30000 });
  await page.waitForFunction(() => (window.__printed || []).length > 0);
  assert.ok(printModule.some((u) => /cchc_print\.js/.test(u)) && printModule.some((u) => /cchc_print_bg\.wasm/.test(u)), JSON.stringify(printModule));
  const printed = await page.evaluate(() => window.__printed);
  const frame = await frameOf(page);
  // The frame printed, not the host page (whose title is the portal's).
  assert.deepEqual(printed, [short.name]);
  assert.equal(frame.title, short.name);
  assert.equal(frame.h1, short.name);
  assert.ok(frame.facts.some((f) => f.includes('Mã thủ tục') && f.includes(short.code)), JSON.stringify(frame.facts));
  assert.ok(frame.facts.some((f) => f.startsWith('Cấp thực hiện')), JSON.stringify(frame.facts));
  assert.ok(frame.facts.some((f) => f.startsWith('Cơ quan thực hiện')), JSON.stringify(frame.facts));
  assert.ok(frame.facts.some((f) => f.startsWith('Thời hạn giải quyết')), JSON.stringify(frame.facts));
  assert.ok(frame.facts.some((f) => f.startsWith('Phí, lệ phí')), JSON.stringify(frame.facts));
  assert.equal(frame.rows, frame.boxes, 'a tick box on every document row');
  assert.ok(frame.rows > 0 && frame.rows <= short.docs, `${frame.rows} rows for ${short.docs} document lines`);
  assert.ok(frame.sections.includes('documents') && frame.sections.includes('steps'), JSON.stringify(frame.sections));
  assert.ok(frame.qr > 100, 'a QR code path');
  assert.ok(frame.foot.some((l) => l.includes(short.url)), JSON.stringify(frame.foot));
  assert.ok(frame.foot.some((l) => /^Dữ liệu công bố ngày: \d\d\/\d\d\/\d{4}/.test(l)), JSON.stringify(frame.foot));
  // The agency's contacts (the page names www/data/lien-he.json): the unit's hotline, as on
  // `cchc sheet --contacts`, with the example notice of a demo file.
  assert.match(frame.html, /Đường dây nóng/);
  assert.match(frame.html, /0239 3000 00\d/);
  assert.match(frame.html, /Số điện thoại ví dụ \(dữ liệu mẫu\), không gọi được/);
  assert.equal(frame.sheets, 1, 'the sheet stylesheet adopted in the frame');
  assert.equal(frame.mode, 'CSS1Compat', 'standards mode, as the CLI\'s <!doctype html>');
  assert.equal(frame.bodyColor, 'rgb(0, 0, 0)');
  assert.equal(frame.frameAttrs.hidden, 'true');
  // Focus is back on the button; nothing was said (no error).
  assert.equal(await page.$eval(host, (e) => e.shadowRoot.activeElement?.dataset.action), 'print');
  assert.equal(await page.$eval(host, (e) => e.shadowRoot.querySelector('button[data-action=print] + [role=alert]').textContent), '');
  // Printing again uses the module already there.
  const before = printModule.length;
  await b.click();
  await page.waitForFunction(() => window.__printed.length > 1);
  assert.equal(printModule.length, before);
  assert.equal(await page.$eval(host, (e) => e.shadowRoot.querySelectorAll('iframe').length), 1);

  const pdf = await printFrame(frame, `print-${short.code}`);
  console.log(`# ${short.code}: ${short.chars} characters of documents and steps, ${pdf.pages} A4 page(s) from the widget`);
  assert.ok(pdf.qrWidth >= (30 / 25.4) * 96 - 0.5, `QR ${pdf.qrWidth}px wide`);
  assert.equal(pdf.decoded, short.url);
  pages.short = { code: short.code, chars: short.chars, pages: pdf.pages };
  assert.deepEqual(errors, []);
  await context.close();
});

// One layout with `cchc sheet` (tests/e2e/sheet.test.mjs): the densest procedure under 5,000
// characters (3.000029: 4,804 characters, 45 checklist rows) fits on two pages.
test('the densest procedure under 5,000 characters prints on at most two pages', () => {
  assert.ok(pages.short && pages.short.pages <= 2, JSON.stringify(pages.short));
});

test('the detail view with the button at 360 px', async () => {
  const { page, context, errors } = await detail(`${srv.base}/www/tra-cuu-thu-tuc.html`, short.code, { viewport: { width: 360, height: 780 } });
  const box = await button(page).boundingBox();
  assert.ok(box && box.width <= 360 && box.height >= 44, JSON.stringify(box));
  await screenshot(page, 'print-detail-360');
  assert.deepEqual(errors, []);
  await context.close();
});

test('sheets under 5,000 characters print on at most two A4 pages (a sample across the data)', async () => {
  const under = all.filter((x) => x.url && x.chars < 5000).sort((a, b) => a.chars - b.chars);
  const sample = [0.25, 0.5, 0.75, 0.95].map((q) => under[Math.floor(q * (under.length - 1))]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await recordPrints(context);
  const page = await context.newPage();
  for (const p of sample) {
    await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html?tthc-ma=${p.code}`);
    await settled(page, 30000);
    await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('[part=detail]'), host);
    await press(page);
    const pdf = await printFrame(await frameOf(page), `print-${p.code}`);
    console.log(`# ${p.code}: ${p.chars} characters, ${pdf.pages} page(s)`);
    assert.ok(pdf.pages <= 2, `${p.code}: ${pdf.pages} pages for ${p.chars} characters`);
    assert.equal(pdf.decoded, p.url);
  }
  await context.close();
});

test('a hostile host page still prints the sheet, black on white, from the frame', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await recordPrints(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${srv.base}/tests/e2e/pages/print-hostile.html?tthc-ma=${typical.code}`);
  await settled(page, 30000);
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelectorAll('[part=detail] h3').length > 0, host);
  await press(page);
  await page.waitForFunction(() => (window.__printed || []).length > 0);
  assert.deepEqual(await page.evaluate(() => window.__printed), [typical.name]);
  // The host's print rules are on now: they hide the host page, not the frame's document.
  await page.emulateMedia({ media: 'print' });
  const look = await page.$eval(host, (e) => {
    const d = e.shadowRoot.querySelector('iframe').contentDocument;
    const s = (el) => getComputedStyle(el);
    const qr = d.querySelector('.qr svg');
    return {
      body: s(d.body).color, bg: s(d.body).backgroundColor, h1: s(d.querySelector('h1')).fontSize,
      table: s(d.querySelector('.checklist')).display, qr: s(qr).display, qrWidth: s(qr).width,
      visible: s(d.querySelector('main')).visibility,
    };
  });
  const qrWidth = parseFloat(look.qrWidth);
  delete look.qrWidth;
  assert.deepEqual(look, { body: 'rgb(0, 0, 0)', bg: 'rgb(255, 255, 255)', h1: '17.3333px', table: 'table', qr: 'block', visible: 'visible' });
  assert.ok(Math.abs(qrWidth - (32 / 25.4) * 96) < 0.5, `QR ${qrWidth}px, 32 mm`);
  const frame = await frameOf(page);
  const pdf = await printFrame(frame, `print-hostile-${typical.code}`);
  console.log(`# hostile page, ${typical.code}: ${typical.chars} characters, ${pdf.pages} page(s)`);
  assert.equal(pdf.decoded, typical.url);
  assert.ok(pdf.pages <= 2, `${pdf.pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('under a strict Content-Security-Policy the sheet prints with its adopted stylesheet', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
  const server = createServer({ root: ROOT, csp });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await recordPrints(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/www/tra-cuu-thu-tuc.html?tthc-ma=${short.code}`);
  await settled(page, 30000);
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelectorAll('[part=detail] h3').length > 0, host);
  await press(page);
  await page.waitForFunction(() => (window.__printed || []).length > 0);
  const frame = await frameOf(page);
  assert.equal(frame.sheets, 1);
  assert.equal(frame.styleElements, 0);
  assert.equal(frame.h1Size, '17.3333px', 'the sheet stylesheet applies (13pt title)');
  assert.deepEqual(errors, [], 'CSP violations or errors');
  await context.close();
  server.closeAll();
});

for (const file of ['cchc_print_bg.wasm', 'cchc_print.js']) {
  test(`a tampered print module (${file}) is refused with a message in the widget`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordPrints(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`**/pkg/${file}*`, async (route) => {
      const resp = await route.fetch();
      const body = Buffer.from(await resp.body());
      body[body.length - 10] ^= 0x01;
      await route.fulfill({ response: resp, body });
    });
    await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html?tthc-ma=${short.code}`);
    await settled(page, 30000);
    await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('[part=detail]'), host);
    await press(page);
    const msg = await page.$eval(host, (e) => e.shadowRoot.querySelector('button[data-action=print] + [role=alert]').textContent);
    assert.match(msg, /Không tải được chức năng này/);
    assert.equal(await page.$eval(host, (e) => e.shadowRoot.querySelector('iframe')), null);
    assert.deepEqual(await page.evaluate(() => window.__printed || []), []);
    // The widget goes on working.
    assert.equal(await page.$eval(host, (e) => e.dataset.state), 'ready');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the combined module (a page with several kinds) and the national-records module print too', async () => {
  const cases = [
    { url: `${srv.base}/www/index.html?tthc-ma=${typical.code}`, module: 'cchc_all', name: typical.name },
    { url: `${srv.base}/tests/e2e/pages/national.html?tthc-ma=1.000178`, module: 'cchc_search_full', name: null },
  ];
  for (const c of cases) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordPrints(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const wasm = [];
    page.on('request', (r) => { const m = /\/pkg\/(cchc_\w+)_bg\.wasm/.exec(r.url()); if (m) wasm.push(m[1]); });
    await page.goto(c.url);
    await settled(page, 30000);
    await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('[part=detail] h2'), host);
    await press(page);
    await page.waitForFunction(() => (window.__printed || []).length > 0);
    assert.ok(wasm.includes(c.module), JSON.stringify(wasm));
    assert.ok(wasm.includes('cchc_print'), JSON.stringify(wasm));
    const frame = await frameOf(page);
    const name = c.name || await page.$eval(host, (e) => e.shadowRoot.querySelector('[part=detail] h2').textContent);
    assert.equal(frame.h1, name);
    assert.ok(frame.qr > 100);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
