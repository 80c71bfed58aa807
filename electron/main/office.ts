/**
 * Glue of the office above (汇总, 批量核查): Electron's native dialogs for createOfficeServices, and the worker's bundle
 * beside main.cjs (build/build-electron.mjs builds services/office/worker.ts as office-worker.cjs).
 */
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createOfficeServices } from './services/office/officeJobs.js';

const UNIT_FILTERS = [
  { name: '单位报告（草稿、Word、PDF、网页、文本、Excel）', extensions: ['gkbg', 'json', 'docx', 'pdf', 'html', 'htm', 'txt', 'xlsx'] },
  { name: '所有文件', extensions: ['*'] },
];

export function createOfficeGlue(window: () => BrowserWindow | null) {
  const win = () => window() ?? undefined!;
  return createOfficeServices({
    pool: { workerFile: join(__dirname, 'office-worker.cjs') },
    dialogs: {
      async chooseFolder(title) {
        const r = await dialog.showOpenDialog(win(), { title, properties: ['openDirectory'] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      async chooseFiles(title) {
        const r = await dialog.showOpenDialog(win(), { title, filters: UNIT_FILTERS, properties: ['openFile', 'multiSelections'] });
        return r.canceled ? null : r.filePaths;
      },
      async chooseSave(suggestedName) {
        const r = await dialog.showSaveDialog(win(), { title: '导出', defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
        return r.canceled ? null : (r.filePath ?? null);
      },
    },
  });
}
