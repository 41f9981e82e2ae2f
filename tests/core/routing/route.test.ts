// Routes built from legs: buildRoute builds afresh; sharedRoute keeps one frozen route per model, path and load,
// made of the model's shared legs; findRoute shares the routes of an index that has answered before.
import { describe, expect, it } from 'vitest';
import { buildLeg, buildRoute, sharedRoute } from '../../../src/core/routing/route.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery } from '../../../src/core/routing/query.ts';
import { model, worked } from '../../helpers/build.ts';

const net = worked();
const edges = new Map(net.edges.map((e) => [e.id, e]));
const edge = (id: string) => {
  const e = edges.get(id);
  if (!e) throw new Error(`fixture lacks ${id}`);
  return e;
};

describe('buildRoute', () => {
  it('builds fresh legs, equal to buildLeg by direction and load, that the caller may change', () => {
    const m = model(net);
    const there = buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    const back = buildRoute(m, ['d', 'b', 'a'], ['b-d', 'a-b'], 20);
    expect(there.legs).toEqual([buildLeg(m, edge('a-b'), 'a', true, 20), buildLeg(m, edge('b-d'), 'b', false, 20)]);
    expect(back.legs).toEqual([buildLeg(m, edge('b-d'), 'd', true, 20), buildLeg(m, edge('a-b'), 'b', false, 20)]);
    expect(buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20).legs[0]).not.toBe(there.legs[0]);
    expect(Object.isFrozen(there) || Object.isFrozen(there.legs[0])).toBe(false);
  });
});

describe('sharedRoute', () => {
  it('gives the route buildRoute builds, once per model, path and tonnes per FEU, frozen', () => {
    const m = model(net);
    const a = sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    expect(a).toEqual(buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20));
    expect(sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20)).toBe(a);
    expect(sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 25)).not.toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.nodes) && Object.isFrozen(a.totals) && Object.isFrozen(a.totals.transitDays)).toBe(true);
    expect(() => {
      (a.nodes as string[]).push('t');
    }).toThrow(TypeError);
  });

  it('shares one frozen leg per model, edge, direction, pass-through and tonnes per FEU', () => {
    const m = model(net);
    const north = sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    const longer = sharedRoute(m, ['a', 'b', 'd', 't'], ['a-b', 'b-d', 'd-t'], 20);
    const heavier = sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 25);
    expect(longer.legs[0]).toBe(north.legs[0]);
    // b-d ends the first route (no dwell at d) but passes through d in the second.
    expect(longer.legs[1]).not.toBe(north.legs[1]);
    expect(longer.legs[1]).toEqual(buildLeg(m, edge('b-d'), 'b', true, 20));
    expect(heavier.legs[0]?.co2KgPerFeu).toBe(buildLeg(m, edge('a-b'), 'a', true, 25).co2KgPerFeu);
    expect(heavier.legs[0]?.co2KgPerFeu).not.toBe(north.legs[0]?.co2KgPerFeu);
    expect(Object.isFrozen(north.legs[0]?.sources)).toBe(true);
    expect(() => {
      (north.legs[0]?.sources as string[]).push('src-b');
    }).toThrow(TypeError);
  });

  it('keeps the routes and legs of another model apart, even on the same network', () => {
    const m = model(net);
    const other = model(net);
    const a = sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    const b = sharedRoute(other, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    expect(b).not.toBe(a);
    expect(b.legs[0]).not.toBe(a.legs[0]);
    expect(b).toEqual(a);
  });
});

describe('findRoute', () => {
  it('builds its own route on a fresh index, then shares the routes of an index that has answered before', () => {
    const m = model(net);
    const q = parseQuery(m, { from: 'a', to: 'd', corridor: 'north' });
    const first = findRoute(m, q).route;
    const second = findRoute(m, q).route;
    const third = findRoute(m, q).route;
    expect(first && Object.isFrozen(first)).toBe(false);
    expect(second && Object.isFrozen(second)).toBe(true);
    expect(third).toBe(second);
    expect(second).toEqual(first);
  });
});
