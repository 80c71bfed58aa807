/**
 * The paged preview: the report as the A4 pages it prints on — page breaks, 「— n —」 folios, repeated table headers —
 * because it is the print. The report's flow HTML is laid out in a hidden frame and measured there (shared/render/
 * measure.ts), paginated by the rules of spec §5 (paginate.ts), and the paged HTML — the very document the PDF and the
 * print are made from, paginated the same way in the printing Chromium — is shown in the visible frame, scaled to fit.
 *
 * Nothing happens while the clerk types: the work starts `delayMs` after the report stops changing, so keystrokes stay
 * as fast as without the preview. Both frames are sandboxed without scripts (the documents have none and forbid them by
 * their own CSP); allow-same-origin only lets this component measure them.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { renderHtml } from '../../shared/render/html.js';
import { buildDocModel, type DocModel, type DocModelOptions } from '../../shared/render/model.js';
import { pagedHtmlFrom } from './paged.js';
import type { Report } from '../../shared/report/model.js';

export interface PreviewProps {
  report: Report;
  /** how the document is laid out (the draft's 落款版式: `draftModelOptions`) */
  options?: DocModelOptions;
  /** quiet time after the last change before the pages are made again, ms */
  delayMs?: number;
  /** accessible name of the frame */
  label?: string;
  className?: string;
}

/** Width of the previewed page on screen in CSS px: A4 (210 mm) plus the 12 px gutters of the screen style. */
export const PAGE_WIDTH_PX = Math.ceil((210 / 25.4) * 96) + 24;
const FALLBACK_HEIGHT_PX = Math.ceil((297 / 25.4) * 96) + 24;
/** Marked (performance.mark) each time the shown pages catch up with the report — for `npm run bench`. */
export const PREVIEW_UPDATED_MARK = 'preview-updated';

function failure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>预览生成失败：${message.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</p></body></html>`;
}

/** The scale that fits the page into `available` px (never enlarged). */
export function fitScale(available: number): number {
  if (!Number.isFinite(available) || available <= 0) return 1;
  return Math.min(1, available / PAGE_WIDTH_PX);
}

interface Pending {
  model: DocModel | null;
  /** the flow document: what is measured, and what says whether anything printable changed */
  flow: string;
  /** which change of the printed document this is */
  generation: number;
}

function pendingFor(report: Report, options: DocModelOptions, generation: number): Pending {
  try {
    const model = buildDocModel(report, options);
    return { model, flow: renderHtml(model), generation };
  } catch (e) {
    return { model: null, flow: failure(e), generation };
  }
}

const NO_OPTIONS: DocModelOptions = {};

export function Preview({ report, options = NO_OPTIONS, delayMs = 200, label = '报告预览', className }: PreviewProps) {
  const [pending, setPending] = useState<Pending>(() => pendingFor(report, options, 0));
  // Until the first pages are made the flow document is shown: the text at once, the pages a moment later.
  const [shown, setShown] = useState<{ html: string; pages: number | null; generation: number }>(() => ({ html: pending.flow, pages: null, generation: -1 }));
  const [scale, setScale] = useState(1);
  const [height, setHeight] = useState(FALLBACK_HEIGHT_PX);
  const wrapRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const measureRef = useRef<HTMLIFrameElement>(null);
  const generation = useRef(0);
  const first = useRef(true);

  // After the report stops changing: lay it out again in the hidden frame — only when the printed document changed
  // (a new report object with the same content, e.g. after an autosave, must not restart work under way).
  const latestFlow = useRef(pending.flow);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const next = pendingFor(report, options, generation.current + 1);
      if (next.flow === latestFlow.current) return;
      latestFlow.current = next.flow;
      generation.current = next.generation;
      setPending(next);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [report, options, delayMs]);

  // The hidden frame has laid the flow out: measure, paginate, show the pages.
  const paginateFlow = () => {
    const doc = measureRef.current?.contentDocument;
    const { model, generation: made } = pending;
    if (!doc || made !== generation.current) return;
    if (!model) {
      setShown({ html: pending.flow, pages: null, generation: made });
      return;
    }
    pagedHtmlFrom(model, doc).then(
      (paged) => {
        if (made === generation.current) setShown({ ...paged, generation: made });
      },
      (e: unknown) => {
        if (made === generation.current) setShown({ html: failure(e), pages: null, generation: made });
      },
    );
  };

  // Scale to the wrapper's width.
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const update = () => setScale(fitScale(wrap.clientWidth));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  const shownLoaded = () => {
    const h = frameRef.current?.contentDocument?.documentElement?.scrollHeight;
    if (h && h > 0) setHeight(h);
    if (shown.pages !== null && typeof performance !== 'undefined') performance.mark(PREVIEW_UPDATED_MARK);
  };

  const frameStyle: CSSProperties = {
    width: PAGE_WIDTH_PX,
    height,
    border: 0,
    display: 'block',
    transform: `scale(${scale})`,
    transformOrigin: 'top left',
    background: '#e5e5e5',
  };
  // Laid out at the page's width, out of sight (not display:none: it must lay out to be measured).
  const measureStyle: CSSProperties = { position: 'absolute', left: -20000, top: 0, width: PAGE_WIDTH_PX, height: 200, border: 0, visibility: 'hidden' };
  const upToDate = shown.generation === generation.current && shown.pages !== null;
  return (
    <div
      ref={wrapRef}
      className={className}
      style={{ width: '100%', overflowX: 'hidden', height: Math.ceil(height * scale), position: 'relative' }}
      data-testid="report-preview"
      data-pages={shown.pages ?? undefined}
      data-pending={upToDate ? 'false' : 'true'}
    >
      <iframe ref={frameRef} title={label} sandbox="allow-same-origin" srcDoc={shown.html} onLoad={shownLoaded} style={frameStyle} />
      <iframe ref={measureRef} title={`${label}（排版测量）`} aria-hidden="true" tabIndex={-1} sandbox="allow-same-origin" srcDoc={pending.flow} onLoad={paginateFlow} style={measureStyle} />
    </div>
  );
}

export default Preview;
