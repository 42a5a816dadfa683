// Rewrites one generated section of BENCHMARKS.md, between `<!-- NAME:start -->` and
// `<!-- NAME:end -->`, leaving the rest of the file (hand-written context) untouched.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../BENCHMARKS.md');

export function updateSection(name, markdown) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let doc = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS, doc);
}

const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');
const ms = (x) => (x == null ? '–' : `${Math.round(x * 100) / 100}`);

/** Markdown for bench/results/tracker.json (written by bench/tracker.mjs). */
export function trackerMarkdown(r) {
  const f = r.first_render_ms; const fl = r.filter_ms;
  return [
    `Measured ${r.date.slice(0, 10)} on ${r.machine}, ${r.browser}; ${r.runs} runs; data: ${r.data.tasks} tasks and ${r.data.indicators} indicators (${Math.round(r.data.bytes / 1024)} KB JSON, ${r.data.source}).`,
    '',
    '| measure | median ms | min | max | goal |',
    '|---|---:|---:|---:|---|',
    `| data fetched → rendered (first render) | ${ms(f.fetched_to_rendered.median)} | ${ms(f.fetched_to_rendered.min)} | ${ms(f.fetched_to_rendered.max)} | ≤ ${r.goals_ms.first_render} |`,
    `| … parse the file | ${ms(f.parse.median)} | ${ms(f.parse.min)} | ${ms(f.parse.max)} | |`,
    `| … evaluate statuses | ${ms(f.evaluate.median)} | ${ms(f.evaluate.min)} | ${ms(f.evaluate.max)} | |`,
    `| … build the DOM | ${ms(f.dom.median)} | ${ms(f.dom.min)} | ${ms(f.dom.max)} | |`,
    `| element inserted → ready | ${ms(f.connect_to_ready.median)} | ${ms(f.connect_to_ready.min)} | ${ms(f.connect_to_ready.max)} | |`,
    `| filter: handler | ${ms(fl.handler.median)} | ${ms(fl.handler.min)} | ${ms(fl.handler.max)} | |`,
    `| filter: handler + layout | ${ms(fl.handler_and_layout.median)} | ${ms(fl.handler_and_layout.min)} | ${ms(fl.handler_and_layout.max)} | ≤ ${r.goals_ms.filter} |`,
    '',
    `Rendered at first: ${r.rendered.tasks} tasks and ${r.rendered.indicators} indicators (${r.rendered.note}).`,
  ].join('\n');
}

/** Markdown for bench/results/form.json (written by bench/form.mjs). */
export function formMarkdown(r) {
  const v = r.validate_full_form; const e = r.validate_empty_form; const t = r.time_to_interactive;
  return [
    `Measured ${r.measured.slice(0, 10)} on ${r.machine}, ${r.browser}.`,
    '',
    '| measure | median ms | p95 ms | max ms | goal |',
    '|---|---:|---:|---:|---|',
    `| validate the full default form (${v.fields} fields, ${v.filled} filled; ${v.runs} runs) | ${ms(v.median_ms)} | ${ms(v.p95_ms)} | ${ms(v.max_ms)} | ≤ ${v.goal_ms} |`,
    `| validate the empty form (${e.runs} runs) | ${ms(e.median_ms)} | ${ms(e.p95_ms)} | ${ms(e.max_ms)} | |`,
    `| time to interactive, unthrottled (${t.unthrottled.runs} runs) | ${ms(t.unthrottled.median_ms)} | ${ms(t.unthrottled.p95_ms)} | ${ms(t.unthrottled.max_ms)} | |`,
    `| time to interactive, 4× CPU slowdown + 3G (${t.cpu4x_3g.runs} runs) | ${ms(t.cpu4x_3g.median_ms)} | ${ms(t.cpu4x_3g.p95_ms)} | ${ms(t.cpu4x_3g.max_ms)} | |`,
    '',
    `Time to interactive: ${t.what}.`,
  ].join('\n');
}

// `node bench/sections.mjs tracker|form`: render that result file into BENCHMARKS.md.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const name of process.argv.slice(2)) {
    const file = path.join(RESULTS_DIR, `${name}.json`);
    if (!existsSync(file)) { console.error(`no ${file}; run bench/${name}.mjs first`); process.exitCode = 1; continue; }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    updateSection(name, name === 'tracker' ? trackerMarkdown(r) : formMarkdown(r));
    console.error(`updated BENCHMARKS.md (${name} section)`);
  }
}
