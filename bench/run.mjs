// Relevance + speed benchmark driver (issue 3, items 5 and 6).
//
//   node bench/run.mjs [--sizes 2642,26420] [--engines MiniSearch,FlexSearch,Fuse.js] [--no-write]
//
// 1. Reads the real records from ../shared/data/tthc (or $BENCH_DATA_DIR). The data is not in the
//    repo and not on any run-time path: when it is absent the benchmark prints a message and exits 0.
// 2. Builds the 10× corpus (26,420 records) by perturbing the real ones (see `makeTenfold`).
// 3. Serves the repo root over http with COOP/COEP headers (so performance.now() has 5 µs
//    resolution), the peers from node_modules and the data texts at /__bench/data/<n>.json.
// 4. Launches Debian Chromium headless through playwright-core, loads bench/bench.html, waits
//    for the results and writes bench/results/relevance-speed.json, then prints a JSON summary
//    and the Markdown tables (bench/markdown.mjs) for BENCHMARKS.md.
//
// Our engine is measured in the same page when the hook in bench/ours.mjs is filled.

import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from './markdown.mjs';
import { updateSection } from './sections.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DATA_DIR = process.env.BENCH_DATA_DIR || path.resolve(ROOT, '..', 'shared', 'data', 'tthc');
const DATA_FILE = path.join(DATA_DIR, 'tthc_national_2642.compact.jsonl');
const NODE_MODULES = process.env.BENCH_NODE_MODULES || path.join(ROOT, 'node_modules');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const RESULTS = path.join(HERE, 'results', 'relevance-speed.json');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  const args = { sizes: null, engines: '', write: true, set: 'queries' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = argv[++i];
    else if (a === '--engines') args.engines = argv[++i] || '';
    else if (a === '--no-write') args.write = false;
    // --set questions: the question-style set (tests/relevance/questions.tsv, issue 14).
    else if (a === '--set') args.set = /^[a-z-]+$/.test(argv[i + 1] || '') ? argv[++i] : 'queries';
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/run.mjs [--sizes 2642,26420] [--engines MiniSearch,FlexSearch,Fuse.js] [--no-write]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return args;
}

// ------------------------------------------------------------------ 10× corpus

/** Small deterministic PRNG (mulberry32) so the 10× corpus is the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Per-locality instances are how a real 10× corpus arises (one national procedure, many provinces).
const LOCALITIES = ['Hà Nội', 'Huế', 'Đà Nẵng', 'Cần Thơ', 'Hải Phòng', 'Lạng Sơn', 'Quảng Ninh', 'Nghệ An', 'Lâm Đồng'];

/**
 * 10× corpus: the real records plus 9 perturbed copies of each.
 * - code: the portal's long per-locality form, e.g. 1.001193.000.00.00.H03 (unique, never expected);
 * - name: the real name plus a distinguishing locality word ("– Huế"); every 4th copy drops a leading
 *   "Thủ tục ", every 5th copy is stored decomposed (NFD), as 19% of real records partly are;
 * - agency: taken from another, random record (shuffled), with the locality appended.
 */
function makeTenfold(records, factor = 10, seed = 42) {
  const rnd = prng(seed);
  const agencies = records.map((r) => r.co_quan_thuc_hien || '');
  const out = records.slice();
  for (let k = 1; k < factor; k++) {
    const loc = LOCALITIES[(k - 1) % LOCALITIES.length];
    records.forEach((r, i) => {
      let name = `${r.ten_thu_tuc} – ${loc}`;
      if ((i + k) % 4 === 0) name = name.replace(/^Thủ tục /, '');
      if ((i + k) % 5 === 0) name = name.normalize('NFD');
      const agency = agencies[Math.floor(rnd() * agencies.length)];
      out.push({
        ...r,
        ma_thu_tuc: `${r.ma_thu_tuc}.000.00.00.H${String(k).padStart(2, '0')}`,
        ten_thu_tuc: name,
        co_quan_thuc_hien: agency ? `${agency} ${loc}` : '',
      });
    });
  }
  return out;
}

// ------------------------------------------------------------------ query set checks

function readQueries(set) {
  const tsv = readFileSync(path.join(ROOT, 'tests', 'relevance', `${set}.tsv`), 'utf8');
  const lines = tsv.split('\n').filter((l) => l.trim());
  const header = lines.shift().split('\t');
  const [qi, ei, ci] = ['query', 'expected', 'category'].map((h) => header.indexOf(h));
  return lines.map((l) => {
    const f = l.split('\t');
    return { query: f[qi], expected: f[ei].split(/\s+/).filter(Boolean), category: f[ci] };
  });
}

function querySetStats(queries, records) {
  const codes = new Set(records.map((r) => r.ma_thu_tuc));
  const missing = [];
  const byCategory = {};
  for (const q of queries) {
    byCategory[q.category] = (byCategory[q.category] || 0) + 1;
    for (const c of q.expected) if (!codes.has(c)) missing.push(`${q.query} → ${c}`);
  }
  return {
    n: queries.length,
    byCategory,
    multiExpected: queries.filter((q) => q.expected.length > 1).length,
    distinctCodes: new Set(queries.flatMap((q) => q.expected)).size,
    missingCodes: missing,
  };
}

// ------------------------------------------------------------------ server

