// A what-if edit in words, with names for segments, places, lines and corridors and figures with their
// units: "Closes Lake Van rail ferry (Tatvan–Van)", "Sets the capacity of Sarakhs–Razi to 15 Mt/yr".
import type { Model } from '../network/model.ts';
import type { Edit } from '../network/scenario-schema.ts';
import type { Range } from '../network/schema.ts';
import { fmtDays, fmtInt, fmtMt, fmtRange } from './format-number.ts';
import { corridorName, edgeName, lineName, nodeName } from './names.ts';

/** Each settable figure: what people call it and how its value reads. */
const FIELDS: Record<string, { label: string; value: (v: unknown) => string }> = {
  transitDays: { label: 'the transit time', value: (v) => `${rangeText(v, fmtDays)} days` },
  distanceKm: { label: 'the length', value: (v) => `${fmtInt(Number(v))} km` },
  capacityMtpa: { label: 'the capacity', value: (v) => (v === null ? 'unknown' : `${fmtMt(Number(v))} Mt/yr`) },
  costUsdPerFeu: { label: 'the cost', value: (v) => `${rangeText(v, fmtInt)} USD per FEU` },
  traction: { label: 'the traction', value: (v) => String(v) },
  dwellDays: { label: 'the dwell', value: (v) => `${rangeText(v, fmtDays)} days` },
  dwellCostUsdPerFeu: { label: 'the dwell cost', value: (v) => `${rangeText(v, fmtInt)} USD per FEU` },
};

function rangeText(v: unknown, fmt: (x: number) => string): string {
  if (typeof v === 'number') return fmt(v);
  if (v !== null && typeof v === 'object' && 'typical' in v) return fmtRange(v as Range, fmt);
  return String(v);
}

/** What an edit targets, by name: a segment, a place, a line or a corridor. */
function target(model: Model, edit: { edge?: string | undefined; node?: string | undefined; line?: string | undefined; corridor?: string | undefined }): string {
  if (edit.edge !== undefined) return edgeName(model, edit.edge);
  if (edit.node !== undefined) return nodeName(model, edit.node);
  if (edit.line !== undefined) {
    const n = model.network.edges.filter((e) => e.line === edit.line).length;
    return `${lineName(model, edit.line)} (${n} segment${n === 1 ? '' : 's'})`;
  }
  if (edit.corridor !== undefined) {
    const n = model.network.edges.filter((e) => e.corridors.length === 1 && e.corridors[0] === edit.corridor).length;
    return `every segment only the ${corridorName(model, edit.corridor)} uses (${n})`;
  }
  return 'nothing';
}

/**
 * One edit as a sentence for people. `model` is the network the edit applies to (the base), so a planned
 * segment that an edit opens is still described as planned.
 */
export function describeEdit(model: Model, edit: Edit): string {
  const note = edit.note ? `: ${edit.note}` : '';
  if (edit.op === 'add-edge') {
    const e = edit.edge;
    return `Adds a ${e.mode} segment ${e.name ?? `${nodeName(model, e.from)}–${nodeName(model, e.to)}`} (${fmtInt(e.distanceKm)} km, ${rangeText(e.transitDays, fmtDays)} days)${note}`;
  }
  if (edit.op === 'close') {
    const place = edit.node !== undefined ? ' and every segment through it' : '';
    return `Closes ${target(model, edit)}${place}${note}`;
  }
  if (edit.op === 'open') {
    const e = edit.edge !== undefined ? model.edgeById.get(edit.edge) : undefined;
    const due = e && e.status !== 'operational' && e.opensYear !== undefined ? ` (due ${e.opensYear})` : '';
    return `Opens ${target(model, edit)} now${due}${note}`;
  }
  const field = FIELDS[edit.field] ?? { label: edit.field, value: (v: unknown) => String(v) };
  const where = edit.node !== undefined ? ` at ${target(model, edit)}` : ` of ${target(model, edit)}`;
  if (edit.op === 'set') return `Sets ${field.label}${where} to ${field.value(edit.value)}${note}`;
  const verb = edit.factor === 0.5 ? 'Halves' : edit.factor === 2 ? 'Doubles' : undefined;
  return verb ? `${verb} ${field.label}${where}${note}` : `Multiplies ${field.label}${where} by ${edit.factor}${note}`;
}
