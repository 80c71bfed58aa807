/**
 * The built renderer served on 127.0.0.1 for the end-to-end tests and benchmarks (the server itself is
 * electron/main/services/staticServer.ts, which `npm start` also uses without the Electron binary).
 *   npx tsx test/e2e/support/serve.ts <dir> <port>
 */
import { pathToFileURL } from 'node:url';
import { serverPort, startServer } from '../../../electron/main/services/staticServer.js';

export { serverPort, startServer };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist/renderer', port = '4317'] = process.argv.slice(2);
  const server = await startServer(dir, Number(port));
  console.log(`serving ${dir} on http://127.0.0.1:${serverPort(server)}/`);
}
