// A static file server for the browser tests: serves a folder (the built site) on 127.0.0.1,
// optionally under a sub-path, with .wasm as application/wasm and no special headers, as any
// static host would. Also runnable by hand: node tests/web/server.mjs [site-dir] [port] [/sub/path/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Starts serving `root` at http://127.0.0.1:<port><prefix>. Resolves to { url, close }.
export async function serveStatic(root, { port = 0, prefix = '/' } = {}) {
  const base = resolve(root);
  if (!prefix.endsWith('/')) prefix += '/';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) return send(res, 404, 'not under ' + prefix);
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'outside the site');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream',
                           'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(res, 404, 'not found: ' + path);
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'build/web/site', port = '8000', prefix = '/'] = process.argv.slice(2);
  const { url } = await serveStatic(root, { port: Number(port), prefix });
  console.log(`serving ${root} at ${url}`);
}
