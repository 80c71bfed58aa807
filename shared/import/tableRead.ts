/** What reading one table gives (the row tables 二 and 三, and table 四 alike). */
import type { Cells, SumNotAddingUp } from '../report/model.js';
import type { Uncertain } from './result.js';
import type { AmbiguousRow } from './tableColumns.js';

export interface TableRead {
  cells: Cells;
  uncertain: Uncertain[];
  /** characters of labels matched, minus edits: compares two readings of the same table */
  score: number;
  /** rows found / rows expected */
  found: number;
  /** the first cell key of each row found (which rows the reading rests on) */
  rowsFound?: string[];
  expected: number;
  /** source lines the table occupies (first, last), when found */
  lines?: [number, number];
  /** 2019 labels printed in the table (「规范性文件」), as printed: for `report.printed.oldLabels` (F-OLD) */
  oldLabels?: string[];
  /** sums the printed figures fail however their glued runs are cut: for `report.printed.sumsNotAddingUp` */
  sumsNotAddingUp?: SumNotAddingUp[];
  /** rows printing fewer figures than they have cells, each its cells: for `report.printed.blankUnplaced` */
  blankUnplaced?: string[][];
  /** glued rows left blank because they cut more than one way (the text may still say which) */
  unsettled?: AmbiguousRow[];
}
