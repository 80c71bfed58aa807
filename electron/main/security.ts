/**
 * Security glue (engineering §3): the app:// protocol, permissions, navigation, new windows and webviews. Every
 * decision is a tested function in services/ (protocol.ts, navigation.ts); this file only wires them to Electron.
 */
import { readFile } from 'node:fs/promises';
import { app, protocol, session, shell, type WebContents } from 'electron';
import { contentTypeFor, resolveAppRequest, SECURITY_HEADERS } from './services/protocol.js';
import { APP_SCHEME, isExternalAllowed, isNavigationAllowed } from './services/navigation.js';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve the built renderer from `rendererDir` on app://report/, refusing every path outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(rendererDir, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

/** Every web contents ever created: no navigation away, no new windows, no webviews. */
export function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
