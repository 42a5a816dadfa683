// Startup benchmark (issue 10, point 7): how long a citizen on a low-end phone waits, from
// navigation start until every widget on a demo page is ready, in headless Debian Chromium.
//
//   node bench/startup.mjs [--runs N] [--pages search,tracker,form,all] [--www DIR] [--no-write]
//                          [--bundle-note TEXT]
//
// It first waits (up to two minutes) for the machine to be idle: a run started while a build or
// a test run is still finishing measured that, not the bundle (session 13: +50–100 ms).
//
// --www DIR measures another copy of the demo (e.g. `git archive HEAD www pkg | tar -x -C DIR`
// while pkg/ is being rebuilt); --bundle-note says in BENCHMARKS.md which bundle that was.
//
// Profile ("low-end phone"): viewport 360×740, 4× CPU slowdown (Emulation.setCPUThrottlingRate),
// Fast 3G (Network.emulateNetworkConditions: 1.6 Mbit/s = 200,000 B/s down, 750 kbit/s up,
// 150 ms latency per request), cold cache (a new browser context per run and
// Network.setCacheDisabled). The same pages are also measured unthrottled (cold cache, no
// emulation). The server compresses like a portal's: tools/serve.mjs with precompressed .br/.gz
// siblings when they exist and gzip level 6 on the fly otherwise.
//
// Time: an init script records performance.now() (origin: navigation start) when each widget
// element first has data-state="ready" (a MutationObserver on the attribute, plus the bubbling
// cchc-ready event); the page's time is the latest of its widgets. A widget in data-state="error",
// or a page not ready within the time limit, is a failure: its console errors are printed and
// the script exits nonzero.
//
// Waterfall: for the throttled run closest to the median of each page, the requests as CDP
// Network events report them (requestWillBeSent, responseReceived, loadingFinished with
// encodedDataLength = bytes on the wire, headers included). Nothing here knows the bundle's file
// names: they are whatever the page requested. Floor = wire bytes ÷ 200,000 B/s + round trips on
// the critical path × 150 ms, where a request's round-trip depth is 1 for the page, 2 for what
// the HTML parser requested, and otherwise 1 + the deepest request that had finished before it
// started (the loader's import, then the wasm the glue fetches, then the data the widget fetches).
//
// Writes bench/results/startup.json and the `startup` section of BENCHMARKS.md (unless --no-write).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { createServer } from '../tools/serve.mjs';
import { updateSection } from './sections.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RESULTS = path.join(HERE, 'results', 'startup.json');

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt; };
const RUNS = Math.max(1, Number(opt('--runs', '7')) || 7);
const WWW = path.resolve(opt('--www', path.join(ROOT, 'www')));
const WRITE = !argv.includes('--no-write');
const BUNDLE_NOTE = opt('--bundle-note', null);

const PAGES = [
  { name: 'search', file: 'tra-cuu-thu-tuc.html', goal: 2000, what: 'TTHC search' },
  { name: 'tracker', file: 'chi-tieu-cchc.html', goal: 1500, what: 'index tracker' },
  { name: 'form', file: 'phan-anh-kien-nghi.html', goal: 1500, what: 'feedback form' },
  { name: 'all', file: 'index.html', goal: 2500, what: 'all three widgets' },
];
const only = opt('--pages', null);
const pages = only ? PAGES.filter((p) => only.split(',').includes(p.name)) : PAGES;

const PROFILE = {
  viewport: { width: 360, height: 740 },
  cpuRate: 4,
  downBps: 200000, // 1.6 Mbit/s
  upBps: 93750, // 750 kbit/s
  latencyMs: 150,
};
const LIMIT_MS = { throttled: 60000, unthrottled: 30000 };
const WIDGETS = 'cchc-tthc-search, cchc-index-tracker, cchc-feedback-form, [data-cchc]';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r1 = (x) => Math.round(x * 10) / 10;

