// View models: everything a template shows, computed here (flags, formatting, footnote numbers), so that
// the Handlebars templates stay logic-less.
import {
  Footnotes,
  OBJECTIVES,
  CRITERIA,
  estimatedCells,
  fmtDays,
  fmtInt,
  fmtMt,
  fmtRange,
  shortName,
  type CompareResult,
  type Delta,
  type Model,
  type Route,
  type Scenario,
  type ScenarioCompareResult,
} from '../core/index.ts';
import { corridorColor } from '../core/output/geojson.ts';
import { queryString, type FieldError, type FormValues } from './params.ts';

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

/** The compare form with the user's values kept. */
export type FormPage = 'compare' | 'pareto' | 'capacity' | 'timeline';

const SUBMIT: Record<FormPage, string> = { compare: 'Compare', pareto: 'Find the trade-offs', capacity: 'Compute throughput', timeline: 'Show the timeline' };

export function formView(model: Model, scenarios: ReadonlyMap<string, Scenario>, v: FormValues, errors: FieldError[] = [], pageName: FormPage = 'compare') {
  const nodes = [...model.network.nodes].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const nodeOptions = (selected: string): Option[] => nodes.map((n) => ({ value: n.id, label: `${n.name} (${n.country})`, selected: n.id === selected }));
  const knownNode = (id: string) => id === '' || model.nodeById.has(id);
  const lines = [...new Set(model.network.edges.flatMap((e) => (e.line ? [e.line] : [])))].sort();
  const edgeLabel = (id: string, name: string | undefined) => (name ? `${name} (${id})` : id);
  const closeOptions: Option[] = [
    ...model.network.corridors.map((c) => ({ value: c.id, label: `corridor: ${c.name}`, selected: v.close.includes(c.id) })),
    ...lines.map((l) => ({ value: l, label: `line: ${l}`, selected: v.close.includes(l) })),
    ...model.network.edges.map((e) => ({ value: e.id, label: edgeLabel(e.id, e.name), selected: v.close.includes(e.id) })),
    ...nodes.map((n) => ({ value: n.id, label: `node: ${n.name}`, selected: v.close.includes(n.id) })),
  ];
  const openable = model.network.edges.filter((e) => e.status !== 'operational');
  const openLines = [...new Set(openable.flatMap((e) => (e.line ? [e.line] : [])))].sort();
  const openOptions: Option[] = [
    ...openLines.map((l) => ({ value: l, label: `line: ${l}`, selected: v.open.includes(l) })),
    ...openable.map((e) => ({ value: e.id, label: `${edgeLabel(e.id, e.name)}, ${e.status.replace('-', ' ')} ${e.opensYear ?? ''}`.trim(), selected: v.open.includes(e.id) })),
  ];
  // Keep values the lists do not hold (typos) visible: the user sees what they sent.
  const stray = (list: string[], options: Option[]) => list.filter((x) => !options.some((o) => o.value === x));
  const sets = [...v.set, '', ''].slice(0, Math.max(3, v.set.length + 1));
  const errorFor = (f: string) => errors.filter((e) => e.field === f).map((e) => e.message);
  const chosen = v.criteria === '' ? ['days', 'cost', 'co2'] : v.criteria.split(',');
  return {
    action: `/${pageName}`,
    submit: SUBMIT[pageName],
    show: { compare: pageName === 'compare', pareto: pageName === 'pareto', capacity: pageName === 'capacity', timeline: pageName === 'timeline' },
    link: queryString({ ...v, alternatives: '', samples: '', seed: '', within: '', criteria: '', years: '', corridor: '' }),
    criteriaOptions: CRITERIA.map((c) => ({ value: c, label: { days: 'transit days', cost: 'cost', co2: 'CO2e', km: 'distance' }[c], selected: chosen.includes(c) })),
    corridorOptions: model.network.corridors.map((c) => ({ value: c.id, label: c.name, selected: c.id === v.corridor })),
    values: v,
    fromOptions: nodeOptions(v.from),
    toOptions: nodeOptions(v.to),
    fromUnknown: knownNode(v.from) ? '' : v.from,
    toUnknown: knownNode(v.to) ? '' : v.to,
    objectiveOptions: OBJECTIVES.map((o) => ({ value: o, label: { days: 'transit days', cost: 'cost (USD/FEU)', km: 'distance (km)', co2: 'CO2e (kg/FEU)' }[o], selected: o === v.objective })),
    scenarioOptions: [...scenarios.values()].map((s) => ({ value: s.id, label: s.name, selected: s.id === v.scenario })),
    scenarioUnknown: v.scenario !== '' && !scenarios.has(v.scenario) ? v.scenario : '',
    closeOptions,
    openOptions,
    closeStray: stray(v.close, closeOptions),
    openStray: stray(v.open, openOptions),
    sets,
    errors,
    hasErrors: errors.length > 0,
    fieldErrors: {
      from: errorFor('from'),
      to: errorFor('to'),
      objective: errorFor('objective'),
      year: errorFor('year'),
      cargoMtpa: errorFor('cargoMtpa'),
      avoid: errorFor('avoid'),
      scenario: errorFor('scenario'),
      close: errorFor('close'),
      open: errorFor('open'),
      set: errorFor('set'),
      edits: errorFor('edits'),
      alternatives: errorFor('alternatives'),
      samples: errorFor('samples'),
      criteria: errorFor('criteria'),
      years: errorFor('years'),
    },
  };
}

/** One figure cell: the text and whether it rests on an estimate. */
interface Cell {
  text: string;
  estimated: boolean;
}

