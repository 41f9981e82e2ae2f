// GeoJSON export on a small fixture with distinct coordinates: leg geometry (waypoints, direction), leg
// figures, baseline legs of a what-if comparison, node points and the JSON text.
import { describe, expect, it } from 'vitest';
import type { Feature, LineString, Point } from 'geojson';
import { applyEdits } from '../../../src/core/network/apply-scenario.ts';
import { compare } from '../../../src/core/routing/compare.ts';
import { compareScenario } from '../../../src/core/analysis/diff.ts';
import { compareGeoJson, geojsonText, legLineString, type LegProperties, type NodeProperties } from '../../../src/core/output/geojson.ts';
import type { Query } from '../../../src/core/routing/query.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r } from '../../helpers/build.ts';

/** north: a -- b[border, dwell 3 d] -- d; sea: a -- c ==(sea lane d-c, drawn from d to c)== d. */
function fixture(): Network {
  const net = network(
    [
      node('a', { lon: 108.9, lat: 34.3 }),
      node('b', { lon: 80.4, lat: 44.2, kind: 'border', country: 'KZ', dwellDays: r(3, 1, 10), gaugeChange: true }),
      node('c', { lon: 122.1, lat: 30.6, kind: 'port' }),
      node('d', { lon: 6.8, lat: 51.4, country: 'DE' }),
    ],
    [
      edge('a-b', 'a', 'b', { distanceKm: 1000, transitDays: r(2, 1.5, 3), costUsdPerFeu: r(500, 400, 600), capacityMtpa: 10, traction: 'electric' }),
      edge('b-d', 'b', 'd', { distanceKm: 1000, transitDays: r(2, 2, 4), traction: 'electric', basis: 'estimated' }),
      edge('a-c', 'a', 'c', { distanceKm: 200, transitDays: r(1), costUsdPerFeu: r(100), corridors: ['sea'], traction: 'electric' }),
      edge('d-c', 'd', 'c', {
        mode: 'sea',
        distanceKm: 9000,
        transitDays: r(30, 28, 40),
        costUsdPerFeu: r(1500, 1000, 3000),
        corridors: ['sea'],
        sources: ['src-a', 'src-b'],
        waypoints: [
          [30.123456, 30],
          [60, 10],
          [100, 5],
        ],
      }),
    ],
    ['north', 'sea'],
  );
  const sea = net.corridors[1];
  if (sea) sea.color = '#123abc';
  return net;
}

const Q: Query = { from: 'a', to: 'd', objective: 'days', avoidCountries: [] };
type LegFeature = Feature<LineString, LegProperties>;
type NodeFeature = Feature<Point, NodeProperties>;
const legs = (fc: { features: Feature[] }) => fc.features.filter((f): f is LegFeature => f.geometry.type === 'LineString');
const points = (fc: { features: Feature[] }) => fc.features.filter((f): f is NodeFeature => f.geometry.type === 'Point');
const pick = (fc: { features: Feature[] }, role: string, corridor: string | null) =>
  legs(fc).filter((f) => f.properties.role === role && f.properties.corridor === corridor);

