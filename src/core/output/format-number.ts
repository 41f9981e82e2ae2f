// Number and range formatting shared by the text tables and the web views.
import type { Range } from '../network/schema.ts';

/**
 * 12345.6 -> "12,346" (no decimals). Grouped by hand: toLocaleString('en-US') gives the same text but builds a
 * number formatter on every call, which cost more than the rest of a web page's formatting.
 */
export function fmtInt(x: number): string {
  const r = Math.round(x);
  const digits = String(Math.abs(r));
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ',') : digits;
  return r < 0 || Object.is(r, -0) ? `-${grouped}` : grouped;
}

/** Days with one decimal: 3.25 -> "3.3". */
export function fmtDays(x: number): string {
  return (Math.round(x * 10) / 10).toFixed(1);
}

/** Capacity, Mt/yr, with up to two decimals: 0.5 -> "0.5", 15 -> "15". */
export function fmtMt(x: number | null): string {
  if (x === null) return 'unknown';
  return String(Math.round(x * 100) / 100);
}

/** A range as "typical (min–max)", or just the typical value when the range is a single point. */
export function fmtRange(r: Range | null, fmt: (x: number) => string, unknown = 'unknown'): string {
  if (!r) return unknown;
  const t = fmt(r.typical);
  const lo = fmt(r.min);
  const hi = fmt(r.max);
  return lo === hi && lo === t ? t : `${t} (${lo}–${hi})`;
}
