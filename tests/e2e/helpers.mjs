// Shared plumbing for the end-to-end tests: a local server, Debian Chromium through
// playwright-core, console-error capture, waiting on widgets, axe-core, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../../tools/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export const WIDGETS = 'cchc-tthc-search, cchc-index-tracker, cchc-feedback-form, [data-cchc]';

/** Serves the repository root (so pages live at /www/..., a sub-folder like a portal's). */
export async function serve(opts = {}) {
  const server = createServer({ root: ROOT, testEndpoints: true, ...opts });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => server.closeAll() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens a page and records console errors and uncaught exceptions. */
export async function open(browser, url, { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true, ignore = [] } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (ignore.some((re) => re.test(text))) return;
    errors.push(text);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, errors };
}

/** Waits until every widget on the page has left the loading state; returns their states. */
export async function settled(page, timeout = 20000) {
  await page.waitForFunction((sel) => {
    const all = [...document.querySelectorAll(sel)];
    // A ready search widget goes on to attach its thesaurus (pkg/tinh-huong.tsv): wait for that too,
    // so that a test types into the engine the CLI runs.
    const search = (e) => e.localName === 'cchc-tthc-search' || e.dataset.cchc === 'tthc-search';
    return all.length > 0 && all.every((e) => e.dataset.state === 'error'
      || (e.dataset.state === 'ready' && (!search(e) || e.dataset.thesaurus)));
  }, WIDGETS, { timeout });
  return page.$$eval(WIDGETS, (els) => els.map((e) => ({
    id: e.id, kind: e.localName === 'div' ? e.dataset.cchc : e.localName, state: e.dataset.state,
  })));
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA); returns the violations. */
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  });
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Every procedure of a `tthc.json` (default: the demo's) with its details, read inline or from
 * its `details_url` file: `[{ p, d }]`, `d` `{}` when there are none. */
export function withDetails(data = path.join(ROOT, 'www/data/tthc.json')) {
  const list = JSON.parse(fs.readFileSync(data, 'utf8')).procedures;
  const files = new Map();
  return list.map((p) => {
    let d = p.details;
    if (!d && p.details_url) {
      if (!files.has(p.details_url)) {
        files.set(p.details_url, JSON.parse(fs.readFileSync(path.join(path.dirname(data), p.details_url), 'utf8')));
      }
      d = files.get(p.details_url)[p.code];
    }
    return { p, d: d || {} };
  });
}