function serve(datasets) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    const data = url.pathname.match(/^\/__bench\/data\/(\d+)\.json$/);
    if (data) {
      const text = datasets.get(Number(data[1]));
      if (!text) return send(res, 404, headers, 'no such dataset');
      return send(res, 200, { ...headers, 'Content-Type': MIME['.json'] }, text);
    }
    let base = ROOT;
    let rel = decodeURIComponent(url.pathname);
    if (rel.startsWith('/node_modules/')) {
      base = NODE_MODULES;
      rel = rel.slice('/node_modules'.length);
    }
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, headers, 'not found');
    }
    const type = MIME[path.extname(file)] || 'application/octet-stream';
    return send(res, 200, { ...headers, 'Content-Type': type }, readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

// ------------------------------------------------------------------ browser

async function loadPlaywright() {
  const require = createRequire(path.join(NODE_MODULES, 'noop.js'));
  try {
    return require('playwright-core');
  } catch {
    return null;
  }
}

async function waitForChromium(ms = 600000) {
  const t0 = Date.now();
  while (!existsSync(CHROMIUM)) {
    if (Date.now() - t0 > ms) return false;
    console.error(`waiting for ${CHROMIUM} …`);
    await new Promise((r) => setTimeout(r, 10000));
  }
  return true;
}

function summarize(result) {
  return result.datasets.map((ds) => ({
    records: ds.records,
    gzipKB: Math.round(ds.gzipBytes / 1024),
    engines: ds.engines.map((e) => (e.relevance
      ? {
        engine: e.engine,
        s3: e.relevance.s3,
        mrr10: e.relevance.mrr10,
        buildMs: e.buildMs.median,
        p50ms: e.query.p50,
        p95ms: e.query.p95,
        heapDeltaMB: e.heapDeltaMB,
      }
      : { engine: e.engine, skipped: e.skipped, error: e.error && e.error.split('\n')[0] })),
  }));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(DATA_FILE)) {
    console.log(`bench: skipped — ${DATA_FILE} not found (set BENCH_DATA_DIR to the folder holding tthc_national_2642.compact.jsonl)`);
    return 0;
  }
  const pw = await loadPlaywright();
  if (!pw) {
    console.log(`bench: skipped — playwright-core not found in ${NODE_MODULES} (npm ci, or set BENCH_NODE_MODULES)`);
    return 0;
  }
  if (!(await waitForChromium())) {
    console.log(`bench: skipped — ${CHROMIUM} not found`);
    return 0;
  }

  const records = readFileSync(DATA_FILE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const tenfold = makeTenfold(records);
  const all = new Map([[records.length, records], [tenfold.length, tenfold]]);
  const sizes = args.sizes ? args.sizes.split(',').map(Number) : [records.length, tenfold.length];
  const texts = new Map();
  for (const n of sizes) {
    const recs = all.get(n);
    if (!recs) {
      console.error(`unknown size ${n}; available: ${[...all.keys()].join(', ')}`);
      return 2;
    }
    texts.set(n, JSON.stringify(recs));
  }
  const queries = readQueries(args.set);
  const qstats = { ...querySetStats(queries, records), file: `tests/relevance/${args.set}.tsv` };
  if (qstats.missingCodes.length) console.error(`warning: expected codes not in data: ${qstats.missingCodes.join('; ')}`);

  const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const server = await serve(texts);
  const port = server.address().port;
  const browser = await pw.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      // for the memory column: unquantised performance.memory and a callable gc()
      '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  let result;
  try {
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'log') console.error(`[page] ${m.text()}`); });
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    const q = new URLSearchParams({ sizes: sizes.join(','), engines: args.engines, set: args.set });
    await page.goto(`http://127.0.0.1:${port}/bench/bench.html?${q}`);
    await page.waitForFunction(() => window.__benchDone === true, null, { timeout: 45 * 60 * 1000, polling: 1000 });
    result = await page.evaluate(() => window.__benchResult);
    if (result.error) throw new Error(result.error);
    result.browser = `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
    server.close();
  }

  result.date = new Date().toISOString();
  result.machine = {
    cpu: (os.cpus()[0] || {}).model || 'unknown',
    cores: os.cpus().length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    // 1-minute load average before and after: the numbers are only as quiet as the machine was.
    loadavg: { before: loadBefore[0], after: Math.round(os.loadavg()[0] * 100) / 100 },
  };
  result.querySet = qstats;
  for (const ds of result.datasets) {
    const text = texts.get(ds.records);
    ds.jsonBytes = Buffer.byteLength(text);
    ds.gzipBytes = zlib.gzipSync(text, { level: 9 }).length;
  }
  if (args.write) {
    mkdirSync(path.dirname(RESULTS), { recursive: true });
    const file = args.set === 'queries' ? RESULTS : RESULTS.replace('.json', `-${args.set}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.error(`wrote ${path.relative(ROOT, file)}`);
    updateSection(args.set === 'queries' ? 'search' : `search-${args.set}`, renderMarkdown(result));
    console.error('updated BENCHMARKS.md (search section)');
  }
  console.log(JSON.stringify({ date: result.date, machine: result.machine, browser: result.browser, querySet: { n: qstats.n, byCategory: qstats.byCategory }, results: summarize(result) }, null, 2));
  console.log('\n' + renderMarkdown(result));
  return 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
