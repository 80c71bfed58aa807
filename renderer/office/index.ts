/** The office above in the page: 汇总下级单位报告 and 批量核查 (mounted by App). */
export { ReviewDialog } from './ReviewDialog.js';
export { RollupDialog, type RollupDialogProps } from './RollupDialog.js';
