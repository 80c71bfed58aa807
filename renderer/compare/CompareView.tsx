/**
 * Two versions side by side (issue 13): the entered cells that changed with both values, each section's text with
 * the words removed (<del>) and added (<ins>), and the findings that appeared or were resolved. A modal dialog; where
 * it opens from (the versions panel, 「与上年比较」) is the caller's business — it only shows a `DraftComparison`.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { cellName, type DraftComparison, type SectionComparison, type TextPart } from '../../shared/compare/compare.js';
import { SECTION_NAMES } from '../../shared/report/format.js';
import type { CellValue } from '../../shared/report/model.js';
import type { Finding } from '../../shared/rules/index.js';
import { RULES } from '../../shared/rules/index.js';
import './compare.css';

export interface CompareViewProps {
  comparison: DraftComparison;
  /** what the older side is, e.g. 「2025年3月1日 10:20 送审稿」 or 「2023年报告」 */
  fromLabel: string;
  toLabel: string;
  onClose: () => void;
}

export function CompareView({ comparison, fromLabel, toLabel, onClose }: CompareViewProps) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const nothing = comparison.cells.length === 0 && comparison.sections.length === 0 && comparison.findings.added.length === 0 && comparison.findings.resolved.length === 0;
  return (
    <div className="cmp-backdrop">
      <div className="cmp-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="compare-view">
        <header className="cmp-head">
          <h2 id={titleId}>
            比较：{fromLabel} → {toLabel}
          </h2>
          <button ref={closeRef} type="button" className="cmp-close" aria-label="关闭" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="cmp-body">
          {nothing ? <p className="cmp-none">两个版本的表格、正文和检查结果完全相同。</p> : null}
          <CellChanges comparison={comparison} fromLabel={fromLabel} toLabel={toLabel} />
          <TextChanges sections={comparison.sections} fromLabel={fromLabel} toLabel={toLabel} />
          <FindingChanges findings={comparison.findings} />
        </div>
      </div>
    </div>
  );
}

function shown(v: CellValue): string {
  return v === null ? '（空）' : String(v);
}

function CellChanges({ comparison, fromLabel, toLabel }: { comparison: DraftComparison; fromLabel: string; toLabel: string }) {
  const { cells, formats, unmatched } = comparison;
  const id = useId();
  return (
    <section className="cmp-part" aria-labelledby={id}>
      <h3 id={id}>表格（{cells.length ? `${cells.length} 处变化` : '无变化'}）</h3>
      {formats.from !== formats.to ? (
        <>
          <p className="cmp-note">
            两个版本的格式不同（{formats.from}年格式 / {formats.to}年格式）：只比较两种格式共有的单元格。仅「{fromLabel}」的格式有 {unmatched.from.length} 个单元格，仅「{toLabel}」的格式有 {unmatched.to.length} 个，未作比较：
          </p>
          <div className="cmp-columns">
            <Unmatched label={fromLabel} cells={unmatched.from} />
            <Unmatched label={toLabel} cells={unmatched.to} />
          </div>
        </>
      ) : null}
      {cells.length ? (
        <table className="cmp-cells">
          <thead>
            <tr>
              <th scope="col">单元格</th>
              <th scope="col">{fromLabel}</th>
              <th scope="col">{toLabel}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((c) => (
              <tr key={c.key} data-cell={c.key}>
                <th scope="row">{cellName(c.key)}</th>
                <td>
                  <del>{shown(c.from)}</del>
                </td>
                <td>
                  <ins>{shown(c.to)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The cells only one side's format has, with their values there (blank ones counted, not listed). */
function Unmatched({ label, cells }: { label: string; cells: DraftComparison['unmatched']['from'] }) {
  const filled = cells.filter((c) => c.value !== null);
  return (
    <details className="cmp-unmatched">
      <summary>
        仅「{label}」的格式有（{cells.length} 个，其中 {filled.length} 个已填写）
      </summary>
      <ul>
        {filled.map((c) => (
          <li key={c.key}>
            {cellName(c.key)}：{shown(c.value)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One side of a section's text: what both have, and this side's own words marked. */
function Side({ parts, side }: { parts: readonly TextPart[]; side: 'from' | 'to' }) {
  return (
    <div className="cmp-text">
      {parts.map((p, i) => {
        if (p.kind === 'same') return <span key={i}>{p.text}</span>;
        if (side === 'from' && p.kind === 'removed') return <del key={i}>{p.text}</del>;
        if (side === 'to' && p.kind === 'added') return <ins key={i}>{p.text}</ins>;
        return null;
      })}
    </div>
  );
}

function TextChanges({ sections, fromLabel, toLabel }: { sections: readonly SectionComparison[]; fromLabel: string; toLabel: string }) {
  const id = useId();
  return (
    <section className="cmp-part" aria-labelledby={id}>
      <h3 id={id}>正文（{sections.length ? `${sections.length} 个部分有改动` : '无改动'}）</h3>
      {sections.map((s) => (
        <section key={s.section} className="cmp-section" data-section={s.section} aria-label={SECTION_NAMES[s.section]}>
          <h4>
            {SECTION_NAMES[s.section]}
            <small>
              删除 {s.removed.length} 处，新增 {s.added.length} 处
            </small>
          </h4>
          <div className="cmp-columns">
            <div>
              <div className="cmp-side-label">{fromLabel}</div>
              <Side parts={s.parts} side="from" />
            </div>
            <div>
              <div className="cmp-side-label">{toLabel}</div>
              <Side parts={s.parts} side="to" />
            </div>
          </div>
        </section>
      ))}
    </section>
  );
}

function FindingList({ title, findings, kind }: { title: string; findings: readonly Finding[]; kind: 'added' | 'resolved' }) {
  return (
    <div className={`cmp-findings ${kind}`}>
      <h4>
        {title}（{findings.length}）
      </h4>
      {findings.length ? (
        <ul>
          {findings.map((f, i) => (
            <li key={i} data-rule={f.rule}>
              <span className={`cmp-badge ${f.severity}`}>{f.severity === 'error' ? '错误' : '提示'}</span> <b title={RULES[f.rule].name}>{f.rule}</b> {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="cmp-none">无</p>
      )}
    </div>
  );
}

function FindingChanges({ findings }: { findings: DraftComparison['findings'] }) {
  const id = useId();
  return (
    <section className="cmp-part" aria-labelledby={id}>
      <h3 id={id}>检查结果</h3>
      <div className="cmp-columns">
        <FindingList title="新出现的问题" findings={findings.added} kind="added" />
        <FindingList title="已解决的问题" findings={findings.resolved} kind="resolved" />
      </div>
    </section>
  );
}
