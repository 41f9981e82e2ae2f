// Terminal tables wrap cells within a width and never cut them.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { textTable, textWidth, wrap, wrapCell } from '../../../src/core/output/table.ts';

/** The characters of a text without spaces: what wrapping must keep. */
const letters = (text: string) => text.replace(/ /g, '');

describe('wrapCell', () => {
  it('keeps a text that fits on one line', () => {
    expect(wrapCell('0.8 (0.6–0.8)~', 20)).toEqual(['0.8 (0.6–0.8)~']);
  });

  it('breaks at spaces, after commas in lists, never inside a thousands separator', () => {
    expect(wrapCell('1,051 (807–1,813)~', 12)).toEqual(['1,051', '(807–1,813)~']);
    expect(wrapCell('13-15,19,22-24,30', 9)).toEqual(['13-15,19,', '22-24,30']);
    expect(wrapCell("Xi'an → Lanzhou → Ürümqi", 10)).toEqual(["Xi'an →", 'Lanzhou →', 'Ürümqi']);
  });

  it('breaks a word only when it is wider than the column', () => {
    expect(wrapCell('Małaszewicze', 5)).toEqual(['Małas', 'zewic', 'ze']);
  });

  test.prop([fc.array(fc.stringMatching(/^[a-zA-Zé0-9,.–→()~]{1,14}$/), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 30 })])(
    'keeps every character and no line is wider than the column',
    (words, width) => {
      const text = words.join(' ');
      const lines = wrapCell(text, width);
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
      expect(letters(lines.join(''))).toBe(letters(text));
    },
  );
});

describe('textTable', () => {
  const header = ['#', 'From → To', 'Days (min–max)', 'USD/FEU'];
  const rows = [
    ['1', "Xi'an → Lanzhou", '0.8 (0.6–0.8)~', '323 (248–557)~'],
    ['2', 'Khorgos (CN) → Altynkol (Khorgos Gateway)', '0.0~', '1,051 (807–1,813)~'],
    ['10', 'Tehran (Aprin dry port) → Tabriz', '1.0 (0.6–1.4)~', '625 (566–886)~'],
  ];

  it('keeps the natural widths when the table fits', () => {
    const out = textTable(header, rows, ['r', 'l', 'l', 'r'], 200);
    expect(out.split('\n')[2]).toBe(" 1  Xi'an → Lanzhou                            0.8 (0.6–0.8)~      323 (248–557)~");
  });

  it('wraps within the width, keeps the figures on one line and cuts nothing', () => {
    const out = textTable(header, rows, ['r', 'l', 'l', 'r'], 50);
    const lines = out.split('\n');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(50);
    expect(out).not.toContain('…');
    for (const cell of rows.flat()) expect(letters(out)).toContain(letters(cell).slice(0, 4));
    // The figures keep their line; the long names wrap inside their own column.
    expect(out).toContain('1,051 (807–1,813)~');
    expect(out).toContain('0.8 (0.6–0.8)~');
    expect(lines.some((l) => l.startsWith('    Altynkol') || l.includes(' Altynkol'))).toBe(true);
  });

  it('right-aligns every line of a wrapped right-aligned cell', () => {
    const out = textTable(['Label', 'Value'], [['a', '1,234 (1,000–2,000)']], ['l', 'r'], 40);
    expect(out.split('\n')[2]).toBe('a      1,234 (1,000–2,000)');
    const narrow = textTable(['Label text that is long', 'Value'], [['a b c d e f g h i j k l m n o p', '1,234 (1,000–2,000)']], ['l', 'r'], 40);
    for (const line of narrow.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(40);
  });

  test.prop([
    fc.array(fc.array(fc.stringMatching(/^[a-z0-9 ,()–]{0,40}$/), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 40, max: 120 }),
  ])('never exceeds the width and keeps every word of every cell', (rows, width) => {
    const out = textTable(['one', 'two', 'three'], rows, ['l', 'r', 'l'], width);
    for (const line of out.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(width);
    for (const cell of rows.flat()) for (const word of cell.split(' ').filter((w) => w.length > 0 && w.length <= 5)) expect(out).toContain(word);
  });
});

describe('wrap', () => {
  it('wraps a paragraph at spaces and indents the continuation', () => {
    expect(wrap('aaa bbb ccc', 7, '  ')).toEqual(['aaa bbb', '  ccc']);
  });
});
