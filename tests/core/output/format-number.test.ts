// Number formats written out by hand must read exactly as en-US toLocaleString would.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fmtFixed, fmtInt } from '../../../src/core/output/format-number.ts';

describe('fmtInt and fmtFixed', () => {
  it('group thousands with commas', () => {
    expect(fmtInt(12345.6)).toBe('12,346');
    expect(fmtInt(999.4)).toBe('999');
    expect(fmtInt(-1234567)).toBe('-1,234,567');
    expect(fmtInt(-0.2)).toBe('0');
    expect(fmtFixed(1234.56, 1)).toBe('1,234.6');
    expect(fmtFixed(0.04, 1)).toBe('0.0');
    expect(fmtFixed(-0.04, 1)).toBe('0.0');
  });

  test.prop([fc.double({ min: -1e12, max: 1e12, noNaN: true })])('fmtInt reads as toLocaleString("en-US") of the rounded number', (x) => {
    const n = Math.round(x);
    if (!Object.is(n, -0)) expect(fmtInt(x)).toBe(n.toLocaleString('en-US'));
  });

  test.prop([fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 2 })])('fmtFixed reads as toLocaleString("en-US") with fixed digits', (x, digits) => {
    const rounded = Number(x.toFixed(digits));
    expect(fmtFixed(x, digits)).toBe(rounded.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  });
});
