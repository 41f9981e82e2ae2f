// What each dwell is, on a hand-made route across two gauges, a ferry and three borders.
import { describe, expect, it } from 'vitest';
import { buildRoute } from '../../../src/core/routing/route.ts';
import { dwellAt, gaugeOf, routeDwells } from '../../../src/core/output/dwell.ts';
import { model, node, edge, network, r } from '../../helpers/build.ts';

//  x(CN) – k(KZ border, gauge change) – m(KZ) – p(KZ port) ~ferry~ q(AZ port) – g(GE border) – h(GE border,
//  gauge change) – t(TR terminal) – z(TR)
const net = network(
  [
    node('x', { country: 'CN' }),
    node('k', { country: 'KZ', kind: 'border', gaugeChange: true, dwellDays: r(1) }),
    node('m', { country: 'KZ' }),
    node('p', { country: 'KZ', kind: 'port', dwellDays: r(2) }),
    node('q', { country: 'AZ', kind: 'port', dwellDays: r(1.5), dwellCostUsdPerFeu: r(300) }),
    node('g', { country: 'GE', kind: 'border', dwellDays: r(0.5) }),
    node('h', { country: 'GE', kind: 'border', gaugeChange: true, dwellDays: r(0.3) }),
    node('t', { country: 'TR', kind: 'terminal', dwellDays: r(0.2) }),
    node('z', { country: 'TR', dwellDays: r(9) }),
  ],
  [
    edge('x-k', 'x', 'k'),
    edge('k-m', 'k', 'm'),
    edge('m-p', 'm', 'p'),
    edge('p-q', 'p', 'q', { mode: 'ferry' }),
    edge('q-g', 'q', 'g'),
    edge('g-h', 'g', 'h'),
    edge('h-t', 'h', 't'),
    edge('t-z', 't', 'z'),
  ],
);
const m = model(net);
const nodes = ['x', 'k', 'm', 'p', 'q', 'g', 'h', 't', 'z'];
const route = buildRoute(m, nodes, nodes.slice(1).map((n, i) => `${nodes[i]}-${n}`), 20);

describe('dwells', () => {
  it('says what each dwell is, in route order; none at the destination', () => {
    expect(routeDwells(m, route).map((d) => [d.name, d.what, d.days.typical])).toEqual([
      ['K', 'border and gauge change 1435→1520 mm', 1],
      ['P', 'port: waiting for the ferry and loading', 2],
      ['Q', 'port transshipment, ferry → rail', 1.5],
      ['G', 'border formalities', 0.5],
      ['H', 'border and gauge change 1520→1435 mm', 0.3],
      ['T', 'terminal handling', 0.2],
    ]);
  });

  it('keeps the kinds, the gauges and the cost', () => {
    expect(dwellAt(m, route, 0)).toMatchObject({ node: 'k', kinds: ['border', 'gauge-change'], gauge: { from: 1435, to: 1520 } });
    expect(dwellAt(m, route, 3)).toMatchObject({ node: 'q', kinds: ['transshipment'], gauge: null, costUsdPerFeu: { typical: 300 } });
    expect(dwellAt(m, route, 1)).toBeNull(); // m has no dwell
    expect(dwellAt(m, route, 7)).toBeNull(); // the destination
  });

  it('knows the gauges of the corridors\' countries, and says so where it does not', () => {
    expect([gaugeOf('KZ'), gaugeOf('PL'), gaugeOf('FI'), gaugeOf('XX')]).toEqual([1520, 1435, 1524, null]);
  });
});
