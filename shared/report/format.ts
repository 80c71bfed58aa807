/**
 * The single declarative definition of each report format (spec §2–§3).
 *
 * Everything that shows, checks, prints or imports a table reads it from here: the form, the rules,
 * the HTML and DOCX writers and the importer. Labels are verbatim (spec 「」 text) — never retype them
 * elsewhere.
 */

export type FormatId = '2021' | '2019';

/** What a cell holds, which decides how it is parsed and checked (V-NUM). */
export type CellKind =
  /** non-negative integer */
  | 'count'
  /** non-negative decimal, 万元 */
  | 'amount'
  /** signed integer (2019 本年增/减) */
  | 'signed'
  /** free text with a unit (2019 采购总金额, e.g. "3979.5 万元") */
  | 'text';

export type TableId = 'active' | 'apply' | 'review';

export type SectionKey = 'preface' | 'overview' | 'active' | 'requests' | 'review' | 'problems' | 'other';

/** The six mandated headings, verbatim, in order (F-SECTIONS), and where their narrative lives. */
export const SECTIONS: readonly { key: Exclude<SectionKey, 'preface'>; heading: string; table?: TableId }[] = [
  { key: 'overview', heading: '一、总体情况' },
  { key: 'active', heading: '二、主动公开政府信息情况', table: 'active' },
  { key: 'requests', heading: '三、收到和处理政府信息公开申请情况', table: 'apply' },
  { key: 'review', heading: '四、政府信息公开行政复议、行政诉讼情况', table: 'review' },
  { key: 'problems', heading: '五、存在的主要问题及改进情况' },
  { key: 'other', heading: '六、其他需要报告的事项' },
];

export const SECTION_KEYS: readonly SectionKey[] = ['preface', ...SECTIONS.map((s) => s.key)];

/** Section names for messages and the issue panel. */
export const SECTION_NAMES: Record<SectionKey, string> = {
  preface: '前言',
  overview: '一、总体情况',
  active: '二、主动公开',
  requests: '三、申请情况',
  review: '四、复议诉讼',
  problems: '五、问题及改进',
  other: '六、其他事项',
};

/**
 * The five aspects of 一、总体情况 (F-FIVE), with the words that show an aspect is covered: its own name, and the
 * other words reports use for it — only words that mean that aspect (a bare 「平台」 also names the 12345 hotline's,
 * a bare 「考核」 any appraisal).
 */
