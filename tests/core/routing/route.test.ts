// Routes built from legs: legs are built once per model, hop and load, shared by the routes that travel them,
// and frozen so that no route can change another's figures.
import { describe, expect, it } from 'vitest';
import { buildLeg, buildRoute, sharedRoute } from '../../../src/core/routing/route.ts';
import { model, worked } from '../../helpers/build.ts';

describe('buildRoute', () => {
  const net = worked();
  const m = model(net);

  it('shares one frozen leg per model, edge, direction, pass-through and tonnes per FEU', () => {
    const north = buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    const again = buildRoute(m, ['a', 'b', 'd', 't'], ['a-b', 'b-d', 'd-t'], 20);
    expect(again.legs[0]).toBe(north.legs[0]);
    // b-d ends the first route (no dwell at d) but passes through d in the second.
    expect(again.legs[1]).not.toBe(north.legs[1]);
    expect(Object.isFrozen(north.legs[0])).toBe(true);
    expect(Object.isFrozen(north.legs[0]?.transitDays)).toBe(true);
    expect(Object.isFrozen(north.legs[0]?.sources)).toBe(true);
    expect(() => {
      (north.legs[0]?.sources as string[]).push('src-b');
    }).toThrow(TypeError);
    // The route's own arrays stay the route's.
    expect(Object.isFrozen(north.legs)).toBe(false);
  });

  it('builds the same legs as buildLeg, by direction and load', () => {
    const there = buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    const back = buildRoute(m, ['d', 'b', 'a'], ['b-d', 'a-b'], 20);
    const heavier = buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 25);
    const edges = new Map(net.edges.map((e) => [e.id, e]));
    const ab = edges.get('a-b');
    const bd = edges.get('b-d');
    if (!ab || !bd) throw new Error('fixture lacks a-b or b-d');
    expect(there.legs).toEqual([buildLeg(m, ab, 'a', true, 20), buildLeg(m, bd, 'b', false, 20)]);
    expect(back.legs).toEqual([buildLeg(m, bd, 'd', true, 20), buildLeg(m, ab, 'b', false, 20)]);
    expect(heavier.legs[0]?.co2KgPerFeu).toBe(buildLeg(m, ab, 'a', true, 25).co2KgPerFeu);
    expect(heavier.legs[0]?.co2KgPerFeu).not.toBe(there.legs[0]?.co2KgPerFeu);
  });

  it('gives another model its own legs, even on the same network', () => {
    const other = model(net);
    const a = buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    const b = buildRoute(other, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    expect(b.legs[0]).not.toBe(a.legs[0]);
    expect(b.legs).toEqual(a.legs);
  });
});

describe('sharedRoute', () => {
  const net = worked();
  const m = model(net);

  it('gives the route buildRoute builds, once per model, path and tonnes per FEU, frozen', () => {
    const a = sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20);
    expect(a).toEqual(buildRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20));
    expect(sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20)).toBe(a);
    expect(sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 25)).not.toBe(a);
    expect(sharedRoute(m, ['a', 'b', 'd', 't'], ['a-b', 'b-d', 'd-t'], 20)).not.toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.nodes) && Object.isFrozen(a.totals) && Object.isFrozen(a.totals.transitDays)).toBe(true);
    expect(() => {
      (a.nodes as string[]).push('t');
    }).toThrow(TypeError);
  });

  it('keeps the routes of another model apart, even on the same network', () => {
    expect(sharedRoute(model(net), ['a', 'b', 'd'], ['a-b', 'b-d'], 20)).not.toBe(sharedRoute(m, ['a', 'b', 'd'], ['a-b', 'b-d'], 20));
  });
});
