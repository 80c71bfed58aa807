/**
 * The application menu as data (Chinese labels, the usual shortcuts). The glue turns it into Electron's template:
 * `command` items send a shell event to the page (undo/redo go to the editor's own history), `role` items use
 * Electron's built-in behaviour (clipboard, zoom), `recent` is filled with the 最近打开 list.
 */
import type { ShellCommand } from '../../../shared/ipc/contract.js';

export type MenuItemSpec =
  | { kind: 'command'; label: string; command: ShellCommand; accelerator?: string }
  | { kind: 'role'; label: string; role: 'cut' | 'copy' | 'paste' | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'minimize'; accelerator?: string }
  | { kind: 'recent'; label: string }
  | { kind: 'quit'; label: string; accelerator?: string }
  | { kind: 'about'; label: string }
  | { kind: 'separator' };

export interface MenuSpec {
  label: string;
  items: readonly MenuItemSpec[];
}

const sep = { kind: 'separator' } as const;

export function menuSpec(platform: NodeJS.Platform = process.platform): MenuSpec[] {
  return [
    {
      label: '文件(&F)',
      items: [
        { kind: 'command', label: '新建', command: 'new', accelerator: 'CmdOrCtrl+N' },
        { kind: 'command', label: '打开…', command: 'open', accelerator: 'CmdOrCtrl+O' },
        { kind: 'recent', label: '最近打开' },
        sep,
        { kind: 'command', label: '保存', command: 'save', accelerator: 'CmdOrCtrl+S' },
        { kind: 'command', label: '另存为…', command: 'saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
        sep,
        { kind: 'command', label: '从本报告创建下一年度报告', command: 'nextYear' },
        { kind: 'command', label: '导入已发布的报告…', command: 'import' },
        { kind: 'command', label: '汇总下级单位报告…', command: 'rollup' },
        { kind: 'command', label: '批量核查…', command: 'review' },
        sep,
        { kind: 'command', label: '导出 Word 文档…', command: 'exportDocx' },
        { kind: 'command', label: '导出 PDF…', command: 'exportPdf' },
        { kind: 'command', label: '导出审核单…', command: 'exportReview' },
        { kind: 'command', label: '打印…', command: 'print', accelerator: 'CmdOrCtrl+P' },
        sep,
        { kind: 'quit', label: '退出', accelerator: platform === 'darwin' ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      label: '编辑(&E)',
      items: [
        // the editor's own history (a pasted block is one step), not the text field's native undo
        { kind: 'command', label: '撤销', command: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { kind: 'command', label: '重做', command: 'redo', accelerator: platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
        sep,
        { kind: 'role', label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { kind: 'role', label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { kind: 'role', label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { kind: 'role', label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: '视图(&V)',
      items: [
        { kind: 'role', label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { kind: 'role', label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { kind: 'role', label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        sep,
        { kind: 'role', label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    { label: '帮助(&H)', items: [{ kind: 'about', label: '关于' }] },
  ];
}

/** The question asked when closing or quitting with unsaved changes. Buttons: 0 保存, 1 不保存, 2 取消. */
export function unsavedChangesDialog(fileName: string): { type: 'warning'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number; noLink: true } {
  return {
    type: 'warning',
    title: '尚未保存',
    message: `是否保存对「${fileName.trim() || '未命名'}」的修改？`,
    detail: '如果不保存，所做的修改将会丢失。',
    buttons: ['保存', '不保存', '取消'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

export type CloseChoice = 'save' | 'discard' | 'cancel';
export function closeChoice(response: number): CloseChoice {
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}