// Runs in every page before its scripts: records when each widget first reports ready or error.
function recorder(selector) {
  const seen = new Map();
  const note = (el, state, message) => {
    if (!el || el.nodeType !== 1 || !el.matches(selector)) return;
    const prev = seen.get(el);
    if (prev && prev.state === state) { if (message) prev.message = message; return; }
    if (prev && prev.state === 'ready') return; // first ready wins
    seen.set(el, { state, t: performance.now(), message });
  };
  new MutationObserver((records) => {
    for (const r of records) note(r.target, r.target.getAttribute('data-state'));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  document.addEventListener('cchc-ready', (e) => note(e.target, 'ready'), true);
  document.addEventListener('cchc-error', (e) => note(e.target, 'error', e.detail && e.detail.message), true);
  window.__startup = () => {
    const all = [...document.querySelectorAll(selector)];
    return all.map((el) => {
      const s = seen.get(el);
      return { kind: el.localName === 'div' ? el.dataset.cchc : el.localName.replace(/^cchc-/, ''),
        state: s ? s.state : el.dataset.state || null, t: s ? s.t : null, ...(s && s.message ? { message: String(s.message) } : {}) };
    });
  };
}

function summary(times) {
  return { runs: times.length, median_ms: r1(median(times)), min_ms: r1(Math.min(...times)), max_ms: r1(Math.max(...times)), all_ms: times.map(r1) };
}

async function measure(browser, base, page, throttled) {
  const context = await browser.newContext({ viewport: PROFILE.viewport, locale: 'vi-VN' });
  const tab = await context.newPage();
  const errors = [];
  tab.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url;
    errors.push(where && !m.text().includes(where) ? `${m.text()} (${where.replace(base, '')})` : m.text());
  });
  tab.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const cdp = await context.newCDPSession(tab);
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    reqs.set(e.requestId, { url: e.request.url, type: e.type, initiator: e.initiator?.type, start: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId); if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status; r.encoding = h['content-encoding'] || 'identity'; r.mime = e.response.mimeType;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId); if (!r) return;
    r.end = e.timestamp; r.wire = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = reqs.get(e.requestId); if (!r) return;
    r.end = e.timestamp; r.failed = e.errorText;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuRate });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.latencyMs,
      downloadThroughput: PROFILE.downBps, uploadThroughput: PROFILE.upBps });
  }
  await tab.addInitScript(recorder, WIDGETS);
  const limit = throttled ? LIMIT_MS.throttled : LIMIT_MS.unthrottled;
  let widgets = [];
  let failure = null;
  try {
    await tab.goto(`${base}/${page.file}`, { waitUntil: 'domcontentloaded', timeout: limit });
    await tab.waitForFunction(() => {
      const w = window.__startup();
      return w.length > 0 && w.every((x) => x.t != null && (x.state === 'ready' || x.state === 'error'));
    }, null, { timeout: limit, polling: 100 });
    widgets = await tab.evaluate(() => window.__startup());
    if (widgets.some((w) => w.state !== 'ready')) failure = 'a widget is in data-state="error"';
  } catch (e) {
    failure = `not ready within ${limit / 1000} s (${e.message.split('\n')[0]})`;
    widgets = await tab.evaluate(() => window.__startup?.() || []).catch(() => []);
  }
  const fetchStart = await tab.evaluate(() => performance.getEntriesByType('navigation')[0]?.fetchStart ?? 0).catch(() => 0);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
  await context.close();

  const readyMs = widgets.length && !failure ? Math.max(...widgets.map((w) => w.t)) : null;
  const firstMs = widgets.length && !failure ? Math.min(...widgets.map((w) => w.t)) : null;
  return { readyMs, widgets, failure, errors, waterfall: waterfall([...reqs.values()], base, fetchStart, readyMs, firstMs) };
}

/** Requests relative to navigation start, with round-trip depth; only those begun before ready.
 * `after_last_byte_ms`: ready minus the last byte of what the page asked for before its first
 * widget was ready (the main thread's own work once the startup files are in; a file a ready
 * widget asks for later, such as the search's words, does not count). */
function waterfall(list, base, fetchStart, readyMs, firstMs) {
  if (!list.length) return null;
  const doc = list.reduce((a, b) => (b.start < a.start ? b : a));
  const t = (ts) => (ts - doc.start) * 1000 + fetchStart;
  const rows = list
    .map((r) => ({
      path: (r.url.startsWith(base) ? r.url.slice(base.length) : r.url).split('?')[0],
      type: r.type, initiator: r.initiator, status: r.status ?? null, encoding: r.encoding ?? null,
      start_ms: r1(t(r.start)), end_ms: r.end != null ? r1(t(r.end)) : null, wire_bytes: r.wire ?? 0,
      failed: r.failed || undefined,
    }))
    .sort((a, b) => a.start_ms - b.start_ms);
  for (const r of rows) {
    if (r === rows[0]) { r.depth = 1; continue; }
    if (r.initiator === 'parser') { r.depth = 2; continue; }
    const before = rows.filter((q) => q !== r && q.depth != null && q.end_ms != null && q.end_ms <= r.start_ms);
    r.depth = 1 + Math.max(1, ...before.map((q) => q.depth));
  }
  const needed = readyMs == null ? rows : rows.filter((r) => r.start_ms <= readyMs);
  const bytes = needed.reduce((s, r) => s + r.wire_bytes, 0);
  const trips = Math.max(...needed.map((r) => r.depth));
  const lastByte = Math.max(...needed.map((r) => r.end_ms ?? 0));
  const floorMs = (bytes / PROFILE.downBps) * 1000 + trips * PROFILE.latencyMs;
  const startup = firstMs == null ? [] : rows.filter((r) => r.start_ms <= firstMs && r.end_ms != null);
  const after = readyMs == null || !startup.length ? null : r1(readyMs - Math.max(...startup.map((r) => r.end_ms)));
  return { requests: rows, after_last_byte_ms: after, before_ready: needed.length, wire_bytes: bytes, round_trips: trips,
    transfer_ms: r1((bytes / PROFILE.downBps) * 1000), floor_ms: r1(floorMs), last_byte_ms: r1(lastByte),
    ready_ms: readyMs == null ? null : r1(readyMs), above_floor_ms: readyMs == null ? null : r1(readyMs - floorMs) };
}

