/**
 * What the clerk does to the draft beyond typing, each one undoable step: text edits from the tool buttons, accepting
 * a warning, confirming a review item, filling a table's blanks; and where a click on a finding or review item goes.
 */
import { blankCounts, cloneValues, fillBlanksWithZero, formValuesToDraft, tableHeading } from '../../shared/editor/formValues.js';
import { findingDestination, findingGroup } from '../../shared/editor/issues.js';
import { confirmReviewItem, locateReviewItem } from '../../shared/editor/review.js';
import { acceptWarning } from '../../shared/report/acceptance.js';
import type { SectionKey, TableId } from '../../shared/report/format.js';
import type { Report } from '../../shared/report/model.js';
import type { SentenceEdit } from '../../shared/report/narrative.js';
import type { Finding } from '../../shared/rules/types.js';
import { draftToReport, type AcceptedWarning } from '../../shared/schema/draft.js';
import type { Notice } from './context.js';
import type { EditorModel } from './useEditorModel.js';

const ALL_TABLES: readonly TableId[] = ['active', 'apply', 'review'];

export function flash(el: Element): void {
  el.classList.remove('flash');
  void (el as HTMLElement).offsetWidth;
  el.classList.add('flash');
  window.setTimeout(() => el.classList.remove('flash'), 1300);
}

export function createEditorActions(model: EditorModel, root: () => HTMLElement | null, say: (n: Notice | null) => void) {
  const textArea = (section: SectionKey) => root()?.querySelector<HTMLTextAreaElement>(`textarea[data-section="${section}"]`) ?? null;

  const selectText = (section: SectionKey, start: number, end: number): boolean => {
    const area = textArea(section);
    if (!area) return false;
    area.scrollIntoView({ block: 'center' });
    area.focus({ preventScroll: true });
    area.setSelectionRange(start, end);
    flash(area);
    return true;
  };

  const focusCell = (key: string): boolean => {
    const el = root()?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
    if (!el) return false;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    el.focus({ preventScroll: true });
    flash(el.closest('td') ?? el);
    return true;
  };

  const focusField = (name: string): boolean => {
    const el = root()?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    flash(el);
    return true;
  };

  /** A finding about the text selects its words; one about a figure focuses its cell; else its field. */
  const focusFinding = (f: Finding): boolean => {
    const to = findingDestination(f, findingGroup(f));
    if (to.kind === 'text') return selectText(to.section, to.start, to.end);
    if (to.kind === 'cell') return focusCell(to.key);
    return focusField(to.name);
  };

  const editText = (section: SectionKey, edit: (text: string, cursor: number | undefined, report: Report) => SentenceEdit) => {
    const values = cloneValues(model.form.getValues());
    const area = textArea(section);
    const cursor = area && document.activeElement === area ? area.selectionStart : undefined;
    const report = draftToReport(formValuesToDraft(values, model.base, model.extras(), model.format));
    const result = edit(values.sections[section] ?? '', cursor, report);
    if (result.text === values.sections[section]) {
      say({ text: '文字已与表格一致，无需更新', tone: 'info' });
    } else {
      values.sections[section] = result.text;
      model.commit(values);
      say({ text: result.replaced ? '已按表格数据更新原句（可撤销）' : '已插入（可撤销）', tone: 'info' });
    }
    if (area) {
      // typing goes on where the edit says (a sub-heading: on the new line after it); the inserted words flash
      const caret = result.caret ?? result.end;
      area.focus();
      area.setSelectionRange(caret, caret);
      flash(area);
    }
  };

  const setAccepted = (accepted: readonly AcceptedWarning[]) => model.commit(cloneValues(model.form.getValues()), { ...model.extras(), accepted });
  const accept = (f: Finding, explanation: string) => {
    const accepted = acceptWarning(model.extras().accepted, f, explanation);
    if (accepted !== model.extras().accepted) setAccepted(accepted);
  };
  const unaccept = (a: AcceptedWarning) => setAccepted(model.extras().accepted.filter((x) => x !== a));

  /** The clerk has reviewed item `index`: it leaves the list and its 【请核对】 mark leaves the text. */
  const confirmReview = (index: number) => {
    const values = cloneValues(model.form.getValues());
    const r = confirmReviewItem(values.sections, model.extras().review, index);
    model.commit({ ...values, sections: r.sections }, { ...model.extras(), review: r.review });
    say({ text: '已确认核对（可撤销）', tone: 'info' });
  };
  const showReview = (index: number): boolean => {
    const item = model.extras().review[index];
    if (!item) return false;
    if (item.section) {
      const at = locateReviewItem(model.form.getValues().sections[item.section] ?? '', item);
      return selectText(item.section, at?.start ?? 0, at?.end ?? 0);
    }
    return item.target ? focusCell(item.target) || focusField(`meta.${item.target}`) : false;
  };

  const fillTables = (tables: readonly TableId[]) => {
    const values = cloneValues(model.form.getValues());
    const { cells, filled } = fillBlanksWithZero(values, model.format, tables);
    if (filled === 0) return say({ text: '没有空格需要填0', tone: 'info' });
    model.commit({ ...values, cells });
    say({ text: `已将${tables.length === 1 ? `「${tableHeading(tables[0] ?? 'apply')}」表中` : ''} ${filled} 个空格填为0（可撤销）`, tone: 'info' });
  };
  /** 「全部空格填0」 asks first, naming each table and how many of its cells are blank. */
  const askFillAll = () => {
    const counts = blankCounts(model.form.getValues(), model.format);
    const tables = ALL_TABLES.filter((t) => counts[t] > 0);
    if (tables.length === 0) return say({ text: '没有空格需要填0', tone: 'info' });
    const list = tables.map((t) => `「${tableHeading(t)}」${counts[t]} 格`).join('、');
    say({ text: `将把 ${list} 的空格全部填为0。空格表示还没填，填0表示确实为零，请确认这些格子确实为0：`, tone: 'warn', confirm: { label: '确认全部填0', run: () => fillTables(tables) } });
  };

  return { focusCell, focusFinding, editText, accept, unaccept, confirmReview, showReview, fillTables, askFillAll };
}

export type EditorActions = ReturnType<typeof createEditorActions>;
