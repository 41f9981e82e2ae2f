// Worked answers on the fixture in tests/helpers/build.ts (see its diagram).
import { describe, expect, it } from 'vitest';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { compare } from '../../../src/core/routing/compare.ts';
import { parseQuery, type QueryInput } from '../../../src/core/routing/query.ts';
import { UnknownIdError, QueryError } from '../../../src/core/errors.ts';
import { model, worked, edge, network, node, r } from '../../helpers/build.ts';

const m = model(worked());
const q = (input: QueryInput) => parseQuery(m, { from: 'a', to: 'd', ...input });
const route = (input: QueryInput, mm = m) => {
  const res = findRoute(mm, parseQuery(mm, { from: 'a', to: 'd', ...input }));
  if (!res.route) throw new Error(`expected a route, got: ${res.reason}`);
  return res.route;
};

describe('days objective', () => {
  it('counts the dwell at a gauge change, which changes the winner', () => {
    // north: 2 + 3 (dwell b) + 2 = 7 d; south: 3 + 0.5 (dwell e) + 3 = 6.5 d; best: south.
    const north = route({ corridor: 'north' });
    expect(north.nodes).toEqual(['a', 'b', 'd']);
    expect(north.totals.transitDays).toEqual({ typical: 7, min: 4.5, max: 17 });
    expect(north.legs[0]?.dwellDays).toEqual({ typical: 3, min: 1, max: 10 });
    expect(north.legs[1]?.dwellDays).toBeNull(); // destination dwell not counted
    const best = route({});
    expect(best.nodes).toEqual(['a', 'e', 'd']);
    expect(best.totals.transitDays).toEqual({ typical: 6.5, min: 5.25, max: 13 });
  });

  it('uses the faster of two parallel edges, not the first one', () => {
    // c-d-1 (30 d) comes first; c-d-2 (25 d) is the one that must be priced and reported.
    const sea = route({ corridor: 'sea' });
    expect(sea.legs.map((l) => l.edge)).toEqual(['a-c', 'c-d-2']);
    expect(sea.totals.transitDays).toEqual({ typical: 26, min: 25, max: 36 });
  });

  it('reports an unknown leg cost as a null total, never zero', () => {
    const south = route({ corridor: 'south' });
    expect(south.totals.costUsdPerFeu).toBeNull();
    expect(south.totals.costMissingEdges).toEqual(['e-d']);
    expect(south.legs[1]?.costUsdPerFeu).toBeNull();
  });

  it('routes over a zero-weight edge', () => {
    const res = findRoute(m, parseQuery(m, { from: 'a', to: 't' }));
    expect(res.route?.nodes).toEqual(['a', 'e', 'd', 't']);
    // e dwell 0.5 and d dwell (none) are passed through; the 0-day road adds nothing.
    expect(res.route?.totals.transitDays.typical).toBe(6.5);
  });

  it('gives a named no-route outcome for an island', () => {
    const res = findRoute(m, parseQuery(m, { from: 'a', to: 'x' }));
    expect(res.route).toBeNull();
    expect(res.reason).toMatch(/No route from A to X: no segments of the network join them/);
  });

  it('counts capacity: smallest known, bottleneck, unknown edges', () => {
    const north = route({ corridor: 'north' });
    expect(north.totals.capacityMtpa).toBe(5);
    expect(north.totals.bottleneckEdge).toBe('b-d');
    const south = route({ corridor: 'south' });
    expect(south.totals.capacityMtpa).toBe(2);
    expect(south.totals.unknownCapacityEdges).toEqual(['e-d']);
    expect(route({ corridor: 'sea' }).totals.capacityMtpa).toBeNull();
  });

  it('counts estimated figures', () => {
    // a-e is estimated: distance, days, cost and capacity = 4 figures.
    expect(route({ corridor: 'south' }).totals.estimatedFigures).toBe(4);
    expect(route({ corridor: 'north' }).totals.estimatedFigures).toBe(0);
  });
});

describe('other objectives', () => {
  it('cost: sums leg costs and the dwell cost; picks the cheaper parallel edge', () => {
    // north: 500 + 100 (b) + 500 = 1,100; sea: 100 + 1,500 (c-d-1) = 1,600.
    const north = route({ corridor: 'north', objective: 'cost' });
    expect(north.totals.costUsdPerFeu).toEqual({ typical: 1100, min: 900, max: 1500 });
    const sea = route({ corridor: 'sea', objective: 'cost' });
    expect(sea.legs.map((l) => l.edge)).toEqual(['a-c', 'c-d-1']);
    expect(sea.totals.costUsdPerFeu).toEqual({ typical: 1600, min: 1100, max: 3100 });
  });

  it('cost: a corridor whose only link has no cost figure has no route, with the reason', () => {
    const res = findRoute(m, q({ corridor: 'south', objective: 'cost' }));
    expect(res.route).toBeNull();
    expect(res.reason).toBe('No route from A to D on the South corridor: the only link that would join them, E–D (e-d), is missing a cost figure.');
  });

  it('km and co2', () => {
    expect(route({ objective: 'km' }).totals.distanceKm).toBe(2000);
    // north: 1,000 km × 20 g (electric) × 20 t / 1,000 = 400 kg + 1,000 × 30 (diesel) × 20 / 1,000 = 600 kg.
    const co2 = route({ objective: 'co2' });
    expect(co2.nodes).toEqual(['a', 'b', 'd']);
    expect(co2.totals.co2KgPerFeu).toBe(1000);
    expect(co2.legs.map((l) => l.co2KgPerFeu)).toEqual([400, 600]);
    // tonnes per FEU is a parameter: 10 t halves it.
    expect(route({ objective: 'co2', tonnesPerFeu: 10 }).totals.co2KgPerFeu).toBe(500);
  });
});

