// Number and range formatting shared by the text tables and the web views.
import type { Range } from '../network/schema.ts';

/**
 * Groups an unsigned run of digits by thousands: "1234567" -> "1,234,567". Written out rather than through
 * toLocaleString, whose first call loads the ICU locale data (about 40 ms of a command's start).
 */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 12345.6 -> "12,346" (no decimals, thousands grouped as in en-US). */
export function fmtInt(x: number): string {
  const n = Math.round(x);
  if (!Number.isFinite(n)) return String(n);
  return `${n < 0 ? '-' : ''}${groupThousands(String(Math.abs(n)))}`;
}

/** A number with a fixed count of decimals and thousands grouped: (1234.56, 1) -> "1,234.6". */
export function fmtFixed(x: number, digits: number): string {
  const [whole = '', fraction] = Math.abs(x).toFixed(digits).split('.');
  const negative = x < 0 && Number(Math.abs(x).toFixed(digits)) !== 0;
  return `${negative ? '-' : ''}${groupThousands(whole)}${fraction !== undefined ? `.${fraction}` : ''}`;
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
