/**
 * 汇总下级单位报告: pick the units' files (a folder or several files), optionally a roster, the scope and the
 * government's name; the roll-up runs in main's workers. Shown: which units were counted and which left out (and
 * why), the roster's gaps, and every cell's sum with its contributions by unit — cells left for entry marked, with
 * the units' values for reference. Re-run when a unit's file changes. Opens the roll-up as a draft.
 */
import { useEffect, useMemo, useState } from 'react';
import { SECTION_NAMES, SECTIONS } from '../../shared/report/format.js';
import { formatCellValue } from '../../shared/report/numbers.js';
import type { OfficeHost, RollupView } from '../../shared/rollup/host.js';
import { EXCLUSION_KINDS, ROLLUP_SCOPES, type RollupScope } from '../../shared/rollup/record.js';
import { CHANGE_POLL_MS, useOfficeJob } from './useOfficeJob.js';
import { DialogFrame } from '../DialogFrame.js';
import { JobProgress, OFFICE_DIALOG_SIZE } from './OfficeFrame.js';
import { styles } from './styles.js';

export interface RollupDialogProps {
  host: OfficeHost;
  /** 「打开汇总草稿」: the roll-up draft's file text */
  onOpenDraft: (draftText: string, name: string) => void;
  onClose: () => void;
}

export function RollupDialog({ host, onOpenDraft, onClose }: RollupDialogProps) {
  const { state, start, cancel, checkChanged, reset } = useOfficeJob(host);
  const [scope, setScope] = useState<RollupScope>('county');
  const [organ, setOrgan] = useState('');
  const [roster, setRoster] = useState('');
  const [rerunNote, setRerunNote] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const options = { scope, ...(organ.trim() ? { organ: organ.trim() } : {}), ...(roster.trim() ? { roster } : {}) };

  // A unit's file changed on disk: roll up again on the same files.
  useEffect(() => {
    if (state.step !== 'done') return;
    const timer = window.setInterval(() => {
      void checkChanged().then((changed) => {
        if (changed.length === 0) return;
        setRerunNote(`${changed.map((f) => `「${f}」`).join('、')}已更改，已重新汇总。`);
        void start({ task: 'rollup', again: state.job, ...options });
      });
    }, CHANGE_POLL_MS);
    return () => window.clearInterval(timer);
  });

  const exportTables = async () => {
    if (state.step !== 'done') return;
    const r = await host.officeExport({ job: state.job, kind: 'rollup-xlsx' });
    setSaved(r.status === 'saved' ? `已保存到 ${r.path}` : r.status === 'error' ? r.message : null);
  };

  const view = state.step === 'done' ? state.rollup : null;
  const footer = view ? (
    <>
      <button type="button" style={styles.button} onClick={reset}>
        重新选择
      </button>
      <button type="button" style={styles.button} onClick={() => void start({ task: 'rollup', again: state.step === 'done' ? state.job : undefined, ...options })}>
        重新汇总
      </button>
      <span style={{ flex: 1 }} />
      <button type="button" style={styles.button} onClick={() => void exportTables()}>
        导出汇总表格（Excel）…
      </button>
      <button type="button" style={styles.primary} onClick={() => onOpenDraft(view.draftText, `${organ.trim() || '汇总'}${view.year}年报告（汇总）`)}>
        打开汇总草稿
      </button>
    </>
  ) : null;

  return (
    <DialogFrame size={OFFICE_DIALOG_SIZE} title="汇总下级单位报告" busy={state.step === 'running'} onClose={onClose} footer={footer} testId="rollup-dialog">
      {state.step === 'idle' || state.step === 'canceled' || (state.step === 'done' && !view) ? (
        <>
          <p style={styles.hint}>
            选择下级单位的报告（草稿、报告数据、已发布的 Word/PDF/网页/文本，或按本程序格式填写的 Excel 表格）。表三、表四和行政许可、处罚、强制决定数、行政事业性收费金额逐项相加；规章和行政规范性文件的数字由本级政府填写，各单位数值仅供参考。
          </p>
          <fieldset style={{ ...styles.section, display: 'flex', gap: 16, alignItems: 'center' }}>
            <legend>汇总范围</legend>
            {(Object.keys(ROLLUP_SCOPES) as RollupScope[]).reverse().map((k) => (
              <label key={k} style={{ fontSize: 14 }}>
                <input type="radio" name="rollup-scope" checked={scope === k} onChange={() => setScope(k)} /> {ROLLUP_SCOPES[k]}
              </label>
            ))}
            <label style={{ fontSize: 14, display: 'flex', gap: 6, alignItems: 'center' }}>
              机关名称
              <input style={styles.input} value={organ} maxLength={200} onChange={(e) => setOrgan(e.target.value)} placeholder="如：某某县人民政府" />
            </label>
          </fieldset>
          <label style={styles.label}>
            单位名单（可选，每行一个单位，用于查找缺报、重复的单位）：
            <textarea style={styles.textarea} rows={6} value={roster} maxLength={100_000} onChange={(e) => setRoster(e.target.value)} placeholder={'县教育局\n县卫生健康委员会\n…'} aria-label="单位名单" />
          </label>
          <div style={styles.row}>
            <button type="button" style={styles.primary} onClick={() => void start({ task: 'rollup', pick: 'folder', ...options })}>
              选择文件夹…
            </button>
            <button type="button" style={styles.button} onClick={() => void start({ task: 'rollup', pick: 'files', ...options })}>
              选择文件…
            </button>
          </div>
          {state.step === 'canceled' ? <p style={styles.notice}>汇总已取消。</p> : null}
          {state.step === 'idle' && state.error ? (
            <p role="alert" style={styles.error}>
              {state.error}
            </p>
          ) : null}
        </>
      ) : state.step === 'running' ? (
        <>
          <p style={styles.hint}>{state.location}</p>
          <JobProgress done={state.done} total={state.total} what="已读取" onCancel={cancel} />
        </>
      ) : view ? (
        <>
          {rerunNote ? (
            <p role="status" style={styles.notice}>
              {rerunNote}
            </p>
          ) : null}
          {saved ? (
            <p role="status" style={styles.notice}>
              {saved}
            </p>
          ) : null}
          <RollupSummary view={view} scope={scope} />
          <RollupCells view={view} />
        </>
      ) : null}
    </DialogFrame>
  );
}

