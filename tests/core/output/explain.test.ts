// The explanation of a comparison, on the worked fixture (tests/helpers/build.ts), with every sentence worked
// by hand from the fixture's figures.
import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/core/routing/compare.ts';
import { parseQuery } from '../../../src/core/routing/query.ts';
import { explainCompare } from '../../../src/core/output/explain.ts';
import { model, worked, node, edge, network, r } from '../../helpers/build.ts';

const m = model(worked());
const run = (objective: string, to = 't') => compare(m, parseQuery(m, { from: 'a', to, objective }));

describe('explainCompare', () => {
  it('days: the winner and its margin, what holds each other corridor back, the capacities', () => {
    // south a–e–d–t: 3 + 0.5 (border at e) + 3 + 0 = 6.5 d; north a–b–d–t: 2 + 3 (gauge change at b) + 2 = 7 d;
    // sea a–c–d–t: 1 + 25 (c-d-2) = 26 d. Gauges: CN on both sides of b (A and D are CN and DE, both 1,435 mm),
    // so no gauge figures. Capacities: south a-e 2 Mt/yr, north b-d 5, sea none known.
    expect(explainCompare(m, run('days'))).toEqual([
      'The South corridor is the fastest at 6.5 days, 0.5 ahead of the North corridor (7.0 days); its largest single item is a 0.5-day border stop at E.',
      'Behind it: the North corridor (+0.5 days) loses most to a 3.0-day border and gauge change at B; the Sea corridor (+19.5 days) loses most to 25.0 days at sea.',
      'Capacity: the South corridor carries at most 2 Mt/yr at A–E; the North corridor 5 Mt/yr at B–D.',
    ]);
  });

  it('cost: routes without a cost figure drop out; the largest cost items are named', () => {
    // north 500 + 100 (charges at b) + 500 + 0 = 1,100 USD; sea 100 + 1,500 (c-d-1, the cheaper sailing) + 0 = 1,600;
    // south has no cost on e-d, so no route by cost.
    expect(explainCompare(m, run('cost'))).toEqual([
      'The North corridor is the cheapest at 1,100 USD per FEU, 500 less than the Sea corridor (1,600 USD per FEU); its largest cost is A–B (500 USD).',
      'Behind it: the Sea corridor (+500 USD) pays most for C–D (1,500 USD) and A–C (100 USD).',
      'Capacity: the North corridor carries at most 5 Mt/yr at B–D.',
    ]);
  });

  it('names the gauges where the countries on either side differ, and spare capacity where the volume is known', () => {
    const net = network(
      [node('x', { country: 'CN' }), node('k', { country: 'KZ', kind: 'border', gaugeChange: true, dwellDays: r(1) }), node('m', { country: 'KZ' })],
      [
        edge('x-k', 'x', 'k', { capacityMtpa: 8, volume: { mtpa: 6.5, year: 2024, basis: 'reported', sources: ['src-a'] } }),
        edge('k-m', 'k', 'm'),
      ],
    );
    const mm = model(net);
    const res = compare(mm, parseQuery(mm, { from: 'x', to: 'm' }));
    expect(explainCompare(mm, res)).toEqual([
      'The North corridor is the fastest at 3.0 days; its largest single item is a 1.0-day border and gauge change 1435→1520 mm at K.',
      'Capacity: the North corridor carries at most 8 Mt/yr at X–K (1.5 spare at 2024 volumes).',
    ]);
  });

  it('names a best route that changes corridors on the way before the fastest single corridor', () => {
    // a–b is north's (1 d), b–c south's (1 d): the best route a–b–c takes 2 d on both corridors. Alone, north
    // needs b–z–c (2.5 + 2.5 d): 6 d; south needs a–y–b (2.5 + 2.5 d): 6 d, tied, north first in network order.
    const net = network(
      [node('a'), node('b'), node('c'), node('y'), node('z')],
      [
        edge('a-b', 'a', 'b', { corridors: ['north'] }),
        edge('b-z', 'b', 'z', { corridors: ['north'], transitDays: r(2.5) }),
        edge('z-c', 'z', 'c', { corridors: ['north'], transitDays: r(2.5) }),
        edge('b-c', 'b', 'c', { corridors: ['south'] }),
        edge('a-y', 'a', 'y', { corridors: ['south'], transitDays: r(2.5) }),
        edge('y-b', 'y', 'b', { corridors: ['south'], transitDays: r(2.5) }),
      ],
      ['north', 'south'],
    );
    const mm = model(net);
    const [head] = explainCompare(mm, compare(mm, parseQuery(mm, { from: 'a', to: 'c' })));
    expect(head).toBe('The fastest route overall (2.0 days) combines the North corridor and South corridor; of the single corridors, the North corridor is the fastest at 6.0 days, level with the South corridor.');
  });

  it('says nothing when no corridor has a route', () => {
    expect(explainCompare(m, compare(m, parseQuery(m, { from: 'a', to: 'x' })))).toEqual([]);
  });
});
