// Startup (issue 10): each page downloads only the code of the widget kinds it shows, the data is
// requested together with the code, the wasm is refused when its bytes do not match the hash
// recorded at build time, a wrong MIME type does not stop it, and typing while the data loads is
// kept and searched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settled, axe } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

const pkgFiles = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((r) => new URL(r.name).pathname).filter((p) => p.includes('/pkg/')).map((p) => p.split('/pkg/')[1]));

test('a page downloads only the code of its widget kinds', async () => {
  const cases = [
    ['www/tra-cuu-thu-tuc.html', 'cchc_search'],
    ['www/chi-tieu-cchc.html', 'cchc_tracker'],
    ['www/phan-anh-kien-nghi.html', 'cchc_form'],
  ];
  for (const [url, stem] of cases) {
    const { page, context, errors } = await open(browser, `${srv.base}/${url}`);
    const states = await settled(page);
    assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
    const files = (await pkgFiles(page)).sort();
    // The search's words are data, asked for once the widget is ready.
    const words = stem === 'cchc_search' ? ['tinh-huong.tsv'] : [];
    assert.deepEqual(files, ['cchc-widgets.js', `${stem}.js`, `${stem}_bg.wasm`, ...words].sort(), url);
    if (words.length) {
      const t = await page.evaluate(() => {
        const e = performance.getEntriesByType('resource');
        const one = (re) => e.find((r) => re.test(r.name));
        return { list: one(/tthc\.json/).responseEnd, words: one(/tinh-huong\.tsv/).startTime };
      });
      assert.ok(t.words >= t.list, `the thesaurus was requested at ${t.words} ms, before the list arrived (${t.list} ms)`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Every code file is asked for with its hash in the query: a new build is a new URL, so a
  // stale cached copy never meets the new hash.
  {
    const { page, context } = await open(browser, `${srv.base}/www/chi-tieu-cchc.html`);
    await settled(page);
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\/pkg\/cchc_/.test(n)));
    assert.equal(urls.length, 2);
    for (const u of urls) assert.match(u, /\?h=[A-Za-z0-9]{6,}$/, u);
    await context.close();
  }
  // All three kinds: the combined module (smaller than the three apart), once, and its rest
  // once every widget is ready (tests/e2e/rest.test.mjs).
  const { page, context } = await open(browser, `${srv.base}/www/index.html`);
  const states = await settled(page);
  assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('cchc_all_rest.wasm')));
  const files = (await pkgFiles(page)).sort();
  assert.deepEqual(files, ['cchc-widgets.js', 'cchc_all.js', 'cchc_all_bg.wasm', 'cchc_all_rest.wasm', 'tinh-huong.tsv']);
  await context.close();
});

test('the data is requested before the code has arrived, not after it', async () => {
  // On a 3G-like link (as in `cargo xtask bench startup`), so that "before the code arrived" does
  // not depend on how fast localhost answers.
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750,
  });
  await page.goto(`${srv.base}/www/index.html`);
  await settled(page, 30000);
  const t = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource');
    const find = (s) => e.find((r) => r.name.includes(s));
    return {
      wasmEnd: Math.min(...e.filter((r) => new URL(r.name).pathname.endsWith('.wasm')).map((r) => r.responseEnd)),
      glueEnd: Math.min(...e.filter((r) => /\/pkg\/cchc_[a-z]+\.js$/.test(new URL(r.name).pathname)).map((r) => r.responseEnd)),
      tthc: find('data/tthc.json').startTime,
      tracker: find('data/chi-tieu.json').startTime,
      schema: find('data/phan-anh.json').startTime,
      provinces: find('data/dvhc/tinh.json').startTime,
    };
  });
  assert.ok(Number.isFinite(t.wasmEnd) && Number.isFinite(t.glueEnd), JSON.stringify(t));
  for (const k of ['tthc', 'tracker', 'schema', 'provinces']) {
    assert.ok(t[k] < t.wasmEnd && t[k] < t.glueEnd, `${k} requested at ${t[k]} ms, code arrived at ${t.wasmEnd} ms`);
  }
  await context.close();
});

