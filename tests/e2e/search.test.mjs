// TTHC search widget on the real 2,642 procedures: typing as citizens type, highlights, facets,
// URL state and the back button, the detail view, empty states, hostile queries, and the same
// ranking as the `cchc search` CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, settled, axe, screenshot, ROOT } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

const PAGE = '/www/tra-cuu-thu-tuc.html';
const host = 'cchc-tthc-search';

async function searchPage(path = PAGE, opts) {
  const o = await open(browser, srv.base + path, opts);
  await settled(o.page);
  return o;
}
const input = (page) => page.locator(`${host} >> [part=search-input]`);
const codes = (page) => page.$$eval(host, (els) => [...els[0].shadowRoot.querySelectorAll('[part=result]')].map((r) => r.dataset.code));
const shadowText = (page, sel) => page.$eval(host, (e, s) => [...e.shadowRoot.querySelectorAll(s)].map((n) => n.textContent), sel);

test('typing without diacritics finds the procedure, with the match highlighted', async () => {
  const { page, context, errors } = await searchPage();
  await input(page).fill('lam giay khai sinh');
  const first = await codes(page);
  assert.ok(first.length > 0);
  const names = await shadowText(page, '[part=result] .cchc-hit-name');
  assert.match(names[0], /khai sinh/i);
  const marks = await shadowText(page, '[part=result]:first-child mark');
  assert.ok(marks.some((m) => /khai sinh/i.test(m)), `marks: ${marks}`);
  assert.match((await shadowText(page, '.cchc-count'))[0], /^Tìm thấy [\d.]+ thủ tục$/);
  // The count reaches screen readers through a polite live region once typing pauses.
  await page.waitForFunction((h) => /Tìm thấy/.test(document.querySelector(h).shadowRoot.querySelector('[role=status][aria-live=polite]').textContent), host);
  assert.deepEqual(errors, []);
  await context.close();
});

test('abbreviations and everyday names: cap lai cccd, doi gplx, sổ đỏ', async () => {
  const { page, context } = await searchPage();
  for (const [q, re] of [['cap lai cccd', /căn cước/i], ['doi gplx', /giấy phép lái xe/i], ['sổ đỏ', /quyền sử dụng đất|đất đai/i]]) {
    await input(page).fill(q);
    await input(page).press('Enter');
    const names = await shadowText(page, '[part=result] .cchc-hit-name');
    assert.ok(names.slice(0, 3).some((n) => re.test(n)), `${q}: ${names.slice(0, 3).join(' | ')}`);
  }
  await context.close();
});

test('facets combine with the query, counts follow, state goes to the URL and back works', async () => {
  const { page, context } = await searchPage();
  await input(page).fill('cấp lại');
  await input(page).press('Enter');
  const total = Number((await shadowText(page, '.cchc-count'))[0].replace(/\D/g, ''));
  const facet = page.locator(`${host} >> [part=facet][data-key=cap] input[type=checkbox]`).first();
  const label = await page.$eval(host, (e) => e.shadowRoot.querySelector('[part=facet][data-key=cap] label').textContent);
  const expected = Number(label.match(/\(([\d.]+)\)/)[1].replace(/\./g, ''));
  await facet.check();
  const filtered = Number((await shadowText(page, '.cchc-count'))[0].replace(/\D/g, ''));
  assert.equal(filtered, expected);
  assert.ok(filtered < total);
  assert.ok(await facet.isChecked());
  // Focus stays on the checkbox that was used, although the facets re-rendered.
  assert.equal(await page.$eval(host, (e) => e.shadowRoot.activeElement?.type), 'checkbox');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('tthc-q'), 'cấp lại');
  assert.match(url.searchParams.get('tthc-loc'), /^cap:/);
  // A shared link restores the same state.
  const other = await context.newPage();
  await other.goto(page.url());
  await settled(other);
  assert.equal(await other.locator(`${host} >> [part=search-input]`).inputValue(), 'cấp lại');
  assert.equal(Number((await other.$eval(host, (e) => e.shadowRoot.querySelector('.cchc-count').textContent)).replace(/\D/g, '')), filtered);
  // Back removes the filter.
  await page.goBack();
  await page.waitForFunction((h) => !document.querySelector(h).shadowRoot.querySelector('[part=facet][data-key=cap] input:checked'), host);
  assert.equal(Number((await shadowText(page, '.cchc-count'))[0].replace(/\D/g, '')), total);
  await context.close();
});