function machine(loadBefore, browser) {
  return {
    cpu: os.cpus()[0]?.model || 'unknown', cores: os.cpus().length, os: `${os.type()} ${os.release()} ${os.arch()}`,
    browser: `Chromium ${browser}`, node: process.version,
    loadavg: { before: loadBefore, after: Math.round(os.loadavg()[0] * 100) / 100 },
    idle_wait: idleWait,
  };
}

function bundleInfo(results) {
  let version = null;
  try { version = fs.readFileSync(path.join(WWW, 'pkg', 'VERSION'), 'utf8').trim(); } catch { /* none */ }
  const files = new Set();
  for (const p of results) for (const r of p.waterfall?.requests || []) if (r.path.startsWith('/pkg/')) files.add(r.path.slice(5));
  let where = BUNDLE_NOTE;
  if (!where && WWW === path.join(ROOT, 'www')) {
    const git = (...a) => spawnSync('git', ['-C', ROOT, ...a], { encoding: 'utf8' }).stdout.trim();
    const head = git('rev-parse', '--short', 'HEAD');
    if (head) where = `pkg/ of commit ${head}${git('status', '--porcelain', '--', 'pkg') ? ' with uncommitted changes' : ''}`;
  }
  return { version, files: [...files].sort(), where };
}

// ---------- output ----------

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const fmt = (x) => (x == null ? '–' : String(Math.round(x)));

function stdoutTable(results) {
  const rows = [['page', 'widgets', 'throttled median', 'min', 'max', 'goal', 'unthrottled median', 'min', 'max', 'wire', 'floor', 'above floor', 'after last byte']];
  for (const p of results) {
    const t = p.throttled; const u = p.unthrottled; const w = p.waterfall;
    rows.push([p.name, String(p.widgets.length), fmt(t?.median_ms), fmt(t?.min_ms), fmt(t?.max_ms), `≤ ${p.goal_ms}`,
      fmt(u?.median_ms), fmt(u?.min_ms), fmt(u?.max_ms), w ? kb(w.wire_bytes) : '–', w ? fmt(w.floor_ms) : '–', w?.above_floor_ms != null ? fmt(w.above_floor_ms) : '–', fmt(p.after_last_byte?.median_ms)]);
  }
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  const out = [line(rows[0]), ...rows.slice(1).map(line)];
  for (const p of results) {
    const w = p.waterfall; if (!w) continue;
    out.push('', `${p.name} (${p.file}), throttled run ${p.waterfall_run + 1}, ready at ${fmt(w.ready_ms)} ms:`);
    for (const r of w.requests) {
      out.push(`  ${String(r.depth).padStart(2)}  ${fmt(r.start_ms).padStart(6)} → ${fmt(r.end_ms).padStart(6)} ms  ${String(r.wire_bytes).padStart(8)} B  ${(r.encoding || '').padEnd(8)} ${r.path}${r.start_ms > (w.ready_ms ?? Infinity) ? '  (after ready)' : ''}`);
    }
    out.push(`  floor: ${w.wire_bytes} B ÷ 200,000 B/s = ${fmt(w.transfer_ms)} ms + ${w.round_trips} round trips × 150 ms = ${fmt(w.floor_ms)} ms; ready ${fmt(w.above_floor_ms)} ms above it; last byte at ${fmt(w.last_byte_ms)} ms, ready ${fmt(w.ready_ms - w.last_byte_ms)} ms after it`);
  }
  return out.join('\n');
}

