/**
 * The preload (engineering §2, first implementation): `window.reportHost`, one `ipcRenderer.invoke` per host method
 * through `contextBridge`, plus the shell-event subscription. Nothing else is exposed — never `ipcRenderer` itself.
 * Runs sandboxed (bundled to dist/electron/preload.cjs).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_PREFIX, HOST_GLOBAL, SHELL_EVENT_CHANNEL, hostMethods, shellEvent, type ShellEvent } from '../../shared/ipc/contract.js';

const api: Record<string, unknown> = { kind: 'electron' };
for (const method of Object.keys(hostMethods)) {
  api[method] = (arg: unknown) => ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, arg);
}
api.onShellEvent = (listener: (event: ShellEvent) => void) => {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
    const parsed = shellEvent.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(SHELL_EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(SHELL_EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld(HOST_GLOBAL, api);
