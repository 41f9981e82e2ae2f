// The comparison's view model: everything the results template shows, computed here (flags, formatting,
// differences from the best, names, footnote numbers), so that the Handlebars templates stay logic-less.
import {
  describeEdit,
  describeRouteChange,
  dwellAt,
  edgeName,
  estimatedCells,
  explainCompare,
  fmtDays,
  fmtInt,
  fmtMt,
  fmtRange,
  nodeName,
  plural,
  shortName,
  withNames,
  type CompareResult,
  type Delta,
  type Edit,
  type Leg,
  type Model,
  type Route,
  type Scenario,
  type ScenarioCompareResult,
  type Source,
} from '../core/index.ts';
import { corridorColor } from '../core/output/geojson.ts';
import { esc, flat } from './html.ts';
import { queryHref, withParam } from './links.ts';
import { fragment, renderFragment } from './render.ts';
import { entry } from '../core/memo.ts';

/** One figure cell: the text, whether it rests on an estimate, and its difference from the best route. */
interface Cell {
  text: string;
  estimated: boolean;
  vs?: string;
}

const FIXED = [0, 1, 2].map((d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${(FIXED[digits] ?? FIXED[0])?.format(Math.abs(x))}`;

/** What the page is about and where it lives, for the report's head. */
export interface PageContext {
  /** The canonical query string of this page (without print=). */
  query: string;
  /** The full address of this page, as the user can type it again. */
  url: string;
  /** The date the page was made, YYYY-MM-DD. */
  made: string;
  /** The edits of the what-if, when there is one (the scenario's, then the ad-hoc ones). */
  edits: readonly Edit[];
  scenarios: ReadonlyMap<string, Scenario>;
  /** The places the route was pinned through (node ids), in order. */
  via: readonly string[];
}

const PER_TRAIN_UNITS = [
  ['teu', 'TEU'],
  ['tonnes', 't'],
  ['wagons', 'wagons'],
] as const;

/** The summary cells of one route, with differences from the best route's figures. */
const figureCache = new WeakMap<Model, WeakMap<Route, Map<Route | null, ReturnType<typeof figuresView>>>>();

/**
 * The summary cells of a route, and their HTML (the figures partial), kept per model, route and best route when the
 * routes are shared ones (frozen, from findRoute): the cells depend on nothing else, and a path found again is the
 * same route object.
 */
function figures(model: Model, route: Route, best: Route | null) {
  if (!Object.isFrozen(route) || (best !== null && !Object.isFrozen(best))) return figuresView(model, route, best);
  const byBest = entry(entry(figureCache, model, () => new WeakMap()), route, () => new Map());
  return entry(byBest, best, () => figuresView(model, route, best));
}

function figuresView(model: Model, route: Route, best: Route | null) {
  const cells = routeFigures(model, route, best);
  return { ...cells, html: renderFragment('figures', cells) };
}

function routeFigures(model: Model, route: Route, best: Route | null) {
  const t = route.totals;
  const est = estimatedCells(route);
  const bt = best?.totals;
  const vs = (x: number | null | undefined, b: number | null | undefined, digits: number, unit: string) =>
    best && best !== route && x !== null && x !== undefined && b !== null && b !== undefined && Math.abs(x - b) > 1e-9 ? `${signed(x - b, digits)}${unit}` : '';
  const b = t.bottleneck;
  const limit = b ? { name: b.kind === 'edge' ? edgeName(model, b.id) : nodeName(model, b.id), href: `/${b.kind === 'edge' ? 'edges' : 'nodes'}/${b.id}` } : null;
  const spare = t.spareMtpa !== null && b?.volume ? `${fmtMt(t.spareMtpa)} spare at ${b.volume.year} volumes` : '';
  const pt = t.perTrain;
  const perTrain = PER_TRAIN_UNITS.flatMap(([k, unit]) => (pt[k] !== null ? [`${fmtInt(pt[k] ?? 0)} ${unit}`] : [])).join(', ');
  const kmRange = t.distanceKmRange.min !== t.distanceKm || t.distanceKmRange.max !== t.distanceKm ? ` (${fmtInt(t.distanceKmRange.min)}–${fmtInt(t.distanceKmRange.max)})` : '';
  const costNote = t.costUsdPerFeu === null
    ? `no cost figure for ${t.costMissingEdges.slice(0, 2).map((e) => edgeName(model, e)).join(', ')}${t.costMissingEdges.length > 2 ? ` and ${t.costMissingEdges.length - 2} more` : ''}`
    : t.dwellCostMissingNodes.length
      ? `excludes the dwell cost at ${t.dwellCostMissingNodes.length} place${t.dwellCostMissingNodes.length === 1 ? '' : 's'}`
      : '';
  return {
    days: { text: fmtRange(t.transitDays, fmtDays), estimated: est.days, vs: vs(t.transitDays.typical, bt?.transitDays.typical, 1, ' d') } as Cell,
    cost: { text: t.costUsdPerFeu ? fmtRange(t.costUsdPerFeu, fmtInt) : 'unknown', estimated: est.cost && t.costUsdPerFeu !== null, vs: vs(t.costUsdPerFeu?.typical, bt?.costUsdPerFeu?.typical, 0, '') } as Cell,
    costNote,
    km: { text: `${fmtInt(t.distanceKm)}${kmRange}`, estimated: est.km } as Cell,
    co2: { text: fmtInt(t.co2KgPerFeu), estimated: est.km, vs: vs(t.co2KgPerFeu, bt?.co2KgPerFeu, 0, '') } as Cell,
    capacity: { text: t.capacityMtpa === null ? 'unknown' : `${fmtMt(t.capacityMtpa)}${b?.scope === 'containers' ? ' (containers)' : ''}`, estimated: est.capacity } as Cell,
    limit,
    spare,
    unknownCapacity: t.unknownCapacityEdges.length ? `${plural(t.unknownCapacityEdges.length, 'leg')} of unknown capacity` : '',
    seaNote: t.unlimitedEdges.length ? `sea legs: not limiting at this scale` : '',
    perTrain: perTrain ? { text: perTrain, where: pt.edge ? edgeName(model, pt.edge) : '' } : null,
    estimatedFigures: t.estimatedFigures,
  };
}

function deltaView(d: Delta) {
  return {
    days: d.transitDays ? signed(d.transitDays.typical, 1) : '',
    cost: d.costUsdPerFeu ? signed(d.costUsdPerFeu.typical, 0) : '',
    km: d.distanceKm === null ? '' : signed(d.distanceKm, 0),
    co2: d.co2KgPerFeu === null ? '' : signed(d.co2KgPerFeu, 0),
    capacity: d.capacityMtpa === null ? '' : signed(d.capacityMtpa, 2),
  };
}

const sameRoute = (a: Route | null, b: Route | null) => a !== null && b !== null && a.legs.length === b.legs.length && a.legs.every((l, i) => l.edge === b.legs[i]?.edge);

const MODE: Record<Leg['mode'], string> = { rail: 'rail', sea: 'sea', ferry: 'ferry', road: 'road' };

/** Source ids numbered in order of first use on a page. */
class PageFootnotes {
  readonly order: string[] = [];
  private readonly index = new Map<string, number>();
  cite(ids: readonly string[]): number[] {
    return ids.map((id) => {
      let n = this.index.get(id);
      if (n === undefined) {
        n = this.order.push(id);
        this.index.set(id, n);
      }
      return n;
    });
  }
}

const sourceItems = new WeakMap<Model, Map<string, string>>();

/**
 * A source's entry in the page's numbered list, after its number: the title linking to the source on the
 * /sources page, the publisher and the date, escaped, built once per model and source. The sources page anchors
 * every source by its position in the network's list too (#n12): shorter than its id, many times a page.
 */
function sourceItem(model: Model, id: string): string {
  return entry(entry(sourceItems, model, () => new Map()), id, () => {
    const at = model.network.sources.findIndex((x) => x.id === id);
    const s: Source | undefined = model.network.sources[at];
    return flat(`><a href="/sources#n${at + 1}">${esc(s?.title ?? id)}</a>. ${esc(s?.publisher ?? '')}, ${esc(s?.date ?? '')}.\n`);
  });
}

/**
 * The footnotes of a list of source ids as text ("1–2 5"), numbered in order of first use on the page, with runs
 * of consecutive numbers written as one range. The list follows the legs; links here would weigh more than the
 * legs' figures.
 */
function refText(notes: PageFootnotes, ids: readonly string[]): string {
  const nums = notes.cite(ids);
  // Insertion sort: a leg cites a handful of sources.
  for (let i = 1; i < nums.length; i++) {
    const x = nums[i] as number;
    let j = i - 1;
    for (; j >= 0 && (nums[j] as number) > x; j--) nums[j + 1] = nums[j] as number;
    nums[j + 1] = x;
  }
  let out = '';
  for (let i = 0; i < nums.length; ) {
    const a = nums[i] as number;
    let b = a;
    // A run of consecutive numbers (a number cited twice counts once).
    for (i++; i < nums.length && ((nums[i] as number) === b || (nums[i] as number) === b + 1); i++) b = nums[i] as number;
    out += `${out ? ' ' : ''}${b > a ? `${a}–${b}` : a}`;
  }
  return out;
}

const pathTexts = new WeakMap<Model, WeakMap<Route, string>>();

/** The places a route passes that matter (its ends, borders, ports, gauge changes) by name, kept for a shared route. */
function pathText(model: Model, route: Route): string {
  const kept = Object.isFrozen(route) ? pathTexts.get(model)?.get(route) : undefined;
  if (kept !== undefined) return kept;
  const notable = route.nodes.filter((n, k) => {
    const node = model.nodeById.get(n);
    return k === 0 || k === route.nodes.length - 1 || node?.kind === 'border' || node?.kind === 'port' || node?.gaugeChange === true;
  });
  const text = notable.map((n) => nodeName(model, n)).join(' → ');
  if (Object.isFrozen(route)) entry(pathTexts, model, () => new WeakMap()).set(route, text);
  return text;
}

/** `text` escaped for a quoted attribute, with its bare "&" kept: no parameter name of ours starts a character reference. */
const bareAmp = (text: string) => esc(text).replace(/&amp;/g, '&');

/** One figure cell of a legs table, its class marking an estimate; the end tag is optional and left out. */
const cell = (text: string, estimated: boolean) => (estimated ? '<td class=e>' : '<td>') + esc(text);
const LIMIT_MARK = ' <strong class=limit-mark>limits capacity</strong>';

/**
 * What a leg row shows that depends only on the leg (and the model it belongs to), every value escaped:
 * the segment's link up to the query, the rest of its name cell, and the figure cells up to the sources cell.
 */
interface LegCells {
  href: string;
  name: string;
  figures: string;
  /** The close= parameter of the segment, as withParam adds it, and as written in an href. */
  closeParam: string;
  closeAttr: string;
}

/** What a dwell row shows that depends only on its leg and the next one: null where no dwell is counted. */
interface DwellCells {
  node: string;
  place: string;
  figures: string;
}

/**
 * The cells of each shared leg, per model: a leg from buildRoute is frozen and belongs to one model (a what-if has
 * its own), so its cells never change and never mix networks. A leg that is not frozen is formatted afresh.
 */
const legCellCache = new WeakMap<Model, WeakMap<Leg, { cells: LegCells; dwell: Map<Leg | null, DwellCells | null> }>>();

function cachedLeg(model: Model, l: Leg) {
  if (!Object.isFrozen(l)) return { cells: legCells(model, l), dwell: new Map<Leg | null, DwellCells | null>() };
  return entry(entry(legCellCache, model, () => new WeakMap()), l, () => ({ cells: legCells(model, l), dwell: new Map<Leg | null, DwellCells | null>() }));
}

function legCells(model: Model, l: Leg): LegCells {
  const est = (f: string) => l.estimated.includes(f);
  const status = l.status === 'operational' ? '' : l.status.replace('-', ' ');
  const mode = l.traction === 'electric' ? `${MODE[l.mode]} (el.)` : MODE[l.mode];
  return {
    closeParam: `close=${encodeURIComponent(l.edge)}`,
    closeAttr: bareAmp(`close=${encodeURIComponent(l.edge)}`),
    href: flat(`<a href="${esc(`/edges/${l.edge}`)}`),
    name: flat(`">${esc(edgeName(model, l.edge))}</a>${status ? ` <small>(${esc(status)})</small>` : ''}`),
    figures: flat(
      `<td>${esc(mode)}` +
        cell(fmtInt(l.distanceKm), est('distanceKm')) +
        cell(fmtRange(l.transitDays, fmtDays), est('transitDays')) +
        cell(l.costUsdPerFeu ? fmtRange(l.costUsdPerFeu, fmtInt) : 'unknown', est('costUsdPerFeu')) +
        cell(l.capacityMtpa === null ? (l.unlimited ? 'not limiting' : '') : fmtMt(l.capacityMtpa), est('capacityMtpa')) +
        '<td>',
    ),
  };
}

