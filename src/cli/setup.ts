// What the query commands share: their options as commander hands them over, the model (embedded or
// --network), the checked query, and the what-if edits applied to a copy of the model. The scenario code
// (and its schema) loads only when a command names a scenario or an edit.
import type { Applied } from '../core/network/apply-scenario.ts';
import type { Model } from '../core/network/model.ts';
import type { TextFormat } from '../core/output/format.ts';
import { parseQuery, type FieldNames, type Query, type QueryInput } from '../core/routing/query.ts';
import { openModel } from './data-cache.ts';
import { formatOf } from './usage.ts';

/** The options of the query commands (compare, route, pareto, capacity, timeline), as parsed. */
export interface QueryOptions {
  from?: string;
  to?: string;
  objective?: string;
  format?: string;
  network?: string;
  year?: string;
  cargoMtpa?: string;
  avoidCountry?: string[];
  tonnesPerFeu?: string;
  corridor?: string;
  via?: string[];
  scenario?: string;
  close?: string[];
  open?: string[];
  set?: string[];
}

/** The flags as the user typed them, for error messages. */
const FLAG_NAMES: FieldNames = {
  from: '--from',
  to: '--to',
  objective: '--objective',
  corridor: '--corridor',
  year: '--year',
  cargoMtpa: '--cargo-mtpa',
  avoidCountries: '--avoid-country',
  tonnesPerFeu: '--tonnes-per-feu',
  via: '--via',
};

/** What-if edits applied to a copy of the model, and how the result names them. */
export interface WhatIf {
  applied: Applied;
  info: { id: string; name: string; description: string };
}

/** A query command's inputs, checked: the format, the base model, the query, the what-if (or null) and the model to route on. */
export interface QuerySetup {
  format: TextFormat;
  base: Model;
  query: Query;
  whatIf: WhatIf | null;
  model: Model;
}

function queryInput(o: QueryOptions): QueryInput {
  return {
    from: o.from,
    to: o.to,
    objective: o.objective,
    corridor: o.corridor,
    year: o.year,
    cargoMtpa: o.cargoMtpa,
    tonnesPerFeu: o.tonnesPerFeu,
    avoidCountries: o.avoidCountry?.join(','),
    via: o.via,
  };
}

/** The scenario and ad-hoc edits named on the command line, applied to a copy of the model; null when there are none. */
export async function loadWhatIf(model: Model, o: Pick<QueryOptions, 'scenario' | 'close' | 'open' | 'set'>): Promise<WhatIf | null> {
  const adhoc = { close: o.close ?? [], open: o.open ?? [], set: o.set ?? [] };
  const hasAdhoc = adhoc.close.length + adhoc.open.length + adhoc.set.length > 0;
  if (o.scenario === undefined && !hasAdhoc) return null;
  const [{ loadScenario }, { applyScenario, parseAdhocEdits }] = await Promise.all([import('../core/load.ts'), import('../core/network/apply-scenario.ts')]);
  const loaded = o.scenario === undefined ? null : loadScenario(model, o.scenario);
  const extra = parseAdhocEdits(model, adhoc);
  const applied = applyScenario(model, loaded?.scenario ?? null, loaded?.file ?? '', extra);
  const s = loaded?.scenario;
  const info = s
    ? { id: s.id + (hasAdhoc ? '+edits' : ''), name: s.name + (hasAdhoc ? ' with edits' : ''), description: s.description }
    : { id: 'edits', name: 'Ad-hoc edits', description: 'Edits given on the command line.' };
  return { applied, info };
}

/**
 * Checks a query command's options and loads what it works on.
 * @throws UsageError (a bad --format), QueryError, UnknownIdError, FileError, DataValidationError, ScenarioError.
 */
export async function setupQuery(o: QueryOptions, extraFormats: readonly string[] = []): Promise<QuerySetup> {
  const format = extraFormats.includes(o.format ?? '') ? 'json' : formatOf(o.format, extraFormats);
  const base = await openModel(o.network);
  const query = parseQuery(base, queryInput(o), FLAG_NAMES);
  const whatIf = await loadWhatIf(base, o);
  return { format, base, query, whatIf, model: whatIf ? whatIf.applied.model : base };
}

/** The query with the scenario's year when the query gives none. */
export function withScenarioYear(query: Query, whatIf: WhatIf | null): Query {
  return whatIf?.applied.year !== undefined && query.year === undefined ? { ...query, year: whatIf.applied.year } : query;
}
