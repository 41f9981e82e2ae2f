// The network pages: the filterable list with a map by corridor, one page per node and per edge (every figure
// with its basis, how it was made and its sources, and for a segment a what-if form that opens the comparison
// with the matching edits), the sources and the shipped scenarios. Everything is written for people: names,
// not ids or field names.
import { Router, type Request, type Response } from 'express';
import {
  closest,
  corridorName,
  describeEdit,
  edgeName,
  fmtDays,
  fmtInt,
  fmtMt,
  fmtRange,
  lineName,
  nodeName,
  shortName,
  type Basis,
  type Edge,
  type Model,
  type Network,
  type Node,
  type PerTrain,
  type Range,
  type Scenario,
  type Volume,
} from '../../core/index.ts';
import { countryName, formView } from '../form-view.ts';
import { queryHref } from '../links.ts';
import { renderNetworkMapSvg } from '../map.ts';
import { formValues, queryString } from '../params.ts';
import { trusted } from '../render.ts';

type Page = (res: Response, status: number, view: string, data: Record<string, unknown>) => void;

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

const KIND: Record<Node['kind'], string> = { city: 'City', port: 'Port', border: 'Border crossing', junction: 'Rail junction', terminal: 'Terminal' };
const MODE: Record<Edge['mode'], string> = { rail: 'Rail', ferry: 'Ferry', sea: 'Sea lane', road: 'Road' };
const STATUS: Record<Edge['status'], string> = { operational: 'operational', 'under-construction': 'under construction', planned: 'planned' };

interface FigureRow {
  label: string;
  value: string;
  basis: Basis;
  note: string;
  refs: { n: number }[];
}

/** Footnotes of one page: source ids numbered in order of first use, with their titles for the list below. */
class PageNotes {
  readonly ids: string[] = [];
  constructor(private readonly network: Network) {}
  cite(ids: readonly string[]): { n: number }[] {
    return [...new Set(ids)].map((id) => {
      let i = this.ids.indexOf(id);
      if (i < 0) i = this.ids.push(id) - 1;
      return { n: i + 1 };
    });
  }
  /** A note with the "[source-id]" citations it carries written as footnote numbers. */
  text(note: string): string {
    const known = new Set(this.network.sources.map((s) => s.id));
    return note.replace(/\[([a-z0-9-]+(?:[,;] ?[a-z0-9-]+)*)\]/g, (m, list: string) => {
      const ids = list.split(/[,;] ?/);
      return ids.every((id) => known.has(id)) ? `[${this.cite(ids).map((r) => r.n).join(', ')}]` : m;
    });
  }
  list() {
    return this.ids.map((id, i) => {
      const s = this.network.sources.find((x) => x.id === id);
      return { n: i + 1, id, title: s?.title ?? id, publisher: s?.publisher ?? '', date: s?.date ?? '' };
    });
  }
}

type Provenanced = { basis: Basis; sources: string[]; fieldBasis?: Partial<Record<string, { basis: Basis; sources?: string[] | undefined; method?: string | undefined; note?: string | undefined }>> | undefined };

/** The basis, sources and note of one figure of a record; a method's name joins the note. */
function provenance(network: Network, record: Provenanced, field: string) {
  const fb = record.fieldBasis?.[field];
  const method = fb?.method ? network.methods?.find((m) => m.id === fb.method) : undefined;
  const note = [method ? `Method: ${method.name}.` : '', fb?.note ?? ''].filter((x) => x !== '').join(' ');
  return { basis: fb?.basis ?? record.basis, sources: [...(fb?.sources ?? record.sources), ...(method?.sources ?? [])].slice(0, 12), note };
}

const range = (r: Range | undefined | null, unit: string, fmt: (x: number) => string) => (r ? `${fmtRange(r, fmt)} ${unit}` : 'not given');

function perTrainText(p: PerTrain): string {
  const parts = [p.teu !== undefined ? `${fmtInt(p.teu)} TEU` : '', p.tonnes !== undefined ? `${fmtInt(p.tonnes)} t` : '', p.wagons !== undefined ? `${fmtInt(p.wagons)} wagons` : ''].filter((x) => x !== '');
  return `${parts.join(', ')} per ${p.unit}`;
}

