/**
 * 导入已发布的报告: choose a file (DOCX, PDF, HTML, TXT) or paste text; shows what the importer was unsure of
 * (to confirm first) and the source check (the rules on the report as published); then opens the import as a
 * draft, or starts this year's report with it as last year's. Self-contained: talks to the host through
 * `importPublished` only, styles inline (CSSOM, allowed by the strict CSP); the integrator mounts it.
 */
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { ReportHost } from '../../shared/ipc/contract.js';
import { parseImportResult, type ImportResult } from '../../shared/import/result.js';
import { serializeDraft } from '../../shared/schema/draft.js';
import { dialogStyles } from '../dialogStyles.js';

export interface ImportDialogProps {
  host: Pick<ReportHost, 'importPublished' | 'importCancel' | 'kind'>;
  /** 「作为草稿打开」: the imported report as a draft (file text, validated) */
  onOpenAsDraft: (draftText: string, result: ImportResult) => void;
  /** 「作为上年报告，创建本年度报告」: the imported report becomes last year's of a new draft */
  onCreateNextYear: (result: ImportResult, draftText: string) => void;
  onClose: () => void;
}

type State =
  | { step: 'choose'; error?: string; note?: string }
  | { step: 'busy'; what: string }
  | { step: 'done'; name: string; result: ImportResult; draftText: string };

const MAX_PASTE = 2_000_000;

export function ImportDialog({ host, onOpenAsDraft, onCreateNextYear, onClose }: ImportDialogProps) {
  const [state, setState] = useState<State>({ step: 'choose' });
  /** a plain browser reads text files only (the DOCX and PDF readers run in the desktop app) */
  const inPage = host.kind === 'browser';
  const [pasted, setPasted] = useState('');
  const titleId = useId();
  const firstButton = useRef<HTMLButtonElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    firstButton.current?.focus();
  }, []);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.step === 'done') resultHeading.current?.focus();
    // the buttons that started it are disabled meanwhile: focus stays in the dialog (Escape cancels)
    if (state.step === 'busy') cancelButton.current?.focus();
  }, [state.step]);

  /** the clerk asked to stop the import under way (it runs in a worker, which main ends) */
  const cancelAsked = useRef(false);
  const cancel = useCallback(() => {
    cancelAsked.current = true;
    void host.importCancel({});
  }, [host]);

  const run = useCallback(
    async (arg: { pasted?: string }, what: string) => {
      cancelAsked.current = false;
      setState({ step: 'busy', what });
      try {
        const answer = await host.importPublished(arg);
        if (answer.status === 'canceled') return setState({ step: 'choose', ...(cancelAsked.current ? { note: '已取消导入' } : {}) });
        if (answer.status === 'error') return setState({ step: 'choose', error: answer.message });
        const parsed = parseImportResult(answer.result);
        if (!parsed.ok) return setState({ step: 'choose', error: parsed.error });
        let draftText: string;
        try {
          draftText = serializeDraft(parsed.result.draft);
        } catch {
          return setState({ step: 'choose', error: '导入结果中的草稿无效' });
        }
        setState({ step: 'done', name: answer.name, result: parsed.result, draftText });
      } catch (e) {
        setState({ step: 'choose', error: `导入失败：${e instanceof Error ? e.message : String(e)}` });
      }
    },
    [host],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    if (state.step === 'busy') cancel();
    else onClose();
  };

  return (
    <div style={styles.backdrop} data-testid="import-dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} style={styles.dialog} onKeyDown={onKeyDown} data-testid="import-dialog">
        <header style={styles.head}>
          <h2 id={titleId} style={styles.title}>
            导入已发布的报告
          </h2>
          <button type="button" onClick={onClose} aria-label="关闭" style={styles.close} disabled={state.step === 'busy'}>
            ×
          </button>
        </header>

        {state.step !== 'done' ? (
          <div style={styles.body}>
            <p style={styles.hint}>
              {inPage
                ? '选择上一年度已发布报告的文本文件（.txt），或把报告全文粘贴到下面（Word、PDF 报告可打开后全选复制；直接导入 Word、PDF 文件请用桌面程序）。导入后会列出需要核对的内容和原文中存在的问题。'
                : '选择上一年度已发布的报告（Word .docx、PDF、网页 .html 或文本 .txt），或把报告全文粘贴到下面。导入后会列出需要核对的内容和原文中存在的问题。'}
            </p>
            <div style={styles.row}>
              <button ref={firstButton} type="button" style={styles.primary} disabled={state.step === 'busy'} onClick={() => void run({}, '正在读取文件…')}>
                {inPage ? '选择文本文件（.txt）…' : '选择文件…'}
              </button>
            </div>
            <label style={styles.label}>
              或粘贴报告全文：
              <textarea
                value={pasted}
                onChange={(e) => setPasted(e.target.value.slice(0, MAX_PASTE))}
                rows={10}
                style={styles.textarea}
                placeholder="从网页或 PDF 中复制整篇报告（含表格），粘贴在这里"
                disabled={state.step === 'busy'}
                data-testid="import-paste"
              />
            </label>
            <div style={styles.row}>
              <button type="button" style={styles.button} disabled={state.step === 'busy' || pasted.trim() === ''} onClick={() => void run({ pasted }, '正在识别粘贴的文本…')}>
                导入粘贴的文本
              </button>
            </div>
            {state.step === 'busy' ? (
              <div style={styles.row}>
                <p role="status" style={styles.hint}>
                  {state.what}
                </p>
                <button ref={cancelButton} type="button" style={styles.button} onClick={cancel}>
                  取消导入
                </button>
              </div>
            ) : null}
            {state.step === 'choose' && state.note ? (
              <p role="status" style={styles.hint}>
                {state.note}
              </p>
            ) : null}
            {state.step === 'choose' && state.error ? (
              <p role="alert" style={styles.error}>
                {state.error}
              </p>
            ) : null}
          </div>
        ) : (
          <ResultView
            state={state}
            headingRef={resultHeading}
            onOpenAsDraft={() => onOpenAsDraft(state.draftText, state.result)}
            onCreateNextYear={() => onCreateNextYear(state.result, state.draftText)}
            onAgain={() => setState({ step: 'choose' })}
          />
        )}
      </div>
    </div>
  );
}

