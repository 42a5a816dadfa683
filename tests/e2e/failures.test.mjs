// Failure injection: a 404, a 500, a stalled response, a stalled body, malformed JSON and a
// missing attribute each give their own widget the error panel, while the other widgets and the
// host page keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settled, screenshot } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

test('each failure stays in its widget, with a Vietnamese message and the webmaster detail', async () => {
  // The failed requests are expected to show up as network errors in the console.
  const { page, context, errors } = await open(browser, `${srv.base}/tests/e2e/pages/failures.html`,
    { ignore: [/Failed to load resource/] });
  await settled(page, 30000);
  await screenshot(page, 'failures');
  const info = await page.$$eval('cchc-tthc-search, cchc-index-tracker, [data-cchc]', (els) => els.map((e) => {
    const panel = e.shadowRoot.querySelector('[role=alert]');
    return {
      id: e.id, state: e.dataset.state,
      alert: panel ? panel.textContent : null,
      retry: !!(panel && panel.querySelector('button')),
      // The loader's early search box does not outlive a failed load (it could not search).
      earlyBox: !!e.shadowRoot.querySelector('[data-early]'),
    };
  }));
  const by = Object.fromEntries(info.map((i) => [i.id, i]));
  assert.equal(by.ok.state, 'ready');
  assert.equal(by.ok.alert, null);
  for (const id of ['e404', 'e500', 'stall', 'stallbody', 'malformed', 'nosrc', 'form']) {
    assert.equal(by[id].state, 'error', id);
    assert.equal(by[id].earlyBox, false, id);
    assert.match(by[id].alert, /Chưa tải được dữ liệu/, id);
  }
  assert.match(by.e404.alert, /HTTP 404/);
  assert.match(by.e500.alert, /HTTP 500/);
  assert.match(by.e500.alert, /Máy chủ đang gặp sự cố/);
  assert.match(by.stall.alert, /Quá 2 giây/);
  assert.match(by.stallbody.alert, /Quá 2 giây/);
  assert.match(by.malformed.alert, /không phải JSON hợp lệ \(dòng 4, cột \d+\)/);
  assert.match(by.nosrc.alert, /thiếu thuộc tính src/);
  // A widget that names the agency's contacts says whom to call on its error panel (issue 15):
  // the contacts file loads although the widget's own data does not.
  await page.waitForFunction(() => document.getElementById('e404').shadowRoot.querySelector('[role=alert] [part=contacts]'));
  const help = await page.$eval('#e404', (e) => {
    const box = e.shadowRoot.querySelector('[role=alert] [part=contacts]');
    return { text: box.textContent, tel: [...box.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')), state: e.dataset.contactsState };
  });
  assert.match(help.text, /Cần hỗ trợ\? Gọi đường dây nóng:/);
  assert.deepEqual(help.tel, ['tel:02393000001', 'tel:19000000']);
  assert.equal(help.state, 'ready');
  // The same in the tracker's and the form's error panels.
  for (const id of ['t404', 'form']) {
    await page.waitForFunction((i) => document.getElementById(i).shadowRoot.querySelector('[role=alert] [part=contacts] a[href="tel:19000000"]'), id);
  }
  // Without a contacts file, no such box.
  assert.equal(await page.$eval('#e500', (e) => !!e.shadowRoot.querySelector('[part=contacts]')), false);
  // Retry is offered where trying again can help (network, server), not for broken data.
  assert.ok(by.e500.retry && by.stall.retry && by.e404.retry);
  assert.ok(!by.malformed.retry);
  // The host page is untouched and no exception reached it.
  assert.equal(await page.textContent('#host-content'), 'Nội dung của trang chủ vẫn hoạt động.');
  assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), []);
  await context.close();
});

test('retry reloads the data: an error panel turns into the widget once the data is there', async () => {
  const { page, context } = await open(browser, `${srv.base}/tests/e2e/pages/failures.html`, { ignore: [/Failed to load resource/] });
  await settled(page, 30000);
  // Point the failed widget at good data, then press its retry button.
  await page.$eval('#e404', (e) => e.setAttribute('src', '../../../www/data/tthc.json'));
  const events = page.evaluate(() => new Promise((r) => document.getElementById('e404').addEventListener('cchc-ready', () => r('ready'))));
  await page.locator('#e404').locator('button').first().click();
  assert.equal(await events, 'ready');
  assert.equal(await page.$eval('#e404', (e) => e.dataset.state), 'ready');
  await context.close();
});
