// The compare form's view model: pickers grouped by country (China first for origins, Europe first for
// destinations), what-if choices as checkboxes grouped by route and line with names first, and the user's
// values kept, typos included.
import { CRITERIA, OBJECTIVES, edgeName, lineName, shortName, type Model, type Route, type Scenario } from '../core/index.ts';
import { queryHref, type Href } from './links.ts';
import { renderFragment, renderPartial, trusted } from './render.ts';
import { queryString, type FieldError, type FormValues } from './params.ts';

/** The pages that carry the compare form. */
export type FormPage = 'compare' | 'pareto' | 'capacity' | 'timeline';

const SUBMIT: Record<FormPage, string> = { compare: 'Compare', pareto: 'Find the trade-offs', capacity: 'Compute throughput', timeline: 'Show the timeline' };

/** European countries, listed first among destinations. */
const EUROPE = new Set([
  'AL', 'AT', 'BA', 'BE', 'BG', 'BY', 'CH', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GI', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MD', 'ME', 'MK', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA',
]);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** A country's English name from its ISO code ("CN" → "China"), the code itself where unknown. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

interface PlaceGroup {
  label: string;
  places: { id: string; name: string }[];
}

const pickerCache = new WeakMap<Model, { origins: PlaceGroup[]; destinations: PlaceGroup[] }>();
const pickerHtml = new WeakMap<Model, Map<string, ReturnType<typeof renderFragment>>>();

/** The options of a place picker with one place selected, rendered once per model, list and place and kept. */
export function pickerOptions(model: Model, list: 'origins' | 'destinations', selected: string): ReturnType<typeof renderFragment> {
  let cache = pickerHtml.get(model);
  if (!cache) {
    cache = new Map();
    pickerHtml.set(model, cache);
  }
  const id = model.nodeById.has(selected) ? selected : '';
  const key = `${list} ${id}`;
  let html = cache.get(key);
  if (!html) {
    const groups = pickerGroups(model)[list].map((g) => ({ label: g.label, options: g.places.map((p) => ({ value: p.id, label: p.name, selected: p.id === id })) }));
    html = renderFragment('places', { groups });
    cache.set(key, html);
  }
  return html;
}

/** The places grouped by country: China first for origins, European countries first for destinations. */
function pickerGroups(model: Model) {
  const hit = pickerCache.get(model);
  if (hit) return hit;
  const byCountry = new Map<string, { id: string; name: string }[]>();
  for (const n of model.network.nodes) byCountry.set(n.country, [...(byCountry.get(n.country) ?? []), { id: n.id, name: n.name }]);
  const groups = [...byCountry].map(([code, places]) => ({ code, label: countryName(code), places: places.sort((a, b) => a.name.localeCompare(b.name, 'en')) }));
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en');
  const first = (pred: (code: string) => boolean) => [...groups.filter((g) => pred(g.code)).sort(byName), ...groups.filter((g) => !pred(g.code)).sort(byName)];
  const strip = (gs: typeof groups): PlaceGroup[] => gs.map((g) => ({ label: g.label, places: g.places }));
  const out = { origins: strip(first((c) => c === 'CN')), destinations: strip(first((c) => EUROPE.has(c))) };
  pickerCache.set(model, out);
  return out;
}

/** One checkbox, with its HTML (the choice partial). */
interface Choice {
  value: string;
  label: string;
  checked: boolean;
  html: string;
}

/** A checkbox the lists offer, with its HTML unchecked and checked, built once and kept with its list. */
interface Offer {
  value: string;
  label: string;
  html: readonly [string, string];
}

/** A group of checkboxes under a heading. */
interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

type Field = 'close' | 'open';

const choice = (name: Field, value: string, label: string, checked: boolean): Choice => ({ value, label, checked, html: renderPartial('choice', { name, value, label, checked }) });

function offer(name: Field, value: string, label: string): Offer {
  return { value, label, html: [renderPartial('choice', { name, value, label, checked: false }), renderPartial('choice', { name, value, label, checked: true })] };
}

const pick = (o: Offer, chosen: readonly string[]): Choice => {
  const checked = chosen.includes(o.value);
  return { value: o.value, label: o.label, checked, html: o.html[checked ? 1 : 0] };
};

