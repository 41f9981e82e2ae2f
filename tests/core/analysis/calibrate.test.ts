// The calibration: a hand-worked fixture, the pinned JSON shape, and each row equal to what the route
// engine answers for the same query.
import { describe, expect, it } from 'vitest';
import { calibrate, observationQuery } from '../../../src/core/analysis/calibrate.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseObservations, type ObservationsFile } from '../../../src/core/network/observations-schema.ts';
import { DataValidationError } from '../../../src/core/errors.ts';
import { model, worked } from '../../helpers/build.ts';

const src = { id: 'obs-src', title: 'T', publisher: 'P', date: '2025', url: 'https://example.org/o' };
const row = (id: string, extra: Record<string, unknown>) => ({ id, from: 'a', to: 'd', corridor: 'north', metric: 'days', value: { typical: 7, min: 7, max: 7 }, kind: 'observed', year: 2025, sources: ['obs-src'], ...extra });
const file = (rows: unknown[]): ObservationsFile => ({ id: 'fixture-observations', network: 'fixture', asOf: '2026-11-01', sources: [src], observations: rows as ObservationsFile['observations'] });

describe('calibrate on the worked fixture', () => {
  // North a→b→d: 2 + 3 (dwell at b) + 2 = 7 d typical (min 1.5 + 1 + 2 = 4.5, max 3 + 10 + 4 = 17); 2,000 km; $1,100 with b's dwell cost $100.
  const m = model(worked());
  const obs = file([
    row('exact', { statistic: 'average' }),
    row('slow', { value: { typical: 8.75, min: 8, max: 9 }, statistic: 'average' }),
    row('far', { value: { typical: 20, min: 20, max: 20 }, statistic: 'single-run' }),
    row('km', { metric: 'km', value: { typical: 2000, min: 2000, max: 2000 }, kind: 'schedule' }),
    row('claim', { kind: 'claim', value: { typical: 5, min: 5, max: 5 }, statistic: 'single-run' }),
    row('cost-south', { corridor: 'south', metric: 'cost', value: { typical: 700, min: 700, max: 700 } }),
  ]);
  const result = calibrate(m, parseObservations(m, obs, 'obs.json'));
  const byId = Object.fromEntries(result.rows.map((r) => [r.id, r]));

  it('gives the error and whether the published figure is in the model range', () => {
    expect(byId.exact).toMatchObject({ model: { typical: 7, min: 4.5, max: 17 }, errorPct: 0, insideModelRange: true, fitted: true });
    // (7 − 8.75) / 8.75 = −20%
    expect(byId.slow).toMatchObject({ errorPct: -20, insideModelRange: true, fitted: true });
    // (7 − 20) / 20 = −65%; 20 is above the max of 17
    expect(byId.far).toMatchObject({ errorPct: -65, insideModelRange: false });
    expect(byId.km).toMatchObject({ model: { typical: 2000, min: 2000, max: 2000 }, errorPct: 0, insideModelRange: true });
  });

  it('shows claims beside the fit, never in it', () => {
    expect(byId.claim?.fitted).toBe(false);
    expect(byId.claim?.errorPct).toBe(40);
  });

  it('a row without a model figure is null with a reason', () => {
    // The south corridor's e–d leg has no cost figure, so the cost search finds no route.
    expect(byId['cost-south']).toMatchObject({ model: null, errorPct: null, insideModelRange: null, fitted: false });
    expect(byId['cost-south']?.reason).toMatch(/No route from A to D on the South corridor/);
  });

  it('summarises per corridor: fitted rows, within ±15%, median absolute error', () => {
    // north fitted: exact 0, slow 20, far 65, km 0 → 2 of 4 within 15%, median (0, 0, 20, 65) = 10
    expect(result.summary.find((s) => s.corridor === 'north')).toEqual({ corridor: 'north', fitted: 4, within15: 2, medianAbsErrorPct: 10, insideModelRange: 3 });
    expect(result.summary.find((s) => s.corridor === 'south')).toEqual({ corridor: 'south', fitted: 0, within15: 0, medianAbsErrorPct: null, insideModelRange: 0 });
  });

  it('summarises the fitted rows by what the published figure is, most rows first, claims left out', () => {
    // averages: exact 0, slow 20 → 1 of 2 within 15%, median 10, both in range; single runs: far 65 (the claim is
    // not fitted); not stated: km 0.
    expect(result.byStatistic).toEqual([
      { statistic: 'average', label: 'averages of many runs', fitted: 2, within15: 1, medianAbsErrorPct: 10, insideModelRange: 2 },
      { statistic: null, label: 'not stated', fitted: 1, within15: 1, medianAbsErrorPct: 0, insideModelRange: 1 },
      { statistic: 'single-run', label: 'single runs', fitted: 1, within15: 0, medianAbsErrorPct: 65, insideModelRange: 0 },
    ]);
    // The groups partition the fitted rows.
    expect(result.byStatistic.reduce((n, g) => n + g.fitted, 0)).toBe(result.overall.fitted);
    expect(byId.far?.statistic).toBe('single-run');
  });

  it('rejects unknown nodes, corridors and sources with their paths', () => {
    const bad = file([row('x', { from: 'nowhere', corridor: 'east', sources: ['missing'] })]);
    let err: unknown;
    try {
      parseObservations(m, bad, 'obs.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataValidationError);
    expect((err as DataValidationError).issues.map((i) => `${i.jsonPath} ${i.code}`)).toEqual([
      '$.observations[0].from unknown_node',
      '$.observations[0].corridor unknown_corridor',
      '$.observations[0].sources[0] unknown_source',
    ]);
  });
});

describe('calibrate on the shipped files', async () => {
  const { createModel } = await import('../../../src/core/network/model.ts');
  const { loadEmissionFactorsFile, loadNetworkFile, loadObservationsFile } = await import('../../../src/core/load.ts');
  const m = createModel(loadNetworkFile(), loadEmissionFactorsFile());
  const observations = loadObservationsFile(m);
  const result = calibrate(m, observations);

  it('prints the pinned shape', () => {
    expect(Object.keys(result.network)).toEqual(expect.arrayContaining(['id', 'version', 'asOf']));
    for (const r of result.rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'from', 'to', 'corridor', 'metric', 'kind', 'year', 'published', 'model', 'errorPct', 'insideModelRange']));
      if (r.model === null) expect(typeof r.reason).toBe('string');
    }
    expect(result.summary.map((s) => s.corridor)).toEqual(m.corridorIds);
  });

  it('each row\'s model figure is what the route engine answers for the same query', () => {
    for (const o of observations.observations) {
      const row = result.rows.find((r) => r.id === o.id);
      const route = findRoute(m, observationQuery(m, o)).route;
      if (!route) {
        expect(row?.model).toBeNull();
        continue;
      }
      const t = route.totals;
      const expected = o.metric === 'days' ? t.transitDays.typical : o.metric === 'km' ? t.distanceKm : t.costUsdPerFeu?.typical;
      if (expected === undefined) expect(row?.model).toBeNull();
      else expect(row?.model?.typical).toBeCloseTo(expected, 2);
    }
  });
});