function figures(route: Route) {
  const t = route.totals;
  const est = estimatedCells(route);
  return {
    days: { text: fmtRange(t.transitDays, fmtDays), estimated: est.days } as Cell,
    cost: { text: t.costUsdPerFeu ? fmtRange(t.costUsdPerFeu, fmtInt) : 'unknown', estimated: est.cost && t.costUsdPerFeu !== null } as Cell,
    km: { text: fmtInt(t.distanceKm), estimated: est.km } as Cell,
    co2: { text: fmtInt(t.co2KgPerFeu), estimated: est.km } as Cell,
    capacity: { text: t.capacityMtpa === null ? 'unknown' : fmtMt(t.capacityMtpa), estimated: est.capacity } as Cell,
    bottleneck: t.bottleneckEdge ?? '',
    unknownCapacity: t.unknownCapacityEdges.length,
    estimatedFigures: t.estimatedFigures,
    costMissing: t.costMissingEdges.join(', '),
  };
}

const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

function deltaView(d: Delta) {
  return {
    status: d.status,
    lost: d.status === 'lost',
    gained: d.status === 'gained',
    unchanged: d.status === 'unchanged',
    days: d.transitDays ? signed(d.transitDays.typical, 1) : '',
    cost: d.costUsdPerFeu ? signed(d.costUsdPerFeu.typical, 0) : '',
    km: d.distanceKm === null ? '' : signed(d.distanceKm, 0),
    co2: d.co2KgPerFeu === null ? '' : signed(d.co2KgPerFeu, 0),
    capacity: d.capacityMtpa === null ? '' : signed(d.capacityMtpa, 2),
    routeChanged: d.routeChanged,
    summary: d.summary,
  };
}

/** The comparison page's results: rows, legs with footnotes, what-if changes. */
export function resultsView(model: Model, result: CompareResult | ScenarioCompareResult) {
  const notes = new Footnotes(new Map(model.network.sources.map((s) => [s.id, s])));
  const name = (id: string) => model.nodeById.get(id)?.name ?? id;
  const whatIf = 'scenario' in result ? result : null;
  const bestRoute = result.best.route;
  const sameRoute = (a: Route | null, b: Route | null) => a !== null && b !== null && a.legs.map((l) => l.edge).join() === b.legs.map((l) => l.edge).join();
  const entries = [
    ...result.corridors.map((c) => ({ key: c.corridor, label: shortName(c.name), fullName: c.name, color: corridorColor(model.network, c.corridor), route: c.route, reason: c.reason, isBest: sameRoute(c.route, bestRoute) })),
  ];
  const bestEntry = {
    key: 'best',
    label: 'Best overall',
    fullName: result.best.corridor ? `Best overall (${model.network.corridors.find((c) => c.id === result.best.corridor)?.name ?? result.best.corridor})` : 'Best overall',
    color: corridorColor(model.network, result.best.corridor),
    route: bestRoute,
    reason: result.best.reason,
    isBest: false,
  };
  const legsOf = (route: Route) =>
    route.legs.map((l, i) => {
      const est = (f: string) => l.estimated.includes(f);
      return {
        n: i + 1,
        edge: l.edge,
        name: l.name,
        from: name(l.from),
        to: name(l.to),
        mode: l.traction ? `${l.mode} (${l.traction})` : l.mode,
        km: { text: fmtInt(l.distanceKm), estimated: est('distanceKm') },
        days: { text: fmtRange(l.transitDays, fmtDays), estimated: est('transitDays') },
        dwell: l.dwellDays ? { text: fmtRange(l.dwellDays, fmtDays), estimated: est('dwellDays') } : null,
        cost: { text: l.costUsdPerFeu ? fmtRange(l.costUsdPerFeu, fmtInt) : 'unknown', estimated: est('costUsdPerFeu') },
        capacity: { text: fmtMt(l.capacityMtpa), estimated: est('capacityMtpa') },
        co2: fmtInt(l.co2KgPerFeu),
        basis: l.basis,
        status: l.status === 'operational' ? '' : l.status.replace('-', ' '),
        refs: notes.cite([...l.sources, ...l.dwellSources]).map((n) => ({ n })),
      };
    });
  const rows = [...entries, bestEntry].map((e) => {
    const s = whatIf ? (e.key === 'best' ? whatIf.best : whatIf.corridors.find((c) => c.corridor === e.key)) : undefined;
    const baseline = s ? s.baseline : null;
    return {
      ...e,
      isBestRow: e.key === 'best',
      figures: e.route ? figures(e.route) : null,
      baselineFigures: baseline ? figures(baseline) : null,
      baselineReason: s ? s.baselineReason : null,
      delta: s ? deltaView(s.delta) : null,
      path: e.route ? e.route.nodes.map(name).join(' → ') : '',
      legs: e.route && e.key !== 'best' ? legsOf(e.route) : [],
    };
  });
  return {
    isWhatIf: whatIf !== null,
    scenario: whatIf ? whatIf.scenario : null,
    heading: `${name(result.query.from)} → ${name(result.query.to)}`,
    query: result.query,
    objectiveLabel: { days: 'transit days', cost: 'cost', km: 'distance', co2: 'CO2e' }[result.query.objective],
    network: result.network,
    rows,
    corridorsWithLegs: rows.filter((r) => r.legs.length > 0),
    sources: notes.order.map((id, i) => {
      const s = model.network.sources.find((x) => x.id === id);
      return { n: i + 1, id, title: s?.title ?? id, publisher: s?.publisher ?? '', date: s?.date ?? '', url: s?.url ?? '' };
    }),
  };
}
