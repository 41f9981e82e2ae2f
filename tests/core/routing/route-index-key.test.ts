// A routing index's key: the written-out common case gives the same text as the general one.
import { describe, expect, it } from 'vitest';
import { filterKey } from '../../../src/core/routing/route-index.ts';
import type { Query } from '../../../src/core/routing/query.ts';

const general = (q: Omit<Query, 'from' | 'to'>, t: number) =>
  JSON.stringify([q.objective, q.corridor ?? null, q.year ?? null, q.cargoMtpa ?? null, q.avoidCountries, q.objective === 'co2' ? t : null, q.modes ?? null]);

describe('filterKey', () => {
  it('is the JSON text of the filters, with or without countries and modes', () => {
    const queries: Omit<Query, 'from' | 'to'>[] = [
      { objective: 'days', avoidCountries: [] },
      { objective: 'co2', avoidCountries: [], corridor: 'middle', year: 2030, cargoMtpa: 2.5 },
      { objective: 'cost', avoidCountries: ['RU', 'BY'], corridor: 'northern' },
      { objective: 'km', avoidCountries: [], modes: ['sea'] },
      { objective: 'co2', avoidCountries: [], tonnesPerFeu: 12 },
    ];
    for (const q of queries) for (const t of [20, 12.5]) expect(filterKey(q, t)).toBe(general(q, t));
  });
});
