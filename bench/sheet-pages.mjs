// Development only (issue 15): how many A4 pages each procedure's printed sheet takes, against its
// budget (≤ 2 pages under 5,000 characters of documents and steps, else ceil(chars/3500) + 1).
// Writes one booklet (`cchc sheet --all`, or `--field`), loads it in Debian Chromium, prints it
// to A4 PDFs a chunk of sheets at a time (the cover left out; each sheet starts a new page), and
// maps each PDF page to its sheet: a sheet's first page begins with the sheet's kicker and shows
// its code. Reports every sheet over its budget (or with a line cut at a page edge), with what
// makes it long.
//
// Usage: node bench/sheet-pages.mjs [--field "Hộ tịch"] [--chunk 80] [--cli target/debug/cchc]
//                                   [--json out.json] [--top 25]
// Needs the CLI built (`cargo build --bin cchc`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ROOT, launch, withDetails } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const FIELD = opt('field');
const CHUNK = Number(opt('chunk', '80'));
const CLI = path.resolve(ROOT, opt('cli', 'target/debug/cchc'));
const JSON_OUT = opt('json');
const TOP = Number(opt('top', '25'));
const DATA = path.join(ROOT, 'www/data/tthc.json');
const CONTACTS = path.join(ROOT, 'www/data/lien-he.json');
const KICKER = 'Phiếu hướng dẫn thủ tục hành chính';
const CHANNEL_MAX = 160; // src/sheet/mod.rs: a channel line is cut to about this many characters

const MM = 72 / 25.4;
const PAGE_H = 297 * MM;
const TOP_M = 10 * MM;
const BOTTOM_M = 12 * MM;

export const budget = (chars) => (chars < 5000 ? 2 : Math.ceil(chars / 3500) + 1);
const len = (s) => [...(s || '')].length;
const sum = (a) => a.reduce((n, s) => n + len(s), 0);

/** Every procedure with what its sheet prints, measured in characters. */
function procedures() {
  const out = new Map();
  for (const { p, d } of withDetails(DATA)) {
    const docs = d.documents || [];
    const steps = d.steps || [];
    const legal = d.legal_basis || [];
    out.set(p.code, {
      code: p.code, field: p.field,
      chars: sum(docs) + sum(steps),
      docs: docs.length, docChars: sum(docs), steps: steps.length, stepChars: sum(steps),
      legal: legal.length, legalChars: sum(legal),
      channelChars: (d.channels || []).reduce((n, c) => n + Math.min(len(c), CHANNEL_MAX + 45), 0),
      factChars: len(p.name) + len(d.audience) + len(d.result) + len(d.fee) + len(d.time)
        + sum(p.agencies || []) + sum(p.levels || []),
    });
  }
  return out;
}

/** What makes a sheet long, in words: the parts outside the budget's characters first. */
function why(m) {
  const parts = [];
  if (m.legalChars > 600) parts.push(`legal basis ${m.legalChars} ch in ${m.legal} lines`);
  if (m.docs > 20) parts.push(`${m.docs} documents`);
  if (m.channelChars > 400) parts.push(`channels ${m.channelChars} ch`);
  if (m.factChars > 500) parts.push(`facts ${m.factChars} ch`);
  if (m.chars >= 5000) parts.push(`${m.chars} ch of documents+steps`);
  else if (m.chars > 3500) parts.push(`${m.chars} ch of documents+steps, near 5,000`);
  return parts.join('; ') || 'no single part';
}

