// Renders bench/results/relevance-speed.json as Markdown tables for BENCHMARKS.md.
// Usage: node bench/markdown.mjs [bench/results/relevance-speed.json]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fmt = (x, d = 2) => (x == null ? '–' : Number(x).toFixed(d));
const kb = (b) => (b == null ? '–' : `${(b / 1024).toFixed(0)} KB`);

/** Main table: one row per engine and corpus size, plus per-category S@3 at the first size. */
export function renderMarkdown(result) {
  const lines = [];
  const m = result.machine || {};
  lines.push(`Measured ${result.date || ''} on ${m.cpu || '?'} (${m.cores || '?'} cores), ${m.os || ''}, ` +
    `${result.browser || 'Chromium'} headless, node ${m.node || ''}` +
    (m.loadavg ? `, load average ${m.loadavg.before} → ${m.loadavg.after}. ` : '. ') +
    `Query set: ${result.querySet ? result.querySet.n : '?'} queries (${(result.querySet && result.querySet.file) || 'tests/relevance/queries.tsv'}).`);
  lines.push('');
  lines.push('| Engine | Records | Data gzip | S@3 | MRR@10 | Build (median) ms | Query p50 ms | Query p95 ms | Memory MB |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const ds of result.datasets || []) {
    for (const e of ds.engines || []) {
      if (e.skipped || e.error) {
        lines.push(`| ${e.engine} | ${ds.records} | ${kb(ds.gzipBytes)} | ${e.skipped ? 'skipped' : 'error'} | | | | | |`);
        continue;
      }
      const r = e.relevance || {};
      const q = e.query || {};
      lines.push(`| ${e.engine}${e.version ? ' ' + e.version : ''} | ${ds.records} | ${kb(ds.gzipBytes)} | ` +
        `${fmt(r.s3, 3)} | ${fmt(r.mrr10, 3)} | ${fmt(e.buildMs && e.buildMs.median, 1)} | ` +
        `${fmt(q.p50, 3)} | ${fmt(q.p95, 3)} | ${e.wasmMemoryMB != null ? fmt(e.wasmMemoryMB, 1) + ' (wasm)' : fmt(e.heapDeltaMB, 1)} |`);
    }
  }
  lines.push('');
  lines.push('Build: from the JSON text to a ready index (median of several builds). Memory: growth of the JS heap ' +
    'after the builds, or for the wasm engine the growth of its linear memory (the previous index is freed before each build; ' +
    'wasm memory never shrinks, so this is the high-water mark, parse buffers included). Data gzip: the JSON text all engines ' +
    'load (the national compact records); the widget\'s own tthc.json for 2,642 procedures is 93,736 bytes gzip (portal links, times and fees are in its details files).');
  const first = (result.datasets || [])[0];
  if (first) {
    const engines = first.engines.filter((e) => e.relevance);
    const cats = Object.keys((engines[0] && engines[0].relevance.byCategory) || {});
    if (engines.length && cats.length) {
      lines.push('');
      lines.push(`S@3 by query category (${first.records} records):`);
      lines.push('');
      lines.push(`| Category | n | ${engines.map((e) => e.engine).join(' | ')} |`);
      lines.push(`|---|---:|${engines.map(() => '---:').join('|')}|`);
      for (const c of cats) {
        const n = engines[0].relevance.byCategory[c].n;
        lines.push(`| ${c} | ${n} | ${engines.map((e) => fmt((e.relevance.byCategory[c] || {}).s3, 2)).join(' | ')} |`);
      }
    }
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] || new URL('./results/relevance-speed.json', import.meta.url);
  process.stdout.write(renderMarkdown(JSON.parse(readFileSync(file, 'utf8'))) + '\n');
}