test("each result's link is the page's URL with the state and the procedure: host parameters and fragment kept", async () => {
  // The links are built from one URL per list (src/web/views/search.rs `open_base`); each must
  // equal what the URL API gives for the same state, whatever the host page's own URL holds.
  for (const q of ['', '?x=1&tthc-q=cap+lai+cccd#top', '?tthc-loc=linh_vuc:Thu%E1%BA%BF&y=%C3%A0+b%26c&tthc-q=thu%E1%BA%BF',
    '?#h?x', '?z=%2B&tthc-q=&w']) {
    const { page, context, errors } = await searchPage(PAGE + q);
    const links = await page.$eval(host, (e) => [...e.shadowRoot.querySelectorAll('[part=result] a[data-action=open]')]
      .map((a) => [a.getAttribute('href'), a.dataset.code]));
    assert.ok(links.length >= 10, `${q}: ${links.length} links`);
    const want = await page.evaluate((codes) => codes.map((code) => {
      const u = new URL(location.href);
      const p = new URLSearchParams([...u.searchParams].filter(([k]) => !['tthc-q', 'tthc-loc', 'tthc-ma'].includes(k)));
      const text = u.searchParams.get('tthc-q');
      if (text) p.set('tthc-q', text);
      for (const f of u.searchParams.getAll('tthc-loc')) p.append('tthc-loc', f);
      p.set('tthc-ma', code);
      u.search = p.toString();
      return u.href;
    }), links.map((l) => l[1]));
    assert.deepEqual(links.map((l) => l[0]), want, q);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the detail view: documents, steps, fees, the online link, keyboard and the back button', async () => {
  const { page, context, errors } = await searchPage();
  await input(page).fill('1.001193');
  await input(page).press('Enter');
  assert.equal((await codes(page))[0], '1.001193');
  // Keyboard only: Tab from the box to the first result, Enter opens it.
  await page.locator(`${host} >> [part=result] a`).first().focus();
  await page.keyboard.press('Enter');
  const detail = page.locator(`${host} >> [part=detail]`);
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-code'), '1.001193');
  assert.equal(await page.$eval(host, (e) => e.shadowRoot.activeElement?.id), 'cchc-detail-h');
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelectorAll('[part=detail] h3').length > 0, host);
  const headings = await shadowText(page, '[part=detail] h3');
  assert.ok(headings.includes('Thành phần hồ sơ'), headings.join(', '));
  assert.ok(headings.includes('Trình tự thực hiện'), headings.join(', '));
  const cta = await page.$eval(host, (e) => { const a = e.shadowRoot.querySelector('[part=detail] a.cchc-cta'); return a && { href: a.href, text: a.textContent, rel: a.rel }; });
  assert.match(cta.text, /Nộp hồ sơ trực tuyến/);
  assert.match(cta.href, /^https:\/\/dichvucong\.gov\.vn\//);
  assert.match(cta.rel, /noopener/);
  assert.equal(new URL(page.url()).searchParams.get('tthc-ma'), '1.001193');
  await screenshot(page, 'search-detail');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await page.goBack();
  await page.waitForFunction((h) => !document.querySelector(h).shadowRoot.querySelector('[part=detail]'), host);
  assert.equal((await codes(page))[0], '1.001193');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a helpful empty state, did-you-mean, and typos still find results', async () => {
  const { page, context } = await searchPage();
  await input(page).fill('xyzzyq khongcogi');
  await input(page).press('Enter');
  assert.deepEqual(await codes(page), []);
  const empty = (await shadowText(page, '.cchc-empty'))[0];
  assert.match(empty, /Không tìm thấy thủ tục phù hợp với “xyzzyq khongcogi”/);
  assert.match(empty, /sổ đỏ, CCCD/);
  // Syllables typed without spaces: a "did you mean" button that runs the suggested query.
  await input(page).fill('lylichtuphap');
  await input(page).press('Enter');
  assert.deepEqual(await codes(page), []);
  const suggestion = page.locator(`${host} >> .cchc-suggest button`);
  assert.equal(await suggestion.textContent(), 'lý lịch tư pháp');
  await suggestion.click();
  assert.equal(await input(page).inputValue(), 'lý lịch tư pháp');
  const names = await shadowText(page, '[part=result] .cchc-hit-name');
  assert.match(names[0], /lý lịch tư pháp/i);
  await input(page).fill('ket hom');
  await input(page).press('Enter');
  assert.ok((await codes(page)).length > 0);
  // A word with marks no procedure has: results are shown, and so is how the query was read.
  await input(page).fill('cấp giáy phép xây dựng');
  await input(page).press('Enter');
  assert.ok((await codes(page)).length >= 3);
  assert.equal(await page.locator(`${host} >> .cchc-suggest button`).textContent(), 'cấp giấy phép xây dựng');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await context.close();
});

test('hostile queries: markup stays text, huge/emoji/RTL input never breaks the widget', async () => {
  const { page, context, errors } = await searchPage();
  for (const q of ['<img src=x onerror=alert(1)>', 'a', '', '😀🇻🇳 khai sinh', '\u202Ekhai sinh\u202C', 'khai '.repeat(2000)]) {
    await input(page).fill(q);
    await input(page).press('Enter');
    const state = await page.$eval(host, (e) => ({ state: e.dataset.state, imgs: e.shadowRoot.querySelectorAll('img').length }));
    assert.equal(state.state, 'ready');
    assert.equal(state.imgs, 0);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 360 px: usable, no horizontal scroll, axe-clean', async () => {
  const { page, context } = await searchPage(PAGE, { viewport: { width: 360, height: 780 } });
  await input(page).fill('đăng ký kết hôn');
  await screenshot(page, 'search-360');
  const over = await page.$eval(host, (e) => e.shadowRoot.querySelector('.cchc').scrollWidth - e.getBoundingClientRect().width);
  assert.ok(over <= 1, `overflow ${over}`);
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await context.close();
});

test('the widget and `cchc search` return the same ranking (one engine)', async () => {
  const queries = ['lam giay khai sinh', 'cap lai cccd', 'doi gplx', 'so do', 'dang ki ket hon', 'hoà giải', 'xây dựng', '1.001193', 'ho chieu', 'thue',
    'bố tôi mất rồi thì gia đình phải làm gì', 'muon doi ten cho con gai'];
  // The widget attaches pkg/tinh-huong.tsv, the hỏi đáp and the procedures' own words (terms_url)
  // once ready (searchPage waits for them); the CLI has the same thesaurus built in and reads the
  // same terms file.
  const cli = spawnSync('cargo', ['run', '--quiet', '--bin', 'cchc', '--', 'search', '--data', 'www/data/tthc.json', '--top', '10'],
    { cwd: ROOT, input: queries.join('\n') + '\n', encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const expected = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(expected.length, queries.length);
  const { page, context } = await searchPage();
  for (const e of expected) {
    await input(page).fill(e.query);
    await input(page).press('Enter');
    const got = (await codes(page)).slice(0, 10);
    assert.deepEqual(got, e.results.map((r) => r.code), `query ${e.query}`);
  }
  await context.close();
});

// Issue 15: the agency's contacts (`contacts`, www/data/lien-he.json: example numbers) in the
// procedure detail: the contact points of the unit that handles the procedure, picked as the
// printed sheet picks them (`cchc sheet` gives the same hotlines in the same order), then the
// one-stop centre, e-mail and feedback page; numbers as tel: links, with the example notice.
function sheetTels(code) {
  const out = path.join(os.tmpdir(), `cchc-sheet-${code}.html`);
  execFileSync(path.join(ROOT, 'target/debug/cchc'), ['sheet', '--data', 'www/data/tthc.json', '--contacts', 'www/data/lien-he.json', '--code', code, '-o', out], { cwd: ROOT });
  return [...fs.readFileSync(out, 'utf8').matchAll(/href="(tel:\d+)"/g)].map((m) => m[1]);
}

test('the detail view shows whom to call and where to go, as the printed sheet does', async () => {
  // Hộ tịch (Sở Tư pháp's unit), Công an (by agency), and a procedure no unit names.
  for (const code of ['1.001193', '1.000178', '1.000045']) {
    const { page, context, errors } = await searchPage(`${PAGE}?tthc-ma=${code}`);
    await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('[part=detail] [part=contacts]'), host);
    assert.equal(await page.$eval(host, (e) => e.dataset.contactsState), 'ready');
    const c = await page.$eval(host, (e) => {
      const box = e.shadowRoot.querySelector('[part=detail] [part=contacts]');
      const items = [...box.querySelectorAll('li')];
      return {
        text: box.textContent,
        // Hotline items: the link is the whole number after the label.
        hotlines: items.filter((li) => !/Giờ làm việc|@|Gửi/.test(li.textContent)).map((li) => li.querySelector('a').getAttribute('href')),
        links: [...box.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      };
    });
    assert.deepEqual(c.hotlines, sheetTels(code), code);
    assert.match(c.text, /^Liên hệ, hỗ trợ/);
    assert.match(c.text, /Trung tâm Phục vụ hành chính công tỉnh \(ví dụ\)\. Số 1 đường Ví Dụ[^.]*\. Giờ làm việc: Thứ Hai – thứ Sáu/);
    assert.ok(c.links.includes('tel:02393000002'), 'the centre\'s phone');
    assert.ok(c.links.includes('/phan-anh-kien-nghi.html'), 'the feedback page');
    assert.match(c.text, /Số điện thoại ví dụ \(dữ liệu mẫu\), không gọi được/);
    if (code === '1.001193') {
      assert.ok(c.links.includes('mailto:stp-vi-du@example.gov.vn'), 'the unit\'s e-mail');
      assert.match(c.text, /Đường dây nóng Sở Tư pháp \(ví dụ\): 0239 3000 003/);
      await screenshot(page, 'search-detail-contacts');
    }
    if (code === '1.000045') assert.ok(c.links.includes('mailto:vi-du@example.gov.vn'), 'the agency\'s e-mail');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Axe on the detail with its contact points (360 px as well: the lines wrap, nothing overflows).
  const { page, context, errors } = await searchPage(`${PAGE}?tthc-ma=1.001193`);
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('[part=detail] [part=contacts]'), host);
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  assert.deepEqual(errors, []);
  await context.close();
});
