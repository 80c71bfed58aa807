/**
 * The messages of the focused cell, floating next to it (fixed position, so no table scroller clips them): the
 * rule, both sides and the difference, readable while the clerk fixes the figure.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useEditor } from './context.js';
import { useCellView } from './store.js';

export function CellPopover({ root }: { root: RefObject<HTMLElement | null> }) {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onIn = (e: FocusEvent) => {
      const t = e.target as HTMLElement | null;
      setKey(t?.dataset.cell ?? null);
    };
    const onOut = (e: FocusEvent) => {
      const next = e.relatedTarget as HTMLElement | null;
      if (!next?.dataset.cell) setKey(null);
    };
    el.addEventListener('focusin', onIn);
    el.addEventListener('focusout', onOut);
    return () => {
      el.removeEventListener('focusin', onIn);
      el.removeEventListener('focusout', onOut);
    };
  }, [root]);
  return key ? <Bubble key={key} cellKey={key} root={root} /> : null;
}

function Bubble({ cellKey, root }: { cellKey: string; root: RefObject<HTMLElement | null> }) {
  const { store } = useEditor();
  const view = useCellView(store, cellKey);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number; above: boolean } | null>(null);
  const messages = view.status.messages;

  useLayoutEffect(() => {
    if (view.status.messages.length === 0) return;
    const place = () => {
      const cell = root.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cellKey)}"]`)?.closest('td');
      const box = ref.current;
      if (!cell || !box) return;
      const r = cell.getBoundingClientRect();
      const h = box.offsetHeight;
      const w = box.offsetWidth;
      const above = r.bottom + h + 8 > window.innerHeight && r.top - h - 8 > 0;
      const left = Math.max(8, Math.min(r.right - w, window.innerWidth - w - 8));
      setPos({ left, top: above ? r.top - h - 4 : r.bottom + 4, above });
    };
    place();
    const scroller = root.current;
    window.addEventListener('resize', place);
    scroller?.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      scroller?.removeEventListener('scroll', place, true);
    };
  }, [cellKey, view.sig, view.status.messages.length, root]);

  if (messages.length === 0) return null;
  return (
    <div
      ref={ref}
      className={`cell-popover${pos?.above ? ' above' : ''}`}
      data-testid="cell-popover"
      data-for={cellKey}
      role="status"
      style={{ left: pos?.left ?? -9999, top: pos?.top ?? -9999 }}
    >
      {messages.map((m, i) => (
        <p key={i} className={m.severity} data-rule={m.rule}>
          <b>{m.rule}</b> {m.message}
        </p>
      ))}
    </div>
  );
}