function markdown(r) {
  const m = r.machine;
  const lines = [
    '## Startup on a low-end phone: navigation to ready',
    '',
    `Measured ${r.date} on ${m.cpu} (${m.cores} cores), ${m.os}, ${m.browser} headless, node ${m.node}, load average ${m.loadavg.before} → ${m.loadavg.after} (CPU ${m.idle_wait?.busy_at_start == null ? '?' : Math.round(m.idle_wait.busy_at_start * 100) + ' %'} busy at the start, after waiting ${m.idle_wait?.waited_s ?? 0} s for an idle machine); \`node bench/startup.mjs\` (${r.runs} runs per page and profile).`,
    `Bundle: version ${r.bundle.version ?? '?'}${r.bundle.where ? ` (${r.bundle.where})` : ''}; files the pages fetched from \`pkg/\`: ${r.bundle.files.map((f) => `\`${f}\``).join(', ') || '–'}.`,
    '',
    'Profile: viewport 360×740, 4× CPU slowdown, Fast 3G (1.6 Mbit/s = 200,000 B/s down, 750 kbit/s up, 150 ms latency per request), cold cache (new browser context per run, cache disabled). Server: `tools/serve.mjs` compressing like a portal (precompressed `.br`/`.gz` beside a file when present, otherwise gzip level 6). Time: navigation start → every widget on the page has `data-state="ready"` (the latest widget).',
    '',
    '| page | widgets | 4× CPU + Fast 3G median ms | min | max | goal | unthrottled median ms | min | max | wire bytes | floor ms | median − floor | ready − last byte, median ms (min–max) |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const p of r.pages) {
    const t = p.throttled; const u = p.unthrottled; const w = p.waterfall;
    const ok = t && t.median_ms <= p.goal_ms ? '✓' : '✗';
    lines.push(`| ${p.what} (\`${p.file}\`) | ${p.widgets.length} | ${fmt(t?.median_ms)} | ${fmt(t?.min_ms)} | ${fmt(t?.max_ms)} | ≤ ${p.goal_ms} ${t ? ok : ''} | ${fmt(u?.median_ms)} | ${fmt(u?.min_ms)} | ${fmt(u?.max_ms)} | ${w ? w.wire_bytes.toLocaleString('en-US') : '–'} | ${w ? fmt(w.floor_ms) : '–'} | ${t && w ? fmt(t.median_ms - w.floor_ms) : '–'} | ${p.after_last_byte ? `${fmt(p.after_last_byte.median_ms)} (${fmt(p.after_last_byte.min_ms)}–${fmt(p.after_last_byte.max_ms)})` : '–'} |`);
  }
  lines.push('', 'Floor: wire bytes ÷ 200,000 B/s + round trips on the critical path × 150 ms (the least any code could take on this network: the bytes must arrive and each dependent request waits one latency). Wire bytes: what the page downloaded before it was ready (headers included). Ready − last byte: per throttled run, ready minus the last byte of the files the page asked for before its first widget was ready: the widgets\' own work at 4× slowdown once their code and data are in, less noisy than the end-to-end time for judging a change to that work.');
  lines.push('', 'Waterfall of the throttled run closest to the median (ms from navigation start; RT = round-trip depth: 1 the page, 2 what the HTML asks for, then each request that could only start after another finished):');
  for (const p of r.pages) {
    const w = p.waterfall; if (!w) continue;
    lines.push('', `**${p.what}** (\`${p.file}\`), ready at ${fmt(w.ready_ms)} ms:`, '',
      '| request | encoding | RT | start | end | wire bytes |', '|---|---|---:|---:|---:|---:|');
    for (const q of w.requests) {
      const late = w.ready_ms != null && q.start_ms > w.ready_ms;
      lines.push(`| \`${q.path}\`${late ? ' (after ready)' : ''} | ${q.encoding ?? (q.failed ? 'failed' : '–')} | ${q.depth} | ${fmt(q.start_ms)} | ${fmt(q.end_ms)} | ${q.wire_bytes.toLocaleString('en-US')} |`);
    }
    lines.push('', `Floor: ${w.wire_bytes.toLocaleString('en-US')} B ÷ 200,000 B/s = ${fmt(w.transfer_ms)} ms + ${w.round_trips} round trips × 150 ms = **${fmt(w.floor_ms)} ms**; ready ${fmt(w.above_floor_ms)} ms above it. Last byte at ${fmt(w.last_byte_ms)} ms; ready ${fmt(w.ready_ms - w.last_byte_ms)} ms after it (main-thread work at 4× slowdown once everything has arrived).`);
  }
  return lines.join('\n');
}

// ---------- main ----------

