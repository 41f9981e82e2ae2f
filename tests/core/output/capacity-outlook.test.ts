// What limits a corridor's throughput and when it changes, on a fixture with a figure that changes in 2030
// and a segment that opens in 2032.
import { describe, expect, it } from 'vitest';
import { capacityOutlook } from '../../../src/core/output/capacity-outlook.ts';
import { model, node, edge, network } from '../../helpers/build.ts';

//  a –(2 Mt/yr; 6 from 2030)– b –(4 Mt/yr)– c,  and a planned a–c (3 Mt/yr, opens 2032). asOf 2026.
//  Today: min(2, 4) = 2, cut a–b. 2030: min(6, 4) = 4, cut b–c. 2032 would add 3, but 2030 comes first.
const net = network(
  [node('a'), node('b'), node('c')],
  [
    edge('a-b', 'a', 'b', { capacityMtpa: 2, periods: [{ fromYear: 2030, capacityMtpa: 6, basis: 'reported', sources: ['src-a'] }] }),
    edge('b-c', 'b', 'c', { capacityMtpa: 4 }),
    edge('a-c', 'a', 'c', { capacityMtpa: 3, status: 'planned', opensYear: 2032, basis: 'estimated' }),
  ],
);
const m = model(net);

describe('capacityOutlook', () => {
  it('names the cut with figure and basis, then the first change and what causes it', () => {
    const o = capacityOutlook(m, { from: 'a', to: 'c', avoidCountries: [] }, 'north');
    expect(o.year).toBe(2026);
    expect(o.bound).toBe('known-only');
    expect(o.maxFlowMtpa).toBe(2);
    expect(o.change).toMatchObject({ year: 2030, maxFlowMtpa: 4, because: ['A–B takes its 2030 figures'] });
    expect(o.text).toBe('North corridor: 2 Mt/yr over the segments whose capacity is known, set by A–B (2 Mt/yr, reported). From 2030 it rises to 4 Mt/yr as A–B takes its 2030 figures, then set by B–C (4 Mt/yr, reported).');
  });

  it('from a later year, the next change is the opening', () => {
    const o = capacityOutlook(m, { from: 'a', to: 'c', avoidCountries: [], year: 2030 }, 'north');
    expect(o.text).toBe('North corridor: 4 Mt/yr over the segments whose capacity is known, set by B–C (4 Mt/yr, reported). From 2032 it rises to 7 Mt/yr as A–C opens, then set by A–C (3 Mt/yr, estimated), B–C (4 Mt/yr, reported).');
  });

  it('says when nothing changes, and when there is no route', () => {
    expect(capacityOutlook(m, { from: 'a', to: 'c', avoidCountries: [], year: 2032 }, 'north').text).toMatch(/^North corridor: 7 Mt\/yr over the segments whose capacity is known, .*No change is planned in the data up to 2057\.$/);
    expect(capacityOutlook(m, { from: 'a', to: 'c', avoidCountries: [] }, 'south').text).toBe('South corridor: no route between the two places.');
  });
});
