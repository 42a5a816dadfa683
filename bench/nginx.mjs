// What a default nginx sends for the widgets, with and without precompressed files (issue 10,
// point 5). Starts and stops its own nginx on a loopback port, measures with curl, writes
// bench/results/nginx.json and the `nginx` section of BENCHMARKS.md.
//
//   node bench/nginx.mjs [--www DIR] [--pkg DIR] [--no-write] [--bundle-note TEXT]
//
// Needs nginx and curl (skips with a message, exit 0, when nginx is missing): on Debian
// `apt-get install -y nginx libnginx-mod-http-brotli-static brotli` (the brotli module and the
// brotli command are optional: without the module configuration (c) has gzip_static only,
// without the command the .br files are made with node's zlib at quality 11).
//
// Configurations, each Debian's default http settings (`include /etc/nginx/mime.types;
// gzip on;`, modules from /etc/nginx/modules-enabled) plus:
//   (a) nothing: nginx's default gzip_types (text/html only) at gzip_comp_level 1;
//   (b) gzip_types with CSS, JavaScript (application/javascript is what Debian's mime.types says
//       for .js, text/javascript what newer ones say), JSON and wasm, still level 1;
//   (c) (b) + `gzip_static on;` and, when the module is installed, `brotli_static on;`, with
//       .gz (gzip -9) and .br (brotli -q 11) beside every file of pkg/ (the ones pkg/ ships, or
//       made here in a temporary copy when pkg/ has none); data files stay compressed on the fly;
//   (d) the configuration that docs/huong-dan-nhung.md gives webmasters (its ```nginx block
//       between `<!-- nginx-config:start -->` and `<!-- nginx-config:end -->`), with pkg/ as
//       /cchc/VERSION/ and the data as /du-lieu/: bytes, and the headers it must send.
// Files measured: what each page fetched from pkg/ and data/ in the last `node bench/startup.mjs`
// (bench/results/startup.json); without that file, every .js/.wasm/.json of pkg/ and the data
// files the page names.
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { updateSection } from './sections.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt; };
const WWW = path.resolve(opt('--www', path.join(ROOT, 'www')));
const PKG = path.resolve(opt('--pkg', path.join(WWW, 'pkg')));
const WRITE = !argv.includes('--no-write');
const BUNDLE_NOTE = opt('--bundle-note', null);
const DOC = path.join(ROOT, 'docs', 'huong-dan-nhung.md');
const STARTUP = path.join(HERE, 'results', 'startup.json');
const RESULTS = path.join(HERE, 'results', 'nginx.json');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
const NGINX = which('nginx') || (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : null);
if (!NGINX) {
  console.error('bench/nginx.mjs: nginx is not installed; skipped (Debian: apt-get install -y nginx libnginx-mod-http-brotli-static brotli)');
  process.exit(0);
}
if (!which('curl')) { console.error('bench/nginx.mjs: curl is not installed; skipped'); process.exit(0); }
const nginxVersion = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: (nginx\/)?/, '');
const brotliModule = fs.existsSync(BROTLI_MODULE);
const brotliCli = which('brotli');

// ---------- the files each page downloads ----------

const PAGES = [
  { name: 'search', file: 'tra-cuu-thu-tuc.html' },
  { name: 'tracker', file: 'chi-tieu-cchc.html' },
  { name: 'form', file: 'phan-anh-kien-nghi.html' },
];

function pageFiles() {
  if (fs.existsSync(STARTUP)) {
    const r = JSON.parse(fs.readFileSync(STARTUP, 'utf8'));
    const out = {};
    for (const p of r.pages || []) {
      const paths = (p.waterfall?.requests || []).map((q) => q.path.split('?')[0])
        .filter((x) => x.startsWith('/pkg/') || x.startsWith('/data/'));
      if (paths.length) out[p.name] = [...new Set(paths)];
    }
    if (PAGES.every((p) => out[p.name])) return { source: `the requests of each page in ${path.relative(ROOT, STARTUP)} (${r.date.slice(0, 10)}, bundle ${r.bundle?.version ?? '?'})`, files: out };
  }
  const pkg = listFiles(PKG).filter((f) => /\.(js|wasm|json)$/.test(f)).map((f) => `/pkg/${f}`);
  const out = {};
  for (const p of PAGES) {
    const html = fs.readFileSync(path.join(WWW, p.file), 'utf8');
    const data = [...html.matchAll(/\b(?:data-)?(?:src|schema)="(data\/[^"]+)"/g)].map((m) => `/${m[1]}`);
    out[p.name] = [...pkg, ...data];
  }
  return { source: 'every .js/.wasm/.json of pkg/ and the data files the page names (no bench/results/startup.json)', files: out };
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel + '/'));
    else if (!/\.(gz|br)$/.test(e.name)) out.push(rel);
  }
  return out;
}

