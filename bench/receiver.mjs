// The feedback receiver under load (issue 12, point 6): `cchc serve` as built by
// `cargo build --release --bin cchc`, on this machine, over loopback HTTP.
//
//   node bench/receiver.mjs [--bin PATH] [--no-write]
//
// 1. Throughput and latency of valid submissions (validated, committed with WAL + full sync
//    before the 201) at 1, 8 and 32 concurrent clients, small and with a 1 MB PDF; beside it, in
//    the same run, the demo node server's endpoint (tools/serve.mjs: parses the JSON, stores
//    nothing) as the floor of an HTTP round trip on this machine.
// 2. kill -9 in the middle of a load of clients that retry their draft (same Idempotency-Key)
//    until they get an answer; restart on the same database. Checks: every 201's reference is
//    stored exactly once, every key's answers are all its first reference, nothing lost.
// 3. Memory under a flood: oversized declared bodies (413), slow uploads that drip their body,
//    and connections that never finish their headers; the server's peak RSS against its idle RSS.
// Writes bench/results/receiver.json and the `receiver` section of BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { updateSection } from './sections.mjs';
import { createServer } from '../tools/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt; };
const BIN = path.resolve(opt('--bin', path.join(ROOT, 'target/release/cchc')));
const WRITE = !argv.includes('--no-write');
// PostgreSQL too when a server is given (as `.ci/run` and `cargo xtask test` use it).
const PG = opt('--pg', process.env.CCHC_TEST_PG || '');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-receiver-'));

/** A fresh database for one phase: a SQLite file, or a new database on the PostgreSQL server. */
function freshDb(kind, name) {
  if (kind === 'sqlite') return path.join(TMP, `${name}.sqlite`);
  const db = `cchc_bench_${name}`;
  const quiet = { env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } };
  execFileSync('psql', [PG, '-q', '-c', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`], quiet);
  execFileSync('psql', [PG, '-q', '-c', `CREATE DATABASE ${db}`]);
  return PG.replace(/\/[^/]*$/, `/${db}`);
}

function start(db, extra = []) {
  const child = spawn(BIN, ['serve', '--root', path.join(ROOT, 'www'), '--schema', path.join(ROOT, 'www/data/phan-anh.json'),
    '--db', db, '--listen', '127.0.0.1:0', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stderr.on('data', (d) => {
      buf += d;
      const m = /listening on http:\/\/(\S+)/.exec(buf);
      if (m) resolve({ child, addr: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`cchc serve exited (${code}): ${buf}`)));
  });
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 - 9, 0x20)]);
function body(title, { pdf = false } = {}) {
  const values = {
    doi_tuong: 'ca-nhan', ho_ten: "H'Hen Niê", dia_chi: { tinh: '66', xa: '24133', chi_tiet: 'Thôn 3' },
    dien_thoai: '0912345678', loai: 'phan-anh', linh_vuc: 'vuong-mac', tieu_de: title,
    noi_dung: 'Hồ sơ nộp từ tháng 3 đến nay chưa có kết quả, quá hạn 45 ngày.', cam_ket: true, website: '',
  };
  const files = [];
  if (pdf) {
    values.tep_dinh_kem = [{ name: 'don.pdf', type: 'application/pdf', size: PDF.length }];
    files.push({ field: 'tep_dinh_kem', name: 'don.pdf', type: 'application/pdf', size: PDF.length, content_base64: PDF.toString('base64') });
  }
  return JSON.stringify({ schema_version: 1, submitted_at: '2026-12-06T09:00:00+07:00', lang: 'vi', values, files });
}

async function post(addr, text, key) {
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  const r = await fetch(`http://${addr}/api/phan-anh`, { method: 'POST', headers, body: text });
  return { status: r.status, json: await r.json().catch(() => null) };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];

async function load(addr, { clients, total, pdf = false, tag }) {
  const lat = [];
  let next = 0; let bad = 0;
  const bodies = new Map();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < total) {
      const i = next++;
      const text = pdf ? (bodies.get('pdf') ?? bodies.set('pdf', body('Có tệp', { pdf: true })).get('pdf')) : body(`Phản ánh ${tag} ${i}`);
      const t = performance.now();
      const r = await post(addr, text, `${tag}-${i}`);
      lat.push(performance.now() - t);
      if (r.status !== 201) bad++;
    }
  }));
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { clients, total, pdf, per_s: total / secs, p50_ms: pct(lat, 50), p99_ms: pct(lat, 99), not_201: bad };
}

