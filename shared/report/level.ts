/**
 * The 机关层级 of a report from its organ's name (spec §1, 条例第四十九条、第五十条): a 人民政府 publishes by 3月31日
 * and reports 工作考核、社会评议和责任追究; a 部门 (its 办公室 included) publishes by 1月31日. One function decides it for
 * the rules and the importer.
 */
/** A 人民政府 or a 部门 (its 办公室, a 街道 and an area run by a 管委会 included). */
export type Level = 'government' | 'department';

/** 「某县人民政府办公室」「某市政府办公厅」: the government's own office is a 部门, not the government. */
const GOVERNMENT_UNIT = /(人民政府|政府)(办公室|办公厅|办|研究室|参事室|[^\s]*?(局|委员会|委|中心|厅|处|署|所|站|队))$/;
/** 「某县人民政府」「某县政府」「某镇人民政府」「某乡政府」 */
const GOVERNMENT = /(人民政府|政府)$/;
/**
 * Organs that are not a 人民政府: 部门 and their offices, and 街道办事处 / 管委会 (派出机关 of a government, which report
 * like its 部门).
 */
const DEPARTMENT = /(办公室|办公厅|办事处|管理委员会|管委会|局|委员会|委|办|中心|厅|署|院|所|站|队|处|会|公司|集团|馆|团)$/;
/**
 * An area run by a 管委会, named by the area alone (「平潭综合实验区」「某经济技术开发区」): no 人民政府 there, so it reports
 * like a 部门. (A bare 「某新区」 may have a 人民政府 and stays unknown.) Likewise a 街道 named alone (「桂花坪街道」): it
 * has no 人民政府, only its 街道办事处.
 */
const MANAGED_AREA = /(开发区|高新区|实验区|试验区|合作区|管理区|工业园区|产业园区|园区|片区|保税区|自贸区|街道)$/;

/**
 * 'government' for a 人民政府 (县级以上 or 乡镇), 'department' for a 部门, 街道办事处, government office or 管委会 area, undefined when
 * the name doesn't say (no organ, or a place name alone such as 「某县」).
 */
export function organLevel(organ: string | undefined): Level | undefined {
  const name = (organ ?? '').replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  if (!name) return undefined;
  if (GOVERNMENT_UNIT.test(name)) return 'department';
  if (GOVERNMENT.test(name)) return 'government';
  if (DEPARTMENT.test(name) || MANAGED_AREA.test(name)) return 'department';
  return undefined;
}

/** How a 部门's report speaks of itself (「我局」「本委」「我馆」「我中心」); a township government's (「我镇」「本乡」). */
const SELF_DEPARTMENT = /[我本](?:局|委|办|馆|中心|院|所|队|站|厅|署|街道)(?![长里])/g;
const SELF_GOVERNMENT = /[我本](?:镇|乡)(?![长里])/g;

/**
 * The level a report's own words give when its organ's name doesn't: it calls itself 「我局」 and never 「我镇」, or
 * 「我镇」 again and again and never 「我局」. Undefined when it doesn't say, or says both. (「我县」「我区」「我市」 name a
 * place, which a county's 部门 speaks of too.)
 */
export function levelBySelfReference(text: string): { level: Level; word: string } | undefined {
  const dept = text.match(SELF_DEPARTMENT) ?? [];
  const gov = text.match(SELF_GOVERNMENT) ?? [];
  if (dept.length >= 1 && gov.length === 0) return { level: 'department', word: dept[0] ?? '' };
  if (gov.length >= 2 && dept.length === 0) return { level: 'government', word: gov[0] ?? '' };
  return undefined;
}