/** The dwell row's cells where leg `i` of the route ends, kept with the leg by the leg that follows it. */
function dwellCells(model: Model, route: Route, i: number, dwell: Map<Leg | null, DwellCells | null>): DwellCells | null {
  const next = route.legs[i + 1] ?? null;
  const hit = dwell.get(next);
  if (hit !== undefined) return hit;
  const l = route.legs[i] as Leg;
  const d = dwellAt(model, route, i);
  const est = (f: string) => l.estimated.includes(f);
  const out = d
    ? {
        node: d.node,
        place: flat(`at <a href="${esc(`/nodes/${d.node}`)}">${esc(d.name)}</a>: ${esc(d.what)}`),
        figures: flat(
          '<td><td>' +
            cell(fmtRange(d.days, fmtDays), est('dwellDays')) +
            cell(d.costUsdPerFeu ? fmtRange(d.costUsdPerFeu, fmtInt) : '', est('dwellCostUsdPerFeu')) +
            cell(l.nodeCapacityMtpa === null ? '' : fmtMt(l.nodeCapacityMtpa), est('nodeCapacityMtpa')) +
            '<td>',
        ),
      }
    : null;
  dwell.set(next, out);
  return out;
}


/**
 * The legs of each route, best first, as table rows written here rather than through Handlebars' per-cell
 * helpers (the legs are the longest part of the page), every value escaped (esc), optional end tags left out.
 * A run of two or more legs that an earlier table already lists in full reads as one row ("as on the Northern
 * corridor"), except where it holds this route's bottleneck.
 */
