/**
 * XY-COPY in the editor: the passages of a section copied from last year's report, marked behind its text (a mirror
 * of the textarea with <mark>s, scrolled with it) and listed under it, each with 「定位」 to select its words.
 */
import { useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import type { SectionKey } from '../../shared/report/format.js';
import type { Finding, TextSpan } from '../../shared/rules/types.js';
import { useEditor } from '../editor/context.js';
import { usePanelView } from '../editor/store.js';
import './copied.css';

/** The open findings' passages in `section` (XY-COPY's; any finding with `passages`). */
function useCopiedPassages(section: SectionKey): { finding: Finding; passage: TextSpan }[] {
  const { store } = useEditor();
  const { summary } = usePanelView(store);
  return summary.open.flatMap((i) => (i.finding.passages ?? []).filter((p) => p.section === section).map((passage) => ({ finding: i.finding, passage })));
}

/** Behind the textarea: the same text, transparent, with the copied passages marked (the textarea is see-through). */
export function CopiedBackdrop({ section }: { section: SectionKey }) {
  const passages = useCopiedPassages(section);
  return passages.length ? <Backdrop section={section} spans={passages.map((p) => p.passage)} /> : null;
}

function Backdrop({ section, spans }: { section: SectionKey; spans: readonly TextSpan[] }) {
  const { control } = useEditor();
  const text: string = useWatch({ control, name: `sections.${section}` }) ?? '';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const backdrop = ref.current;
    const area = backdrop?.parentElement?.querySelector('textarea');
    if (!backdrop || !area) return;
    const follow = () => {
      backdrop.scrollTop = area.scrollTop;
    };
    follow();
    area.addEventListener('scroll', follow);
    return () => area.removeEventListener('scroll', follow);
  }, [text]);
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.min(s.end, text.length);
    if (end <= start) continue;
    pieces.push({ text: text.slice(at, start), marked: false }, { text: text.slice(start, end), marked: true });
    at = end;
  }
  pieces.push({ text: text.slice(at), marked: false });
  return (
    <div ref={ref} className="copied-backdrop" aria-hidden="true">
      {pieces.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      {/* a last empty line of the textarea still takes its height */}
      {'\n'}
    </div>
  );
}

/** Under the section: each copied passage, quoted, with 「定位」. */
export function CopiedList({ section }: { section: SectionKey }) {
  const api = useEditor();
  const passages = useCopiedPassages(section);
  const text: string = useWatch({ control: api.control, name: `sections.${section}` }) ?? '';
  if (passages.length === 0) return null;
  return (
    <div className="copied-list" data-testid={`copied-${section}`}>
      <p>与上年报告雷同的段落（{passages.length} 处，已在正文中用底色标出）：</p>
      <ol>
        {passages.map(({ finding, passage }) => {
          const quoted = text.slice(passage.start, passage.end).replace(/\s+/g, ' ');
          return (
            <li key={`${passage.start}-${passage.end}`}>
              <span className="copied-quote">“{quoted.length > 60 ? `${quoted.slice(0, 60)}…` : quoted}”</span>{' '}
              <button type="button" className="small" onClick={() => api.focusFinding({ ...finding, span: passage, section: passage.section })} title="选中这段文字">
                定位
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