// ---------- a temporary site: /pkg/, /data/ (as the demo), and /cchc/VERSION/, /du-lieu/ ----------

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-nginx-'));
const site = path.join(tmp, 'site');
const version = (() => { try { return fs.readFileSync(path.join(PKG, 'VERSION'), 'utf8').trim(); } catch { return '0.0.0'; } })();

function copyFile(from, to) { fs.mkdirSync(path.dirname(to), { recursive: true }); fs.copyFileSync(from, to); }

const { source: filesSource, files: byPage } = pageFiles();
const allFiles = [...new Set(Object.values(byPage).flat())].sort();
const shipped = { gz: 0, br: 0 };
const made = { gz: 0, br: 0 };
for (const f of allFiles) {
  const src = f.startsWith('/pkg/') ? path.join(PKG, f.slice(5)) : path.join(WWW, f);
  if (!fs.existsSync(src)) { console.error(`bench/nginx.mjs: ${f} does not exist (${src}); is pkg/ being rebuilt?`); process.exit(1); }
  const plain = path.join(site, 'plain', f);
  copyFile(src, plain);
  if (f.startsWith('/pkg/')) {
    const pre = path.join(site, 'pre', f);
    copyFile(src, pre);
    for (const ext of ['gz', 'br']) {
      if (fs.existsSync(`${src}.${ext}`)) { copyFile(`${src}.${ext}`, `${pre}.${ext}`); shipped[ext]++; continue; }
      if (ext === 'gz') execFileSync('gzip', ['-9', '-k', '-n', pre]);
      else if (brotliCli) execFileSync(brotliCli, ['-q', '11', '-k', pre]);
      else fs.writeFileSync(`${pre}.br`, zlib.brotliCompressSync(fs.readFileSync(pre), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      made[ext]++;
    }
    copyFile(src, path.join(site, 'doc', 'cchc', version, f.slice(5)));
    for (const ext of ['gz', 'br']) copyFile(`${pre}.${ext}`, path.join(site, 'doc', 'cchc', version, `${f.slice(5)}.${ext}`));
  } else {
    copyFile(src, path.join(site, 'pre', f));
    copyFile(src, path.join(site, 'doc', 'du-lieu', f.slice('/data/'.length)));
    // The data's own siblings, as `cchc import`/`cchc precompress` write them beside the file.
    for (const ext of ['gz', 'br']) {
      if (!fs.existsSync(`${src}.${ext}`)) continue;
      copyFile(`${src}.${ext}`, path.join(site, 'pre', `${f}.${ext}`));
      copyFile(`${src}.${ext}`, path.join(site, 'doc', 'du-lieu', `${f.slice('/data/'.length)}.${ext}`));
    }
  }
}
spawnSync('chmod', ['-R', 'a+rX', tmp]); // workers run as an unprivileged user

// ---------- nginx ----------

function docSnippet() {
  const doc = fs.readFileSync(DOC, 'utf8');
  const m = /<!-- nginx-config:start -->[\s\S]*?```nginx\n([\s\S]*?)```[\s\S]*?<!-- nginx-config:end -->/.exec(doc);
  if (!m) throw new Error(`no \`\`\`nginx block between <!-- nginx-config:start/end --> in ${DOC}`);
  return brotliModule ? m[1] : m[1].replace(/^\s*brotli_static\b.*$/gm, '');
}

const TYPES = 'text/css application/javascript text/javascript application/json application/wasm image/svg+xml';
const CONFIGS = {
  a: { label: '(a) Debian default: `gzip on;` only', root: 'plain', server: '' },
  b: { label: `(b) + \`gzip_types ${TYPES};\` (level 1)`, root: 'plain', server: `gzip_types ${TYPES};` },
  c: { label: `(c) + \`gzip_static on;\`${brotliModule ? ' `brotli_static on;`' : ''} and .gz/.br beside the pkg files`, root: 'pre',
    server: `gzip_types ${TYPES};\n    gzip_static on;${brotliModule ? '\n    brotli_static on;' : ''}` },
  d: { label: '(d) the configuration in docs/huong-dan-nhung.md', root: 'doc', server: null },
};
// What (d) adds to (c), read from the documented snippet, for the section's legend.
{
  const snippet = docSnippet();
  const level = /gzip_comp_level\s+(\d+)/.exec(snippet);
  const extras = [level && `\`gzip_comp_level ${level[1]}\` for the data`, /Cache-Control/.test(snippet) && 'cache headers'].filter(Boolean);
  if (extras.length) CONFIGS.d.label += ` (as (c), with ${extras.join(' and ')})`;
};

function conf(key, port) {
  const c = CONFIGS[key];
  const server = c.server ?? docSnippet();
  return `# generated by bench/nginx.mjs (${key})
pid ${tmp}/nginx-${key}.pid;
error_log ${tmp}/error-${key}.log;
worker_processes 1;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 64; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${tmp}/access-${key}.log;
  gzip on;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${path.join(site, c.root)};
    ${server.trim().split('\n').join('\n    ')}
  }
}
`;
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function withNginx(key, fn) {
  const port = await freePort();
  const file = path.join(tmp, `nginx-${key}.conf`);
  fs.writeFileSync(file, conf(key, port));
  const test = spawnSync(NGINX, ['-t', '-q', '-e', path.join(tmp, `error-${key}.log`), '-c', file], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed for (${key}):\n${test.stderr}\n${fs.readFileSync(file, 'utf8')}`);
  const proc = spawn(NGINX, ['-e', path.join(tmp, `error-${key}.log`), '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (spawnSync('curl', ['-s', '-o', '/dev/null', base + '/']).status === 0) break;
      if (proc.exitCode != null || i > 100) throw new Error(`nginx (${key}) did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return await fn(base);
  } finally {
    proc.kill('SIGQUIT');
    await new Promise((r) => (proc.exitCode != null ? r() : proc.once('exit', r)));
  }
}

function fetchOne(url) {
  const out = execFileSync('curl', ['-s', '-H', 'Accept-Encoding: gzip, br', '-o', '/dev/null', '-w',
    '%{http_code}\t%{size_download}\t%header{content-encoding}\t%header{content-type}\t%header{cache-control}\t%header{vary}', url], { encoding: 'utf8' });
  const [status, size, enc, type, cache, vary] = out.split('\t');
  return { status: Number(status), bytes: Number(size), encoding: enc || 'identity', type, cache_control: cache || null, vary: vary || null };
}

// The documented configuration with other clients: one that takes gzip only gets gzip, one that
// takes nothing gets the file as it is, and every answer decodes to exactly the file.
function checkClients(base) {
  for (const f of allFiles) {
    const want = fs.readFileSync(f.startsWith('/pkg/') ? path.join(PKG, f.slice(5)) : path.join(WWW, f));
    for (const ae of ['br', 'gzip', null]) {
      const got = path.join(tmp, 'got');
      const args = ['-s', '-o', got, '-w', '%header{content-encoding}', docPath(f)];
      if (ae) args.unshift('-H', `Accept-Encoding: ${ae}`);
      const enc = execFileSync('curl', args.slice(0, -1).concat(base + args.at(-1)), { encoding: 'utf8' }) || 'identity';
      const body = fs.readFileSync(got);
      const plain = enc === 'br' ? zlib.brotliDecompressSync(body) : enc === 'gzip' ? zlib.gunzipSync(body) : body;
      if (!plain.equals(want)) problems.push(`(d) ${f} with Accept-Encoding ${ae ?? '(none)'}: the body (${enc}) is not the file`);
      if (!ae && enc !== 'identity') problems.push(`(d) ${f}: sent ${enc} to a client that accepts no encoding`);
      if (ae === 'gzip' && enc === 'br') problems.push(`(d) ${f}: sent br to a client that accepts gzip only`);
      if (ae === 'br' && f.startsWith('/pkg/') && brotliModule && enc !== 'br') problems.push(`(d) ${f}: sent ${enc} to a client that accepts br`);
    }
  }
}

const docPath = (f) => (f.startsWith('/pkg/') ? `/cchc/${version}/${f.slice(5)}` : `/du-lieu/${f.slice('/data/'.length)}`);

// ---------- main ----------

const measured = {};
const problems = [];
try {
  for (const key of Object.keys(CONFIGS)) {
    measured[key] = await withNginx(key, async (base) => {
      const out = {};
      for (const f of allFiles) out[f] = fetchOne(base + (key === 'd' ? docPath(f) : f));
      if (key === 'd') checkClients(base);
      return out;
    });
    for (const [f, r] of Object.entries(measured[key])) if (r.status !== 200) problems.push(`(${key}) ${f}: HTTP ${r.status}`);
  }
} finally {
  if (!argv.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}

const rawSize = (f) => fs.statSync(f.startsWith('/pkg/') ? path.join(PKG, f.slice(5)) : path.join(WWW, f)).size;

// What (d), the documented configuration, must send.
for (const [f, r] of Object.entries(measured.d)) {
  const ext = path.extname(f);
  const want = { '.wasm': 'application/wasm', '.js': 'javascript', '.json': 'application/json', '.css': 'text/css' }[ext];
  if (want && !r.type.includes(want)) problems.push(`(d) ${f}: Content-Type ${r.type}, expected ${want}`);
  if (r.encoding === 'identity' && rawSize(f) > 1024) problems.push(`(d) ${f}: sent uncompressed`);
  if (f.startsWith('/pkg/') && !/max-age=31536000/.test(r.cache_control || '')) problems.push(`(d) ${f}: Cache-Control ${r.cache_control}, expected a long max-age`);
  if (f.startsWith('/data/') && !/no-cache/.test(r.cache_control || '')) problems.push(`(d) ${f}: Cache-Control ${r.cache_control}, expected no-cache`);
  if (r.encoding !== 'identity' && !/accept-encoding/i.test(r.vary || '')) problems.push(`(d) ${f}: compressed without Vary: Accept-Encoding`);
}

const result = {
  date: new Date().toISOString(),
  nginx: nginxVersion,
  brotli_static_module: brotliModule,
  brotli_command: Boolean(brotliCli),
  bundle: { version, pkg: path.relative(ROOT, PKG) || PKG, precompressed_shipped: shipped, precompressed_made_here: made },
  files_source: filesSource,
  pages: byPage,
  configs: Object.fromEntries(Object.entries(CONFIGS).map(([k, c]) => [k, c.label])),
  doc_config: docSnippet(),
  files: Object.fromEntries(allFiles.map((f) => [f, { raw: rawSize(f), ...Object.fromEntries(Object.keys(CONFIGS).map((k) => [k, measured[k][f]])) }])),
  problems,
};

const n = (x) => x.toLocaleString('en-US');
const cell = (r) => `${n(r.bytes)}${r.encoding === 'identity' ? '' : ` ${r.encoding}`}`;
const keys = Object.keys(CONFIGS);
const total = (files, k) => files.reduce((s, f) => s + result.files[f][k].bytes, 0);
const ms3g = (b) => Math.round((b / 200000) * 1000);

function markdown() {
  const cpu = os.cpus()[0]?.model || 'cpu';
  const lines = [
    '## What a default nginx sends, with and without precompressed files',
    '',
    `Measured ${result.date} by \`node bench/nginx.mjs\` with nginx ${nginxVersion} (Debian) on ${cpu}, bundle ${version}${BUNDLE_NOTE ? ` (${BUNDLE_NOTE})` : ''}; curl with \`Accept-Encoding: gzip, br\`, bytes of the body as sent. ` +
      `Brotli: ${brotliModule ? 'module `libnginx-mod-http-brotli-static` installed' : 'module `libnginx-mod-http-brotli-static` not available, (c) is gzip_static only'}. ` +
      `Precompressed files: ${shipped.gz || shipped.br ? `${shipped.gz} .gz and ${shipped.br} .br shipped in pkg/` : 'none in pkg/'}${made.gz || made.br ? `, ${made.gz} .gz (gzip -9) and ${made.br} .br (${brotliCli ? 'brotli -q 11' : 'zlib quality 11'}) made for the measurement` : ''}.`,
    '',
    ...keys.map((k) => `- ${CONFIGS[k].label}`),
    '',
    `| file | raw | ${keys.map((k) => `(${k})`).join(' | ')} |`,
    `|---|---:|${keys.map(() => '---:').join('|')}|`,
    ...allFiles.map((f) => `| \`${f}\` | ${n(result.files[f].raw)} | ${keys.map((k) => cell(result.files[f][k])).join(' | ')} |`),
    '',
    `| page downloads (widget files only) | raw | ${keys.map((k) => `(${k})`).join(' | ')} |`,
    `|---|---:|${keys.map(() => '---:').join('|')}|`,
    ...PAGES.map((p) => {
      const fs_ = byPage[p.name];
      return `| ${p.name} (${fs_.length} files) | ${n(fs_.reduce((s, f) => s + result.files[f].raw, 0))} | ${keys.map((k) => `${n(total(fs_, k))} (${ms3g(total(fs_, k))} ms)`).join(' | ')} |`;
    }),
    '',
    `Files: ${filesSource}. In brackets: the time those bytes take at Fast 3G's 200,000 B/s. ` +
      'A default Debian nginx compresses only text/html, so without `gzip_types` the bundle and the data go out uncompressed; with `gzip_types` they are compressed on the fly at level 1; with `gzip_static`/`brotli_static` nginx sends the files made once at the best level. ' +
      `Configuration (d) is the one in docs/huong-dan-nhung.md, checked here: ${problems.length ? `**problems: ${problems.join('; ')}**` : 'each file answered 200 with its MIME type, compressed, with `Vary: Accept-Encoding`, a year\'s max-age for the versioned bundle and `no-cache` for the data'}.`,
  ];
  return lines.join('\n');
}

const md = markdown();
console.log(md);
if (WRITE) {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(result, null, 2) + '\n');
  console.error(`wrote ${path.relative(ROOT, RESULTS)}`);
  updateSection('nginx', md);
  console.error('updated BENCHMARKS.md (nginx section)');
}
if (problems.length) {
  console.error(`\nproblems:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