function legTables(model: Model, notes: PageFootnotes, entries: { key: string; fullName: string; label: string; route: Route; isBest: boolean }[], ctx: PageContext, pair: string) {
  // Each table's edges by position, to find the runs a later table repeats.
  const shown: { label: string; edges: string[] }[] = [];
  // Where each edge appears in the tables so far, in table order, then position order.
  const seenAt = new Map<string, { table: number; p: number }[]>();
  const edgeQuery = pair ? esc(`?${pair}`) : '';
  // Each leg's "close" link is this page's address with one more close= (withParam), unless it is closed already.
  const closeBase = bareAmp(`?${ctx.query}`);
  const closing = `&${ctx.query}&`;
  const closeHref = (cells: LegCells) => (closing.includes(`&${cells.closeParam}&`) ? closeBase : ctx.query ? `${closeBase}&${cells.closeAttr}` : `${closeBase}${cells.closeAttr}`);
  return entries.map((e) => {
    const route = e.route;
    const edges = route.legs.map((l) => l.edge);
    const b = route.totals.bottleneck;
    const pinned = (i: number) => {
      const l = route.legs[i] as Leg;
      return b !== null && ((b.kind === 'edge' && b.id === l.edge) || (b.kind === 'node' && b.id === l.to));
    };
    // The rows as parts joined once: one flat string, which the page's encoding copies without walking a tree.
    const body: string[] = [];
    let i = 0;
    while (i < route.legs.length) {
      // The longest run from i that an earlier table lists in the same order (the first such table on a tie).
      let best = { len: 0, label: '' };
      for (const { table, p } of seenAt.get(edges[i] as string) ?? []) {
        const s = shown[table] as { label: string; edges: string[] };
        let len = 0;
        while (i + len < edges.length && s.edges[p + len] === edges[i + len] && !pinned(i + len)) len++;
        if (len > best.len) best = { len, label: s.label };
      }
      if (best.len >= 2) {
        const run = route.legs.slice(i, i + best.len);
        const days = run.reduce((sum, l, k) => sum + l.transitDays.typical + (i + k < route.legs.length - 1 ? (l.dwellDays?.typical ?? 0) : 0), 0);
        const from = nodeName(model, run[0]?.from ?? '');
        const to = nodeName(model, run[run.length - 1]?.to ?? '');
        const km = fmtInt(run.reduce((sum, l) => sum + l.distanceKm, 0));
        body.push(`<tr class=same><td>${esc(`${i + 1}–${i + best.len}`)}<td colspan=2>${esc(from)} → ${esc(to)}: as on the ${esc(best.label)}<td>${esc(km)}<td>${esc(fmtDays(days))}<td colspan=3><td>\n`);
        i += best.len;
        continue;
      }
      const l = route.legs[i] as Leg;
      const { cells, dwell } = cachedLeg(model, l);
      const limit = b !== null && b.kind === 'edge' && b.id === l.edge;
      body.push('<tr', limit ? ' class=limit><td>' : '><td>', String(i + 1), '<td>', cells.href, edgeQuery, cells.name, limit ? LIMIT_MARK : '', cells.figures, refText(notes, l.sources), '<td><a href="', closeHref(cells), '">close</a>\n');
      const d = dwellCells(model, route, i, dwell);
      if (d) {
        const atLimit = b !== null && b.kind === 'node' && b.id === d.node;
        body.push(atLimit ? '<tr class="dwell limit"><td><td>' : '<tr class="dwell"><td><td>', d.place, atLimit ? LIMIT_MARK : '', d.figures, refText(notes, l.dwellSources), '<td>\n');
      }
      i++;
    }
    const table = shown.push({ label: e.label, edges }) - 1;
    edges.forEach((id, p) => {
      const list = seenAt.get(id);
      if (list) list.push({ table, p });
      else seenAt.set(id, [{ table, p }]);
    });
    return { key: e.key, fullName: e.fullName, isBest: e.isBest, path: pathText(model, route), body: fragment(body.join('')) };
  });
}

