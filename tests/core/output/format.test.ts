// The text outputs speak names and say what limits a route: the bottleneck with its figure and spare
// capacity, the per-train limit and the segment that sets it, sea legs as "not limiting at this scale",
// and the places whose dwell cost the total leaves out.
import { describe, expect, it } from 'vitest';
import { compare, routeQuery } from '../../../src/core/routing/compare.ts';
import { parseQuery } from '../../../src/core/routing/query.ts';
import { formatCompare, formatRoute } from '../../../src/core/output/format.ts';
import { formatPareto } from '../../../src/core/output/format-analysis.ts';
import { differenceText, namer, stretches } from '../../../src/core/output/route-text.ts';
import { paretoRoutes } from '../../../src/core/analysis/pareto.ts';
import { edge, model, network, node, r } from '../../helpers/build.ts';

/**
 *   north: p --(p-q: 10 Mt/yr, 8 carried in 2024; 100 TEU, 50 wagons a train)-- q[border, dwell 1 d, no dwell cost]
 *            --(q-w "Bug bridge": 5 Mt/yr, 4.2 carried in 2024; 82 TEU, 1,600 t a train)-- w
 *   sea:   p ==(p-s, sea, $50)== s[port, dwell 2 d, $50] ==(s-w, sea, $50)== w   (slower, cheaper: both on the Pareto front)
 *   island: x -- y
 *
 * North (5 d, $200): bottleneck Bug bridge, 5 Mt/yr, spare 5 − 4.2 = 0.8; per train 82 TEU and 1,600 t
 * (both set by q-w) and 50 wagons (p-q): the TEU limit binds, set by the Bug bridge; the dwell cost at Q
 * is unknown. Sea (22 d, $150): no leg of known capacity and only sea legs: not limiting at this scale.
 */
function fixture() {
  const volume = (mtpa: number) => ({ mtpa, year: 2024, basis: 'reported' as const, sources: ['src-a'] });
  return model(
    network(
      [
        node('p', { name: 'Port P', kind: 'port' }),
        node('q', { name: 'Border Q', kind: 'border', dwellDays: r(1) }),
        node('s', { name: 'Port S', kind: 'port', dwellDays: r(2), dwellCostUsdPerFeu: r(50) }),
        node('w', { name: 'Hub W', kind: 'port', country: 'DE' }),
        node('x', { country: 'FR' }),
        node('y', { country: 'FR' }),
      ],
      [
        edge('p-q', 'p', 'q', { transitDays: r(2), costUsdPerFeu: r(100), capacityMtpa: 10, volume: volume(8), perTrain: { unit: 'train', teu: 100, wagons: 50, basis: 'reported', sources: ['src-a'] } }),
        edge('q-w', 'q', 'w', { name: 'Bug bridge', transitDays: r(2), costUsdPerFeu: r(100), capacityMtpa: 5, volume: volume(4.2), perTrain: { unit: 'train', teu: 82, tonnes: 1600, basis: 'reported', sources: ['src-a'] } }),
        edge('p-s', 'p', 's', { mode: 'sea', transitDays: r(10), costUsdPerFeu: r(50), corridors: ['sea'] }),
        edge('s-w', 's', 'w', { mode: 'sea', transitDays: r(10), costUsdPerFeu: r(50), corridors: ['sea'] }),
        edge('x-y', 'x', 'y'),
      ],
      ['north', 'sea'],
    ),
  );
}

describe('route and comparison texts', () => {
  const m = fixture();
  const query = parseQuery(m, { from: 'p', to: 'w' });

  it('route: the bottleneck by name with spare capacity, the per-train limit and the dwell-cost gap', () => {
    const out = formatRoute(routeQuery(m, { ...query, corridor: 'north' }), m.network, 'table', { width: 200 });
    expect(out).toContain('Capacity (the leg marked * sets it): bottleneck Bug bridge, 5 Mt/yr (0.8 spare: 4.2 carried in 2024).');
    expect(out).toContain('Per train: at most 82 TEU and 1,600 t per train (Bug bridge), 50 wagons per train (Port P–Border Q).');
    expect(out).toContain('Cost excludes the dwell cost at 1 place (Border Q).');
    expect(out).toMatch(/Border Q → Hub W .* 5\*/);
    expect(out).not.toContain('q-w');
    expect(out).not.toContain('…');
  });

  it('sea legs only: "not limiting at this scale", not "unknown"', () => {
    const out = formatRoute(routeQuery(m, { ...query, corridor: 'sea' }), m.network, 'table', { width: 200 });
    expect(out).toContain('Capacity: not limiting at this scale (sea legs only).');
    expect(out.split('Sources:')[0]?.split('~ the figure')[0]).not.toContain('unknown');
    const table = formatCompare(compare(m, query), m.network, 'table', { width: 200 });
    expect(table).toMatch(/Sea corridor .* not limiting/);
    expect(table).toContain('Sea corridor: Port P → Port S → Hub W; capacity: not limiting at this scale (sea legs only)');
  });

  it('csv carries the new totals as columns', () => {
    const [head, north] = formatCompare(compare(m, query), m.network, 'csv').split('\n');
    const cols = (head ?? '').split(',');
    const cells = (north ?? '').split(',');
    const at = (name: string) => cells[cols.indexOf(name)];
    expect(at('bottleneck_name')).toBe('Bug bridge');
    expect(at('spare_mtpa')).toBe('0.8');
    expect(at('per_train_teu')).toBe('82');
    expect(at('per_train_edge')).toBe('q-w');
    expect(at('dwell_cost_missing_nodes')).toBe('q');
  });

  it('markdown names the bottleneck too', () => {
    expect(formatCompare(compare(m, query), m.network, 'md')).toContain('capacity: bottleneck Bug bridge, 5 Mt/yr (0.8 spare: 4.2 carried in 2024)');
  });

  it('pareto says where the routes differ, and lists each in full', () => {
    const result = paretoRoutes(m, query, ['days', 'cost']);
    const out = formatPareto({ from: 'p', to: 'w', criteria: ['days', 'cost'], ...result }, m.network, 'table', { width: 200 });
    expect(out).toContain('Where it differs from #1');
    expect(out).toMatch(/1 .* via Border Q/);
    expect(out).toMatch(/2 .* Port P → Port S → Hub W instead of via Border Q/);
    expect(out).toContain('#2: Port P → Port S → Hub W');
    expect(out).not.toContain('…');
  });
});

describe('stretches', () => {
  it('finds the stretches where a route leaves the reference, between the places both pass', () => {
    expect(stretches(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'x', 'y', 'd', 'e'])).toEqual([{ from: 'b', to: 'd', via: ['x', 'y'], instead: ['c'] }]);
    expect(stretches(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual([]);
    expect(stretches(['a', 'c'], ['a', 'b', 'c'])).toEqual([{ from: 'a', to: 'c', via: ['b'], instead: [] }]);
  });

  it('on the same places, names the segments that differ', () => {
    const m = fixture();
    const q = parseQuery(m, { from: 'p', to: 'w' });
    const route = routeQuery(m, { ...q, corridor: 'north' }).route;
    if (!route) throw new Error('no route');
    const other = { ...route, legs: route.legs.map((l, i) => (i === 1 ? { ...l, edge: 'q-w-2', name: 'Old bridge' } : l)) };
    expect(differenceText(route, other, m.network, namer(m.network))).toBe('the same places, on Old bridge instead of Bug bridge');
  });
});