/** The groups as the form shows them: the heading and the checkboxes' HTML. */
function rendered(groups: readonly ChoiceGroup[]) {
  return groups.map((g) => ({ label: g.label, choices: g.choices, html: trusted(g.choices.map((c) => c.html).join('')) }));
}

/** A corridor's route as the form sees it: what the close checkboxes are grouped by. */
export interface FormRoute {
  corridor: string;
  name: string;
  route: Route;
}

const routeOfferCache = new WeakMap<Model, WeakMap<Route, Map<string, { label: string; offers: Offer[] }>>>();

/**
 * What a route offers to close, in order: its corridor's own segments, its lines, the segments worth a checkbox and
 * the borders, ports and gauge changes it passes. Kept per model, shared (frozen) route and corridor.
 */
function routeOffers(model: Model, r: FormRoute): { label: string; offers: Offer[] } {
  const key = `${r.corridor}\n${r.name}`;
  let perRoute: Map<string, { label: string; offers: Offer[] }> | undefined;
  if (Object.isFrozen(r.route)) {
    let perModel = routeOfferCache.get(model);
    if (!perModel) {
      perModel = new WeakMap();
      routeOfferCache.set(model, perModel);
    }
    perRoute = perModel.get(r.route);
    if (!perRoute) {
      perRoute = new Map();
      perModel.set(r.route, perRoute);
    }
    const hit = perRoute.get(key);
    if (hit) return hit;
  }
  const lines = [...new Set(r.route.legs.flatMap((l) => (l.line ? [l.line] : [])))];
  const b = r.route.totals.bottleneck;
  const border = (id: string) => model.nodeById.get(id)?.kind === 'border';
  // The segments worth a checkbox: the bottleneck, ferries and sea legs, border crossings, planned links.
  // Every segment also has its own "close" link in the legs table.
  const notable = r.route.legs.filter((l) => (b?.kind === 'edge' && b.id === l.edge) || l.mode !== 'rail' || (border(l.from) && border(l.to)) || l.status !== 'operational');
  const offers = [
    offer('close', r.corridor, `every segment only the ${shortName(r.name)} uses`),
    ...lines.map((l) => offer('close', l, `${lineName(model, l)} (whole line)`)),
    ...notable.map((l) => offer('close', l.edge, edgeName(model, l.edge))),
    ...r.route.nodes.slice(1, -1).flatMap((id) => placeOffer(model, id)),
  ];
  const out = { label: /route$/i.test(shortName(r.name)) ? shortName(r.name) : `${shortName(r.name)} route`, offers };
  perRoute?.set(key, out);
  return out;
}

/** A place as a close choice, where it is a border, a port or a gauge change. */
function placeOffer(model: Model, id: string): Offer[] {
  const n = model.nodeById.get(id);
  return n && (n.kind === 'border' || n.kind === 'port' || n.gaugeChange) ? [offer('close', id, `${n.name} (the place)`)] : [];
}

const networkOfferCache = new WeakMap<Model, { groups: { label: string; offers: Offer[] }[]; values: Set<string> }>();

/** Without routes, what the whole network offers to close, kept per model: every operational segment by corridor, the lines, the borders and ports. */
function networkOffers(model: Model) {
  const hit = networkOfferCache.get(model);
  if (hit) return hit;
  const seen = new Set<string>();
  const once = (o: Offer[]) => o.filter((x) => !seen.has(x.value) && seen.add(x.value));
  const groups: { label: string; offers: Offer[] }[] = [];
  for (const c of model.network.corridors) {
    const edges = model.network.edges.filter((e) => e.status === 'operational' && e.corridors[0] === c.id);
    groups.push({ label: shortName(c.name), offers: once([offer('close', c.id, `every segment only the ${shortName(c.name)} uses`), ...edges.map((e) => offer('close', e.id, edgeName(model, e)))]) });
  }
  const lines = [...new Set(model.network.edges.flatMap((e) => (e.line ? [e.line] : [])))];
  groups.push({ label: 'Whole lines', offers: lines.map((l) => offer('close', l, lineName(model, l))).sort((a, b) => a.label.localeCompare(b.label, 'en')) });
  groups.push({ label: 'Borders and ports', offers: once(model.network.nodes.flatMap((n) => placeOffer(model, n.id))) });
  const out = { groups, values: new Set(groups.flatMap((g) => g.offers.map((o) => o.value))) };
  networkOfferCache.set(model, out);
  return out;
}

