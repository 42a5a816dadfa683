// Development only (issue 10): one load of a demo page (default index.html) under the startup
// benchmark's low-end profile (4× CPU, Fast 3G, cold cache) with a Chromium trace. Prints the
// page's performance marks (the tracker's `cchc:index-tracker:*`, and any added while profiling)
// and each main-thread task over 8 ms after 1.4 s with the work inside it, grouped. Tracing slows
// the page: read the proportions, not the absolute times (those are `cargo xtask bench startup`'s).
// Usage: node bench/trace-startup.mjs [index.html]
// Env: FROM, TO (ms, default 1400 and no end) the window of tasks to list, MIN (ms, default 8)
// the shortest task listed; EARLY=1 also lists the requests as sent and the page's parse, script,
// style, layout and paint events in its first second (where the loader's start goes).
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/helpers.mjs';
const file = process.argv[2] || 'index.html';
const srv = await serve(process.env.ROOT ? { root: process.env.ROOT } : {});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
if (process.env.EARLY) await context.addInitScript(() => {
  const f = window.fetch;
  window.fetch = function (u, o) { performance.mark('fetch ' + String(u && u.url || u).replace(/^.*\//, '').slice(0, 30)); return f.call(this, u, o); };
  document.addEventListener('DOMContentLoaded', () => performance.mark('DOMContentLoaded'));
});
const tab = await context.newPage();
const cdp = await context.newCDPSession(tab);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 });
await browser.startTracing(tab, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
await tab.goto(`${srv.base}/www/${file}`);
await tab.waitForFunction(() => { const w = [...document.querySelectorAll('cchc-tthc-search, cchc-index-tracker, [data-cchc]')]; return w.length && w.every((e) => e.dataset.state === 'ready'); }, null, { timeout: 60000, polling: 50 });
const marks = await tab.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const nav = ev.find((e) => e.name === 'TracingStartedInBrowser');
const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const t0 = ev.filter((e) => e.name === 'navigationStart').map((e) => e.ts).sort((a, b) => b - a)[0] || nav.ts;
const tasks = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0);
console.log('marks', JSON.stringify(marks));
const ms = (e) => (e.ts - t0) / 1000;
if (process.env.EARLY) {
  const path = (e) => e.args?.data?.url?.replace(/^.*\/\/[^/]+/, '') || '';
  for (const e of ev.filter((e) => e.name === 'ResourceSendRequest')) console.log('send', ms(e).toFixed(0), path(e));
  const ids = new Map(ev.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args.data.requestId, path(e)]));
  for (const e of ev.filter((e) => e.name === 'ResourceFinish')) console.log('done', ms(e).toFixed(0), ids.get(e.args.data.requestId));
  const early = ['EvaluateScript', 'v8.compile', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint'];
  for (const e of ev.filter((e) => early.includes(e.name) && ms(e) < 1000)) console.log(e.name, ms(e).toFixed(0), `+${(e.dur / 1000).toFixed(1)}`, path(e));
}
// Top-level tasks with their biggest children, in the window.
const [from, to, min] = [+(process.env.FROM || 1400), +(process.env.TO || Infinity), +(process.env.MIN || 8) * 1000];
const top = tasks.filter((e) => e.name === 'RunTask' && ms(e) > from && ms(e) < to).sort((a, b) => a.ts - b.ts);
for (const t of top) {
  if (t.dur < min) continue;
  const kids = tasks.filter((k) => k !== t && k.ts >= t.ts && k.ts + k.dur <= t.ts + t.dur && k.name !== 'RunTask');
  const by = {};
  for (const k of kids) by[k.name] = (by[k.name] || 0) + k.dur;
  const list = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 7).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`);
  console.log(`${((t.ts - t0) / 1000).toFixed(0)} +${(t.dur / 1000).toFixed(0)} ms: ${list.join(', ')}`);
}
await browser.close(); srv.close();