export const OVERVIEW_ASPECTS: readonly { heading: string; name: string; cues: readonly (string | RegExp)[] }[] = [
  {
    heading: '（一）主动公开',
    name: '主动公开',
    // (「公开信息共计167条」「在区政府网站上公示工作动态18条」「公开街道动态信息140条」「发布通知公告45篇」「公示了政府
    // 集中采购30项」: what was published, counted; never what was answered, 「予以公开信息2条」「依申请公开信息3条」)
    cues: [
      '主动公开',
      /(?<!予以|不予|部分|申请)(?:公开|发布|公示)(?:了)?(?![\u4e00-\u9fff]{0,16}?申请)[\u4e00-\u9fff]{0,16}?(?:共计|共|总计|累计)?\d+\s*[条篇项]/,
      // 「及时公开有关政府信息」「通过政府网站…等多种形式公开政府信息」
      /(?<!申请|予以|不予|部分)公开(?:了)?(?:有关|相关|各类)?政府信息(?!公开)/,
      // 「公开有关我镇政府的工作动态、政策信息等内容」
      /(?<!申请|予以|不予|部分)公开[^。；;，,]{0,12}?(?:工作动态|政策信息)/,
    ],
  },
  // (「安排专人负责受理信息查阅申请」: the requests, by their other name)
  { heading: '（二）依申请公开', name: '依申请公开', cues: ['依申请公开', '申请公开', '公开申请', '查阅申请'] },
  {
    heading: '（三）政府信息管理',
    name: '政府信息管理',
    cues: [
      '政府信息管理', '信息管理', '信息资源管理', '公开管理', '信息发布审查', '发布审查', '保密审查', '公开属性', '公开审查', '先审后发', '三审三校', '发布审核',
      // review before release in the words offices use (「三审制度」「三级会审」「把好审核关」「先审查,后公开」「谁公开、谁审查、谁负责」)
      '三审', '会审', '审核制度', '审核关', '发布前审核', '先审查', '把关', '错敏', /谁公开[、，,]?谁审查/,
      // keeping what was published (「资料分类管理…整理存档备查」, 「纠正错漏」)
      '存档备查', '纠正错漏',
      // the list of what is to be published kept (「制定《…基层政务公开标准化目录》及管理办法」); a 标准目录 only named as
      // an item published (「7.基层政务公开事项标准目录」) is not
      /(?:编制|制定|完善|调整|梳理|更新)[^。；;]{0,24}?标准(?:化)?目录/,
    ],
  },
  {
    heading: '（四）政府信息公开平台建设',
    name: '政府信息公开平台建设',
    cues: [
      '平台建设', '公开平台', '政府网站', '网站建设', '网站管理', '栏目建设', '政务新媒体', '新媒体建设', '政务公开专区', '公开专栏', '公开专区',
      // 「平台规范化建设」「网站集约化、一体化建设」: building it, in so many -化 words
      /(?:平台|网站)(?:[、和及与]?[\u4e00-\u9fff]{1,3}化){1,3}建设/,
      // the 公开目录 kept up (「完善了…公开目录」「主动公开基本目录…动态调整」); a channel only named where items were
      // published (「通过门户网站、微信公众号…公开」) is no word on building it
      '公开目录', '基本目录',
      // the site kept running (「对网站的整体运行情况、链接可用情况、栏目更新情况、信息质量情况进行日常巡检」)
      /网站[^。；;]{0,40}?(?:巡检|运维|运行维护)/,
      // the site as the 「第一平台」 of disclosure (「积极发挥政府网的第一平台作用」)
      '第一平台',
    ],
  },
  {
    heading: '（五）监督保障',
    name: '监督保障',
    cues: [
      '监督保障', '接受监督', '加强监督', '社会监督', '监督考核', '督查考核', '考核评议', '社会评议', '责任追究', '工作考核', '绩效考核', '监督检查', '监督评议', '监督管理',
      // 「主动接受上级…主管部门、监察机关和群众的监督」: accepting supervision, the supervisors named between
      /接受[^。；;]{0,30}?监督/,
      // the work's organisation and people (「成立…领导小组」「加强组织领导」「明确分管领导」「专人负责」; training alone is not),
      // its appraisal (「纳入年度目标考核」) and oversight (「公开监督」「督查」)
      // (never a higher level's 「领导小组部署要求」 or the review chain's 「分管领导审核」)
      '组织领导', /(?:成立|调整|健全)[^。；;]{0,20}?领导小组|领导小组(?:组长|成员)/, '组织保障', '组织建设', /明确(?:了)?分管领导/, '亲自抓', '领导机制', '人员保障', '经费保障',
      /专人(?:专职)?(?:负责|落实)|落实专人/,
      /纳入[^。；;]{0,20}?考核/, '目标考核', '公开监督', '督查',
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Cells

export interface CellDef {
  /** flat canonical key, e.g. `apply.new.natural` */
  key: string;
  kind: CellKind;
  table: TableId;
  /** Human name for messages, e.g. 「三、（七）总计·自然人」 */
  name: string;
  /** When set the value is derived (never stored): the sum of these cells, checked by `rule` when an
   * imported report prints its own figure. */
  sumOf?: readonly string[];
  rule?: SumRule;
  /**
   * Other sums the same figure is the total of, each checked by its own rule against a printed figure: the corner
   * 「（七）总计·总计」 totals its row (T3-ROW, `sumOf`) and its column (T3-SUM7). The value is still computed once,
   * from `sumOf`; when every part is known the sums agree.
   */
  alsoSumOf?: readonly { sumOf: readonly string[]; rule: SumRule }[];
  /** roll-up of many units' reports: added up, or left for entry (derived cells are computed from the parts) */
  rollup: RollupRule;
}

export type SumRule = 'T3-ROW' | 'T3-SUM7' | 'T4-SUM';

/**
 * How a county's roll-up (汇总) treats a cell: `sum` adds the units' figures (tables 三 and 四, the 许可/处罚/强制
 * decisions, the 收费 amounts); `entry` is a government-level figure no sum of units gives (规章 and 行政规范性文件
 * 制发/废止/现行有效 are the 司法行政 office's count), left for entry with the units' values beside it.
 */
export type RollupRule = 'sum' | 'entry';

/** Every sum a derived cell is the total of, with the rule that checks it (`sumOf` first). */
export function sumsOf(def: CellDef): { sumOf: readonly string[]; rule: SumRule }[] {
  if (!def.sumOf || !def.rule) return [];
  return [{ sumOf: def.sumOf, rule: def.rule }, ...(def.alsoSumOf ?? [])];
}

/** One printed cell of a table grid, as in HTML (colSpan/rowSpan); `cell` marks a data cell. */
export interface GridCell {
  text?: string;
  cell?: string;
  colSpan?: number;
  rowSpan?: number;
  /** header: column headings; group: shaded 「第二十条第（…）项」 rows; label: row labels; value: data */
  role: 'header' | 'group' | 'label' | 'value';
  /** the printed label is vertical in the published layout (三、本年度办理结果) */
  vertical?: boolean;
}

export interface TableLayout {
  id: TableId;
  /** number of grid columns */
  columns: number;
  /** relative column widths (sum = 100), for HTML and DOCX */
  widths: readonly number[];
  /** leading rows that repeat on every page */
  headerRows: number;
  rows: readonly (readonly GridCell[])[];
}

// --- table 三 -------------------------------------------------------------------------------

export const APPLY_COLUMNS = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'nonprofit', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
  { key: 'total', label: '总计' },
] as const;
export type ApplyColumn = (typeof APPLY_COLUMNS)[number]['key'];
export const APPLY_DETAIL_COLUMNS: readonly ApplyColumn[] = APPLY_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

export const APPLY_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export interface ApplyRow {
  key: string;
  /** the label printed in the last label column that the row owns */
  label: string;
  /** result group (（三）不予公开 …) the row belongs to, when it is an item of one */
  group?: string;
  /** 一/二/四 rows span all three label columns; 三's rows live under 「三、本年度办理结果」 */
  level: 'top' | 'result' | 'item';
}

const RESULT_GROUPS: readonly { prefix: string; label: string; items: readonly string[] }[] = [
  {
    prefix: 'denied',
    label: '（三）不予公开',
    items: [
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
    ],
  },
  {
    prefix: 'unable',
    label: '（四）无法提供',
    items: ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'],
  },
  {
    prefix: 'refused',
    label: '（五）不予处理',
    items: [
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
    ],
  },
  {
    prefix: 'other',
    label: '（六）其他处理',
    items: [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ],
  },
];

export const RESULTS_LABEL = '三、本年度办理结果';
/** The labels of table 三 that span several rows (the vertical 「三、本年度办理结果」 and each result group's). */
export const APPLY_GROUP_LABELS: readonly string[] = [RESULTS_LABEL, ...RESULT_GROUPS.map((g) => g.label)];

/**
 * Rows of table 三. `otherSplit` false gives the format-2019 single 「（六）其他处理」 row (`apply.other`), which
 * some 2021-and-later reports still print (F-OLD).
 */
export function applyRows(otherSplit: boolean): ApplyRow[] {
  const rows: ApplyRow[] = [
    { key: 'new', label: '一、本年新收政府信息公开申请数量', level: 'top' },
    { key: 'carried_over', label: '二、上年结转政府信息公开申请数量', level: 'top' },
    { key: 'granted', label: '（一）予以公开', level: 'result' },
    { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', level: 'result' },
  ];
  for (const g of RESULT_GROUPS) {
    if (g.prefix === 'other' && !otherSplit) {
      rows.push({ key: 'other', label: g.label, level: 'result' });
      continue;
    }
    g.items.forEach((label, i) => rows.push({ key: `${g.prefix}_${i + 1}`, label, group: g.label, level: 'item' }));
  }
  rows.push({ key: 'processed_total', label: '（七）总计', level: 'result' });
  rows.push({ key: 'carried_forward', label: '四、结转下年度继续办理', level: 'top' });
  return rows;
}

/**
 * T3-BAL's four rows, the same in every column: 第一项 + 第二项 = 第三项（七）总计 + 第四项 (the table's three top rows
 * and its total of results).
 */
export function balanceRowKeys(): readonly [string, string, string, string] {
  const rows = applyRows(true);
  const top = rows.filter((r) => r.level === 'top').map((r) => r.key);
  const seventh = rows.find((r) => r.key === 'processed_total')?.key ?? 'processed_total';
  return [top[0] ?? 'new', top[1] ?? 'carried_over', seventh, top[2] ?? 'carried_forward'];
}

/** The rows whose sum is 「（七）总计」 (T3-SUM7). */
export function resultRowKeys(otherSplit: boolean): string[] {
  return applyRows(otherSplit)
    .filter((r) => r.level !== 'top' && r.key !== 'processed_total')
    .map((r) => r.key);
}

export function applyResultGroups(): typeof RESULT_GROUPS {
  return RESULT_GROUPS;
}

// --- table 四 -------------------------------------------------------------------------------

export const REVIEW_BLOCKS = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'sued_direct', label: '未经复议直接起诉' },
  { key: 'sued_after', label: '复议后起诉' },
] as const;
export const REVIEW_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;
export const LITIGATION_LABEL = '行政诉讼';

// --- table 二 -------------------------------------------------------------------------------

export interface ActiveGroup {
  /** 「第二十条第（一）项」 */
  article: string;
  headers: readonly string[];
  rows: readonly ActiveRow[];
}

export interface ActiveRow {
  key: string;
  label: string;
  cells: readonly { key: string; kind: CellKind; rollup: RollupRule }[];
  /**
   * `[more, less]`: the cell keys of a row where the first is at least the second as a rule of the domain, not of
   * arithmetic (现行有效件数 ≥ 本年制发件数: a document made this year is still in force at its end, bar a rare repeal
   * the same year). Used only to choose among the ways figures run together can be cut, as a doubt; never a finding.
   */
  atLeast?: readonly [string, string];
}

/** A row of table 二; `rollup` 'entry' for the government-level rows (规章, 行政规范性文件); text is never summed. */
function activeRow(prefix: string, key: string, label: string, cols: readonly [string, CellKind][], rollup: RollupRule = 'sum'): ActiveRow {
  return {
    key: `${prefix}.${key}`,
    label,
    cells: cols.map(([c, kind]) => ({ key: `${prefix}.${key}.${c}`, kind, rollup: kind === 'text' ? ('entry' as const) : rollup })),
  };
}

/** A 2021 row of documents (规章, 行政规范性文件): 本年制发, 本年废止, 现行有效 — what is in force covers what was made. */
function documentsRow(key: string, label: string): ActiveRow {
  const row = activeRow('active', key, label, [['issued', 'count'], ['repealed', 'count'], ['in_force', 'count']], 'entry');
  return { ...row, atLeast: [`active.${key}.in_force`, `active.${key}.issued`] };
}

const ACTIVE_2021: readonly ActiveGroup[] = [
  {
    article: '第二十条第（一）项',
    headers: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      documentsRow('regulations', '规章'),
      documentsRow('normative', '行政规范性文件'),
    ],
  },
  {
    article: '第二十条第（五）项',
    headers: ['信息内容', '本年处理决定数量'],
    rows: [activeRow('active', 'licensing', '行政许可', [['decisions', 'count']])],
  },
  {
    article: '第二十条第（六）项',
    headers: ['信息内容', '本年处理决定数量'],
    rows: [
      activeRow('active', 'punishment', '行政处罚', [['decisions', 'count']]),
      activeRow('active', 'coercion', '行政强制', [['decisions', 'count']]),
    ],
  },
  {
    article: '第二十条第（八）项',
    headers: ['信息内容', '本年收费金额（单位：万元）'],
    rows: [activeRow('active', 'fees', '行政事业性收费', [['amount', 'amount']])],
  },
];