if (!fs.existsSync(path.join(WWW, pages[0]?.file || 'index.html'))) {
  console.error(`no demo pages in ${WWW}`);
  process.exit(2);
}
// The share of CPU time the machine spent busy over `ms` (from /proc/stat; null elsewhere).
async function busyShare(ms) {
  const read = () => {
    try {
      const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] || 0), total: f.reduce((a, b) => a + b, 0) };
    } catch { return null; }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  return a && b && b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}
const waitStart = Date.now();
let busy = await busyShare(1000);
while (busy != null && busy > 0.15 && Date.now() - waitStart < 120000) {
  console.error(`waiting for an idle machine: ${Math.round(busy * 100)} % busy`);
  busy = await busyShare(2000);
}
const idleWait = { waited_s: Math.round((Date.now() - waitStart) / 1000), busy_at_start: busy == null ? null : Math.round(busy * 100) / 100 };
const loadBefore = Math.round(os.loadavg()[0] * 100) / 100;
const server = createServer({ root: WWW, compress: true, precompressed: true });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const browserVersion = browser.version();

const results = pages.map((p) => ({ name: p.name, file: p.file, what: p.what, goal_ms: p.goal, widgets: [], runs: { throttled: [], unthrottled: [] }, failures: [] }));
try {
  // Interleaved (run i of every page and profile before run i + 1) so that a noisy moment on the
  // machine spreads over all pages instead of spoiling one.
  for (let i = 0; i < RUNS; i++) {
    for (const [k, p] of pages.entries()) {
      for (const profile of ['throttled', 'unthrottled']) {
        const m = await measure(browser, base, p, profile === 'throttled');
        const res = results[k];
        if (m.failure) {
          res.failures.push({ profile, run: i + 1, failure: m.failure, widgets: m.widgets, console_errors: m.errors });
          console.error(`${p.name} (${profile}, run ${i + 1}): ${m.failure}`);
          for (const e of m.errors) console.error(`  console: ${e}`);
          continue;
        }
        res.widgets = m.widgets.map((w) => w.kind);
        res.runs[profile].push({ ready_ms: m.readyMs, widgets: m.widgets, waterfall: m.waterfall, console_errors: m.errors });
        console.error(`${p.name} ${profile} run ${i + 1}: ${fmt(m.readyMs)} ms`);
      }
    }
  }
} finally {
  await browser.close();
  server.closeAll();
}

for (const res of results) {
  for (const profile of ['throttled', 'unthrottled']) {
    const times = res.runs[profile].map((x) => x.ready_ms);
    res[profile] = times.length ? summary(times) : null;
  }
  const after = res.runs.throttled.map((x) => x.waterfall?.after_last_byte_ms).filter((x) => x != null);
  res.after_last_byte = after.length ? summary(after) : null;
  const th = res.runs.throttled;
  if (th.length) {
    const med = median(th.map((x) => x.ready_ms));
    let best = 0;
    th.forEach((x, j) => { if (Math.abs(x.ready_ms - med) < Math.abs(th[best].ready_ms - med)) best = j; });
    res.waterfall = th[best].waterfall;
    res.waterfall_run = best;
  } else {
    res.waterfall = null;
  }
}

const result = {
  date: new Date().toISOString(),
  machine: machine(loadBefore, browserVersion),
  runs: RUNS,
  profile: { ...PROFILE, cache: 'cold: new context per run + Network.setCacheDisabled', server: 'tools/serve.mjs, precompressed siblings + gzip level 6 on the fly' },
  bundle: bundleInfo(results),
  pages: results.map(({ runs, ...rest }) => ({ ...rest, unthrottled_runs: runs.unthrottled.map((x) => x.ready_ms), throttled_widgets: runs.throttled.map((x) => x.widgets) })),
};

console.log(stdoutTable(result.pages));
const failed = result.pages.filter((p) => p.failures.length);
if (WRITE) {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  console.error(`wrote ${path.relative(ROOT, RESULTS)}`);
  if (!failed.length) {
    updateSection('startup', markdown(result));
    console.error('updated BENCHMARKS.md (startup section)');
  }
}
if (failed.length) {
  console.error(`\nFAILED: ${failed.map((p) => `${p.name} (${p.failures.length} run${p.failures.length > 1 ? 's' : ''})`).join(', ')} never became ready:`);
  for (const p of failed) {
    const f = p.failures[0];
    console.error(`  ${p.name} ${f.profile} run ${f.run}: ${f.failure}; widgets ${JSON.stringify(f.widgets)}`);
    for (const e of f.console_errors) console.error(`    console: ${e}`);
  }
  process.exitCode = 1;
}
