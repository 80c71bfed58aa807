/**
 * Exact sums of cell values (spec §3: 万元 amounts are decimals, up to 6 places here): each value becomes an integer
 * count of millionths (BigInt), so adding 300 units' 0.1 + 0.2 never drifts.
 */
import { AMOUNT_MAX_DECIMALS } from '../report/numbers.js';

const SCALE = 10n ** BigInt(AMOUNT_MAX_DECIMALS);

/** A finite non-negative or signed number as millionths; null when it has more decimals than a cell may hold. */
export function toMillionths(n: number): bigint | null {
  if (!Number.isFinite(n)) return null;
  // String(n) is the shortest decimal that reads back as n: the digits the clerk typed.
  let text = String(n);
  if (/e/i.test(text)) text = n.toFixed(AMOUNT_MAX_DECIMALS + 1).replace(/0+$/, '');
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > AMOUNT_MAX_DECIMALS) return null;
  const value = BigInt(m[2] ?? '0') * SCALE + BigInt(frac.padEnd(AMOUNT_MAX_DECIMALS, '0') || '0');
  return m[1] === '-' ? -value : value;
}

/** Millionths back to the shortest decimal text (no trailing zeros). */
export function millionthsToText(v: bigint): string {
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(AMOUNT_MAX_DECIMALS, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** The exact sum of numbers as a number (the nearest double to the exact decimal, which is what a clerk would type). */
export function exactSum(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) {
    const m = toMillionths(v);
    if (m === null) throw new RangeError(`无法精确相加的数值 ${v}`);
    total += m;
  }
  return Number(millionthsToText(total));
}