const TRIO_2019: readonly [string, CellKind][] = [['prev_items', 'count'], ['change', 'signed'], ['decisions', 'count']];
const ACTIVE_2019: readonly ActiveGroup[] = [
  {
    article: '第二十条第（一）项',
    headers: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    rows: [
      activeRow('active2019', 'regulations', '规章', [['made', 'count'], ['published', 'count'], ['total', 'count']], 'entry'),
      activeRow('active2019', 'normative', '规范性文件', [['made', 'count'], ['published', 'count'], ['total', 'count']], 'entry'),
    ],
  },
  {
    article: '第二十条第（五）项',
    headers: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    rows: [
      activeRow('active2019', 'licensing', '行政许可', TRIO_2019),
      activeRow('active2019', 'other_services', '其他对外管理服务事项', TRIO_2019),
    ],
  },
  {
    article: '第二十条第（六）项',
    headers: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    rows: [activeRow('active2019', 'punishment', '行政处罚', TRIO_2019), activeRow('active2019', 'coercion', '行政强制', TRIO_2019)],
  },
  {
    article: '第二十条第（八）项',
    headers: ['信息内容', '上一年项目数量', '本年增/减'],
    rows: [activeRow('active2019', 'fees', '行政事业性收费', [['prev_items', 'count'], ['change', 'signed']])],
  },
  {
    article: '第二十条第（九）项',
    headers: ['信息内容', '采购项目数量', '采购总金额'],
    rows: [activeRow('active2019', 'procurement', '政府集中采购', [['items', 'count'], ['amount', 'text']])],
  },
];