const volumeText = (v: Volume) => `${fmtMt(v.mtpa)} Mt in ${v.year}${v.scope === 'containers' ? ' (containers)' : ''}`;

/** The small figure blocks (per-train limit, volume, periods) as rows with their own provenance. */
function extraRows(notes: PageNotes, record: { perTrain?: PerTrain | undefined; volume?: Volume | undefined; periods?: readonly { fromYear: number; capacityMtpa?: number | null | undefined; transitDays?: Range | undefined; dwellDays?: Range | undefined; perTrain?: PerTrain | undefined; basis: Basis; sources: string[]; note?: string | undefined }[] | undefined }): FigureRow[] {
  const rows: FigureRow[] = [];
  if (record.perTrain) rows.push({ label: 'Per train or sailing', value: perTrainText(record.perTrain), basis: record.perTrain.basis, note: notes.text(record.perTrain.note ?? ''), refs: notes.cite(record.perTrain.sources) });
  if (record.volume) rows.push({ label: 'Carried', value: volumeText(record.volume), basis: record.volume.basis, note: notes.text(record.volume.note ?? ''), refs: notes.cite(record.volume.sources) });
  for (const p of record.periods ?? []) {
    const parts = [
      p.capacityMtpa !== undefined ? `capacity ${p.capacityMtpa === null ? 'unknown' : `${fmtMt(p.capacityMtpa)} Mt/yr`}` : '',
      p.transitDays ? `transit ${fmtRange(p.transitDays, fmtDays)} days` : '',
      p.dwellDays ? `dwell ${fmtRange(p.dwellDays, fmtDays)} days` : '',
      p.perTrain ? perTrainText(p.perTrain) : '',
    ].filter((x) => x !== '');
    rows.push({ label: `From ${p.fromYear}`, value: parts.join('; '), basis: p.basis, note: notes.text(p.note ?? ''), refs: notes.cite(p.sources) });
  }
  return rows;
}

/** The what-if form of a segment: its figures to change, and the pair to compare. */
interface EdgeForm {
  from: string;
  to: string;
  transit: [string, string, string];
  cost: [string, string, string];
  capacity: string;
  status: string;
}

const num = (x: number) => String(Math.round(x * 1000) / 1000);

function edgeFormOf(e: Edge, from: string, to: string): EdgeForm {
  return {
    from,
    to,
    transit: [num(e.transitDays.typical), num(e.transitDays.min), num(e.transitDays.max)],
    cost: e.costUsdPerFeu ? [num(e.costUsdPerFeu.typical), num(e.costUsdPerFeu.min), num(e.costUsdPerFeu.max)] : ['', '', ''],
    capacity: e.capacityMtpa === null ? '' : num(e.capacityMtpa),
    status: e.status === 'operational' ? 'open' : 'as-planned',
  };
}

/**
 * The edits that turn a segment's figures into the ones on the form, as the compare page's set=, close= and
 * open= values; the messages for values that are not numbers or not in order.
 */
export function edgeEdits(e: Edge, f: EdgeForm): { close: string[]; open: string[]; set: string[]; errors: string[] } {
  const errors: string[] = [];
  const out = { close: [] as string[], open: [] as string[], set: [] as string[], errors };
  const parse = (label: string, text: string): number | null => {
    const t = text.trim();
    if (t === '') return null;
    if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) {
      errors.push(`${label}: expected a number of at least 0, got "${text}"`);
      return null;
    }
    return Number(t);
  };
  const trio = (label: string, field: string, values: [string, string, string], current: Range | undefined) => {
    const [t = null, lo = null, hi = null] = values.map((v, i) => parse(`${label} (${['typical', 'lowest', 'highest'][i]})`, v));
    if (t === null) {
      if (values[0].trim() === '' && current) errors.push(`${label}: give at least the typical value`);
      return;
    }
    const min = lo ?? t;
    const max = hi ?? t;
    if (!(min <= t && t <= max)) {
      errors.push(`${label}: expected lowest ≤ typical ≤ highest, got ${min}, ${t}, ${max}`);
      return;
    }
    if (current && current.typical === t && current.min === min && current.max === max) return;
    out.set.push(min === t && max === t ? `${e.id}.${field}=${t}` : `${e.id}.${field}=${JSON.stringify({ typical: t, min, max })}`);
  };
  trio('Transit days', 'transitDays', f.transit, e.transitDays);
  trio('Cost', 'costUsdPerFeu', f.cost, e.costUsdPerFeu);
  const cap = parse('Capacity', f.capacity);
  if (cap !== null && cap !== e.capacityMtpa) out.set.push(`${e.id}.capacityMtpa=${cap}`);
  if (f.capacity.trim() === '' && e.capacityMtpa !== null) out.set.push(`${e.id}.capacityMtpa=null`);
  if (f.status === 'closed') out.close.push(e.id);
  else if (f.status === 'open' && e.status !== 'operational') out.open.push(e.id);
  else if (!['open', 'closed', 'as-planned'].includes(f.status)) errors.push(`Status: expected open or closed, got "${f.status}"`);
  return out;
}

