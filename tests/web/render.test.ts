// The renderer: a page as one string, or as parts with each large fragment on its own, the same bytes either way.
import { describe, expect, it } from 'vitest';
import { createRenderer, fragment, trusted } from '../../src/web/render.ts';

const render = createRenderer();
const network = { name: 'Fixture', id: 'fixture', version: '1', asOf: '2026-01-01' };

describe('Render.parts', () => {
  it('gives each fragment as a part of its own, in page order, and the same text as render', () => {
    const big = '<table><tr><td>Xi’an → Duisburg</table>';
    const other = '<p>second</p>';
    const data = { network, title: 'T', heading: fragment(big), message: 'a < b', fixes: [{ href: trusted('/x?a=1&amp;b=2'), label: fragment(other) }] };
    const parts = render.parts('error', data);
    expect(parts.join('')).toBe(render('error', data));
    expect(parts.filter((p) => p === big || p === other)).toEqual([big, other]);
    expect(parts.join('')).toContain('<h1><table><tr><td>Xi’an → Duisburg</table></h1>\n<p>a &lt; b</p>');
  });

  it('is one part without fragments, and a fragment reads as its text outside a render', () => {
    const data = { network, title: 'T', heading: 'H', message: 'M' };
    expect(render.parts('error', data)).toEqual([render('error', data)]);
    expect(String(fragment('<b>x</b>'))).toBe('<b>x</b>');
  });

  it('leaves text that looks like its marks alone: only its own marks, with a word drawn at start-up, are cut', () => {
    const data = { network, title: 'T', heading: fragment('<i>x</i>'), message: '\uE000deadbeefdeadbeef:0\uE001 \uE000' };
    const parts = render.parts('error', data);
    expect(parts.join('')).toBe(render('error', data));
    expect(parts.join('')).toContain('<p>\uE000deadbeefdeadbeef:0\uE001 \uE000</p>');
  });
});