// ---------------------------------------------------------------------------------------------
// A format = its tables' layouts + its cell definitions.

export interface ReportFormat {
  id: FormatId;
  name: string;
  /** document that defines it */
  source: string;
  activeGroups: readonly ActiveGroup[];
  /** table 三 with the split （六） rows (2021) or the single row (2019) */
  otherSplit: boolean;
  /** 2019 labels 「2.其他法律法规禁止公开」 are accepted by the importer; output uses the canonical label */
  tables: readonly TableLayout[];
  cells: readonly CellDef[];
  cellByKey: ReadonlyMap<string, CellDef>;
}

function activeLayout(groups: readonly ActiveGroup[]): TableLayout {
  const columns = Math.max(...groups.map((g) => g.headers.length));
  const rows: GridCell[][] = [];
  for (const g of groups) {
    rows.push([{ text: g.article, colSpan: columns, role: 'group' }]);
    const lastSpan = columns - g.headers.length + 1;
    rows.push(g.headers.map((h, i) => ({ text: h, role: 'header' as const, colSpan: i === g.headers.length - 1 ? lastSpan : 1 })));
    for (const r of g.rows) {
      const lastCellSpan = columns - r.cells.length;
      rows.push([
        { text: r.label, role: 'label' },
        ...r.cells.map((c, i) => ({ cell: c.key, role: 'value' as const, colSpan: i === r.cells.length - 1 ? lastCellSpan : 1 })),
      ]);
    }
  }
  return { id: 'active', columns, widths: columns === 4 ? [31, 23, 23, 23] : [28, 24, 24, 24], headerRows: 0, rows };
}

