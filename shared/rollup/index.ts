/** Roll-up (汇总) and batch review (批量核查) of many units' reports: the pure part. */
export { rollupContributions, type CellContributions } from './contributions.js';
export { exactSum, millionthsToText, toMillionths } from './decimal.js';
export { EXCLUSION_KINDS, ROLLUP_SCOPES, rollupRecordSchema, type RollupRecord, type RollupScope, type RollupSource } from './record.js';
export { checkedRow, failedRow, reviewRowSchema, rulesNamed, UNIT_FILE_KIND_NAMES, unitFileKinds, verdictOf, type ReviewRow, type UnitFileKind } from './review.js';
export { refreshRollupDraft, rollUp, type RefreshResult, type Contribution, type RolledCell, type RollupOptions, type RollupResult, type UnitInput } from './rollup.js';
export { matchRoster, normaliseUnitName, parseRoster } from './units.js';