/** The router for /network, /nodes/:id, /edges/:id (and its what-if form), /sources and /scenarios. */
export function networkPages(model: Model, scenarios: ReadonlyMap<string, Scenario>, page: Page): Router {
  const router = Router();
  const net = model.network;
  const name = (id: string) => nodeName(model, id);
  const corridorsText = (ids: readonly string[]) => ids.map((c) => shortName(corridorName(model, c))).join(', ');
  const networkMap = trusted(renderNetworkMapSvg(net));

  router.get('/network', (req: Request, res: Response) => {
    const want = { corridor: one(req.query.corridor), mode: one(req.query.mode), status: one(req.query.status), basis: one(req.query.basis) };
    const allowed = {
      corridor: net.corridors.map((c) => ({ value: c.id, label: c.name })),
      mode: (['rail', 'ferry', 'sea', 'road'] as const).map((v) => ({ value: v, label: MODE[v].toLowerCase() })),
      status: (['operational', 'under-construction', 'planned'] as const).map((v) => ({ value: v, label: STATUS[v] })),
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
        message: bad.map((k) => `${k}: expected one of ${allowed[k].map((o) => o.label).join(', ')}, got ${JSON.stringify(want[k])}`).join('; '),
        fixes: bad.flatMap((k) =>
          allowed[k].map((o) => ({ label: `${k} ${o.label}`, href: queryHref('/network', new URLSearchParams(Object.entries({ ...want, [k]: o.value }).filter(([, v]) => v !== '')).toString()) })),
        ),
      });
      return;
    }
    const edges = net.edges
      .filter((e) => (!want.corridor || e.corridors.includes(want.corridor)) && (!want.mode || e.mode === want.mode) && (!want.status || e.status === want.status) && (!want.basis || e.basis === want.basis))
      .map((e) => ({
        id: e.id,
        name: edgeName(model, e),
        from: e.from,
        to: e.to,
        fromName: name(e.from),
        toName: name(e.to),
        mode: MODE[e.mode].toLowerCase(),
        km: fmtInt(e.distanceKm),
        days: fmtRange(e.transitDays, fmtDays),
        cost: e.costUsdPerFeu ? fmtRange(e.costUsdPerFeu, fmtInt) : 'unknown',
        capacity: e.capacityMtpa === null ? (e.mode === 'sea' ? 'not limiting' : 'unknown') : fmtMt(e.capacityMtpa),
        status: e.status === 'operational' ? 'operational' : `${STATUS[e.status]} ${e.opensYear ?? ''}`.trim(),
        corridors: corridorsText(e.corridors),
        basis: e.basis,
      }));
    const used = new Set(edges.flatMap((e) => [e.from, e.to]));
    const nodes = net.nodes
      .filter((n) => (!want.corridor && !want.mode && !want.status && !want.basis) || used.has(n.id))
      .map((n) => ({ id: n.id, name: n.name, country: countryName(n.country), kind: KIND[n.kind].toLowerCase(), dwell: n.dwellDays ? fmtRange(n.dwellDays, fmtDays) : '', gaugeChange: n.gaugeChange === true, basis: n.basis }));
    page(res, 200, 'network', { title: 'Network', counts: { nodes: net.nodes.length, edges: net.edges.length, sources: net.sources.length }, filters, edges, nodes, map: networkMap });
  });

  const notFound = (res: Response, kind: string, id: string, candidates: { id: string; name: string }[], href: string) => {
    const near = closest(id, candidates);
    page(res, 404, 'error', {
      title: 'Not found',
      heading: `No ${kind} "${id}"`,
      message: near.length ? 'Did you mean one of these?' : 'See the list on the network page.',
      fixes: near.length ? near.map((n) => ({ label: n.name, href: `${href}/${n.id}` })) : [{ label: 'the network', href: '/network' }],
    });
  };

  router.get('/nodes/:id', (req: Request, res: Response) => {
    const id = String(req.params.id);
    const n = model.nodeById.get(id);
    if (!n) {
      notFound(res, 'place', id, net.nodes, '/nodes');
      return;
    }
    const notes = new PageNotes(net);
    const f = (label: string, field: string, value: string): FigureRow => {
      const p = provenance(net, n, field);
      return { label, value, basis: p.basis, note: notes.text(p.note), refs: notes.cite(p.sources) };
    };
    const figures = [
      f('Position (latitude, longitude)', 'lat', `${n.lat}, ${n.lon}`),
      f('Dwell when passing through', 'dwellDays', range(n.dwellDays, 'days', fmtDays)),
      f('Dwell cost', 'dwellCostUsdPerFeu', range(n.dwellCostUsdPerFeu, 'USD per FEU', fmtInt)),
      ...(n.capacityMtpa !== undefined ? [f('Throughput', 'capacityMtpa', n.capacityMtpa === null ? 'unknown' : `${fmtMt(n.capacityMtpa)} Mt/yr${n.capacityScope === 'containers' ? ' (containers)' : ''}${n.capacityTeuPerYear ? `, from ${fmtInt(n.capacityTeuPerYear)} TEU a year` : ''}`)] : []),
      ...extraRows(notes, n),
    ];
    const note = notes.text(n.note ?? '');
    const links = net.edges.filter((e) => e.from === id || e.to === id).map((e) => ({ href: `/edges/${e.id}`, label: `${edgeName(model, e)} (${MODE[e.mode].toLowerCase()}, to ${name(e.from === id ? e.to : e.from)})` }));
    page(res, 200, 'record', {
      title: n.name,
      heading: n.name,
      subheading: `${KIND[n.kind]} in ${countryName(n.country)}${n.gaugeChange ? ', where the track gauge changes' : ''}${n.aliases?.length ? ` · also written ${n.aliases.join(', ')}` : ''}`,
      idNote: `Id for what-if edits: ${n.id}`,
      note,
      figures,
      sources: notes.list(),
      links,
      linksHeading: 'Segments from here',
    });
  });

  const edgePage = (res: Response, status: number, e: Edge, form: EdgeForm, errors: string[]) => {
    const notes = new PageNotes(net);
    const f = (label: string, field: string, value: string): FigureRow => {
      const p = provenance(net, e, field);
      return { label, value, basis: p.basis, note: notes.text(p.note), refs: notes.cite(p.sources) };
    };
    const figures = [
      f('Length', 'distanceKm', `${fmtInt(e.distanceKm)} km`),
      f('Transit', 'transitDays', range(e.transitDays, 'days', fmtDays)),
      f('Cost', 'costUsdPerFeu', range(e.costUsdPerFeu, 'USD per FEU', fmtInt)),
      f(
        'Capacity',
        'capacityMtpa',
        e.capacityMtpa === null
          ? e.mode === 'sea'
            ? 'not limiting at the scale of a corridor (no figure)'
            : 'unknown (no source gives it)'
          : `${fmtMt(e.capacityMtpa)} Mt/yr${e.capacityScope === 'containers' ? ' (containers)' : ''}${e.capacityTeuPerYear ? `, from ${fmtInt(e.capacityTeuPerYear)} TEU a year` : ''}`,
      ),
      f('Traction', 'traction', e.traction ?? 'not given'),
      f('Status', 'opensYear', e.status === 'operational' ? 'operational' : `${STATUS[e.status]}, opens ${e.opensYear ?? 'at a date not given'}`),
      ...extraRows(notes, e),
    ];
    const note = notes.text(e.note ?? '');
    const values = formValues({ from: form.from, to: form.to });
    const picker = formView(model, scenarios, values);
    page(res, status, 'record', {
      title: edgeName(model, e),
      heading: edgeName(model, e),
      subheading: `${MODE[e.mode]} between ${name(e.from)} and ${name(e.to)}${e.line ? `, on ${lineName(model, e.line)}` : ''} · ${e.corridors.length > 1 ? 'corridors' : 'corridor'}: ${corridorsText(e.corridors)}`,
      idNote: `Id for what-if edits: ${e.id}`,
      note,
      figures,
      sources: notes.list(),
      links: [e.from, e.to].map((n) => ({ href: `/nodes/${n}`, label: name(n) })),
      linksHeading: 'Ends',
      edit: {
        action: `/edges/${e.id}/what-if`,
        form,
        errors,
        fromOptions: picker.fromOptions,
        toOptions: picker.toOptions,
        planned: e.status !== 'operational',
        statusOpen: form.status === 'open',
        statusClosed: form.status === 'closed',
        statusPlanned: form.status === 'as-planned',
        opensYear: e.opensYear ?? '',
      },
    });
  };

  /** The segment the URL names, or null once a 404 page with the closest segments has been sent. */
  const edgeOf = (req: Request, res: Response) => {
    const id = String(req.params.id);
    const e = model.edgeById.get(id);
    if (!e) notFound(res, 'segment', id, net.edges.map((x) => ({ id: x.id, name: edgeName(model, x) })), '/edges');
    return e ?? null;
  };

  router.get('/edges/:id', (req: Request, res: Response) => {
    const e = edgeOf(req, res);
    if (!e) return;
    // The pair the user came from, else Xi'an → Duisburg.
    const from = model.nodeById.has(one(req.query.from)) ? one(req.query.from) : 'xian';
    const to = model.nodeById.has(one(req.query.to)) ? one(req.query.to) : 'duisburg';
    edgePage(res, 200, e, edgeFormOf(e, from, to), []);
  });

  // The segment's what-if form: its figures as typed become the compare page's edits (see edgeEdits).
  router.get('/edges/:id/what-if', (req: Request, res: Response) => {
    const e = edgeOf(req, res);
    if (!e) return;
    const q = req.query as Record<string, unknown>;
    const form: EdgeForm = {
      from: one(q.from),
      to: one(q.to),
      transit: [one(q.transit), one(q.transitMin), one(q.transitMax)],
      cost: [one(q.cost), one(q.costMin), one(q.costMax)],
      capacity: one(q.capacity),
      status: one(q.status) || 'open',
    };
    const edits = edgeEdits(e, form);
    if (!model.nodeById.has(form.from)) edits.errors.push(`From: choose a place`);
    if (!model.nodeById.has(form.to)) edits.errors.push(`To: choose a place`);
    if (edits.errors.length) {
      edgePage(res, 400, e, form, edits.errors);
      return;
    }
    const values = { ...formValues({}), from: form.from, to: form.to, close: edits.close, open: edits.open, set: edits.set };
    res.redirect(303, `/compare?${queryString(values)}`);
  });

  router.get('/sources', (_req: Request, res: Response) => {
    const uses = new Map<string, number>();
    for (const r of [...net.nodes, ...net.edges]) {
      const ids = new Set([...r.sources, ...Object.values(r.fieldBasis ?? {}).flatMap((fb) => fb?.sources ?? [])]);
      for (const s of ids) uses.set(s, (uses.get(s) ?? 0) + 1);
    }
    page(res, 200, 'sources', { title: 'Sources', sources: net.sources.map((s, i) => ({ ...s, n: i + 1, uses: `cited by ${uses.get(s.id) ?? 0} records` })) });
  });

  const scenarioList = [...scenarios.values()].map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    year: s.year ?? null,
    sources: s.sources.map((id) => ({ id, title: net.sources.find((x) => x.id === id)?.title ?? id })),
    edits: s.edits.map((e) => describeEdit(model, e)),
    note: s.note ?? '',
  }));
  router.get('/scenarios', (_req: Request, res: Response) => {
    page(res, 200, 'scenarios', { title: 'Scenarios', scenarios: scenarioList });
  });
  return router;
}
