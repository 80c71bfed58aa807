/**
 * Where the window may go (engineering §3). The app is served from `app://report/`; every URL is parsed with
 * `new URL` and compared by exact origin, never by string prefix (`app://report.evil/`, `app://report@evil/`).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'report';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of exactly our origin (scheme, host, no credentials, no port). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** will-navigate / will-redirect: allowed only within our own origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The only sites `shell.openExternal` may open (policy and help pages), https only, exact host match. */
export const EXTERNAL_HOSTS: readonly string[] = ['www.gov.cn', 'www.moj.gov.cn'];

export function isExternalAllowed(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && hosts.includes(u.hostname);
}