function ResultView({
  state,
  headingRef,
  onOpenAsDraft,
  onCreateNextYear,
  onAgain,
}: {
  state: Extract<State, { step: 'done' }>;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onOpenAsDraft: () => void;
  onCreateNextYear: () => void;
  onAgain: () => void;
}) {
  const { result, name } = state;
  const r = result.report;
  const errors = result.sourceCheck.filter((f) => f.severity === 'error');
  const warnings = result.sourceCheck.filter((f) => f.severity === 'warning');
  return (
    <div style={styles.body} data-testid="import-result">
      <h3 ref={headingRef} tabIndex={-1} style={styles.subtitle}>
        {r.title ?? `${r.organ ?? ''}${r.year}年政府信息公开工作年度报告`}
      </h3>
      <p style={styles.hint} data-testid="import-summary">
        来源：{name} · {r.year} 年度 · {r.format === '2019' ? '2019年格式' : '2021年格式'} · 机关：{r.organ ?? '（未识别）'} · 已读取{' '}
        {result.stats.cellsRead}/{result.stats.cellsTotal} 个单元格
      </p>

      <section aria-label="需要核对的内容" style={styles.section}>
        <h4 style={styles.sectionTitle}>需要先核对的内容（{result.uncertain.length} 处）</h4>
        {result.uncertain.length === 0 ? (
          <p style={styles.ok}>所有单元格和栏目都已可靠识别。</p>
        ) : (
          <ul style={styles.list} data-testid="import-uncertain">
            {groupByReason(result.uncertain).map((g) => (
              <li key={g.reason} style={styles.item} data-target={g.targets.join(' ')}>
                <strong>
                  {g.names.slice(0, 8).join('、')}
                  {g.names.length > 8 ? ` 等 ${g.names.length} 处` : ''}
                </strong>
                ：{g.reason}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="原文核查" style={styles.section}>
        <h4 style={styles.sectionTitle}>
          原文核查（{errors.length} 个错误，{warnings.length} 个警告）
        </h4>
        {result.sourceCheck.length === 0 ? (
          <p style={styles.ok}>原文未发现问题。</p>
        ) : (
          <ul style={styles.list} data-testid="import-findings">
            {[...errors, ...warnings].map((f, i) => (
              <li key={`${f.rule}-${i}`} style={styles.item} data-rule={f.rule}>
                <span style={f.severity === 'error' ? styles.badgeError : styles.badgeWarning}>{f.severity === 'error' ? '错误' : '警告'}</span>{' '}
                <code style={styles.rule}>{f.rule}</code> {f.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <footer style={styles.footer}>
        <button type="button" style={styles.button} onClick={onAgain}>
          重新选择
        </button>
        <span style={{ flex: 1 }} />
        <button type="button" style={styles.button} onClick={onOpenAsDraft}>
          作为草稿打开
        </button>
        <button type="button" style={styles.primary} onClick={onCreateNextYear}>
          作为上年报告，创建本年度报告
        </button>
      </footer>
    </div>
  );
}

/** Doubts with the same reason (every cell of one row, say) shown as one line naming them all. */
function groupByReason(items: ImportResult['uncertain']): { reason: string; names: string[]; targets: string[] }[] {
  const groups = new Map<string, { reason: string; names: string[]; targets: string[] }>();
  for (const u of items) {
    const g = groups.get(u.reason) ?? { reason: u.reason, names: [], targets: [] };
    if (!g.names.includes(u.name)) g.names.push(u.name);
    g.targets.push(u.target);
    groups.set(u.reason, g);
  }
  return [...groups.values()];
}

const styles: Record<string, CSSProperties> = {
  ...dialogStyles,
  dialog: { ...dialogStyles.dialog, width: 'min(860px, 94vw)', maxHeight: '90vh' },
  body: { padding: 16, overflow: 'auto', display: 'flex', flexDirection: 'column', gap: 10 },
  row: { display: 'flex', gap: 8 },
  subtitle: { margin: 0, fontSize: 16, outline: 'none' },
  item: {},
  ok: { margin: 0, color: '#1a7f37', fontSize: 14 },
  rule: { fontSize: 12, color: '#57606a' },
  footer: { display: 'flex', gap: 8, alignItems: 'center', paddingTop: 6, borderTop: '1px solid #d0d7de' },
};

export default ImportDialog;
