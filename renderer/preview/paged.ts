/**
 * The paged document in the page itself: the flow document laid out in a frame of this page, measured
 * (shared/render/measure.ts) and paginated by the rules of spec §5 (paginate.ts) — what the preview shows and what
 * the browser host prints, the same pages main's Chromium prints to PDF. Without this the browser's print would
 * leave the page breaks to the printer (table 三 split, a heading at a page foot).
 */
import { renderPagedHtml } from '../../shared/render/html.js';
import { measureFlow } from '../../shared/render/measure.js';
import type { DocModel } from '../../shared/render/model.js';
import { paginate } from '../../shared/render/paginate.js';

/** The paged document of `model`, measured in `doc`, a loaded frame holding the model's flow document (renderHtml). */
export async function pagedHtmlFrom(model: DocModel, doc: Document): Promise<{ html: string; pages: number }> {
  await doc.fonts.ready;
  const pages = paginate(model, measureFlow(doc));
  return { html: renderPagedHtml(model, pages), pages: pages.length };
}

/**
 * Loads `html` into `frame` and waits for it: as srcdoc, as the preview does (same origin, so the page can read the
 * frame; the documents carry their own CSP, which forbids scripts).
 */
export async function loadFrame(frame: HTMLIFrameElement, html: string): Promise<Document> {
  await new Promise<void>((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.srcdoc = html;
  });
  const doc = frame.contentDocument;
  if (!doc) throw new Error('打印页无法载入');
  return doc;
}
