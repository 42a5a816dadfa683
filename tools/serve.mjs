// Static server for the demo portal, the end-to-end tests and the benchmarks. No dependencies.
//
//   node tools/serve.mjs [--root DIR] [--port N] [--host H] [--test-endpoints] [--gzip] [--no-precompressed]
//
// Serves DIR with correct MIME types (application/wasm for streaming instantiation). A demo
// endpoint accepts feedback submissions at POST /api/phan-anh and answers with a reference number.
// With --test-endpoints it also serves failure injection for the tests under /__fail/:
//   /__fail/404, /__fail/500, /__fail/stall (headers never come), /__fail/stall-body (headers,
//   then the body stalls), /__fail/malformed.json, /__fail/slow?ms=N&file=PATH.
//
// Compression, like a portal's web server:
// * Precompressed siblings (on by default; `precompressed: false` or --no-precompressed turns it
//   off): when the request's Accept-Encoding allows it and FILE.br or FILE.gz exists beside FILE,
//   that file is sent with `Content-Encoding`, FILE's own MIME type and `Vary: Accept-Encoding`
//   (br preferred), as nginx's gzip_static/brotli_static do. A sibling is used only once it has
//   been checked to decompress to exactly FILE (checked once per change of either file), so a
//   stale .gz left beside a rebuilt file is never sent.
// * On the fly (`compress: true`, --gzip): other text, JSON, JavaScript, CSS, SVG and wasm files
//   are gzipped at level 6 when the client accepts gzip (kept in memory per file version, so a
//   benchmark does not measure this server's CPU).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8', '.jsonl': 'application/jsonl; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip', '.br': 'application/x-brotli',
};

/** MIME types worth compressing on the fly (images and archives are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|jsonl|javascript|wasm)|image\/svg\+xml)/;

/**
 * Which encodings of `br` and `gzip` an Accept-Encoding header allows (q > 0), in the server's
 * order of preference. `identity` is always acceptable here (we never refuse a request).
 */
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, weight);
  }
  const ok = (enc) => (q.has(enc) ? q.get(enc) > 0 : q.has('*') && q.get('*') > 0);
  return ['br', 'gzip'].filter(ok);
}

export function createServer({ root, testEndpoints = false, csp = null, log = () => {}, precompressed = true, compress = false }) {
  const absRoot = path.resolve(root);
  let submissions = 0;
  const stalled = new Set();
  const opts = { precompressed, compress };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    log(`${req.method} ${url.pathname}`);
    if (csp) res.setHeader('Content-Security-Policy', csp);
    if (url.pathname === '/api/phan-anh' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) { body += chunk; if (body.length > 2e6) break; }
      let ok = true;
      try { JSON.parse(body); } catch { ok = false; }
      if (!ok) { res.writeHead(400, { 'content-type': 'application/json' }); res.end('{"error":"invalid JSON"}'); return; }
      submissions += 1;
      const reference = `PAKN-${new Date().getFullYear()}-${String(submissions).padStart(6, '0')}`;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ reference }));
      return;
    }
    if (testEndpoints && url.pathname.startsWith('/__fail/')) {
      const what = url.pathname.slice('/__fail/'.length);
      if (what === '404') { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('Not Found'); return; }
      if (what === '500') { res.writeHead(500, { 'content-type': 'text/plain' }); res.end('Internal Server Error'); return; }
      if (what === 'stall') { stalled.add(res); req.on('close', () => stalled.delete(res)); return; }
      if (what === 'stall-body') { res.writeHead(200, { 'content-type': 'application/json' }); res.write('{"version": 1, "proc'); stalled.add(res); return; }
      if (what === 'malformed.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{\n  "version": 1,\n  "procedures": [\n    {"code": "1.000001", "name": "Thủ tục A",}\n  ]\n}\n'); return; }
      if (what === 'submit-500') { res.writeHead(500, { 'content-type': 'application/json' }); res.end('{"error":"down"}'); return; }
      if (what === 'slow') {
        const ms = Math.min(Number(url.searchParams.get('ms')) || 1000, 60000);
        await new Promise((r) => setTimeout(r, ms));
        return serveFile(absRoot, url.searchParams.get('file') || '', req, res, opts);
      }
      res.writeHead(404); res.end(); return;
    }
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { res.writeHead(400); res.end(); return; }
    return serveFile(absRoot, rel, req, res, opts);
  });
  server.closeAll = () => { for (const r of stalled) r.destroy(); server.closeAllConnections?.(); server.close(); };
  return server;
}

