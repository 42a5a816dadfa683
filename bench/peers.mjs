// Peer search engines for the relevance + speed benchmark (issue 3, items 5 and 6).
//
// Browser ES module, no build step. The three peers (MiniSearch, FlexSearch, Fuse.js) are imported
// by bare specifier: bench.html maps them to /node_modules/... with an import map. Each peer is
// given the same Vietnamese folding (NFD, strip U+0300–U+036F, đ→d, lowercase) through its own
// extension hook, plus the best configuration found in ../shared/research/search.md §5.3:
// procedure name boosted, prefix on the last query token only, fuzzy only for longer tokens.
// No synonym table is given to any peer: the dictionary is a feature of our engine, not of folding.
//
// Every engine, ours included, is measured through the same `measureEngine` function:
// build time from the JSON text (parse + index), p50/p95 query latency over the query set,
// S@3 and MRR@10 against tests/relevance/queries.tsv, and JS heap where Chromium exposes it.

import MiniSearch from 'minisearch';
import { Document as FlexDocument, Encoder as FlexEncoder } from 'flexsearch';
import Fuse from 'fuse.js';

/** Vietnamese folding shared by all peers.
 *  The brief says NFC→NFD; NFD of an NFC string equals NFD of the raw string, so one NFD is enough. */
export function fold(s) {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Parse the data text: a JSON array or JSON Lines of national-portal records. */
export function parseRecords(text) {
  const t = text.trimStart();
  if (t.startsWith('[')) return JSON.parse(t);
  const out = [];
  for (const line of t.split('\n')) {
    if (line.trim()) out.push(JSON.parse(line));
  }
  return out;
}

/** Only the searchable fields, with "Không có thông tin" treated as empty. */
function doc(r, i) {
  const clean = (v) => (typeof v === 'string' && v !== 'Không có thông tin' ? v : '');
  return {
    id: i,
    code: clean(r.ma_thu_tuc),
    name: clean(r.ten_thu_tuc),
    field: clean(r.linh_vuc),
    level: clean(r.cap_thuc_hien),
    agency: clean(r.co_quan_thuc_hien),
  };
}

/** Parse tests/relevance/queries.tsv (header: query, expected, category, note). */
export function parseQueries(tsv) {
  const lines = tsv.split('\n').filter((l) => l.trim());
  const header = (lines.shift() || '').split('\t');
  const col = (name) => header.indexOf(name);
  const [qi, ei, ci, ni] = ['query', 'expected', 'category', 'note'].map(col);
  return lines.map((l) => {
    const f = l.split('\t');
    return {
      query: f[qi],
      expected: (f[ei] || '').split(/\s+/).filter(Boolean),
      category: f[ci] || '',
      note: ni >= 0 ? f[ni] || '' : '',
    };
  });
}

const FUZZY_MIN_LEN = 5; // research §5.3: fuzzy 0.2 only for tokens of 5+ characters
const NAME_BOOST = 3;

// ---------------------------------------------------------------- MiniSearch
export const miniSearch = {
  name: 'MiniSearch',
  version: '7.2.0',
  config: 'processTerm=fold; boost name×3 code×2; prefix last token; fuzzy 0.2 for ≥5 chars; AND, falling back to OR when AND finds nothing',
  build(text) {
    const docs = parseRecords(text).map(doc);
    const ms = new MiniSearch({
      fields: ['name', 'code', 'field', 'agency', 'level'],
      storeFields: ['code'],
      processTerm: (t) => fold(t) || null,
    });
    ms.addAll(docs);
    return ms;
  },
  search(ms, query, k) {
    const opts = {
      boost: { name: NAME_BOOST, code: 2 },
      prefix: (term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= FUZZY_MIN_LEN ? 0.2 : false),
      combineWith: 'AND',
    };
    let hits = ms.search(query, opts);
    if (hits.length === 0) hits = ms.search(query, { ...opts, combineWith: 'OR' });
    return hits.slice(0, k).map((h) => h.code);
  },
};

// ---------------------------------------------------------------- FlexSearch
export const flexSearch = {
  name: 'FlexSearch',
  version: '0.8.212',
  config: 'Document index; Encoder normalize=fold, split on non-alphanumerics, no dedupe/numeric split; tokenize forward (prefix); all terms first, then suggest to fill; fields merged in order name, code, lĩnh vực, cơ quan, cấp',
  build(text) {
    const docs = parseRecords(text).map(doc);
    const encoder = new FlexEncoder({
      normalize: fold,
      split: /[^a-z0-9]+/,
      numeric: false,
      dedupe: false,
    });
    // Field order is the priority used by `merge: true`: name first is FlexSearch's way to boost it.
    const index = new FlexDocument({
      encoder,
      tokenize: 'forward',
      document: {
        id: 'id',
        index: [
          { field: 'name', tokenize: 'forward', resolution: 9 },
          { field: 'code', tokenize: 'forward' },
          { field: 'field', tokenize: 'forward' },
          { field: 'agency', tokenize: 'forward' },
          { field: 'level', tokenize: 'forward' },
        ],
      },
    });
    for (const d of docs) index.add(d);
    return { index, codes: docs.map((d) => d.code) };
  },
  search({ index, codes }, query, k) {
    // All terms first; partial matches (suggest) only to fill the list, like MiniSearch's AND→OR.
    const seen = new Set();
    const out = [];
    for (const suggest of [false, true]) {
      if (out.length >= k) break;
      for (const h of index.search(query, { limit: k, suggest, merge: true })) {
        if (out.length >= k) break;
        if (!seen.has(h.id)) {
          seen.add(h.id);
          out.push(codes[h.id]);
        }
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------- Fuse.js
export const fuseJs = {
  name: 'Fuse.js',
  version: '7.5.0',
  config: 'getFn=fold; keys name (weight 3), code (2), lĩnh vực, cơ quan, cấp (1); threshold 0.3; ignoreLocation',
  build(text) {
    const docs = parseRecords(text).map(doc);
    const fuse = new Fuse(docs, {
      keys: [
        { name: 'name', weight: NAME_BOOST },
        { name: 'code', weight: 2 },
        { name: 'field', weight: 1 },
        { name: 'agency', weight: 1 },
        { name: 'level', weight: 1 },
      ],
      getFn: (obj, path) => fold(obj[Array.isArray(path) ? path[0] : path]),
      threshold: 0.3,
      ignoreLocation: true,
      includeScore: true,
    });
    return fuse;
  },
  search(fuse, query, k) {
    return fuse.search(fold(query), { limit: k }).map((h) => h.item.code);
  },
};

export const PEERS = [miniSearch, flexSearch, fuseJs];

// ---------------------------------------------------------------- measurement

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
const round = (x, d = 3) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

function heapBytes() {
  const m = globalThis.performance && performance.memory;
  return m ? m.usedJSHeapSize : null;
}
function gc() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** A result code matches an expected code when equal, or when it is a per-locality instance of it
 *  (the portal's long form `1.001193.000.00.00.H01`, used by the 10× corpus). */
export function sameProcedure(code, expected) {
  return code === expected || (typeof code === 'string' && code.startsWith(expected + '.'));
}

/** S@3, MRR@10, overall and per category, from the top-10 lists of the first pass. */
export function relevance(queries, tops) {
  const per = {};
  let s3 = 0;
  let rr = 0;
  const misses = [];
  queries.forEach((q, i) => {
    const top = tops[i] || [];
    const rank = top.slice(0, 10).findIndex((c) => q.expected.some((e) => sameProcedure(c, e)));
    const hit3 = rank >= 0 && rank < 3;
    const r = rank >= 0 ? 1 / (rank + 1) : 0;
    s3 += hit3 ? 1 : 0;
    rr += r;
    const c = (per[q.category] ||= { n: 0, s3: 0, rr: 0 });
    c.n += 1;
    c.s3 += hit3 ? 1 : 0;
    c.rr += r;
    if (!hit3) misses.push({ query: q.query, category: q.category, expected: q.expected, got: top.slice(0, 3) });
  });
  const n = queries.length || 1;
  const byCategory = {};
  for (const [k, v] of Object.entries(per)) {
    byCategory[k] = { n: v.n, s3: round(v.s3 / v.n), mrr10: round(v.rr / v.n) };
  }
  return { n: queries.length, s3: round(s3 / n), mrr10: round(rr / n), byCategory, misses };
}

/**
 * Measure one engine: `engine` = { name, build(text) -> index, search(index, query, k) -> codes[] }.
 * opts: { buildRuns, queryBudgetMs, maxPasses, onProgress }
 */
export async function measureEngine(engine, text, queries, opts = {}) {
  const buildRuns = opts.buildRuns ?? 3;
  const budget = opts.queryBudgetMs ?? 3000;
  const maxPasses = opts.maxPasses ?? 5;
  const progress = opts.onProgress || (() => {});
  const out = { engine: engine.name, version: engine.version || null, config: engine.config || null };
  try {
    // Build: from the JSON text to a ready index, several times; keep the last index.
    const buildMs = [];
    let index = null;
    gc();
    const heap0 = heapBytes();
    for (let i = 0; i < buildRuns; i++) {
      index = null;
      gc();
      await pause();
      const t0 = performance.now();
      index = await engine.build(text);
      buildMs.push(performance.now() - t0);
    }
    gc();
    const heap1 = heapBytes();
    out.buildMs = { median: round(median(buildMs), 2), min: round(Math.min(...buildMs), 2), runs: buildMs.map((x) => round(x, 2)) };
    out.heapDeltaMB = heap0 != null && heap1 != null ? round((heap1 - heap0) / 2 ** 20, 2) : null;
    progress(`${engine.name}: built in ${out.buildMs.median} ms`);

    // Queries: warm-up on a few queries, then full passes until the time budget is spent.
    for (const q of queries.slice(0, 10)) await engine.search(index, q.query, 10);
    const times = queries.map(() => []);
    let tops = null;
    const start = performance.now();
    let passes = 0;
    while (passes < maxPasses && (passes === 0 || performance.now() - start < budget)) {
      const passTops = [];
      for (let i = 0; i < queries.length; i++) {
        const t0 = performance.now();
        const top = await engine.search(index, queries[i].query, 10);
        times[i].push(performance.now() - t0);
        passTops.push(top);
      }
      tops ||= passTops;
      passes += 1;
      await pause();
    }
    const perQuery = times.map(median).sort((a, b) => a - b);
    out.query = {
      passes,
      p50: round(percentile(perQuery, 50), 4),
      p95: round(percentile(perQuery, 95), 4),
      max: round(perQuery[perQuery.length - 1], 4),
      mean: round(perQuery.reduce((a, b) => a + b, 0) / (perQuery.length || 1), 4),
    };
    out.relevance = relevance(queries, tops);
    progress(`${engine.name}: S@3 ${out.relevance.s3}, MRR@10 ${out.relevance.mrr10}, p95 ${out.query.p95} ms`);
    index = null;
  } catch (e) {
    out.error = String((e && e.stack) || e);
  }
  gc();
  return out;
}

function pause() {
  return new Promise((r) => setTimeout(r, 0));
}

/** Run every peer on one data text. */
export async function runPeers(text, queries, opts = {}) {
  const only = opts.only && opts.only.length ? opts.only.map((s) => s.toLowerCase()) : null;
  const results = [];
  for (const p of PEERS) {
    if (only && !only.includes(p.name.toLowerCase())) continue;
    results.push(await measureEngine(p, text, queries, opts));
  }
  return results;
}