describe('filters', () => {
  it('cargo above a known capacity leaves the edge out', () => {
    const res = findRoute(m, q({ corridor: 'south', cargoMtpa: 3 }));
    expect(res.route).toBeNull();
    expect(res.reason).toContain('capacity 2 Mt/yr (nameplate; the volume carried is not known) is below the 3 Mt/yr cargo');
    // north (5 Mt/yr) still fits 3 Mt/yr; unknown capacities stay in.
    expect(route({ corridor: 'north', cargoMtpa: 3 }).nodes).toEqual(['a', 'b', 'd']);
    expect(route({ corridor: 'sea', cargoMtpa: 100 }).nodes).toEqual(['a', 'c', 'd']);
  });

  it('avoided countries remove their nodes', () => {
    const res = findRoute(m, q({ corridor: 'south', avoidCountries: 'ir' }));
    expect(res.route).toBeNull();
    expect(res.reason).toContain('it has to pass through IR');
    expect(route({ avoidCountries: 'IR' }).nodes).toEqual(['a', 'b', 'd']);
  });

  it('planned edges count only from their opening year', () => {
    const net = worked();
    net.edges.push(edge('a-d-new', 'a', 'd', { transitDays: r(1), status: 'planned', opensYear: 2030 }));
    const mm = model(net);
    expect(route({ corridor: 'north' }, mm).nodes).toEqual(['a', 'b', 'd']);
    expect(route({ corridor: 'north', year: 2029 }, mm).nodes).toEqual(['a', 'b', 'd']);
    expect(route({ corridor: 'north', year: 2030 }, mm).nodes).toEqual(['a', 'd']);
  });

  it('a closed edge is filtered out and named in the reason', () => {
    const mm = model(worked(), { edges: new Map([['b-d', 'closed (what-if edit)']]) });
    const res = findRoute(mm, parseQuery(mm, { from: 'a', to: 'd', corridor: 'north' }));
    expect(res.route).toBeNull();
    expect(res.reason).toBe('No route from A to D on the North corridor: the only link that would join them, B–D (b-d), is closed (what-if edit).');
  });

  it('the reason for a planned-only link gives the opening year', () => {
    const net = network([node('a'), node('b'), node('c')], [edge('a-b', 'a', 'b'), edge('b-c', 'b', 'c', { status: 'planned', opensYear: 2029 }), edge('b-c-2', 'b', 'c', { status: 'under-construction', opensYear: 2031 })]);
    const mm = model(net);
    const res = findRoute(mm, parseQuery(mm, { from: 'a', to: 'c' }));
    expect(res.reason).toContain('every route needs one of these links');
    expect(res.reason).toContain('planned, opens 2029');
  });
});

describe('compare', () => {
  it('gives one route per corridor and the overall best', () => {
    const res = compare(m, q({}));
    expect(res.corridors.map((c) => [c.corridor, c.route?.totals.transitDays.typical ?? null])).toEqual([
      ['north', 7],
      ['south', 6.5],
      ['sea', 26],
    ]);
    expect(res.best.corridor).toBe('south');
    expect(res.best.route?.totals.transitDays.typical).toBe(6.5);
    expect(res.network).toEqual({ id: 'fixture', name: 'Fixture', version: '2026.11.0', asOf: '2026-11-01' });
    expect(res.query).toEqual({ from: 'a', to: 'd', objective: 'days', year: null, cargoMtpa: null, avoidCountries: [], tonnesPerFeu: 20, via: [] });
  });
});

describe('queries', () => {
  it('an unknown node names the closest ids, matching without case or diacritics', () => {
    const net = network(
      [node('cheshmeh-soraya', { name: 'Cheshmeh Soraya', aliases: ['Çeşme Süreyya'] }), node('xian', { name: "Xi'an" }), node('kars', { name: 'Kars' })],
      [edge('c-x', 'cheshmeh-soraya', 'xian'), edge('x-k', 'xian', 'kars')],
    );
    const mm = model(net);
    try {
      parseQuery(mm, { from: 'Cesme Soraya', to: 'kars' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnknownIdError);
      expect((err as UnknownIdError).suggestions[0]?.id).toBe('cheshmeh-soraya');
      expect((err as Error).message).toContain('did you mean cheshmeh-soraya (Cheshmeh Soraya)');
    }
    // An exact name, alias or spelling without the apostrophe resolves.
    expect(parseQuery(mm, { from: "XI'AN", to: 'Çeşme Süreyya' })).toMatchObject({ from: 'xian', to: 'cheshmeh-soraya' });
    expect(parseQuery(mm, { from: 'Xian', to: 'kars' }).from).toBe('xian');
  });

  it('rejects bad objectives, years, cargo and countries with the field name', () => {
    const bad = (input: QueryInput, field: string) => {
      try {
        parseQuery(m, { from: 'a', to: 'd', ...input });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(QueryError);
        expect((err as QueryError).field).toBe(field);
      }
    };
    bad({ objective: 'speed' }, 'objective');
    bad({ year: '20x0' }, 'year');
    bad({ year: '2030.5' }, 'year');
    bad({ cargoMtpa: '-1' }, 'cargoMtpa');
    bad({ cargoMtpa: 'NaN' }, 'cargoMtpa');
    bad({ avoidCountries: 'Russia' }, 'avoidCountries');
    bad({ to: 'a' }, 'to');
  });
});
