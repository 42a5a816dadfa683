// The index target tracker (issue 4): real values from the demo data on the cards, status in
// words on every card, a table beside every chart, filters that change the list and the announced
// count, overdue first, CSV of what is shown, print view, bad data naming the item, axe, 360 px.
// "Today" is fixed with as-of="2025-10-01" so the task states do not drift with the clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, settled, axe, screenshot, ROOT } from './helpers.mjs';

let srv; let browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.close(); });

const PAGE = '/tests/e2e/pages/tracker.html';
const STATUS_LABELS = ['Đã đạt', 'Đúng tiến độ', 'Cần đẩy nhanh', 'Chậm tiến độ / không đạt', 'Chưa có dữ liệu', 'Không so sánh được'];

async function ready(opts) {
  const o = await open(browser, `${srv.base}${PAGE}`, opts);
  const states = await settled(o.page);
  assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
  return o;
}

/** Evaluates `fn(root)` in the shadow root of widget `id`. */
function inWidget(page, id, fn, arg) {
  return page.evaluate(([id, src, arg]) => {
    const root = document.getElementById(id).shadowRoot;
    return (0, eval)(src)(root, arg);
  }, [id, fn.toString(), arg]);
}

const tasksOf = (root) => [...root.querySelectorAll('[part=task]')].map((t) => ({
  id: t.dataset.id, status: t.dataset.status, text: t.textContent,
}));