function applyLayout(otherSplit: boolean): TableLayout {
  const rows: GridCell[][] = [
    [
      { text: APPLY_HEADER_NOTE, colSpan: 3, rowSpan: 3, role: 'header' },
      { text: '申请人情况', colSpan: 7, role: 'header' },
    ],
    [
      { text: '自然人', rowSpan: 2, role: 'header' },
      { text: '法人或其他组织', colSpan: 5, role: 'header' },
      { text: '总计', rowSpan: 2, role: 'header' },
    ],
    APPLY_COLUMNS.slice(1, 6).map((c) => ({ text: c.label, role: 'header' as const })),
  ];
  const values = (row: string): GridCell[] => APPLY_COLUMNS.map((c) => ({ cell: `apply.${row}.${c.key}`, role: 'value' as const }));
  const all = applyRows(otherSplit);
  const resultCount = all.filter((r) => r.level !== 'top').length;
  let firstResult = true;
  const groupsSeen = new Set<string>();
  for (const r of all) {
    const row: GridCell[] = [];
    if (r.level === 'top') {
      row.push({ text: r.label, colSpan: 3, role: 'label' });
    } else {
      if (firstResult) {
        row.push({ text: RESULTS_LABEL, rowSpan: resultCount, role: 'label', vertical: true });
        firstResult = false;
      }
      if (r.level === 'result') {
        row.push({ text: r.label, colSpan: 2, role: 'label' });
      } else {
        const group = r.group ?? '';
        if (!groupsSeen.has(group)) {
          groupsSeen.add(group);
          row.push({ text: group, rowSpan: all.filter((x) => x.group === group).length, role: 'label' });
        }
        row.push({ text: r.label, role: 'label' });
      }
    }
    rows.push([...row, ...values(r.key)]);
  }
  return { id: 'apply', columns: 10, widths: [7, 9, 26, 8, 8, 8, 8, 8, 9, 9], headerRows: 3, rows };
}