async function throughput(kind) {
  const out = { cchc: [], node_demo: [] };
  const s = await start(freshDb(kind, 'load'), ['--rate-limit', '1000000']);
  await load(s.addr, { clients: 4, total: 100, tag: 'warm' });
  for (const clients of [1, 8, 32]) out.cchc.push(await load(s.addr, { clients, total: clients === 1 ? 300 : 1000, tag: `c${clients}` }));
  out.cchc.push(await load(s.addr, { clients: 8, total: 100, pdf: true, tag: 'pdf' }));
  out.rss_after_mb = rss(s.child.pid);
  s.child.kill('SIGTERM');
  if (kind !== 'sqlite') return out;
  // The floor: the demo node endpoint (parses JSON, answers a made-up reference, stores nothing).
  const demo = createServer({ root: ROOT });
  await new Promise((r) => demo.listen(0, '127.0.0.1', r));
  const daddr = `127.0.0.1:${demo.address().port}`;
  await load(daddr, { clients: 4, total: 100, tag: 'warm' });
  for (const clients of [1, 8, 32]) out.node_demo.push(await load(daddr, { clients, total: clients === 1 ? 300 : 1000, tag: `d${clients}` }));
  demo.close();
  return out;
}

function rss(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch { return null; }
}

async function killNine(kind) {
  const db = freshDb(kind, 'kill');
  // SQLite: one receiver, killed and restarted. PostgreSQL: two receivers behind a (simulated)
  // load balancer, one killed for good: clients retry on the other.
  const two = kind !== 'sqlite';
  const servers = [await start(db, ['--rate-limit', '1000000'])];
  if (two) servers.push(await start(db, ['--rate-limit', '1000000']));
  const addrs = servers.map((x) => x.addr);
  const clients = 16; const perClient = 40; const total = clients * perClient;
  let done = 0; let errors = 0;
  const answers = new Map();
  const run = Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; i < perClient; i++) {
      const key = `k9-${c}-${i}`;
      const text = body(`Người ${c}, bản nháp ${i}`);
      const got = [];
      let attempt = 0;
      for (;;) {
        const addr = addrs[(c + attempt) % addrs.length];
        attempt++;
        try {
          const r = await post(addr, text, key);
          if (r.status === 201) {
            got.push(r.json.reference);
            if (i % 4 === 0 && got.length < 2) continue; // a client that retries although it got the answer
            break;
          }
          errors++;
        } catch { errors++; }
        await new Promise((r) => setTimeout(r, 20));
      }
      answers.set(key, got);
      done++;
    }
  }));
  while (done < total / 3) await new Promise((r) => setTimeout(r, 2));
  const atKill = done;
  // SIGKILL with requests in flight.
  servers[0].child.kill('SIGKILL');
  await new Promise((r) => servers[0].child.once('exit', r));
  if (two) {
    addrs[0] = addrs[1];
  } else {
    // The clients keep retrying the dead address until the restarted server is up.
    servers[0] = await start(db, ['--rate-limit', '1000000']);
    addrs[0] = servers[0].addr;
  }
  await run;
  for (const x of servers) x.child.kill('SIGTERM');
  const listed = execFileSync(BIN, ['phan-anh', 'list', '--db', db, '--format', 'jsonl'], { encoding: 'utf8' })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l).reference);
  const count = new Map();
  for (const r of listed) count.set(r, (count.get(r) || 0) + 1);
  let consistent = 0; let once = 0;
  for (const got of answers.values()) {
    if (got.every((r) => r === got[0])) consistent++;
    if (count.get(got[0]) === 1) once++;
  }
  return { receivers: servers.length, drafts: total, done_at_kill: atKill, failed_attempts: errors, stored: listed.length, unique_stored: count.size, keys_all_first_reference: consistent, references_stored_once: once };
}