test('a tampered wasm is refused with the error panel, and retry recovers', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let tamper = true;
  await page.route('**/pkg/cchc_tracker_bg.wasm*', async (route) => {
    const resp = await route.fetch();
    const body = Buffer.from(await resp.body());
    if (tamper) body[body.length - 10] ^= 0xff; // still a valid module, different bytes
    await route.fulfill({ response: resp, body });
  });
  await page.goto(`${srv.base}/www/chi-tieu-cchc.html`);
  await settled(page);
  const panel = await page.$eval('cchc-index-tracker', (e) => ({
    state: e.dataset.state, text: e.shadowRoot.querySelector('[role=alert]')?.textContent || '',
  }));
  assert.equal(panel.state, 'error');
  assert.match(panel.text, /Không tải được chức năng này/);
  assert.match(panel.text, /integrity/);
  // The loader's own panel says whom to call too (issue 15): the page names the contacts file.
  await page.waitForFunction(() => document.querySelector('cchc-index-tracker').shadowRoot.querySelector('[role=alert] [part=contacts] a[href="tel:19000000"]'));
  // It looks like the core's panels without the core's stylesheet: the webmaster's detail folded
  // away, a button a thumb can hit, and none of the host page's serif justified text.
  const look = await page.$eval('cchc-index-tracker', (e) => {
    const box = e.shadowRoot.querySelector('[role=alert]');
    return {
      summary: box.querySelector('details summary')?.textContent,
      detailOpen: box.querySelector('details').open,
      button: getComputedStyle(box.querySelector('button')).minHeight,
      align: getComputedStyle(box).textAlign,
      font: getComputedStyle(box).fontFamily,
    };
  });
  assert.deepEqual(look, { summary: 'Thông tin kỹ thuật cho quản trị trang', detailOpen: false, button: '44px', align: 'left', font: 'sans-serif' });
  assert.deepEqual(await axe(page), [], 'axe on the loader\'s failure panel');
  tamper = false;
  await page.$eval('cchc-index-tracker', (e) => e.shadowRoot.querySelector('[role=alert] button').click());
  await page.waitForFunction(() => document.querySelector('cchc-index-tracker').dataset.state === 'ready');
  await context.close();
});