function reviewLayout(): TableLayout {
  const cols = REVIEW_COLUMNS;
  const rows: GridCell[][] = [
    [
      { text: REVIEW_BLOCKS[0].label, colSpan: 5, role: 'header' },
      { text: LITIGATION_LABEL, colSpan: 10, role: 'header' },
    ],
    [
      ...cols.map((c) => ({ text: c.label, rowSpan: 2, role: 'header' as const })),
      { text: REVIEW_BLOCKS[1].label, colSpan: 5, role: 'header' },
      { text: REVIEW_BLOCKS[2].label, colSpan: 5, role: 'header' },
    ],
    [...cols, ...cols].map((c) => ({ text: c.label, role: 'header' as const })),
    REVIEW_BLOCKS.flatMap((b) => cols.map((c) => ({ cell: `review.${b.key}.${c.key}`, role: 'value' as const }))),
  ];
  return { id: 'review', columns: 15, widths: Array.from({ length: 15 }, () => 100 / 15), headerRows: 3, rows };
}

function buildCells(groups: readonly ActiveGroup[], otherSplit: boolean): CellDef[] {
  const cells: CellDef[] = [];
  for (const g of groups) {
    for (const r of g.rows) {
      for (const c of r.cells) {
        const header = g.headers[r.cells.indexOf(c) + 1] ?? '';
        cells.push({ key: c.key, kind: c.kind, table: 'active', name: `二、${r.label}·${header}`, rollup: c.rollup });
      }
    }
  }
  const rows = applyRows(otherSplit);
  const results = resultRowKeys(otherSplit);
  for (const r of rows) {
    const rowName = r.level === 'item' ? `${r.group ?? ''}${r.label}` : r.label;
    for (const c of APPLY_COLUMNS) {
      const key = `apply.${r.key}.${c.key}`;
      const name = `三、${rowName}·${c.label}`;
      if (c.key === 'total') {
        const def: CellDef = { key, kind: 'count', table: 'apply', name, sumOf: APPLY_DETAIL_COLUMNS.map((d) => `apply.${r.key}.${d}`), rule: 'T3-ROW', rollup: 'sum' };
        if (r.key === 'processed_total') def.alsoSumOf = [{ sumOf: results.map((k) => `apply.${k}.total`), rule: 'T3-SUM7' }];
        cells.push(def);
      } else if (r.key === 'processed_total') {
        cells.push({ key, kind: 'count', table: 'apply', name, sumOf: results.map((k) => `apply.${k}.${c.key}`), rule: 'T3-SUM7', rollup: 'sum' });
      } else {
        cells.push({ key, kind: 'count', table: 'apply', name, rollup: 'sum' });
      }
    }
  }
  for (const b of REVIEW_BLOCKS) {
    for (const c of REVIEW_COLUMNS) {
      const key = `review.${b.key}.${c.key}`;
      const name = `四、${b.label}·${c.label}`;
      if (c.key === 'total') {
        cells.push({
          key,
          kind: 'count',
          table: 'review',
          name,
          sumOf: REVIEW_COLUMNS.filter((x) => x.key !== 'total').map((x) => `review.${b.key}.${x.key}`),
          rule: 'T4-SUM',
          rollup: 'sum',
        });
      } else {
        cells.push({ key, kind: 'count', table: 'review', name, rollup: 'sum' });
      }
    }
  }
  return cells;
}

