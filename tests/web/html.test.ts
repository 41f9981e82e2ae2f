// The escaping the view models use for the rows they write themselves.
import { describe, expect, it } from 'vitest';
import { esc } from '../../src/web/html.ts';

describe('esc', () => {
  it('escapes the five characters that matter in content and quoted attributes, and nothing else', () => {
    expect(esc(`A<b>&"c'`)).toBe('A&lt;b&gt;&amp;&quot;c&#39;');
    expect(esc('Xi’an → Duisburg, 1,904 km')).toBe('Xi’an → Duisburg, 1,904 km');
    expect(esc('')).toBe('');
  });
});