test('a tampered thesaurus is not used; search works on its own words', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/pkg/tinh-huong.tsv*', async (route) => {
    const resp = await route.fetch();
    // An entry that would send "cccd" to marriage: refused by its hash, so never seen.
    const body = Buffer.concat([Buffer.from(await resp.body()), Buffer.from('=cccd\tđăng ký kết hôn\n')]);
    await route.fulfill({ response: resp, body });
  });
  await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html`);
  await settled(page);
  const host = page.locator('cchc-tthc-search');
  assert.equal(await host.getAttribute('data-state'), 'ready');
  assert.equal(await host.getAttribute('data-thesaurus'), 'error');
  await page.locator('cchc-tthc-search >> [part=search-input]').fill('khai sinh');
  await page.waitForFunction(() => document.querySelector('cchc-tthc-search').shadowRoot.querySelectorAll('[part=result]').length > 0);
  await context.close();
});

test('a tampered glue script is refused too', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/pkg/cchc_search.js*', async (route) => {
    const resp = await route.fetch();
    await route.fulfill({ response: resp, body: `${await resp.text()}\nwindow.__tampered = true;` });
  });
  await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html`);
  await settled(page);
  assert.equal(await page.$eval('cchc-tthc-search', (e) => e.dataset.state), 'error');
  assert.equal(await page.evaluate(() => window.__tampered), undefined, 'the tampered script must not run');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a server sending the wasm with the wrong MIME type still works', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/pkg/*.wasm*', async (route) => {
    const resp = await route.fetch();
    await route.fulfill({ response: resp, headers: { ...resp.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto(`${srv.base}/www/chi-tieu-cchc.html`);
  await settled(page);
  assert.equal(await page.$eval('cchc-index-tracker', (e) => e.dataset.state), 'ready');
  await context.close();
});

test('what is typed while the data loads is kept and searched', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  // The list arrives 2.5 s late: the box is there and takes typing meanwhile.
  await page.route('**/www/data/tthc.json', async (route) => {
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await page.goto(`${srv.base}/www/tra-cuu-thu-tuc.html`);
  const box = page.locator('cchc-tthc-search input[type=search]');
  await box.waitFor({ timeout: 3000 });
  assert.equal(await page.$eval('cchc-tthc-search', (e) => e.dataset.state), 'loading');
  await box.click();
  await page.keyboard.type('cap lai cccd', { delay: 20 });
  await page.waitForFunction(() => document.querySelector('cchc-tthc-search').dataset.state === 'ready', null, { timeout: 20000 });
  const after = await page.$eval('cchc-tthc-search', (e) => {
    const r = e.shadowRoot;
    return {
      value: r.querySelector('input[type=search]').value,
      focused: r.activeElement && r.activeElement.type === 'search',
      boxes: r.querySelectorAll('input[type=search]').length,
      results: r.querySelectorAll('[part~=result]').length,
    };
  });
  assert.equal(after.value, 'cap lai cccd');
  assert.equal(after.boxes, 1);
  assert.ok(after.focused, 'focus stays in the search box');
  assert.ok(after.results > 0, 'the typed query was searched');
  // Typing goes on in the real box.
  await page.keyboard.type(' gan chip');
  assert.equal(await page.$eval('cchc-tthc-search', (e) => e.shadowRoot.querySelector('input[type=search]').value), 'cap lai cccd gan chip');
  await context.close();
});

test('the SearchIndex API module still works, beside the loader and without it', async () => {
  for (const url of ['www/tra-cuu-thu-tuc.html', 'tests/e2e/pages/none.html']) {
    const { page, context, errors } = await open(browser, `${srv.base}/${url}`);
    if (url.includes('tra-cuu')) await settled(page);
    const r = await page.evaluate(async () => {
      const m = await import('/pkg/cchc_widgets.js');
      await m.default();
      const text = await (await fetch('/www/data/tthc.json')).text();
      const index = m.SearchIndex.fromJson(text);
      return { size: index.size, codes: index.search('cap lai cccd', 3) };
    });
    assert.equal(r.size, 2642, url);
    assert.equal(r.codes.length, 3, url);
    assert.deepEqual(errors, [], url);
    await context.close();
  }
});

test('the built-in form is data beside the bundle, asked for with the code and checked', async () => {
  const { page, context, errors } = await open(browser, `${srv.base}/tests/e2e/pages/form-event.html`);
  await settled(page);
  assert.equal(await page.$eval('#form', (e) => e.dataset.state), 'ready');
  assert.deepEqual((await pkgFiles(page)).sort(),
    ['cchc-widgets.js', 'cchc_form.js', 'cchc_form_bg.wasm', 'phan-anh-mac-dinh.json'].sort());
  assert.match(await page.$eval('#form', (e) => e.shadowRoot.querySelector('h2').textContent), /Phản ánh, kiến nghị/);
  assert.deepEqual(errors, []);
  await context.close();
  // A tampered copy is refused: the error panel, not a changed form.
  const c2 = await browser.newContext();
  const p2 = await c2.newPage();
  await p2.route('**/pkg/phan-anh-mac-dinh.json*', async (route) => {
    const resp = await route.fetch();
    await route.fulfill({ response: resp, body: (await resp.text()).replace('Họ và tên', 'Số tài khoản ngân hàng') });
  });
  await p2.goto(`${srv.base}/tests/e2e/pages/form-event.html`);
  await settled(p2);
  const f = await p2.$eval('#form', (e) => ({ state: e.dataset.state, text: e.shadowRoot.textContent }));
  assert.equal(f.state, 'error');
  assert.doesNotMatch(f.text, /ngân hàng/);
  await c2.close();
});

test("the national portal's records: the search widget switches to the module that reads them", async () => {
  const { page, context, errors } = await open(browser, `${srv.base}/tests/e2e/pages/national.html`);
  const states = await settled(page);
  assert.deepEqual(states.map((s) => s.state), ['ready']);
  const files = (await pkgFiles(page)).sort();
  // Its own module first (it does not read these records), then the one that does.
  assert.ok(files.includes('cchc_search_bg.wasm') && files.includes('cchc_search_full_bg.wasm'), files.join(' '));
  await page.locator('cchc-tthc-search >> [part=search-input]').fill('dang ky tai khoan dien tu');
  await page.waitForFunction(() => document.querySelector('cchc-tthc-search').shadowRoot.querySelector('[part=result]'));
  const first = await page.$eval('cchc-tthc-search', (e) => e.shadowRoot.querySelector('[part=result]').dataset.code);
  assert.equal(first, '1.000236');
  assert.deepEqual(errors, []);
  await context.close();
});