// Per file version (path, size, mtime): whether each sibling decompresses to the file, and the
// on-the-fly gzip body. Small: a demo has a few dozen files.
const siblingChecks = new Map();
const gzipCache = new Map();
const version = (st) => `${st.size}:${st.mtimeMs}`;

async function statOrNull(file) {
  try { return await fs.promises.stat(file); } catch { return null; }
}

/** The precompressed sibling FILE.br / FILE.gz to send for `enc`, or null. */
async function sibling(file, st, enc) {
  const alt = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
  const ast = await statOrNull(alt);
  if (!ast || !ast.isFile()) return null;
  const key = `${alt}|${version(st)}|${version(ast)}`;
  let good = siblingChecks.get(key);
  if (good === undefined) {
    try {
      const [orig, packed] = await Promise.all([fs.promises.readFile(file), fs.promises.readFile(alt)]);
      const plain = enc === 'br' ? zlib.brotliDecompressSync(packed) : zlib.gunzipSync(packed);
      good = plain.equals(orig);
    } catch { good = false; }
    if (!good) console.error(`serve: ignoring ${alt}: it does not decompress to ${path.basename(file)} (stale?)`);
    siblingChecks.set(key, good);
  }
  return good ? alt : null;
}

async function serveFile(absRoot, rel, req, res, { precompressed, compress }) {
  let file = path.join(absRoot, path.normalize('/' + rel));
  if (!file.startsWith(absRoot)) { res.writeHead(403); res.end(); return; }
  let st = await statOrNull(file);
  if (st && st.isDirectory()) { file = path.join(file, 'index.html'); st = await statOrNull(file); }
  if (!st || !st.isFile()) { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }); res.end('Not Found'); return; }
  const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
  // `last-modified` as every static server sends it (the print module dates a list without
  // `published` by it).
  const headers = { 'content-type': type, 'cache-control': 'no-cache', 'last-modified': st.mtime.toUTCString() };
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const compressible = COMPRESSIBLE.test(type);
  try {
    if (precompressed) {
      let any = false;
      for (const enc of ['br', 'gzip']) {
        const alt = await sibling(file, st, enc);
        if (!alt) continue;
        any = true;
        if (!accepted.includes(enc)) continue;
        const body = await fs.promises.readFile(alt);
        return send(res, { ...headers, 'content-encoding': enc, vary: 'Accept-Encoding' }, body);
      }
      if (any) headers.vary = 'Accept-Encoding';
    }
    if (compress && compressible) {
      headers.vary = 'Accept-Encoding';
      if (accepted.includes('gzip')) {
        const key = `${file}|${version(st)}`;
        let body = gzipCache.get(key);
        if (!body) {
          body = zlib.gzipSync(await fs.promises.readFile(file), { level: 6 });
          gzipCache.set(key, body);
        }
        return send(res, { ...headers, 'content-encoding': 'gzip' }, body);
      }
    }
    return send(res, headers, await fs.promises.readFile(file));
  } catch {
    if (!res.headersSent) { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }); res.end('Not Found'); }
  }
}

function send(res, headers, body) {
  res.writeHead(200, { ...headers, 'content-length': body.length });
  res.end(body);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const root = arg('--root', 'www');
  const port = Number(arg('--port', '8080'));
  const host = arg('--host', '127.0.0.1');
  const server = createServer({
    root, testEndpoints: process.argv.includes('--test-endpoints'),
    compress: process.argv.includes('--gzip'), precompressed: !process.argv.includes('--no-precompressed'),
  });
  server.listen(port, host, () => console.log(`Serving ${path.resolve(root)} at http://${host}:${port}/`));
}
