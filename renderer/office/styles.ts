/** Styles of the office dialogs: the app's dialog look (dialogStyles) and their tables. */
import type { CSSProperties } from 'react';
import { dialogFont, dialogStyles } from '../dialogStyles.js';

export const styles = {
  ...dialogStyles,
  row: { display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' },
  input: { fontFamily: dialogFont, fontSize: 14, padding: '4px 8px', border: '1px solid #d0d7de', borderRadius: 4 },
  link: { border: 'none', background: 'transparent', color: '#0969da', cursor: 'pointer', padding: 0, fontFamily: dialogFont, fontSize: 13 },
  notice: { margin: 0, color: '#0b4a6f', background: '#eff8ff', border: '1px solid #b2ddff', borderRadius: 4, padding: '8px 10px', fontSize: 14 },
  progress: { width: '100%', height: 14 },
  tableWrap: { overflow: 'auto', border: '1px solid #d0d7de', borderRadius: 4, flex: 1, minHeight: 120 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: 13 },
  th: { position: 'sticky', top: 0, background: '#f6f8fa', borderBottom: '1px solid #d0d7de', padding: '4px 8px', textAlign: 'left', whiteSpace: 'nowrap' },
  td: { borderBottom: '1px solid #eaeef2', padding: '4px 8px', verticalAlign: 'top' },
  num: { borderBottom: '1px solid #eaeef2', padding: '4px 8px', textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  nowrap: { borderBottom: '1px solid #eaeef2', padding: '4px 8px', verticalAlign: 'top', whiteSpace: 'nowrap' },
  selected: { background: '#ddf4ff' },
  entry: { background: '#fff8c5' },
  ok: { color: '#1a7f37' },
  bad: { color: '#b42318', fontWeight: 600 },
  warn: { color: '#b54708' },
} satisfies Record<string, CSSProperties>;