/**
 * The close choices: with routes, what each route uses (its corridor's own segments, its lines, its bottleneck,
 * ferries, sea legs and border crossings, its borders and ports), each choice once; without, every operational segment by corridor,
 * the lines and the borders and ports. Typed values the lists lack stay, checked, in a last group.
 */
function closeGroups(model: Model, chosen: readonly string[], routes: readonly FormRoute[] | null): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  const listed = new Set<string>();
  if (routes) {
    for (const r of routes) {
      const { label, offers } = routeOffers(model, r);
      const choices: Choice[] = [];
      for (const o of offers) {
        if (listed.has(o.value)) continue;
        listed.add(o.value);
        choices.push(pick(o, chosen));
      }
      if (choices.length) groups.push({ label, choices });
    }
  } else {
    const all = networkOffers(model);
    for (const g of all.groups) groups.push({ label: g.label, choices: g.offers.map((o) => pick(o, chosen)) });
    for (const v of all.values) listed.add(v);
  }
  const stray = chosen.filter((v) => !listed.has(v));
  if (stray.length) groups.push({ label: 'Also chosen', choices: stray.map((v) => choice('close', v, model.edgeById.has(v) ? edgeName(model, v) : model.nodeById.get(v)?.name ?? v, true)) });
  return groups;
}

const unopened = new WeakMap<Model, ChoiceGroup[]>();

/** The open choices: planned and under-construction segments and the lines they belong to (kept per model while none is chosen). */
function openGroups(model: Model, chosen: readonly string[]): ChoiceGroup[] {
  if (chosen.length) return plannedGroups(model, chosen);
  let groups = unopened.get(model);
  if (!groups) {
    groups = plannedGroups(model, chosen);
    unopened.set(model, groups);
  }
  return groups;
}

function plannedGroups(model: Model, chosen: readonly string[]): ChoiceGroup[] {
  const planned = model.network.edges.filter((e) => e.status !== 'operational');
  const lines = [...new Set(planned.flatMap((e) => (e.line ? [e.line] : [])))];
  // A planned line is one choice; its segments are listed one by one only when one of them is chosen.
  const single = planned.filter((e) => !e.line || chosen.includes(e.id));
  const groups: ChoiceGroup[] = [
    {
      label: 'Planned links',
      choices: [
        ...lines.map((l) => {
          const years = planned.filter((e) => e.line === l).map((e) => e.opensYear ?? 0);
          return choice('open', l, `${lineName(model, l)} (whole line)${Math.max(...years) > 0 ? `, due ${Math.max(...years)}` : ''}`, chosen.includes(l));
        }),
        ...single.map((e) => choice('open', e.id, `${edgeName(model, e)}${e.opensYear ? `, due ${e.opensYear}` : ''}`, chosen.includes(e.id))),
      ],
    },
  ];
  const known = new Set([...planned.map((e) => e.id), ...lines]);
  const stray = chosen.filter((v) => !known.has(v));
  if (stray.length) groups.push({ label: 'Also chosen', choices: stray.map((v) => choice('open', v, v, true)) });
  return groups;
}

const FIELD_LABEL: Record<string, string> = {
  from: 'From',
  to: 'To',
  via: 'Via',
  objective: 'Objective',
  year: 'Year',
  cargoMtpa: 'Cargo, Mt/yr',
  avoid: 'Avoid countries',
  tonnesPerFeu: 'Tonnes per FEU',
  scenario: 'Scenario',
  close: 'Close',
  open: 'Open',
  set: 'Set a figure',
  alternatives: 'Alternatives per corridor',
  samples: 'Uncertainty samples',
  seed: 'Seed',
  within: 'Chance of arriving within',
  criteria: 'Criteria',
  years: 'Years',
  corridor: 'Corridor',
};
const WHAT: Record<string, string> = { from: 'a place', to: 'a place', via: 'a place', scenario: 'a shipped scenario', close: 'a segment, line, place or corridor', open: 'a planned segment or line', set: 'a segment, line or place' };

