/**
 * Live preview of the official document: the HTML writer's output (the same document that is printed to
 * PDF) in a sandboxed <iframe srcdoc>, scaled to fit the available width, refreshed ~300 ms after the
 * report stops changing. The frame runs no scripts (sandbox without allow-scripts; the document has none
 * and forbids them by its own CSP); allow-same-origin only lets this component measure its height.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { renderHtml } from '../../shared/render/html.js';
import { buildDocModel } from '../../shared/render/model.js';
import type { Report } from '../../shared/report/model.js';

export interface PreviewProps {
  report: Report;
  /** debounce before re-rendering, ms */
  delayMs?: number;
  /** accessible name of the frame */
  label?: string;
  className?: string;
}

/** Width of the previewed page on screen in CSS px: A4 (210 mm) plus the 12 px gutters of the screen style. */
export const PAGE_WIDTH_PX = Math.ceil((210 / 25.4) * 96) + 24;
const FALLBACK_HEIGHT_PX = Math.ceil((297 / 25.4) * 96) + 24;

export function previewHtml(report: Report): string {
  try {
    return renderHtml(buildDocModel(report));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p>预览生成失败：${message.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</p></body></html>`;
  }
}

/** The scale that fits the page into `available` px (never enlarged). */
export function fitScale(available: number): number {
  if (!Number.isFinite(available) || available <= 0) return 1;
  return Math.min(1, available / PAGE_WIDTH_PX);
}

export function Preview({ report, delayMs = 300, label = '报告预览', className }: PreviewProps) {
  const [html, setHtml] = useState(() => previewHtml(report));
  const [scale, setScale] = useState(1);
  const [height, setHeight] = useState(FALLBACK_HEIGHT_PX);
  const wrapRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const first = useRef(true);

  // Debounced re-render while the clerk types.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setHtml(previewHtml(report)), delayMs);
    return () => clearTimeout(timer);
  }, [report, delayMs]);

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

  const measure = () => {
    const doc = frameRef.current?.contentDocument;
    const h = doc?.documentElement?.scrollHeight;
    if (h && h > 0) setHeight(h);
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
  return (
    <div ref={wrapRef} className={className} style={{ width: '100%', overflowX: 'hidden', height: Math.ceil(height * scale) }} data-testid="report-preview">
      <iframe ref={frameRef} title={label} sandbox="allow-same-origin" srcDoc={html} onLoad={measure} style={frameStyle} />
    </div>
  );
}

export default Preview;
