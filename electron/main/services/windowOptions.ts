/**
 * The main window's options (engineering §3): isolated, sandboxed, no Node in the page; everything else at Electron's
 * secure defaults (webSecurity untouched). The glue passes these to `new BrowserWindow` unchanged.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_TITLE, documentWindowTitle } from '../../../shared/ipc/title.js';

export const APP_NAME = APP_TITLE;

export function mainWindowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: false,
      navigateOnDragDrop: false,
      autoplayPolicy: 'user-gesture-required',
    },
  };
}

/** The window title: file name (or 未命名), an unsaved mark 「*」, and the app name. */
export function windowTitle(documentTitle: string, dirty: boolean): string {
  return documentWindowTitle(documentTitle, dirty);
}
