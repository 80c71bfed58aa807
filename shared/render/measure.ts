/**
 * Measuring the flow layout for pagination, in whatever Chromium shows or prints the report: the renderer's preview
 * frame, the headless Chromium of the command line, Electron's print window. Each block of the flow HTML carries
 * `data-b="<index>"`; this reads its height, each paragraph's line starts and each table's row heights.
 *
 * `measureFlow` is self-contained on purpose — no imports, no module constants, no inner named functions — so it
 * can be sent to another page as source text (`measureFlowSource`). It is typed structurally (shared/ has no DOM
 * types); a real `Document` fits.
 */
import { z } from 'zod';
import type { FlowMeasure } from './paginate.js';

export interface MRect {
  top: number;
  bottom: number;
  height: number;
}
export interface MNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<MNode>;
}
export interface MElement extends MNode {
  tagName: string;
  getBoundingClientRect(): MRect;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<MElement>;
  querySelector(selector: string): MElement | null;
}
export interface MRange {
  setStart(node: MNode, offset: number): void;
  setEnd(node: MNode, offset: number): void;
  getClientRects(): ArrayLike<MRect>;
}
export interface MDocument {
  querySelectorAll(selector: string): ArrayLike<MElement>;
  createRange(): MRange;
}

export function measureFlow(doc: MDocument): FlowMeasure {
  const blocks: FlowMeasure['blocks'] = [];
  const els = doc.querySelectorAll('[data-b]');
  const range = doc.createRange();
  for (let e = 0; e < els.length; e++) {
    const el = els[e];
    if (!el) continue;
    const index = Number(el.getAttribute('data-b'));
    const box = el.getBoundingClientRect();
    const m: FlowMeasure['blocks'][number] = { height: box.height };
    const lineHeight = Number(el.getAttribute('data-line') ?? '0');
    if (el.tagName === 'P' && lineHeight > 0 && box.height > lineHeight * 1.5) {
      // Line starts: the offset of each character whose box begins a new line (text nodes in document order).
      const starts: number[] = [0];
      let offset = 0;
      let lastTop = Number.NEGATIVE_INFINITY;
      const stack: MNode[] = [el];
      while (stack.length > 0) {
        const node = stack.pop();
        if (!node) break;
        if (node.nodeType === 3) {
          const text = node.nodeValue ?? '';
          for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            // the second half of a surrogate pair never starts a line
            if (code >= 0xdc00 && code <= 0xdfff) continue;
            const end = code >= 0xd800 && code <= 0xdbff ? i + 2 : i + 1;
            range.setStart(node, i);
            range.setEnd(node, Math.min(end, text.length));
            const rects = range.getClientRects();
            const r = rects[rects.length - 1];
            if (!r || r.height === 0) continue;
            if (lastTop === Number.NEGATIVE_INFINITY) lastTop = r.top;
            else if (r.top > lastTop + lineHeight / 2) {
              starts.push(offset + i);
              lastTop = r.top;
            }
          }
          offset += text.length;
        } else {
          for (let c = node.childNodes.length - 1; c >= 0; c--) {
            const child = node.childNodes[c];
            if (child) stack.push(child);
          }
        }
      }
      m.lineStarts = starts;
    } else if (el.tagName === 'P') {
      m.lineStarts = [0];
    }
    const table = el.querySelector('table');
    if (table) {
      const t = table.getBoundingClientRect();
      m.spaceBefore = t.top - box.top;
      m.spaceAfter = box.bottom - t.bottom;
      const head = table.querySelector('thead');
      m.headerHeight = head ? head.getBoundingClientRect().height : 0;
      const rows = table.querySelectorAll('tbody > tr');
      m.rowHeights = [];
      for (let r = 0; r < rows.length; r++) m.rowHeights.push(rows[r]?.getBoundingClientRect().height ?? 0);
    }
    blocks[index] = m;
  }
  return { blocks };
}

/** `measureFlow` as an expression to evaluate in a page that holds the flow HTML: yields the measure. */
export function measureFlowSource(): string {
  // tsx/esbuild may wrap functions in a `__name` helper when keeping names; the page has no such helper.
  return `(() => { const __name = (f) => f; return (${measureFlow.toString()})(document); })()`;
}

/** The measure as it comes back from a page (a boundary: checked before it is believed). */
export const FlowMeasureSchema = z.object({
  blocks: z.array(
    z
      .object({
        height: z.number().finite().nonnegative(),
        lineStarts: z.array(z.number().int().nonnegative()).min(1).optional(),
        spaceBefore: z.number().finite().optional(),
        spaceAfter: z.number().finite().optional(),
        headerHeight: z.number().finite().nonnegative().optional(),
        rowHeights: z.array(z.number().finite().nonnegative()).optional(),
      })
      .strict()
      .nullable()
      .transform((b) => b ?? { height: 0 }),
  ),
});
