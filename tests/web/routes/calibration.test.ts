// /calibration and /api/calibration on a hand-worked fixture: the rows, the fit per corridor and the fit by what
// the published figure is, as a page that speaks names and as the pinned JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/web/app.ts';
import { parseObservations, type ObservationsFile } from '../../../src/core/network/observations-schema.ts';
import { model, worked } from '../../helpers/build.ts';

// North a→b→d on the worked fixture: 7 d typical (4.5–17), 2,000 km (see tests/core/analysis/calibrate.test.ts).
const m = model(worked());
const src = { id: 'obs-src', title: 'A report', publisher: 'Publisher P', date: '2025', url: 'https://example.org/o' };
const row = (id: string, extra: Record<string, unknown>) => ({ id, from: 'a', to: 'd', corridor: 'north', metric: 'days', value: { typical: 7, min: 7, max: 7 }, kind: 'observed', year: 2025, sources: ['obs-src'], ...extra });
const file: ObservationsFile = {
  id: 'fixture-observations',
  network: 'fixture',
  asOf: '2026-11-01',
  sources: [src],
  observations: [
    row('avg', { statistic: 'average' }),
    row('fast', { value: { typical: 5, min: 5, max: 5 }, statistic: 'single-run' }),
    row('len', { metric: 'km', value: { typical: 2000, min: 2000, max: 2000 }, kind: 'schedule', statistic: 'length' }),
  ] as ObservationsFile['observations'],
};
const observations = parseObservations(m, file, 'obs.json');

let server: Server;
let base = '';
beforeAll(async () => {
  const app = createApp({ model: m, observations, scenarios: new Map() });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('/calibration', () => {
  it('shows each row with names, its error, and the fit by what the figure is', async () => {
    const res = await fetch(`${base}/calibration`);
    const html = await res.text();
    expect(res.status).toBe(200);
    // (7 − 5) / 5 = +40%: a single fast run, further off than 30%.
    expect(html).toMatch(/<td class="num err-poor">\+40%<\/td>/);
    expect(html).toMatch(/<td class="num err-good">0%<\/td>/);
    const table = html.slice(html.indexOf('id="by-statistic"'), html.indexOf('</section>', html.indexOf('id="by-statistic"')));
    // One row per statistic, each with its fitted rows, rows within ±15%, median error and rows in range.
    expect(table).toMatch(/<td>Averages of many runs<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num err-good">0%<\/td><td class="num">1<\/td>/);
    expect(table).toMatch(/<td>Single runs<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num err-poor">40%<\/td><td class="num">1<\/td>/);
    expect(table).toContain('<td>Published lengths</td>');
    // Names, not ids or field names.
    expect(html).not.toMatch(/single-run|medianAbsErrorPct|byStatistic/);
  });

  it('/api/calibration is the pinned shape plus the fit by statistic', async () => {
    const body = await (await fetch(`${base}/api/calibration`)).json();
    expect(body.summary).toContainEqual({ corridor: 'north', fitted: 3, within15: 2, medianAbsErrorPct: 0, insideModelRange: 3 });
    expect(body.rows.map((r: { id: string; errorPct: number }) => [r.id, r.errorPct])).toEqual([['avg', 0], ['fast', 40], ['len', 0]]);
    expect(body.byStatistic.map((s: { statistic: string; fitted: number }) => [s.statistic, s.fitted])).toEqual([['average', 1], ['length', 1], ['single-run', 1]]);
  });
});