/** A field error with its suggestions as links that put each suggestion in place of what was typed. */
function errorView(e: FieldError, v: FormValues, action: string): { message: string; fixes: { label: string; href: Href }[] } {
  const fixes = (e.suggestions ?? [])
    .filter((s) => s.id !== e.typed)
    .slice(0, 5)
    .map((s) => {
      const next: FormValues = { ...v, print: '' };
      const f = e.field as keyof FormValues;
      const cur = next[f];
      if (Array.isArray(cur)) (next as unknown as Record<string, string[]>)[f] = cur.map((x) => (x.trim() === (e.typed ?? '').trim() ? s.id : x));
      else if (typeof cur === 'string') (next as unknown as Record<string, string>)[f] = s.id;
      return { label: s.name && s.name !== s.id ? s.name : s.id, href: queryHref(action, queryString(next)) };
    });
  // With suggestions at hand, the message names what was typed and what it should be; the links do the rest.
  const label = FIELD_LABEL[e.field];
  const message =
    fixes.length && e.typed !== undefined
      ? `${label ?? e.field}: “${e.typed}” is not ${WHAT[e.field] ?? 'known'}.`
      : label && e.message.startsWith(`${e.field}:`)
        ? `${label}:${e.message.slice(e.field.length + 1)}`
        : e.message;
  return { message, fixes };
}

/** The compare form with the user's values kept; `routes` groups the close choices by the routes shown. */
export function formView(model: Model, scenarios: ReadonlyMap<string, Scenario>, v: FormValues, errors: FieldError[] = [], pageName: FormPage = 'compare', routes: readonly FormRoute[] | null = null) {
  const knownNode = (id: string) => id === '' || model.nodeById.has(id);
  const sets = [...v.set, ''].slice(0, Math.max(2, v.set.length + 1));
  const chosen = v.criteria === '' ? ['days', 'cost', 'co2'] : v.criteria.split(',');
  const close = closeGroups(model, v.close, routes);
  const open = openGroups(model, v.open);
  const action = `/${pageName}`;
  return {
    action,
    submit: SUBMIT[pageName],
    show: { compare: pageName === 'compare', pareto: pageName === 'pareto', capacity: pageName === 'capacity', timeline: pageName === 'timeline' },
    link: queryHref('', queryString({ ...v, alternatives: '', samples: '', seed: '', within: '', criteria: '', years: '', corridor: '', print: '' })),
    criteriaOptions: CRITERIA.map((c) => ({ value: c, label: { days: 'transit days', cost: 'cost', co2: 'CO2e', km: 'distance' }[c], selected: chosen.includes(c) })),
    corridorOptions: model.network.corridors.map((c) => ({ value: c.id, label: c.name, selected: c.id === v.corridor })),
    values: v,
    via: v.via.join(', '),
    fromOptions: pickerOptions(model, 'origins', v.from),
    toOptions: pickerOptions(model, 'destinations', v.to),
    fromUnknown: knownNode(v.from) ? '' : v.from,
    toUnknown: knownNode(v.to) ? '' : v.to,
    objectiveOptions: OBJECTIVES.map((o) => ({ value: o, label: { days: 'transit days', cost: 'cost (USD/FEU)', km: 'distance (km)', co2: 'CO2e (kg/FEU)' }[o], selected: o === v.objective })),
    scenarioOptions: [...scenarios.values()].map((s) => ({ value: s.id, label: s.name, selected: s.id === v.scenario })),
    scenarioUnknown: v.scenario !== '' && !scenarios.has(v.scenario) ? v.scenario : '',
    closeGroups: rendered(close),
    openGroups: rendered(open),
    closeCount: v.close.length,
    openCount: v.open.length,
    hasEdits: v.close.length + v.open.length + v.set.filter((x) => x.trim() !== '').length > 0,
    moreOpen: [v.year, v.cargoMtpa, v.avoid, v.alternatives, v.samples, v.within, v.tonnesPerFeu].some((x) => x !== '') || errors.some((e) => ['year', 'cargoMtpa', 'avoid', 'alternatives', 'samples', 'seed', 'within', 'criteria', 'years'].includes(e.field)),
    sets,
    errors: errors.map((e) => errorView(e, v, action)),
    hasErrors: errors.length > 0,
  };
}
