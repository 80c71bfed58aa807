/** The look every dialog of the app shares (import, roll-up, batch review): inline styles, allowed by the strict CSP. */
import type { CSSProperties } from 'react';

export const dialogFont = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

export const dialogStyles = {
  backdrop: { position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.35)', display: 'flex', alignItems: 'center', justifyContent: 'center', zIndex: 1000 },
  /** the frame; each dialog gives its own width and height */
  dialog: { background: '#fff', color: '#1f2328', fontFamily: dialogFont, display: 'flex', flexDirection: 'column', borderRadius: 6, boxShadow: '0 10px 40px rgba(0,0,0,0.3)' },
  head: { display: 'flex', alignItems: 'center', padding: '12px 16px', borderBottom: '1px solid #d0d7de' },
  title: { fontSize: 18, margin: 0, flex: 1 },
  close: { fontSize: 20, border: 'none', background: 'transparent', cursor: 'pointer', lineHeight: 1 },
  hint: { margin: 0, color: '#57606a', fontSize: 14, lineHeight: 1.6 },
  label: { display: 'flex', flexDirection: 'column', gap: 6, fontSize: 14 },
  textarea: { width: '100%', boxSizing: 'border-box', fontFamily: dialogFont, fontSize: 13, padding: 8, border: '1px solid #d0d7de', borderRadius: 4, resize: 'vertical' },
  button: { padding: '6px 14px', fontSize: 14, border: '1px solid #d0d7de', borderRadius: 4, background: '#f6f8fa', cursor: 'pointer', fontFamily: dialogFont },
  primary: { padding: '6px 14px', fontSize: 14, border: '1px solid #1f6feb', borderRadius: 4, background: '#1f6feb', color: '#fff', cursor: 'pointer', fontFamily: dialogFont },
  error: { margin: 0, color: '#b42318', background: '#fef3f2', border: '1px solid #fecdca', borderRadius: 4, padding: '8px 10px', fontSize: 14 },
  section: { border: '1px solid #d0d7de', borderRadius: 4, padding: '8px 12px' },
  sectionTitle: { margin: '0 0 6px', fontSize: 15 },
  list: { margin: 0, paddingLeft: 18, display: 'flex', flexDirection: 'column', gap: 4, fontSize: 13, lineHeight: 1.6 },
  badgeError: { background: '#b42318', color: '#fff', borderRadius: 3, padding: '0 5px', fontSize: 12 },
  badgeWarning: { background: '#b54708', color: '#fff', borderRadius: 3, padding: '0 5px', fontSize: 12 },
} satisfies Record<string, CSSProperties>;
