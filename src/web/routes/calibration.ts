// The calibration pages: /calibration (the model against published observations, with the error coloured and
// a chart per corridor) and /api/calibration (the same as JSON, the shape `corridors calibrate --format json` prints).
import { Router, type Response } from 'express';
import { calibrate, describeFit, fmtErrorPct, fmtFigure, type Calibration, type Model, type ObservationsFile } from '../../core/index.ts';
import { corridorColor } from '../../core/output/geojson.ts';
import { calibrationChartSvg } from '../charts.ts';
import { trusted } from '../render.ts';

type Page = (res: Response, status: number, view: string, data: Record<string, unknown>) => void;

const METRIC_LABEL = { days: 'days', km: 'km', cost: 'USD per FEU' } as const;

/** How far off a row is, as a class for its colour: good (≤15%), fair (≤30%), poor; none for unfitted rows. */
export function errorClass(e: number | null, fitted: boolean): string {
  if (e === null || !fitted) return 'err-none';
  const a = Math.abs(e);
  return a <= 15 ? 'err-good' : a <= 30 ? 'err-fair' : 'err-poor';
}

/** The page's view of a calibration. */
export function calibrationView(model: Model, observations: ObservationsFile, result: Calibration) {
  const name = (id: string) => model.nodeById.get(id)?.name ?? id;
  const byId = new Map(observations.observations.map((o) => [o.id, o]));
  const sourceById = new Map(observations.sources.map((s) => [s.id, s]));
  const corridors = model.network.corridors.map((c) => {
    const rows = result.rows.filter((r) => r.corridor === c.id);
    const summary = result.summary.find((s) => s.corridor === c.id);
    const charts = (['days', 'km', 'cost'] as const)
      .map((metric) => {
        const pts = rows.filter((r) => r.metric === metric && r.model).map((r) => ({ published: r.published.typical, model: r.model?.typical ?? 0, fitted: r.fitted, label: `${name(r.from)} → ${name(r.to)} ${r.year}` }));
        return pts.length ? { metric: METRIC_LABEL[metric], svg: trusted(calibrationChartSvg(pts, { title: `${c.name}: model against published ${METRIC_LABEL[metric]}`, unit: METRIC_LABEL[metric], color: corridorColor(model.network, c.id) })) } : null;
      })
      .filter((x) => x !== null);
    return {
      id: c.id,
      name: c.name,
      fit: summary ? describeFit(summary, c.name) : '',
      charts,
      rows: rows.map((r) => {
        const o = byId.get(r.id);
        return {
          route: `${name(r.from)} → ${name(r.to)}`,
          via: r.via.map(name).join(', '),
          what: `${METRIC_LABEL[r.metric]}${r.scope ? `, ${r.scope.replace(/-/g, ' ')}` : ''}`,
          kind: r.kind,
          year: r.year,
          published: fmtFigure(r.metric, r.published),
          model: r.model ? fmtFigure(r.metric, r.model) : 'no route',
          error: r.model ? fmtErrorPct(r.errorPct) : '',
          errorClass: errorClass(r.errorPct, r.fitted),
          inRange: r.insideModelRange === null ? '' : r.insideModelRange ? 'yes' : 'no',
          fitted: r.fitted,
          reason: r.reason ?? '',
          note: o?.note ?? '',
          sources: (o?.sources ?? []).map((s) => sourceById.get(s)).filter((s) => s !== undefined).map((s) => ({ title: s.title, publisher: s.publisher, date: s.date, url: s.url })),
          routeLink: `/compare?${new URLSearchParams([['from', r.from], ['to', r.to], ['objective', r.metric], ...r.via.map((v) => ['via', v])]).toString()}`,
        };
      }),
    };
  });
  const historical = result.historical.map((r) => ({
    route: `${name(r.from)} → ${name(r.to)}`,
    via: r.via.map(name).join(', '),
    corridor: model.network.corridors.find((c) => c.id === r.corridor)?.name ?? r.corridor,
    what: METRIC_LABEL[r.metric],
    year: r.year,
    published: fmtFigure(r.metric, r.published),
    model: r.model ? fmtFigure(r.metric, r.model) : 'no route',
    why: r.historicalReason,
  }));
  const byStatistic = result.byStatistic.map((s) => ({
    label: s.label.charAt(0).toUpperCase() + s.label.slice(1),
    fitted: s.fitted,
    within15: s.within15,
    median: s.medianAbsErrorPct === null ? '' : `${s.medianAbsErrorPct}%`,
    medianClass: errorClass(s.medianAbsErrorPct, true),
    inRange: s.insideModelRange,
  }));
  return { corridors, historical, byStatistic, overall: describeFit(result.overall, 'All corridors'), count: result.rows.length, fitted: result.overall.fitted, observationsAsOf: observations.asOf };
}

/** The router for /calibration and /api/calibration; the calibration is computed once, since the model never changes. */
export function calibrationPages(model: Model, observations: ObservationsFile, page: Page): Router {
  const router = Router();
  const result = calibrate(model, observations);
  const view = calibrationView(model, observations, result);
  const { rows, historical, ...rest } = result;
  const json = JSON.stringify({ ...rest, rows: rows.map(({ query: _q, ...r }) => r), historical: historical.map(({ query: _q, ...r }) => r) });
  router.get('/calibration', (_req, res) => page(res, 200, 'calibration', { title: 'Calibration', ...view }));
  router.get('/api/calibration', (_req, res) => {
    res.type('json').send(json);
  });
  return router;
}
