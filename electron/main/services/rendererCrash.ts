/**
 * What main does when the page crashes or hangs (the glue only wires `render-process-gone` / `unresponsive` /
 * `responsive` to these): the last autosave is kept — released from this run, so no clean close deletes it — the
 * page is reloaded, and the reloaded page offers it like any crash recovery. A hung page is not killed behind the
 * clerk's back: they choose to wait or to reload.
 */
import type { MessageBoxOptions } from 'electron';

/** What the glue does next. */
export type RendererAction =
  | { kind: 'none' }
  /** reload the page (after the autosaves were released); `kill` first when the page is hung */
  | { kind: 'reload'; kill: boolean }
  /** ask the clerk: wait or reload (`unresponsiveDialog`, answer with `afterHangChoice`) */
  | { kind: 'ask' };

export interface OwnedAutosaves {
  releaseOwned(): string[];
}

/** `render-process-gone`: anything but a clean exit keeps the autosaves and reloads. */
export function onRendererGone(reason: string, autosaves: OwnedAutosaves): RendererAction {
  if (reason === 'clean-exit') return { kind: 'none' };
  autosaves.releaseOwned();
  return { kind: 'reload', kill: false };
}

/** `unresponsive`: ask once per hang (a second event while the question is open asks nothing more). */
export class HangWatch {
  private asking = false;
  onUnresponsive(): RendererAction {
    if (this.asking) return { kind: 'none' };
    this.asking = true;
    return { kind: 'ask' };
  }
  /** `responsive`: the page recovered by itself; the glue may close the question. */
  onResponsive(): void {
    this.asking = false;
  }
  /** The clerk's answer to `unresponsiveDialog` (0 = 等待, 1 = 重新加载). */
  afterHangChoice(response: number, autosaves: OwnedAutosaves): RendererAction {
    this.asking = false;
    if (response !== 1) return { kind: 'none' };
    autosaves.releaseOwned();
    return { kind: 'reload', kill: true };
  }
}

export function unresponsiveDialog(dirty: boolean): MessageBoxOptions {
  return {
    type: 'warning',
    title: '程序没有响应',
    message: '报告窗口暂时没有响应',
    detail: dirty
      ? '可以再等一会儿，或者重新加载窗口。重新加载后，会提示恢复最近一次自动保存的内容（每次修改约 2 秒后自动保存）。'
      : '可以再等一会儿，或者重新加载窗口。',
    buttons: ['等待', '重新加载'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
