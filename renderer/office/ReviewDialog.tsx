/**
 * 批量核查: a folder of units' reports → one row per unit (errors and warnings by rule, the parser's doubts, or why the
 * file couldn't be checked), any unit's findings opened beside the table; the table exported as .xlsx and a 审核意见
 * per unit. The work runs in main's workers with a progress bar and can be cancelled.
 */
import { useState } from 'react';
import type { OfficeExportKind, OfficeHost } from '../../shared/rollup/host.js';
import { UNIT_FILE_KIND_NAMES, verdictOf, type ReviewRow } from '../../shared/rollup/review.js';
import { DialogFrame } from '../DialogFrame.js';
import { JobProgress, OFFICE_DIALOG_SIZE } from './OfficeFrame.js';
import { styles } from './styles.js';
import { useOfficeJob } from './useOfficeJob.js';

export function ReviewDialog({ host, onClose }: { host: OfficeHost; onClose: () => void }) {
  const { state, start, cancel, reset } = useOfficeJob(host);
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const busy = state.step === 'running';

  const save = async (kind: OfficeExportKind) => {
    if (state.step !== 'done') return;
    setSaved(null);
    setExportError(null);
    const r = await host.officeExport({ job: state.job, kind });
    if (r.status === 'saved') setSaved(`已保存到 ${r.path}`);
    else if (r.status === 'error') setExportError(r.message);
  };

  const rows = state.step === 'idle' ? [] : state.rows;
  const current = rows.find((r) => r.file === selected) ?? null;
  const footer =
    state.step === 'done' ? (
      <>
        <button type="button" style={styles.button} onClick={reset}>
          重新选择
        </button>
        <span style={{ flex: 1 }} />
        <button type="button" style={styles.button} onClick={() => void save('opinions')}>
          导出审核意见（每个单位一份）…
        </button>
        <button type="button" style={styles.primary} onClick={() => void save('review-xlsx')}>
          导出核查结果（Excel）…
        </button>
      </>
    ) : null;

  return (
    <DialogFrame size={OFFICE_DIALOG_SIZE} title="批量核查" busy={busy} onClose={onClose} footer={footer} testId="review-dialog">
      {state.step === 'idle' || state.step === 'canceled' ? (
        <>
          <p style={styles.hint}>
            选择存放各单位报告的文件夹（或选择若干文件）：本程序的草稿、报告数据、已发布的报告（Word、PDF、网页、文本）和按本程序格式填写的 Excel 表格都可以。每个文件核查后列为一行；无法读取的文件也列出原因。
          </p>
          <div style={styles.row}>
            <button type="button" style={styles.primary} onClick={() => void start({ task: 'review', pick: 'folder' })}>
              选择文件夹…
            </button>
            <button type="button" style={styles.button} onClick={() => void start({ task: 'review', pick: 'files' })}>
              选择文件…
            </button>
          </div>
          {state.step === 'canceled' ? <p style={styles.notice}>核查已取消（已核查 {state.rows.length} 个文件）。</p> : null}
          {state.step === 'idle' && state.error ? (
            <p role="alert" style={styles.error}>
              {state.error}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p style={styles.hint} data-testid="review-summary">
            {state.location} · {summaryLine(rows, state.total)}
          </p>
          {state.step === 'running' ? <JobProgress done={state.done} total={state.total} what="已核查" onCancel={cancel} /> : null}
          {saved ? (
            <p role="status" style={styles.notice}>
              {saved}
            </p>
          ) : null}
          {exportError ? (
            <p role="alert" style={styles.error}>
              {exportError}
            </p>
          ) : null}
          <div style={{ display: 'flex', gap: 10, flex: 1, minHeight: 0 }}>
            <ReviewTable rows={rows} selected={selected} onSelect={setSelected} />
            {current ? <UnitFindings row={current} /> : null}
          </div>
        </>
      )}
    </DialogFrame>
  );
}

function summaryLine(rows: readonly ReviewRow[], total: number): string {
  const count = (v: string) => rows.filter((r) => verdictOf(r) === v).length;
  return `共 ${total} 个文件：通过 ${count('通过')}，有警告 ${count('有警告')}，有错误 ${count('有错误')}，无法核查 ${count('无法核查')}`;
}

const VERDICT_STYLE: Record<string, React.CSSProperties> = { 通过: styles.ok, 有警告: styles.warn, 有错误: styles.bad, 无法核查: styles.bad };

function ReviewTable({ rows, selected, onSelect }: { rows: readonly ReviewRow[]; selected: string | null; onSelect: (file: string) => void }) {
  const sorted = [...rows].sort((a, b) => a.file.localeCompare(b.file, 'zh-Hans-CN'));
  return (
    <div style={styles.tableWrap}>
      <table style={styles.table} aria-label="核查结果">
        <thead>
          <tr>
            {['单位', '文件', '类型', '年度', '结论', '错误', '警告', '存疑', '主要问题'].map((h) => (
              <th key={h} style={styles.th} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.file} style={r.file === selected ? styles.selected : undefined} data-file={r.file}>
              <td style={styles.td}>
                <button type="button" style={styles.link} onClick={() => onSelect(r.file)} aria-pressed={r.file === selected}>
                  {r.unit}
                </button>
              </td>
              <td style={styles.nowrap}>{r.file}</td>
              <td style={styles.nowrap}>{r.kind ? UNIT_FILE_KIND_NAMES[r.kind] : ''}</td>
              <td style={styles.num}>{r.year ?? ''}</td>
              <td style={{ ...styles.nowrap, ...VERDICT_STYLE[verdictOf(r)] }}>{verdictOf(r)}</td>
              <td style={styles.num}>{r.errors}</td>
              <td style={styles.num}>{r.warnings}</td>
              <td style={styles.num}>{r.doubts}</td>
              <td style={{ ...styles.td, color: '#57606a' }}>{r.status === 'failed' ? r.reason : topRules(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function topRules(r: ReviewRow): string {
  return Object.entries(r.byRule)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([rule, n]) => `${rule}×${n}`)
    .join(' ');
}

function UnitFindings({ row }: { row: ReviewRow }) {
  return (
    <section aria-label={`${row.unit}的核查结果`} style={{ ...styles.section, width: 380, overflow: 'auto', flexShrink: 0 }} data-testid="review-unit">
      <h3 style={styles.sectionTitle}>{row.unit}</h3>
      <p style={styles.hint}>
        {row.file}
        {row.year ? ` · ${row.year} 年度` : ''}
      </p>
      {row.status === 'failed' ? <p style={styles.error}>无法核查：{row.reason}</p> : null}
      {row.status === 'checked' && row.findings.length === 0 && row.uncertain.length === 0 ? <p style={styles.ok}>未发现问题。</p> : null}
      <ul style={styles.list}>
        {[...row.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)).map((f, i) => (
          <li key={`${f.rule}-${i}`} data-rule={f.rule}>
            <span style={f.severity === 'error' ? styles.badgeError : styles.badgeWarning}>{f.severity === 'error' ? '错误' : '警告'}</span> <code>{f.rule}</code> {f.message}
          </li>
        ))}
        {row.uncertain.map((u, i) => (
          <li key={`u-${i}`}>
            <span style={styles.badgeWarning}>存疑</span> {u.name}：{u.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
