// Closest-id suggestions: diacritics and spacing ignored, and bounded work for input of any length.
import { describe, expect, it } from 'vitest';
import { closest, exactMatches, MAX_SUGGEST_CANDIDATES, MAX_SUGGEST_TEXT } from '../../../src/core/routing/suggest.ts';

const PLACES = [
  { id: 'xian', name: "Xi'an" },
  { id: 'cheshmeh-soraya', name: 'Cheshmeh Soraya' },
  { id: 'kars', name: 'Kars' },
];

describe('closest', () => {
  it('finds names without case, diacritics or spaces', () => {
    expect(closest('Cesme Soraya', PLACES).map((p) => p.id)).toEqual(['cheshmeh-soraya']);
    expect(exactMatches('XIAN', PLACES).map((p) => p.id)).toEqual(['xian']);
  });

  it('looks at the first MAX_SUGGEST_TEXT characters only, so a huge input costs no more than a short one', () => {
    const long = `kars${'x'.repeat(100_000)}`;
    expect(closest(long, PLACES)).toEqual(closest(long.slice(0, MAX_SUGGEST_TEXT), PLACES));
  });

  it('scores at most MAX_SUGGEST_CANDIDATES candidates', () => {
    const many = Array.from({ length: MAX_SUGGEST_CANDIDATES + 5 }, (_, i) => ({ id: `p${i}`, name: `Place ${i}` }));
    many.push({ id: 'target', name: 'Target' });
    expect(closest('target', many)).toEqual([]);
    expect(closest('target', many.slice(-10)).map((p) => p.id)).toEqual(['target']);
  });
});