function slowConnection(addr, kind) {
  return new Promise((resolve) => {
    const sock = net.connect(addr.split(':')[1], '127.0.0.1');
    let status = null; let timer;
    sock.on('data', (d) => { status ??= Number(/HTTP\/1\.1 (\d+)/.exec(String(d))?.[1]); });
    sock.on('error', () => {});
    sock.on('close', () => { clearInterval(timer); resolve(status); });
    sock.on('connect', () => {
      if (kind === 'oversized') {
        sock.write('POST /api/phan-anh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{');
      } else if (kind === 'drip') {
        // A large declared body (under the limit) sent one KB at a time.
        sock.write('POST /api/phan-anh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n');
        timer = setInterval(() => sock.write(Buffer.alloc(1024, 0x20)), 50);
      } else {
        // Headers that never end.
        sock.write('POST /api/phan-anh HTTP/1.1\r\nHost: x\r\n');
        timer = setInterval(() => sock.write('X-Slow: 1\r\n'), 500);
      }
    });
    setTimeout(() => sock.destroy(), 20000);
  });
}

async function flood() {
  const s = await start(path.join(TMP, 'flood.sqlite'), ['--rate-limit', '1000000', '--timeout', '15']);
  await load(s.addr, { clients: 4, total: 50, tag: 'idle' });
  const idle = rss(s.child.pid);
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, rss(s.child.pid) ?? 0); }, 50);
  const conns = [];
  for (let i = 0; i < 300; i++) conns.push(slowConnection(s.addr, 'oversized'));
  for (let i = 0; i < 60; i++) conns.push(slowConnection(s.addr, 'drip'));
  for (let i = 0; i < 300; i++) conns.push(slowConnection(s.addr, 'headers'));
  // While the flood goes on, a citizen's real submission still gets through (or a clear 503).
  await new Promise((r) => setTimeout(r, 3000));
  const during = await post(s.addr, body('Trong lúc bị tấn công'), 'flood-real');
  const statuses = await Promise.all(conns);
  clearInterval(sampler);
  const count = (from, to) => statuses.slice(from, to).reduce((m, st) => { m[st ?? 'closed'] = (m[st ?? 'closed'] || 0) + 1; return m; }, {});
  s.child.kill('SIGTERM');
  return { idle_rss_mb: idle, peak_rss_mb: peak, oversized: count(0, 300), drip: count(300, 360), endless_headers: count(360, 660), real_submission_during_flood: during.status };
}

const machine = `${os.cpus()[0]?.model || 'cpu'} × ${os.cpus().length}, ${os.type()} ${os.release()}`;
const result = { date: new Date().toISOString().slice(0, 10), machine, bin: path.relative(ROOT, BIN) };
console.error('throughput…');
result.throughput = await throughput('sqlite');
console.error('kill -9…');
result.kill9 = await killNine('sqlite');
if (PG) {
  console.error('PostgreSQL…');
  result.pg = { server: execFileSync('psql', [PG, '-tAc', 'SHOW server_version'], { encoding: 'utf8' }).trim() };
  result.pg.throughput = (await throughput('pg')).cchc;
  result.pg.kill9 = await killNine('pg');
}
console.error('flood…');
result.flood = await flood();
fs.rmSync(TMP, { recursive: true, force: true });
fs.mkdirSync(path.join(HERE, 'results'), { recursive: true });
fs.writeFileSync(path.join(HERE, 'results/receiver.json'), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result, null, 2));

