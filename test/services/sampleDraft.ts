/** A realistic filled draft for the file and shell tests. */
import { nestCells } from '../../shared/report/model.js';
import { newDraft, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';

export function sampleDraft(year = 2024): DraftFile {
  const d = newDraft({ year, organ: '某某县人民政府办公室', level: 'government' });
  d.meta.signatureDate = `${year + 1}-02-25`;
  d.sections.overview = `${year}年，某县坚持以习近平新时代中国特色社会主义思想为指导，认真落实《${year - 2}年政务公开工作要点》。（一）主动公开……`;
  d.sections.problems = '（一）存在的问题\n信息更新不及时。\n（二）改进情况\n2025年将加强培训。';
  d.sections.other = '本年度没有产生信息公开处理费。';
  d.cells = nestCells({
    'active.regulations.issued': 0,
    'active.normative.issued': 3,
    'active.normative.repealed': 1,
    'active.normative.in_force': 25,
    'active.fees.amount': 12.5,
    'apply.new.natural': 11,
    'apply.new.commercial': 2,
    'apply.carried_over.natural': 0,
    'apply.granted.natural': 8,
    'apply.granted.commercial': 1,
    'apply.carried_forward.natural': 3,
    'apply.carried_forward.commercial': 1,
    'apply.carried_forward.legal': null,
    'review.reconsideration.upheld': 1,
    'review.reconsideration.pending': 1,
  });
  d.acceptedWarnings = [{ rule: 'XY-JUMP', target: 'apply.new.natural', explanation: '新设窗口，申请量上升' }];
  return d;
}

export function sampleText(year = 2024): string {
  return serializeDraft(sampleDraft(year));
}