describe('compareGeoJson', () => {
  const m = model(fixture());
  const fc = compareGeoJson(m, compare(m, Q));

  it('one LineString per leg of each corridor route and of the best route, with exact coordinates', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(legs(fc)).toHaveLength(6); // north 2, sea 2, best (north) 2
    expect(pick(fc, 'route', 'north').map((f) => f.geometry.coordinates)).toEqual([
      [
        [108.9, 34.3],
        [80.4, 44.2],
      ],
      [
        [80.4, 44.2],
        [6.8, 51.4],
      ],
    ]);
    expect(pick(fc, 'best', 'north').map((f) => f.properties.edge)).toEqual(['a-b', 'b-d']);
    expect(pick(fc, 'route', 'sea').map((f) => f.properties.leg)).toEqual([1, 2]);
  });

  it('a leg travelled against the edge direction has its waypoints reversed (and rounded to 5 decimals)', () => {
    const sea = pick(fc, 'route', 'sea')[1];
    expect(sea?.properties.edge).toBe('d-c');
    expect(sea?.geometry.coordinates).toEqual([
      [122.1, 30.6],
      [100, 5],
      [60, 10],
      [30.12346, 30],
      [6.8, 51.4],
    ]);
    // Travelled d → c the waypoints keep their order.
    const back = compare(m, { ...Q, from: 'd', to: 'a' }).corridors.find((c) => c.corridor === 'sea')?.route;
    const first = back?.legs[0];
    expect(first && legLineString(m, first)).toEqual([
      [6.8, 51.4],
      [30.12346, 30],
      [60, 10],
      [100, 5],
      [122.1, 30.6],
    ]);
  });

  it('leg properties carry the figures of the leg', () => {
    expect(pick(fc, 'route', 'sea')[1]?.properties).toEqual({
      corridor: 'sea',
      corridorName: 'Sea corridor',
      color: '#123abc',
      role: 'route',
      leg: 2,
      edge: 'd-c',
      from: 'c',
      to: 'd',
      fromName: 'C',
      toName: 'D',
      mode: 'sea',
      distanceKm: 9000,
      transitDaysTypical: 30,
      transitDaysMin: 28,
      transitDaysMax: 40,
      dwellDaysTypical: null,
      costUsdPerFeuTypical: 1500,
      capacityMtpa: null,
      co2KgPerFeu: 1800, // 9000 km × 10 g/t·km × 20 t
      basis: 'reported',
      estimated: [],
      sources: ['src-a', 'src-b'],
    });
    const [ab, bd] = pick(fc, 'route', 'north');
    expect(ab?.properties).toMatchObject({ color: '#1f77b4', dwellDaysTypical: 3, costUsdPerFeuTypical: 500, capacityMtpa: 10, co2KgPerFeu: 400 });
    expect(bd?.properties).toMatchObject({ basis: 'estimated', estimated: ['distanceKm', 'transitDays'], costUsdPerFeuTypical: null, dwellDaysTypical: null });
  });

  it('one Point per node used, with its properties', () => {
    const pts = points(fc);
    expect(pts.map((p) => p.properties.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(pts[1]).toMatchObject({
      geometry: { type: 'Point', coordinates: [80.4, 44.2] },
      properties: { id: 'b', name: 'B', country: 'KZ', kind: 'border', dwellDaysTypical: 3 },
    });
    expect(pts[0]?.properties.dwellDaysTypical).toBeNull();
  });

  it('a scenario result also has the baseline legs', () => {
    const applied = applyEdits(m, [{ edit: { op: 'close', edge: 'b-d' }, file: '--close', path: [] }], 'scenario "t"');
    const sfc = compareScenario(m, applied, { id: 't', name: 'T', description: 'close b-d' }, Q);
    const out = compareGeoJson(m, sfc);
    expect(pick(out, 'baseline', 'north').map((f) => f.properties.edge)).toEqual(['a-b', 'b-d']);
    expect(pick(out, 'baseline', 'sea').map((f) => f.properties.edge)).toEqual(['a-c', 'd-c']);
    expect(pick(out, 'route', 'north')).toEqual([]);
    expect(pick(out, 'best', 'sea').map((f) => f.properties.edge)).toEqual(['a-c', 'd-c']);
    expect(points(out).map((p) => p.properties.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    // A plain comparison has no baseline legs.
    expect(legs(fc).some((f) => f.properties.role === 'baseline')).toBe(false);
  });

  it('geojsonText: valid JSON, two-space indentation, one trailing newline', () => {
    const text = geojsonText(fc);
    expect(text.startsWith('{\n  "type": "FeatureCollection",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(JSON.parse(text)).toEqual(fc);
  });
});