function RollupSummary({ view, scope }: { view: RollupView; scope: RollupScope }) {
  const counted = view.sources.filter((s) => s.status === 'included');
  const left = view.sources.filter((s) => s.status === 'excluded');
  return (
    <section aria-label="汇总情况" style={styles.section} data-testid="rollup-summary">
      <h3 style={styles.sectionTitle}>
        {view.year} 年度 · {ROLLUP_SCOPES[scope]} · 计入 {counted.length} 个单位{left.length ? `，未计入 ${left.length} 个文件` : ''}
      </h3>
      <ul style={styles.list}>
        {left.map((s) => (
          <li key={s.file} data-exclusion={s.exclusion}>
            <span style={styles.badgeError}>{s.exclusion ? EXCLUSION_KINDS[s.exclusion] : '未计入'}</span> 「{s.file}」（{s.unit}）{s.reason?.replace(/^[^：]*：/, '：')}
          </li>
        ))}
        {view.roster?.missing.map((m) => (
          <li key={`m-${m}`}>
            <span style={styles.badgeWarning}>缺报</span> {m}
          </li>
        ))}
        {view.roster?.notOnRoster.map((m) => (
          <li key={`n-${m}`}>
            <span style={styles.badgeWarning}>不在名单中</span> {m}（已计入）
          </li>
        ))}
        {left.length === 0 && !view.roster?.missing.length && !view.roster?.notOnRoster.length ? <li style={styles.ok}>所有文件均已计入。</li> : null}
      </ul>
    </section>
  );
}

function RollupCells({ view }: { view: RollupView }) {
  const [open, setOpen] = useState<string | null>(null);
  const groups = useMemo(() => SECTIONS.filter((s) => s.table).map((s) => ({ name: SECTION_NAMES[s.key], table: s.table, cells: view.cells.filter((c) => c.key.startsWith(`${s.table}`)) })), [view]);
  return (
    <div style={styles.tableWrap}>
      <table style={styles.table} aria-label="汇总数据">
        <thead>
          <tr>
            {['单元格', '汇总', '各单位数值'].map((h) => (
              <th key={h} style={styles.th} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.name}>
            <tr>
              <th colSpan={3} style={{ ...styles.td, background: '#f6f8fa', textAlign: 'left' }} scope="rowgroup">
                {g.name}
              </th>
            </tr>
            {g.cells.map((c) => (
              <tr key={c.key} data-cell={c.key} style={c.rule === 'entry' ? styles.entry : undefined}>
                <td style={styles.td}>{c.name.replace(/^[二三四]、/, '')}</td>
                <td style={styles.num}>{c.rule === 'entry' ? <em>待填写</em> : formatCellValue(c.value)}</td>
                <td style={styles.td}>
                  <Contributions cell={c} open={open === c.key} onToggle={() => setOpen(open === c.key ? null : c.key)} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Contributions({ cell, open, onToggle }: { cell: RollupView['cells'][number]; open: boolean; onToggle: () => void }) {
  const given = cell.contributions.filter((c) => c.value !== 0);
  const notes = [cell.blankUnits.length ? `${cell.blankUnits.length} 个单位未填` : '', cell.invalidUnits.length ? `${cell.invalidUnits.join('、')} 填写有误未计入` : ''].filter(Boolean);
  const shown = open ? cell.contributions : given.slice(0, 4);
  return (
    <span style={{ fontSize: 12, color: '#57606a' }}>
      {cell.rule === 'entry' ? '本级政府数据，不汇总；参考：' : ''}
      {shown.map((c) => `${c.unit} ${formatCellValue(c.value)}`).join('，') || (cell.contributions.length ? '各单位均为 0' : '无单位填写')}
      {!open && given.length > 4 ? ` 等 ${given.length} 个单位` : ''}
      {notes.length ? <span style={styles.warn}>（{notes.join('；')}）</span> : null}{' '}
      {cell.contributions.length > 0 ? (
        <button type="button" style={styles.link} onClick={onToggle} aria-expanded={open}>
          {open ? '收起' : '全部'}
        </button>
      ) : null}
    </span>
  );
}