/**
 * The comparison page's results: the report head, the summary rows (best first) with differences from the
 * best, the explanation, what-if changes in names, the legs and the sources.
 * `base` is today's network, `model` the one the results were computed on (the what-if's, or the base).
 */
export function resultsView(base: Model, model: Model, result: CompareResult | ScenarioCompareResult, ctx: PageContext) {
  const notes = new PageFootnotes();
  const name = (id: string) => nodeName(model, id);
  const whatIf = 'scenario' in result ? result : null;
  const bestRoute = result.best.route;
  const objective = result.query.objective;
  const value = (r: Route | null) => {
    if (!r) return Infinity;
    const t = r.totals;
    return objective === 'days' ? t.transitDays.typical : objective === 'cost' ? (t.costUsdPerFeu?.typical ?? Infinity) : objective === 'km' ? t.distanceKm : t.co2KgPerFeu;
  };
  const corridors = result.corridors.map((c, i) => ({ c, i })).sort((a, b) => value(a.c.route) - value(b.c.route) || a.i - b.i);
  const bestIsCorridor = corridors.some(({ c }) => sameRoute(c.route, bestRoute));
  // Segment pages pre-fill their what-if form with Xi'an → Duisburg unless told another pair.
  const pair = result.query.from === 'xian' && result.query.to === 'duisburg' ? '' : new URLSearchParams({ from: result.query.from, to: result.query.to }).toString();

  const entries = corridors.map(({ c }) => ({
    key: c.corridor,
    label: shortName(c.name),
    fullName: c.name,
    color: corridorColor(model.network, c.corridor),
    route: c.route,
    reason: c.reason,
    isBest: sameRoute(c.route, bestRoute),
    isBestRow: false,
    close: queryHref('', withParam(ctx.query, 'close', c.corridor)),
    bestOf: '',
    scenarioSide: whatIf ? whatIf.corridors.find((x) => x.corridor === c.corridor) : undefined,
  }));
  if (!bestIsCorridor || whatIf) {
    // A best route that mixes corridors (or, in a what-if, the best overall's own change) gets its own row.
    const bestName = result.best.corridor ? shortName(model.network.corridors.find((x) => x.id === result.best.corridor)?.name ?? result.best.corridor) : 'mixed corridors';
    entries.push({
      key: 'best',
      label: 'Best overall',
      fullName: `Best overall (${bestName})`,
      bestOf: `(${bestName})`,
      color: corridorColor(model.network, result.best.corridor),
      route: bestRoute,
      reason: result.best.reason,
      isBest: false,
      isBestRow: true,
      close: queryHref('', ''),
      scenarioSide: undefined,
    });
  }

  const rows = entries.map((e) => {
    const s = whatIf ? (e.key === 'best' ? whatIf.best : e.scenarioSide) : undefined;
    const baseline = s ? s.baseline : null;
    const change = s ? describeRouteChange(base, model, baseline, e.route, e.reason) : null;
    const status = s ? s.delta.status : null;
    const unchanged = status === 'unchanged' || status === 'none';
    const bestBaseline = whatIf ? whatIf.best.baseline : null;
    // Written out rather than spread from the entry: one object shape for every row.
    return {
      key: e.key,
      label: e.label,
      fullName: e.fullName,
      color: e.color,
      route: e.route,
      isBest: e.isBest,
      isBestRow: e.isBestRow,
      close: e.close,
      bestOf: e.bestOf,
      scenarioSide: e.scenarioSide,
      hasRoute: e.route !== null,
      reason: e.reason ? withNames(model, e.reason, ctx.scenarios) : '',
      figures: e.route ? figures(model, e.route, bestRoute) : null,
      whatIf: s !== undefined,
      unchanged,
      showBaseline: s !== undefined && !unchanged,
      baselineFigures: baseline && !unchanged ? figures(base, baseline, bestBaseline) : null,
      baselineReason: s?.baselineReason ? withNames(base, s.baselineReason, ctx.scenarios) : '',
      delta: s && !unchanged ? deltaView(s.delta) : null,
      lost: status === 'lost',
      gained: status === 'gained',
      changeText: change && status !== 'unchanged' ? change.text : '',
      stretches: change ? change.stretches.map((x) => ({ where: `${x.fromName} → ${x.toName}`, text: x.text, days: `${signed(x.daysDelta, 1)} days` })) : [],
      closable: e.key !== 'best' && e.route !== null,
    };
  });
  const legs = legTables(
    model,
    notes,
    entries.filter((e) => e.key !== 'best' && e.route !== null).map((e) => ({ key: e.key, fullName: e.fullName, label: e.label, route: e.route as Route, isBest: e.isBest })),
    ctx,
    pair,
  );
  const q = result.query;
  const sourceList = fragment(notes.order.map((id, i) => `<li id=s${i + 1}${sourceItem(model, id)}`).join(''));
  return {
    isWhatIf: whatIf !== null,
    scenario: whatIf
      ? { name: whatIf.scenario.name, description: whatIf.scenario.description, year: whatIf.scenario.year, edits: ctx.edits.map((e) => describeEdit(base, e)) }
      : null,
    heading: `${name(q.from)} → ${name(q.to)}`,
    query: q,
    via: ctx.via.map(name).join(', '),
    objectiveLabel: { days: 'transit days', cost: 'cost', km: 'distance', co2: 'CO2e' }[objective],
    network: result.network,
    made: ctx.made,
    url: ctx.url,
    summaryHref: queryHref('', withParam(ctx.query, 'print', 'summary')),
    fullHref: queryHref('', ctx.query),
    explain: explainCompare(model, result),
    rows,
    legs,
    sources: sourceList,
    sourceCount: notes.order.length,
  };
}
