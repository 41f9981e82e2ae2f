// What-if edits in words.
import { describe, expect, it } from 'vitest';
import { describeEdit } from '../../../src/core/output/describe-edit.ts';
import { lineName, withNames } from '../../../src/core/output/names.ts';
import { model, node, edge, network, r } from '../../helpers/build.ts';

const net = network(
  [node('a', { name: 'Alat' }), node('b', { name: 'Baku' }), node('c', { name: 'Cesme' }), node('d', { name: 'Dilucu' })],
  [
    edge('a-b', 'a', 'b', { name: 'Alat–Baku (Port line)', line: 'port' }),
    edge('b-c', 'b', 'c', { line: 'long-line' }),
    edge('c-d', 'c', 'd', { line: 'long-line', status: 'planned', opensYear: 2029 }),
  ],
);
const m = model(net);

describe('describeEdit', () => {
  it('closes, opens, sets and scales by name, with units', () => {
    expect(describeEdit(m, { op: 'close', edge: 'b-c' })).toBe('Closes Baku–Cesme');
    expect(describeEdit(m, { op: 'close', node: 'b', note: 'strike' })).toBe('Closes Baku and every segment through it: strike');
    expect(describeEdit(m, { op: 'close', corridor: 'north' })).toBe('Closes every segment only the North corridor uses (3)');
    expect(describeEdit(m, { op: 'open', edge: 'c-d' })).toBe('Opens Cesme–Dilucu now (due 2029)');
    expect(describeEdit(m, { op: 'open', line: 'long-line' })).toBe('Opens the Baku–Dilucu line (2 segments) now');
    expect(describeEdit(m, { op: 'set', edge: 'a-b', field: 'capacityMtpa', value: 15 })).toBe('Sets the capacity of Alat–Baku (Port line) to 15 Mt/yr');
    expect(describeEdit(m, { op: 'set', edge: 'a-b', field: 'transitDays', value: r(2, 1.5, 4) })).toBe('Sets the transit time of Alat–Baku (Port line) to 2.0 (1.5–4.0) days');
    expect(describeEdit(m, { op: 'set', node: 'b', field: 'dwellCostUsdPerFeu', value: 1200 })).toBe('Sets the dwell cost at Baku to 1,200 USD per FEU');
    expect(describeEdit(m, { op: 'scale', node: 'a', field: 'dwellDays', factor: 2 })).toBe('Doubles the dwell at Alat');
    expect(describeEdit(m, { op: 'scale', edge: 'b-c', field: 'costUsdPerFeu', factor: 1.2 })).toBe('Multiplies the cost of Baku–Cesme by 1.2');
  });

  it('names lines from their segments or their ends', () => {
    expect(lineName(m, 'port')).toBe('the Port line');
    expect(lineName(m, 'long-line')).toBe('the Baku–Dilucu line');
  });

  it('writes the ids quoted in other text as names', () => {
    const scenarios = new Map([['shut', { name: 'Shut down' }]]);
    expect(withNames(m, 'No route: 2 segments are closed by scenario "shut" (b-c, c-d). Alat–Baku (Port line) (a-b) is closed; a what-if stays.', scenarios)).toBe(
      'No route: 2 segments are closed by the scenario “Shut down” (Baku–Cesme, Cesme–Dilucu). Alat–Baku (Port line) is closed; a what-if stays.',
    );
  });
});
