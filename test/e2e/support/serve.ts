/**
 * A tiny static file server for the built renderer (end-to-end tests and benchmarks): 127.0.0.1 only, GET/HEAD
 * only, paths and headers decided by the app protocol's own functions (no traversal; the app's CSP as a header).
 *   npx tsx test/e2e/support/serve.ts <dir> <port>
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN } from '../../../electron/main/services/navigation.js';
import { SECURITY_HEADERS, contentTypeFor, resolveAppRequest } from '../../../electron/main/services/protocol.js';

export function startServer(rootDir: string, port = 0): Promise<Server> {
  const root = resolve(rootDir);
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      // The app protocol's own path guard and headers (app:// in Electron), so the tests run under the same CSP.
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist/renderer', port = '4317'] = process.argv.slice(2);
  const server = await startServer(dir, Number(port));
  console.log(`serving ${dir} on http://127.0.0.1:${serverPort(server)}/`);
}