test('cards show the real published values with rank denominators and a status in words', async () => {
  const { page, context, errors } = await ready();
  const cards = await inWidget(page, 't', (root) => [...root.querySelectorAll('[part=card]')].map((c) => ({
    index: c.dataset.index, text: c.textContent,
    badge: c.querySelector('.trk-status .trk-badge')?.textContent,
    shape: c.querySelector('.trk-status .trk-shape')?.textContent,
  })));
  assert.deepEqual(cards.map((c) => c.index), ['PCI', 'PAPI']);
  const [pci, papi] = cards;
  // VCCI PCI 2016 for Hà Tĩnh: 57.76 points, 39th of 63 (2015: 45th), band Khá.
  assert.match(pci.text, /57,76/);
  assert.match(pci.text, /Xếp thứ 39\/63/);
  assert.match(pci.text, /So với năm 2015 \(45\/63\): tăng 6 bậc/);
  assert.match(pci.text, /Xếp loại: Khá/);
  // PAPI 2024: 45.55 (derived from the sub-dimensions, labelled so), no official rank.
  assert.match(papi.text, /45,55/);
  assert.match(papi.text, /không phải kết quả chính thức/);
  for (const c of cards) {
    assert.ok(STATUS_LABELS.some((l) => c.badge.includes(l)), `status text on ${c.index}: ${c.badge}`);
    assert.ok(c.shape && c.shape.trim().length > 0, 'a shape beside the colour');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('ranks out of 63 and 34 are never compared; targets and parts are shown', async () => {
  const { page, context } = await ready();
  const card = await inWidget(page, 'fx', (root) => {
    const c = root.querySelector('[part=card]');
    return { text: c.textContent, noncomp: c.querySelector('.trk-noncomp')?.textContent,
      parts: [...c.querySelectorAll('.trk-parts li')].map((li) => li.textContent) };
  });
  assert.match(card.noncomp, /Thứ hạng không so sánh được: 2024 25\/63, 2025 10\/34/);
  assert.ok(card.parts.some((p) => /hạng ≤ 20\/63/.test(p) && /Không so sánh được/.test(p)), JSON.stringify(card.parts));
  assert.ok(card.parts.some((p) => /≥ 90%/.test(p) && /Chậm tiến độ/.test(p)), JSON.stringify(card.parts));
  assert.doesNotMatch(card.text, /tăng 15 bậc/);
  await context.close();
});

test('every chart is an accessible SVG with a data table beside it, unaffected by host CSS', async () => {
  const { page, context } = await ready();
  for (const id of ['t', 'fx']) {
    const charts = await inWidget(page, id, (root) => [...root.querySelectorAll('[part=chart]')].map((ch) => {
      const svg = ch.querySelector('svg');
      const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
      const fig = ch.closest('figure');
      const region = fig.querySelector('.trk-scroll');
      const table = region?.querySelector('table');
      return {
        role: svg.getAttribute('role'), display: getComputedStyle(svg).display,
        height: svg.getBoundingClientRect().height,
        title: ids.map((i) => root.getElementById(i)?.textContent || '').join(' | '),
        styled: !!svg.querySelector('[style]') || svg.hasAttribute('style'),
        caption: table?.caption?.textContent, colHeads: table ? table.querySelectorAll('th[scope=col]').length : 0,
        rowHeads: table ? table.querySelectorAll('th[scope=row]').length : 0,
        regionLabel: region?.getAttribute('aria-label'), regionTab: region?.tabIndex,
        target: svg.querySelector('.trk-target-label')?.textContent || null,
        points: svg.querySelectorAll('circle').length,
      };
    }));
    assert.ok(charts.length > 0, id);
    for (const c of charts) {
      assert.equal(c.role, 'img');
      assert.notEqual(c.display, 'none', 'host `svg { display: none }` must not reach the shadow DOM');
      assert.ok(c.height > 50, `chart drawn (${c.height}px)`);
      assert.ok(c.title.split(' | ').every((t) => t.length > 0), `title and desc: ${c.title}`);
      assert.equal(c.styled, false, 'no inline style attributes');
      assert.ok(c.caption && c.colHeads >= 3 && c.rowHeads === c.points, JSON.stringify(c));
      assert.ok(c.regionLabel && c.regionTab === 0, 'table scrolls in a labelled, focusable region');
    }
    if (id === 'fx') assert.equal(charts[0].target, 'Chỉ tiêu 2025: 90');
  }
  await context.close();
});

test('plan indicators show each part, with a progress bar where a value exists', async () => {
  const { page, context } = await ready();
  // Ten are rendered; "Xem thêm" adds the next ten (focus on the first added) until all 28 show.
  const shown = () => inWidget(page, 't', (root) => [...root.querySelectorAll('[part=indicator]')].map((i) => i.dataset.id));
  const first = await shown();
  assert.equal(first.length, 10);
  assert.equal(await inWidget(page, 't', (r) => r.querySelector('.trk-indicators .trk-more').textContent), 'Xem thêm 10 chỉ tiêu');
  await page.locator('#t').getByRole('button', { name: 'Xem thêm 10 chỉ tiêu' }).click();
  const second = await shown();
  assert.equal(second.length, 20);
  assert.deepEqual(second.slice(0, 10), first, 'the first page stays, in order');
  assert.equal(await inWidget(page, 't', (r) => r.activeElement?.dataset.id), second[10], 'focus on the first added');
  await page.locator('#t').getByRole('button', { name: 'Xem thêm 8 chỉ tiêu' }).click();
  const all = await shown();
  assert.equal(all.length, 28);
  assert.equal(new Set(all).size, 28);
  assert.equal(await inWidget(page, 't', (r) => r.querySelector('.trk-indicators .trk-more').hidden), true, 'no button once all show');
  const ind = await inWidget(page, 'fx', (root) => {
    const i = root.querySelector('[part=indicator]');
    return [...i.querySelectorAll('.trk-part')].map((p) => {
      const bar = p.querySelector('progress');
      const label = bar && root.getElementById(bar.getAttribute('aria-labelledby'));
      return { text: p.textContent, value: bar?.value, max: bar?.max, label: label?.textContent || null };
    });
  });
  assert.equal(ind.length, 3, 'cấp tỉnh, cấp huyện, cấp xã');
  const xa = ind.find((p) => /cấp xã/.test(p.text));
  assert.equal(xa.value, 70); assert.equal(xa.max, 95);
  assert.match(xa.text, /Hiện tại: 70% \/ 95%/);
  assert.match(xa.label, /cấp xã: ≥ 95%/);
  const huyen = ind.find((p) => /cấp huyện/.test(p.text));
  assert.equal(huyen.value, undefined, 'no bar without a value');
  assert.match(huyen.text, /Chưa có dữ liệu/);
  await context.close();
});

test('tasks come past-due first; with no progress report they are "not reported", never overdue; filters change the list and the announced count', async () => {
  const { page, context } = await ready();
  // A page of 10 is rendered; "Xem thêm" adds the next page and moves focus to its first task.
  assert.equal((await inWidget(page, 't', tasksOf)).length, 10);
  const count = () => inWidget(page, 't', (r) => r.querySelector('[role=status][aria-live]').textContent);
  assert.match(await count(), /78\/78 nhiệm vụ phù hợp; đang hiện 10/);
  await page.locator('#t button', { hasText: 'Xem thêm 10 nhiệm vụ' }).click();
  assert.equal((await inWidget(page, 't', tasksOf)).length, 20);
  for (let shown = 20; shown < 70; shown += 10) await page.locator('#t button', { hasText: 'Xem thêm 10 nhiệm vụ' }).click();
  await page.locator('#t button', { hasText: 'Xem thêm 8 nhiệm vụ' }).click();
  const all = await inWidget(page, 't', tasksOf);
  assert.equal(all.length, 78);
  assert.equal(await page.evaluate(() => document.getElementById('t').shadowRoot.activeElement?.dataset.id), all[70].id);
  // The demo plan has no progress report: the eight tasks past their deadline on 1 October 2025
  // are "Chưa có báo cáo" (issue 11), not "Quá hạn · quá 274 ngày".
  const firstOther = all.findIndex((t) => t.status !== 'not_reported');
  assert.equal(firstOther, 8, 'eight tasks are past due without a report on 1 October 2025');
  assert.ok(all.every((t) => t.status !== 'overdue'));
  assert.match(all[0].text, /Chưa có báo cáo/);
  assert.doesNotMatch(all[0].text, /Quá hạn/);
  // ...and the agency says so at the top, above its figures.
  assert.match(await inWidget(page, 't', (r) => r.querySelector('.trk-stale')?.textContent || ''), /Chưa có báo cáo tiến độ/);
  // The year by quarter: what was due, and no "done" bar where no report says it.
  const quarters = await inWidget(page, 't', (r) => [...r.querySelectorAll('.trk-quarters li')].map((li) => li.textContent));
  assert.equal(quarters.length, 4, 'Q1 to Q4 of 2025 as of 1 October 2025 (Q4 counted to that day)');
  assert.ok(quarters.every((q) => /Đã hoàn thành theo báo cáo: chưa có báo cáo/.test(q) && /Đến hạn theo kế hoạch: \d/.test(q)), quarters.join(' | '));
  assert.match(all[0].text, /Tháng 12\/2024 \(01\/12\/2024 – 31\/12\/2024\)/);
  const host = page.locator('#t');
  assert.match(await count(), /Hiển thị 78\/78/);
  await host.locator('#trk-f-area').selectOption('tthc');
  const tthc = await inWidget(page, 't', tasksOf);
  assert.ok(tthc.length > 0 && tthc.length < 78);
  assert.ok(tthc.every((t) => /Cải cách thủ tục hành chính/.test(t.text)));
  assert.match(await count(), new RegExp(`${tthc.length}/78`));
  await host.locator('#trk-f-area').selectOption('');
  await host.locator('#trk-f-state').selectOption('waiting');
  const waiting = await inWidget(page, 't', tasksOf);
  assert.ok(waiting.length > 0 && waiting.every((t) => t.status === 'waiting'));
  const leadValue = await host.locator('#trk-f-lead option', { hasText: 'Sở Nội vụ (' }).first().getAttribute('value');
  await host.locator('#trk-f-lead').selectOption(leadValue);
  const both = await inWidget(page, 't', tasksOf);
  assert.ok(both.length > 0 && both.length < waiting.length);
  assert.ok(both.every((t) => t.status === 'waiting' && /Chủ trìSở Nội vụPhối/.test(t.text.replace(/\s+/g, ''))
    || /Chủ trìSở Nội vụ/.test(t.text)), JSON.stringify(both.map((t) => t.text.slice(0, 200))));
  // A combination with no task: an empty state and an announced zero, then "Bỏ lọc".
  await host.locator('#trk-f-state').selectOption('recurring');
  await host.locator('#trk-f-area').selectOption('tac_dong');
  assert.equal((await inWidget(page, 't', tasksOf)).length, 0);
  assert.match(await count(), /Không có nhiệm vụ phù hợp/);
  assert.match(await inWidget(page, 't', (r) => r.querySelector('.trk-task-list').textContent), /Bỏ lọc/);
  await host.locator('button', { hasText: 'Bỏ lọc' }).click();
  assert.equal((await inWidget(page, 't', tasksOf)).length, 10);
  assert.match(await count(), /78\/78/);
  await context.close();
});

test('filters work from the keyboard alone', async () => {
  const { page, context } = await ready();
  await page.locator('#t #trk-f-state').focus();
  const before = (await inWidget(page, 't', tasksOf)).length;
  await page.keyboard.press('ArrowDown'); // "Tất cả" → "Chưa có báo cáo (8)"
  const after = await inWidget(page, 't', tasksOf);
  assert.ok(after.length < before && after.every((t) => t.status === 'not_reported'), `${before} → ${after.length}`);
  // Tab reaches the buttons and the table regions.
  const focusables = await inWidget(page, 't', (r) => [...r.querySelectorAll('button, select, [tabindex="0"], summary, a[href]')].length);
  assert.ok(focusables > 10);
  await context.close();
});

test('CSV download holds exactly the filtered tasks, UTF-8 with BOM', async () => {
  const { page, context } = await ready();
  const host = page.locator('#t');
  await host.locator('#trk-f-state').selectOption('not_reported');
  const shown = await inWidget(page, 't', tasksOf);
  const [download] = await Promise.all([page.waitForEvent('download'), host.locator('button', { hasText: /^Tải CSV$/ }).click()]);
  assert.match(download.suggestedFilename(), /^nhiem-vu-ha-tinh-2025-10-01\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.match(lines[0], /^"Mã","Lĩnh vực","Mục tiêu","Nhiệm vụ"/);
  assert.equal(lines.length - 1, shown.length);
  for (const [i, t] of shown.entries()) assert.ok(lines[i + 1].startsWith(`"${t.id}",`), lines[i + 1]);
  assert.ok(lines.slice(1).every((l) => l.includes('"Chưa có báo cáo"')), 'the CSV carries the new status');
  assert.match(lines[1], /"Sở Nội vụ"/);
  // The object URL is revoked after the download.
  await page.waitForTimeout(1200);
  // Formula-looking agency text is neutralised (fixture task T1).
  const fx = page.locator('#fx');
  const [d2] = await Promise.all([page.waitForEvent('download'), fx.locator('button', { hasText: /^Tải CSV$/ }).click()]);
  const csv2 = fs.readFileSync(await d2.path(), 'utf8');
  assert.match(csv2, /"'=HYPERLINK\(""http:\/\/example.invalid""\)"/);
  await context.close();
});

test('print: controls hidden, details open, every filtered task and every indicator rendered; "In" calls window.print', async () => {
  const { page, context } = await ready();
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.emulateMedia({ media: 'print' });
  const view = await inWidget(page, 't', (root) => ({
    filters: getComputedStyle(root.querySelector('.trk-filters')).display,
    tools: getComputedStyle(root.querySelector('.trk-tools')).display,
    detailsVisible: [...root.querySelectorAll('details.trk-more-info dl')].filter((d) => d.getBoundingClientRect().height > 0).length,
    details: root.querySelectorAll('details.trk-more-info').length,
  }));
  assert.equal(view.filters, 'none');
  assert.equal(view.tools, 'none');
  assert.equal(view.detailsVisible, view.details, 'print media shows the content of every <details>');
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#t button', { hasText: /^In$/ }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.equal((await inWidget(page, 't', tasksOf)).length, 78, 'paper gets every filtered task');
  assert.equal(await inWidget(page, 't', (r) => r.querySelectorAll('[part=indicator]').length), 28, 'and every indicator');
  const open = await inWidget(page, 't', (r) => [...r.querySelectorAll('details')].every((d) => d.open));
  assert.ok(open);
  await context.close();
});

test("the browser's own print (beforeprint) renders every indicator and task", async () => {
  const { page, context } = await ready();
  const count = () => inWidget(page, 't', (r) => [r.querySelectorAll('[part=indicator]').length, r.querySelectorAll('[part=task]').length]);
  assert.deepEqual(await count(), [10, 10]);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await count(), [28, 78]);
  await context.close();
});

test('agency selector, empty states, unsafe links stay text', async () => {
  const { page, context } = await ready();
  const fx = page.locator('#fx');
  const ev = await inWidget(page, 'fx', (r) => [...r.querySelectorAll('[part=task]')].map((t) => ({
    id: t.dataset.id, links: [...t.querySelectorAll('a')].map((a) => a.getAttribute('href')) })));
  assert.deepEqual(ev.find((t) => t.id === 'T1').links, [], 'javascript: evidence is not a link');
  assert.deepEqual(ev.find((t) => t.id === 'T2').links, ['https://example.gov.vn/bao-cao.pdf']);
  await fx.locator('#trk-agency').selectOption({ label: 'Đơn vị chỉ có chỉ số (số liệu giả định)' });
  const empty = await inWidget(page, 'fx', (r) => ({
    cards: r.querySelectorAll('[part=card]').length,
    empties: [...r.querySelectorAll('.trk-empty')].map((e) => e.textContent),
    nodata: r.querySelector('[part=card]').textContent,
  }));
  assert.equal(empty.cards, 1);
  assert.equal(empty.empties.length, 2, JSON.stringify(empty.empties));
  assert.match(empty.nodata, /Chưa có kết quả được công bố/);
  await context.close();
});

test('bad data: the error panel names every problem item; no panic', async () => {
  const { page, context, errors } = await open(browser, `${srv.base}/tests/e2e/pages/tracker-bad.html`);
  const states = await settled(page);
  const by = Object.fromEntries(states.map((s) => [s.id, s.state]));
  assert.equal(by.bad, 'error');
  assert.equal(by.noagency, 'error');
  assert.equal(by.badasof, 'ready');
  const alert = await inWidget(page, 'bad', (r) => r.querySelector('[role=alert]').textContent);
  assert.match(alert, /Chưa tải được dữ liệu/);
  assert.match(alert, /3 lỗi/);
  assert.match(alert, /agencies\[0\]\.indices\[0\]\.results\[0\]\.score: Điểm nằm ngoài thang đo của chỉ số \(120/);
  assert.match(alert, /results\[0\]\.rank_of: Thứ hạng thiếu tổng số tỉnh/);
  assert.match(alert, /plans\[0\]\.tasks\[0\]\.area: Giá trị không được hỗ trợ \(khong_co\)/);
  const noagency = await inWidget(page, 'noagency', (r) => r.querySelector('[role=alert]').textContent);
  assert.match(noagency, /"khong-co".*kiem-thu, chi-so/);
  const badasof = await inWidget(page, 'badasof', (r) => r.querySelector('.trk-note').textContent);
  assert.match(badasof, /as-of "01\/10\/2025"/);
  assert.deepEqual(errors.filter((e) => e.startsWith('pageerror')), []);
  await screenshot(page, 'tracker-bad');
  await context.close();
});

test('axe: zero violations on the tracker page (screen and after filtering)', async () => {
  const { page, context, errors } = await ready();
  let violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await page.locator('#t #trk-f-state').selectOption('not_reported');
  violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  assert.deepEqual(errors, []);
  await context.close();
});

test('360 px: cards stack, tables fit or scroll in their own region, no page-level horizontal scroll', async () => {
  const { page, context, errors } = await ready({ viewport: { width: 360, height: 740 } });
  await screenshot(page, 'tracker-360');
  const m = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    widgets: [...document.querySelectorAll('#t, #fx')].map((h) => h.shadowRoot.querySelector('.cchc').scrollWidth - h.getBoundingClientRect().width),
  }));
  assert.ok(m.doc <= 360, `page scrolls sideways: ${m.doc}px`);
  for (const o of m.widgets) assert.ok(o <= 1, `widget wider than its box by ${o}px`);
  const cards = await inWidget(page, 't', (r) => [...r.querySelectorAll('[part=card]')].map((c) => c.getBoundingClientRect().left));
  assert.equal(new Set(cards).size, 1, 'cards stacked in one column');
  // Every table sits in a focusable region that keeps any overflow inside the card; the index
  // cards' result tables fit at 360 px (long notes and sources are listed below them, so no
  // column is cut off mid-word).
  const regions = await inWidget(page, 't', (r) => [...r.querySelectorAll('.trk-scroll')].map((s) => {
    const box = (s.closest('[part=card]') || s.parentElement).getBoundingClientRect();
    return {
      card: !!s.closest('[part=card]'),
      fits: s.scrollWidth <= s.clientWidth + 1,
      inside: s.getBoundingClientRect().right <= box.right + 1,
      focusable: s.tabIndex === 0 && s.getAttribute('role') === 'region',
    };
  }));
  assert.ok(regions.length > 0);
  for (const x of regions) {
    assert.ok(x.inside, 'a table region sticks out of its card');
    assert.ok(x.focusable, 'a table region is not a focusable region');
  }
  assert.ok(regions.filter((x) => x.card).every((x) => x.fits), 'a results table is cut off at 360 px');
  assert.deepEqual(errors, []);
  await context.close();
});

// Progress over the year (issue 11, point 3): an example plan with three example quarterly reports
// (tests/fixtures/tien-do, imported with `cchc import tien-do`; no province's real progress).
const PROGRESS = '/tests/e2e/pages/tracker-progress.html';
const PROGRESS_DATA = path.join(ROOT, 'tests/e2e/pages/tracker-progress.json');
const CCHC = path.join(ROOT, 'target/debug/cchc');

async function progressPage(opts) {
  const o = await open(browser, `${srv.base}${PROGRESS}`, opts);
  const states = await settled(o.page);
  assert.ok(states.every((s) => s.state === 'ready'), JSON.stringify(states));
  return o;
}

test('after the imports, the widget and cchc tracker agree on every task as of the report; stale notice later', async () => {
  assert.ok(fs.existsSync(CCHC), 'target/debug/cchc is built by `cargo test` before the e2e tests');
  const { page, context, errors } = await progressPage();
  for (const [id, asOf] of [['pg', '2025-09-20'], ['old', '2026-01-20']]) {
    const cli = JSON.parse(execFileSync(CCHC, ['tracker', '--data', PROGRESS_DATA, '--as-of', asOf], { encoding: 'utf8' }));
    const want = cli.agencies[0].tasks.map((t) => [t.id, t.state]);
    const got = (await inWidget(page, id, tasksOf)).map((t) => [t.id, t.status]);
    assert.deepEqual(got, want, `${id} as of ${asOf}`);
  }
  const notes = await inWidget(page, 'pg', (r) => r.querySelector('.trk-stale')?.textContent || null);
  assert.equal(notes, null, 'a report six days old is not stale');
  const stale = await inWidget(page, 'old', (r) => r.querySelector('.trk-stale')?.textContent);
  assert.match(stale, /Số liệu tiến độ có thể đã cũ: báo cáo gần nhất ngày 14\/09\/2025/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the plan's quarters: the bars, the table and its CSV say what cchc tracker says", async () => {
  const { page, context, errors } = await progressPage();
  const parse = (csv) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => JSON.parse(`[${l}]`));
  const cli = parse(execFileSync(CCHC, ['tracker', '--data', PROGRESS_DATA, '--as-of', '2025-09-20',
    '--format', 'csv', '--table', 'quarters'], { encoding: 'utf8' })).map((r) => r.slice(2));
  const got = await inWidget(page, 'pg', async (r) => {
    const q = r.querySelector('.trk-quarters');
    return {
      heading: q.querySelector('h4').textContent,
      table: [...q.querySelectorAll('table tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
      words: [...q.querySelectorAll('li .trk-bar-text')].map((t) => t.textContent),
      bars: [...q.querySelectorAll('li')].map((li) => [li.querySelector('h5').textContent,
        ...[...li.querySelectorAll('progress')].map((p) => `${p.getAttribute('aria-label')} ${p.value}`)]),
    };
  });
  // The CSV is made when its button is pressed, and downloaded.
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('#pg').getByRole('button', { name: 'Tải CSV số liệu theo quý' }).click()]);
  got.name = download.suggestedFilename();
  got.csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(got.heading, /^Tiến độ theo quý: /);
  assert.deepEqual(got.table, cli, 'the widget table is the CLI table');
  assert.deepEqual(parse(got.csv), cli, 'the CSV download is the CLI table');
  assert.equal(got.name, 'tien-do-quy-kh-vi-du-2025-2025-09-20.csv');
  // Done = on time + late, due: the CLI's shares (14.3 + 0, 28.6; 14.3 + 14.3, 42.9; 28.6 + 14.3, 57.1).
  const share = (n) => Math.round((n / 7) * 1000) / 10;
  const pct = (bars) => bars.map(([q, ...b]) => [q, ...b.map((x) => x.replace(/[\d.]+$/, (v) => String(Math.round(v * 10) / 10)))]);
  assert.deepEqual(pct(got.bars), [
    ['Quý I/2025', `Đã hoàn thành theo báo cáo ${share(1)}`, `Đến hạn theo kế hoạch ${share(2)}`],
    ['Quý II/2025', `Đã hoàn thành theo báo cáo ${share(2)}`, `Đến hạn theo kế hoạch ${share(3)}`],
    ['Quý III/2025', `Đã hoàn thành theo báo cáo ${share(3)}`, `Đến hạn theo kế hoạch ${share(4)}`],
  ]);
  // The bar's words split done into on time and late, as the table does.
  assert.deepEqual(got.words.slice(0, 4), [
    'Đã hoàn thành theo báo cáo: 14,3 % (đúng hạn 14,3 %, trễ hạn 0,0 %)',
    'Đến hạn theo kế hoạch: 28,6 %',
    'Đã hoàn thành theo báo cáo: 28,6 % (đúng hạn 14,3 %, trễ hạn 14,3 %)',
    'Đến hạn theo kế hoạch: 42,9 %',
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("each task's history quarter by quarter, keyboard-reachable, text only", async () => {
  const { page, context, errors } = await progressPage();
  const vd2 = page.locator('#pg [data-id="VD.2"] summary');
  await vd2.focus();
  await page.keyboard.press('Enter');
  const hist = (id) => inWidget(page, 'pg', (r, id) => {
    const d = r.querySelector(`[data-id="${id}"] details`);
    return { open: d.open, summary: d.querySelector('summary').textContent,
      rows: [...d.querySelectorAll('dt')].filter((dt) => dt.textContent.startsWith('Quý'))
        .map((dt) => `${dt.textContent} = ${dt.nextElementSibling.textContent}`),
      links: d.querySelectorAll('a').length };
  }, id);
  const h2 = await hist('VD.2');
  assert.ok(h2.open, 'Enter on the summary opens the details');
  assert.match(h2.summary, /tiến độ theo quý/);
  assert.deepEqual(h2.rows, [
    'Quý I/2025 (14/03/2025) = Đang thực hiện · Đang lấy ý kiến (ví dụ)',
    'Quý II/2025 (14/06/2025) = Đã hoàn thành 20/04/2025 · Quyết định 15/QĐ-VD (ví dụ)',
  ]);
  const h4 = await hist('VD.4');
  assert.equal(h4.rows.length, 3, 'a recurring duty reported every quarter');
  const h5 = await hist('VD.5');
  assert.deepEqual(h5.rows, ['Quý III/2025 (14/09/2025) = Đã hoàn thành 10/09/2025 · https://example.org/vi-du/qd-45']);
  assert.equal(h5.links, 0, 'reported evidence is shown as text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('progress page: axe finds nothing, 360 px has no sideways scroll; screenshots', async () => {
  for (const width of [1280, 360]) {
    const { page, context, errors } = await progressPage({ viewport: { width, height: 900 } });
    await page.locator('#pg [data-id="VD.2"] summary').click();
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    const doc = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(doc <= width, `page scrolls sideways at ${width}: ${doc}px`);
    await screenshot(page, `tracker-progress-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

