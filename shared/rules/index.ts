/**
 * The rule engine (spec §4): `evaluate(report, context)` → every finding, in the order of the spec's tables
 * (arithmetic, values, cross-year, narrative, content). Pure and fast: the editor calls it on every keystroke,
 * and the export gate and the command line call the same function.
 */
import type { Report } from '../report/model.js';
import { arithmeticRules, valueRules } from './arithmetic.js';
import { contentRules } from './content.js';
import { crossYearRules } from './crossYear.js';
import { narrativeRules } from './narrative.js';
import { prepare } from './prepare.js';
import type { Finding, RuleContext } from './types.js';

export { RULES, RULE_IDS } from './meta.js';
export type { Finding, RuleContext, RuleId, RuleInfo, Severity, TextSpan } from './types.js';

export function evaluate(report: Report, context: RuleContext = {}): Finding[] {
  const p = prepare(report, context);
  const out: Finding[] = [];
  arithmeticRules(p, out);
  valueRules(p, out);
  crossYearRules(p, out);
  narrativeRules(p, out);
  contentRules(p, out);
  return out;
}
