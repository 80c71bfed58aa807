/**
 * Which host the page talks to: `window.reportHost` when something installed one before the page ran (the Electron
 * preload via contextBridge, or the end-to-end test host via a Playwright init script), else the browser host.
 */
import { HOST_GLOBAL, type ReportHost } from '../../shared/ipc/contract.js';
import { createBrowserHost } from './browser.js';

let cached: ReportHost | null = null;

export function getHost(): ReportHost {
  if (cached) return cached;
  const installed = (window as unknown as Record<string, unknown>)[HOST_GLOBAL];
  cached = isHost(installed) ? installed : createBrowserHost();
  return cached;
}

function isHost(v: unknown): v is ReportHost {
  return typeof v === 'object' && v !== null && typeof (v as { openDraft?: unknown }).openDraft === 'function' && typeof (v as { kind?: unknown }).kind === 'string';
}