async function main() {
  const t0 = Date.now();
  const info = procedures();
  const out = path.join(os.tmpdir(), `sheet-pages-${process.pid}.html`);
  execFileSync(CLI, ['sheet', '--data', DATA, '--contacts', CONTACTS, '--published', '2026-05-04',
    ...(FIELD ? ['--field', FIELD] : ['--all']), '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  const page = await context.newPage();
  await page.goto(`file://${out}`, { timeout: 300000 });
  // Take every sheet out of the document, keep them in order; the cover goes.
  const codes = await page.evaluate(() => {
    const main = document.querySelector('main');
    window.__sheets = [...main.querySelectorAll('article.sheet')];
    main.replaceChildren();
    return window.__sheets.map((a) => a.dataset.code);
  });
  console.error(`# ${codes.length} sheets in ${out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const results = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    await page.evaluate(([a, b]) => {
      document.querySelector('main').replaceChildren(...window.__sheets.slice(a, b));
    }, [i, i + CHUNK]);
    const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
    const chunk = codes.slice(i, i + CHUNK);
    let k = -1;
    const pages = chunk.map(() => 0);
    const cuts = chunk.map(() => 0);
    for (let n = 1; n <= doc.numPages; n++) {
      const pg = await doc.getPage(n);
      const { items } = await pg.getTextContent();
      const texts = items.map((it) => it.str.trim()).filter((s) => s && !/^Trang \d+\/\d+$/.test(s));
      const joined = texts.join(' ');
      // A sheet's first page: its kicker on top, and the next sheet's code in its facts.
      if (texts[0] === KICKER && k + 1 < chunk.length && joined.includes(chunk[k + 1])) k++;
      if (k < 0) throw new Error(`page ${n} of chunk ${i} before any sheet`);
      pages[k]++;
      for (const it of items) {
        if (!it.str.trim() || /^Trang \d+\/\d+$/.test(it.str.trim())) continue;
        const y = it.transform[5];
        const h = it.height || it.transform[3];
        if (y - 0.25 * h < BOTTOM_M - 1 || y + 0.75 * h > PAGE_H - TOP_M + 1) cuts[k]++;
      }
    }
    if (k !== chunk.length - 1) throw new Error(`chunk ${i}: found ${k + 1} of ${chunk.length} sheets`);
    await doc.destroy();
    chunk.forEach((code, j) => {
      const m = info.get(code);
      results.push({ ...m, pages: pages[j], budget: budget(m.chars), cuts: cuts[j] });
    });
    process.stderr.write(`\r# ${Math.min(i + CHUNK, codes.length)}/${codes.length} sheets`);
  }
  process.stderr.write('\n');
  await browser.close();
  fs.rmSync(out, { force: true });

  const over = results.filter((r) => r.pages > r.budget).sort((a, b) => (b.pages - b.budget) - (a.pages - a.budget) || b.pages - a.pages || b.legalChars - a.legalChars);
  const cut = results.filter((r) => r.cuts > 0);
  const hist = {};
  for (const r of results) hist[r.pages] = (hist[r.pages] || 0) + 1;
  console.log(`sheets: ${results.length}; total pages: ${results.reduce((n, r) => n + r.pages, 0)}; `
    + `sum of budgets: ${results.reduce((n, r) => n + r.budget, 0)}; pages per sheet: ${JSON.stringify(hist)}`);
  console.log(`over budget: ${over.length}; with cut lines: ${cut.length}`);
  const row = (r) => `${r.code.padEnd(10)} ${String(r.pages).padStart(2)}/${r.budget}  chars ${String(r.chars).padStart(6)}  `
    + `docs ${String(r.docs).padStart(3)}  steps ${String(r.stepChars).padStart(5)} ch  legal ${String(r.legalChars).padStart(5)} ch  `
    + `cuts ${r.cuts}  ${why(r)}  [${r.field}]`;
  for (const r of over.slice(0, TOP)) console.log(row(r));
  if (over.length > TOP) console.log(`… ${over.length - TOP} more`);
  for (const r of cut.filter((r) => r.pages <= r.budget).slice(0, 10)) console.log(`cut: ${row(r)}`);
  // Closest to their budget among those within it: what a tighter layout must not push over.
  const tight = results.filter((r) => r.pages === r.budget).length;
  console.log(`at exactly their budget: ${tight}`);
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ field: FIELD || null, results }, null, 1));
  console.error(`# ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
