/**
 * The built renderer served over HTTP on 127.0.0.1 only (GET/HEAD only), with the app protocol's own path guard and
 * headers (no traversal; the app's CSP as a header): for `npm start` on a machine without the Electron binary (the
 * page then runs with the browser host), the end-to-end tests and the benchmarks.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { APP_ORIGIN } from './navigation.js';
import { SECURITY_HEADERS, contentTypeFor, resolveAppRequest } from './protocol.js';

export function startServer(rootDir: string, port = 0): Promise<Server> {
  const root = resolve(rootDir);
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const file = resolveAppRequest(root, `${APP_ORIGIN}${(req.url ?? '/').split('?')[0] ?? '/'}`);
      if (file === null) {
        res.writeHead(403).end();
        return;
      }
      try {
        const s = await stat(file);
        if (!s.isFile()) throw new Error('not a file');
        const body = await readFile(file);
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file), 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      }
    })();
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

export function serverPort(server: Server): number {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
}
