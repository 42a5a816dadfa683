// Static server for the demo portal and the end-to-end tests. No dependencies.
//
//   node tools/serve.mjs [--root DIR] [--port N] [--host H] [--test-endpoints]
//
// Serves DIR with correct MIME types (application/wasm for streaming instantiation). A demo
// endpoint accepts feedback submissions at POST /api/phan-anh and answers with a reference number.
// With --test-endpoints it also serves failure injection for the tests under /__fail/:
//   /__fail/404, /__fail/500, /__fail/stall (headers never come), /__fail/stall-body (headers,
//   then the body stalls), /__fail/malformed.json, /__fail/slow?ms=N&file=PATH.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8', '.jsonl': 'application/jsonl; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
};

export function createServer({ root, testEndpoints = false, csp = null, log = () => {} }) {
  const absRoot = path.resolve(root);
  let submissions = 0;
  const stalled = new Set();
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
        return serveFile(absRoot, url.searchParams.get('file') || '', res);
      }
      res.writeHead(404); res.end(); return;
    }
    return serveFile(absRoot, decodeURIComponent(url.pathname), res);
  });
  server.closeAll = () => { for (const r of stalled) r.destroy(); server.closeAllConnections?.(); server.close(); };
  return server;
}

function serveFile(absRoot, rel, res) {
  let file = path.join(absRoot, path.normalize('/' + rel));
  if (!file.startsWith(absRoot)) { res.writeHead(403); res.end(); return; }
  fs.stat(file, (err, st) => {
    if (!err && st.isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err2, data) => {
      if (err2) { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }); res.end('Not Found'); return; }
      res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(data);
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const root = arg('--root', 'www');
  const port = Number(arg('--port', '8080'));
  const host = arg('--host', '127.0.0.1');
  const server = createServer({ root, testEndpoints: process.argv.includes('--test-endpoints') });
  server.listen(port, host, () => console.log(`Serving ${path.resolve(root)} at http://${host}:${port}/`));
}