const f = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const row = (who, r) => `| ${who} | ${r.clients} | ${r.pdf ? '1 MB PDF' : 'text only'} | ${f(r.total)} | ${f(r.per_s)} | ${f(r.p50_ms, 1)} | ${f(r.p99_ms, 1)} | ${r.not_201} |`;
const k = result.kill9; const fl = result.flood;
const md = `### Feedback receiver (\`cargo xtask bench receiver\`)

${result.date}, ${machine}; \`${result.bin}\` (\`cargo build --release\`), SQLite in WAL mode with \`synchronous = FULL\` on this machine's disk, loopback HTTP, clients in node 20 (\`fetch\`). Each \`cchc serve\` submission is parsed, validated with the same rules as the widget, and committed before its \`201\`. The demo node endpoint (\`tools/serve.mjs\`) parses the JSON and stores nothing: the floor of a round trip here.

| server | concurrent clients | body | submissions | per second | p50 ms | p99 ms | not 201 |
|---|---:|---|---:|---:|---:|---:|---:|
${result.throughput.cchc.map((r) => row('`cchc serve`', r)).join('\n')}
${result.throughput.node_demo.map((r) => row('demo node endpoint (no validation, no storage)', r)).join('\n')}

${result.pg ? `\nOn PostgreSQL ${result.pg.server} (Debian's, default settings, same machine; \`--db postgres://…\`):\n\n| server | concurrent clients | body | submissions | per second | p50 ms | p99 ms | not 201 |\n|---|---:|---|---:|---:|---:|---:|---:|\n${result.pg.throughput.map((r) => row('\`cchc serve\` on PostgreSQL', r)).join('\n')}\n` : '\n(PostgreSQL not measured in this run: no server given.)\n'}
**kill -9 under load.** ${k.drafts} drafts from 16 clients that resend their draft (same \`Idempotency-Key\`) until they get a \`201\` (every fourth one resends once more after it); the server was killed with SIGKILL after ${k.done_at_kill} drafts had their answer, with requests in flight, and restarted on the same database; ${k.failed_attempts} attempts failed (reset or refused) meanwhile and were retried. Stored: ${k.stored} rows, ${k.unique_stored} distinct references; ${k.references_stored_once} of ${k.drafts} drafts have their reference stored exactly once; ${k.keys_all_first_reference} of ${k.drafts} keys got only their first reference on every answer.

${result.pg ? `**kill -9 with two receivers on PostgreSQL.** ${result.pg.kill9.drafts} drafts from 16 clients spread over two \`cchc serve\` instances on one database (a client retries on the other instance, as a load balancer would); one instance was killed with SIGKILL after ${result.pg.kill9.done_at_kill} drafts had their answer and not restarted; ${result.pg.kill9.failed_attempts} attempts failed and were retried. Stored: ${result.pg.kill9.stored} rows, ${result.pg.kill9.unique_stored} distinct references; ${result.pg.kill9.references_stored_once} of ${result.pg.kill9.drafts} stored exactly once; ${result.pg.kill9.keys_all_first_reference} of ${result.pg.kill9.drafts} keys got only their first reference.\n\n` : ''}**Flood.** With \`--timeout 15\`: 300 requests declaring a 1 GB body, 60 uploads declaring 40 MB and sending 1 KB every 50 ms, 300 connections whose headers never end, all at once. Answers: oversized ${JSON.stringify(fl.oversized)}, slow uploads ${JSON.stringify(fl.drip)}, endless headers ${JSON.stringify(fl.endless_headers)} (\`closed\`: the connection was closed without an answer). A real submission sent during the flood got HTTP ${fl.real_submission_during_flood}. Server memory (RSS): ${fl.idle_rss_mb} MB idle, **${fl.peak_rss_mb} MB at the peak** (bodies in flight are bounded by \`--max-buffered\`, 84 MB by default for the demo form).
`;
if (WRITE) {
  updateSection('receiver', md);
  console.error('updated BENCHMARKS.md (receiver section)');
}