function defineFormat(id: FormatId, name: string, source: string, groups: readonly ActiveGroup[], otherSplit: boolean): ReportFormat {
  const cells = buildCells(groups, otherSplit);
  return {
    id,
    name,
    source,
    activeGroups: groups,
    otherSplit,
    tables: [activeLayout(groups), applyLayout(otherSplit), reviewLayout()],
    cells,
    cellByKey: new Map(cells.map((c) => [c.key, c])),
  };
}

export const FORMAT_2021 = defineFormat('2021', '2021年格式', '国办公开办函〔2021〕30号', ACTIVE_2021, true);
export const FORMAT_2019 = defineFormat('2019', '2019年格式', '国办公开办函〔2019〕60号', ACTIVE_2019, false);
/**
 * A 2021-or-later report that still prints the 2019 single 「（六）其他处理」 row: format 2021 in every other
 * respect (F-OLD flags it; the row is never split by guessing).
 */
export const FORMAT_2021_SINGLE_OTHER = defineFormat('2021', '2021年格式（（六）其他处理未分项）', '国办公开办函〔2021〕30号', ACTIVE_2021, false);

export const FORMATS: Record<FormatId, ReportFormat> = { '2021': FORMAT_2021, '2019': FORMAT_2019 };

/** The first report year of the 2021 format (国办公开办函〔2021〕30号); reports before it use the 2019 trial format. */
export const FIRST_YEAR_OF_2021_FORMAT = 2021;

/** The format a report for `year` is to be written in. */
export function formatIdForYear(year: number): FormatId {
  return year >= FIRST_YEAR_OF_2021_FORMAT ? '2021' : '2019';
}

/**
 * Rows of format 2021 whose 2019 label later reports still print, by row (`active.normative`,
 * `apply.denied_2`): the importer reads them into that row and names them (F-OLD).
 */
export const OLD_LABELS: ReadonlyMap<string, string> = new Map([
  ...ACTIVE_2021.flatMap((g) => g.rows).flatMap((row): [string, string][] => {
    const old = ACTIVE_2019.flatMap((g) => g.rows).find((r) => r.key.split('.')[1] === row.key.split('.')[1]);
    return old && old.label !== row.label ? [[row.key, old.label]] : [];
  }),
  // item 2 of 「（三）不予公开」 as forms of the 2019 trial format printed it
  ['apply.denied_2', '2.其他法律法规禁止公开'],
]);

/**
 * The definition that fits a report's cells: format 2021 reports whose table 三 holds `apply.other.*`
 * (and none of other_1…3) use the single-row variant.
 */
export function formatFor(id: FormatId, cellKeys?: Iterable<string>): ReportFormat {
  if (id === '2019') return FORMAT_2019;
  if (cellKeys) {
    let single = false;
    for (const k of cellKeys) {
      if (k.startsWith('apply.other_')) return FORMAT_2021;
      if (k.startsWith('apply.other.')) single = true;
    }
    if (single) return FORMAT_2021_SINGLE_OTHER;
  }
  return FORMAT_2021;
}

/** Every cell key any format knows (for validating files). */
export const ALL_CELL_KEYS: ReadonlySet<string> = new Set(
  [FORMAT_2021, FORMAT_2019, FORMAT_2021_SINGLE_OTHER].flatMap((f) => f.cells.map((c) => c.key)),
);

export function tableLayout(format: ReportFormat, id: TableId): TableLayout {
  const t = format.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** Cells the user types (not derived). */
export function enteredCells(format: ReportFormat): CellDef[] {
  return format.cells.filter((c) => !c.sumOf);
}
