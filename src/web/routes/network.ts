// The network pages: the filterable list, one page per node and per edge (every figure with its basis and
// sources), the sources and the shipped scenarios.
import { Router, type Request, type Response } from 'express';
import { closest, fmtDays, fmtInt, fmtMt, fmtRange, type Basis, type Model, type Range, type Scenario } from '../../core/index.ts';
import { applyScenario } from '../../core/network/apply-scenario.ts';

type Page = (res: Response, status: number, view: string, data: Record<string, unknown>) => void;

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

interface FigureRow {
  label: string;
  value: string;
  basis: Basis;
  note: string;
  sources: string[];
}

function provenance(record: { basis: Basis; sources: string[]; note?: string | undefined; fieldBasis?: Partial<Record<string, { basis: Basis; sources?: string[] | undefined; note?: string | undefined }>> | undefined }, field: string) {
  const fb = record.fieldBasis?.[field];
  return { basis: fb?.basis ?? record.basis, sources: fb?.sources ?? record.sources, note: fb?.note ?? '' };
}

const range = (r: Range | undefined, unit: string, fmt: (x: number) => string) => (r ? `${fmtRange(r, fmt)} ${unit}` : 'not given');

/** The router for /network, /nodes/:id, /edges/:id, /sources and /scenarios. */
export function networkPages(model: Model, scenarios: ReadonlyMap<string, Scenario>, page: Page): Router {
  const router = Router();
  const net = model.network;
  const nodeName = (id: string) => model.nodeById.get(id)?.name ?? id;

  router.get('/network', (req: Request, res: Response) => {
    const want = { corridor: one(req.query.corridor), mode: one(req.query.mode), status: one(req.query.status), basis: one(req.query.basis) };
    const allowed = {
      corridor: net.corridors.map((c) => ({ value: c.id, label: c.name })),
      mode: ['rail', 'ferry', 'sea', 'road'].map((v) => ({ value: v, label: v })),
      status: ['operational', 'under-construction', 'planned'].map((v) => ({ value: v, label: v.replace('-', ' ') })),
      basis: ['measured', 'reported', 'estimated'].map((v) => ({ value: v, label: v })),
    };
    const bad = (Object.keys(want) as (keyof typeof want)[]).filter((k) => want[k] !== '' && !allowed[k].some((o) => o.value === want[k]));
    const filters = Object.fromEntries(
      (Object.keys(allowed) as (keyof typeof allowed)[]).map((k) => [k, allowed[k].map((o) => ({ ...o, selected: o.value === want[k] }))]),
    );
    if (bad.length) {
      page(res, 400, 'error', {
        title: 'Bad filter',
        heading: 'Bad filter',
        message: bad.map((k) => `${k}: expected one of ${allowed[k].map((o) => o.value).join(', ')}, got ${JSON.stringify(want[k])}`).join('; '),
      });
      return;
    }
    const edges = net.edges
      .filter((e) => (!want.corridor || e.corridors.includes(want.corridor)) && (!want.mode || e.mode === want.mode) && (!want.status || e.status === want.status) && (!want.basis || e.basis === want.basis))
      .map((e) => ({
        id: e.id,
        from: e.from,
        to: e.to,
        fromName: nodeName(e.from),
        toName: nodeName(e.to),
        mode: e.mode,
        km: fmtInt(e.distanceKm),
        days: fmtRange(e.transitDays, fmtDays),
        cost: e.costUsdPerFeu ? fmtRange(e.costUsdPerFeu, fmtInt) : 'unknown',
        capacity: fmtMt(e.capacityMtpa),
        status: e.status === 'operational' ? 'operational' : `${e.status.replace('-', ' ')} ${e.opensYear ?? ''}`,
        corridors: e.corridors.join(', '),
        basis: e.basis,
      }));
    const used = new Set(edges.flatMap((e) => [e.from, e.to]));
    const nodes = net.nodes
      .filter((n) => (!want.corridor && !want.mode && !want.status && !want.basis) || used.has(n.id))
      .map((n) => ({ id: n.id, name: n.name, country: n.country, kind: n.kind, dwell: n.dwellDays ? fmtRange(n.dwellDays, fmtDays) : '', gaugeChange: n.gaugeChange === true, basis: n.basis }));
    page(res, 200, 'network', { title: 'Network', counts: { nodes: net.nodes.length, edges: net.edges.length, sources: net.sources.length }, filters, edges, nodes });
  });

  const notFound = (res: Response, kind: string, id: string, candidates: { id: string; name: string }[], href: string) => {
    const near = closest(id, candidates);
    page(res, 404, 'error', {
      title: 'Not found',
      heading: `No ${kind} "${id}"`,
      message: near.length ? `Did you mean ${near.map((n) => `${n.name} (${href}/${n.id})`).join(', ')}?` : `See the list on /network.`,
    });
  };

  router.get('/nodes/:id', (req: Request, res: Response) => {
    const id = String(req.params.id);
    const n = model.nodeById.get(id);
    if (!n) {
      notFound(res, 'node', id, net.nodes, '/nodes');
      return;
    }
    const f = (label: string, field: string, value: string): FigureRow => ({ label, value, ...provenance(n, field) });
    const figures = [
      f('Latitude, longitude', 'lat', `${n.lat}, ${n.lon}`),
      f('Dwell when passing through', 'dwellDays', range(n.dwellDays, 'days', fmtDays)),
      f('Dwell cost', 'dwellCostUsdPerFeu', range(n.dwellCostUsdPerFeu, 'USD/FEU', fmtInt)),
    ];
    const links = net.edges.filter((e) => e.from === id || e.to === id).map((e) => ({ href: `/edges/${e.id}`, label: `${e.name ?? e.id}: ${nodeName(e.from)} – ${nodeName(e.to)} (${e.mode})` }));
    page(res, 200, 'record', {
      title: n.name,
      heading: n.name,
      subheading: `${n.kind} in ${n.country}${n.gaugeChange ? ', gauge change' : ''} · id ${n.id}${n.aliases?.length ? ` · also ${n.aliases.join(', ')}` : ''}`,
      note: n.note ?? '',
      figures,
      links,
      linksHeading: 'Segments',
    });
  });

  router.get('/edges/:id', (req: Request, res: Response) => {
    const id = String(req.params.id);
    const e = model.edgeById.get(id);
    if (!e) {
      notFound(res, 'edge', id, net.edges.map((x) => ({ id: x.id, name: x.name ?? x.id })), '/edges');
      return;
    }
    const f = (label: string, field: string, value: string): FigureRow => ({ label, value, ...provenance(e, field) });
    const figures = [
      f('Distance', 'distanceKm', `${fmtInt(e.distanceKm)} km`),
      f('Transit', 'transitDays', range(e.transitDays, 'days', fmtDays)),
      f('Cost', 'costUsdPerFeu', range(e.costUsdPerFeu, 'USD/FEU', fmtInt)),
      f('Capacity', 'capacityMtpa', e.capacityMtpa === null ? 'unknown (no source gives it)' : `${fmtMt(e.capacityMtpa)} Mt/yr`),
      f('Traction', 'traction', e.traction ?? 'not given'),
      f('Status', 'opensYear', e.status === 'operational' ? 'operational' : `${e.status.replace('-', ' ')}, opens ${e.opensYear ?? '?'}`),
    ];
    page(res, 200, 'record', {
      title: e.name ?? e.id,
      heading: e.name ?? `${nodeName(e.from)} – ${nodeName(e.to)}`,
      subheading: `${e.mode}${e.line ? `, line ${e.line}` : ''} · corridors ${e.corridors.join(', ')} · id ${e.id}`,
      note: e.note ?? '',
      figures,
      links: [e.from, e.to].map((n) => ({ href: `/nodes/${n}`, label: nodeName(n) })),
      linksHeading: 'Ends',
    });
  });

  router.get('/sources', (_req: Request, res: Response) => {
    const uses = new Map<string, number>();
    for (const r of [...net.nodes, ...net.edges]) {
      const ids = new Set([...r.sources, ...Object.values(r.fieldBasis ?? {}).flatMap((fb) => fb?.sources ?? [])]);
      for (const s of ids) uses.set(s, (uses.get(s) ?? 0) + 1);
    }
    page(res, 200, 'sources', { title: 'Sources', sources: net.sources.map((s) => ({ ...s, uses: `${uses.get(s.id) ?? 0} records` })) });
  });

  const scenarioList = [...scenarios.values()].map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    year: s.year ?? null,
    sources: s.sources,
    edits: applyScenario(model, s, s.id).changes,
  }));
  router.get('/scenarios', (_req: Request, res: Response) => {
    page(res, 200, 'scenarios', { title: 'Scenarios', scenarios: scenarioList });
  });
  return router;
}
