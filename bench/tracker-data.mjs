// Synthetic large chi-tieu.json for the tracker benchmark (issue 4, item 6).
//
//   node bench/tracker-data.mjs [--tasks 1000] [--indicators 50] [--out FILE]
//
// Replicates the real Hà Tĩnh 2025 plan of www/data/chi-tieu.json (its tasks and indicators, as
// written, with their own deadline and target phrases) until the plan has the requested counts.
// Copies get a suffixed id ("PL.I.1~3") and nothing else changes, so the parsers and the renderer
// see real wording; only the volume is synthetic. The indices of every agency are kept as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO = path.join(ROOT, 'www/data/chi-tieu.json');

function replicate(list, n) {
  const out = [];
  for (let i = 0; out.length < n && list.length > 0; i++) {
    const src = list[i % list.length];
    const copy = i < list.length ? src : { ...src, id: `${src.id}~${Math.floor(i / list.length)}` };
    out.push(copy);
  }
  return out;
}

/** The demo document with its first plan grown to `tasks` tasks and `indicators` indicators. */
export function makeLarge({ tasks = 1000, indicators = 50, demo = DEMO } = {}) {
  const doc = JSON.parse(readFileSync(demo, 'utf8'));
  const agency = doc.agencies.find((a) => (a.plans || []).some((p) => (p.tasks || []).length > 0));
  if (!agency) throw new Error(`${demo}: no plan with tasks to replicate`);
  const plan = agency.plans.find((p) => (p.tasks || []).length > 0);
  plan.tasks = replicate(plan.tasks, tasks);
  plan.indicators = replicate(plan.indicators || [], indicators);
  doc.agencies = [agency];
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const doc = makeLarge({ tasks: Number(arg('--tasks', 1000)), indicators: Number(arg('--indicators', 50)) });
  const text = JSON.stringify(doc);
  const out = arg('--out', null);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  const p = doc.agencies[0].plans[0];
  console.error(`tasks ${p.tasks.length}, indicators ${p.indicators.length}, ${text.length} bytes`);
}
