// Handlebars, set up once: the layout, the partials and the page templates under views/, compiled at start-up.
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { flat } from './html.ts';

/** The views folder. */
export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

/** A page renderer: template name and data in, full HTML page out. */
export interface Render {
  (view: string, data: Record<string, unknown>): string;
  /**
   * The same page as parts to send one after another: the text Handlebars wrote, with each large fragment
   * (see fragment()) as a part of its own, so that the fragments are not copied into one string first.
   */
  parts(view: string, data: Record<string, unknown>): string[];
}

/** A template's text without the indentation of its lines (the views hold no <pre> or <textarea>), so pages carry no layout whitespace. */
function source(file: string): string {
  return readFileSync(file, 'utf8').replace(/\n[ \t]+/g, '\n');
}

/** Compiles every template under views/ into a fresh Handlebars environment (no global state is touched). */
export function createRenderer(): Render {
  const hbs = Handlebars.create();
  const partialsDir = join(VIEWS_DIR, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.slice(0, -4), source(join(partialsDir, file)));
  }
  const options = { strict: false, noEscape: false, knownHelpersOnly: true };
  const layout = hbs.compile(source(join(VIEWS_DIR, 'layouts', 'main.hbs')), options);
  const views = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of readdirSync(VIEWS_DIR).filter((f) => f.endsWith('.hbs'))) {
    views.set(file.slice(0, -4), hbs.compile(source(join(VIEWS_DIR, file)), options));
  }
  const render = (view: string, data: Record<string, unknown>) => {
    const template = views.get(view);
    if (!template) throw new Error(`render: no view "${view}"`);
    return layout({ ...data, body: template(data) });
  };
  const parts = (view: string, data: Record<string, unknown>) => {
    const kept: string[] = [];
    collect = (html) => `${MARK}${kept.push(html) - 1}${MARK_END}`;
    let text: string;
    try {
      text = render(view, data);
    } finally {
      collect = null;
    }
    return kept.length ? splitAtMarks(text, kept) : [text];
  };
  return Object.assign(render, { parts });
}

/**
 * While Render.parts runs, where a fragment goes instead of its text: it is kept and a mark takes its place. The
 * mark starts with a private-use character and a random word drawn at start-up, which no input can guess.
 */
let collect: ((html: string) => string) | null = null;
const MARK = `\uE000${randomBytes(8).toString('hex')}:`;
const MARK_END = '\uE001';

/** The page's text cut at the marks, each mark replaced by the fragment it stands for. */
function splitAtMarks(text: string, kept: readonly string[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, from)) {
    const end = text.indexOf(MARK_END, at);
    const html = end < 0 ? undefined : kept[Number(text.slice(at + MARK.length, end))];
    if (html === undefined) break;
    out.push(text.slice(from, at), html);
    from = end + MARK_END.length;
  }
  out.push(text.slice(from));
  return out;
}

/** A SafeString that Render.parts sends as a part of its own; elsewhere it reads as its text. */
class Fragment extends Handlebars.SafeString {
  constructor(private readonly html: string) {
    super(html);
  }
  override toHTML(): string {
    return collect ? collect(this.html) : this.html;
  }
  override toString(): string {
    return this.toHTML();
  }
}

/**
 * Marks a long piece of HTML our own code built with every data value escaped (a legs table, the map, a place
 * picker) as safe to insert, and as a fragment Render.parts sends without copying it into the page's text.
 */
export function fragment(html: string): Handlebars.SafeString {
  return new Fragment(html);
}

/** Marks a string our own code built with every data value escaped (the map SVG) as safe to insert. */
export function trusted(html: string): Handlebars.SafeString {
  return new Handlebars.SafeString(html);
}

let fragments: typeof Handlebars | null = null;

/**
 * Renders one partial of views/partials on its own, for pieces that pages share and the view models keep (the
 * place pickers, a route's figure cells, a checkbox), as one flat string. Compiled on first use, in an environment
 * of its own.
 */
export function renderPartial(partial: string, data: Record<string, unknown>): string {
  if (!fragments) {
    const hbs = Handlebars.create();
    const partialsDir = join(VIEWS_DIR, 'partials');
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) hbs.registerPartial(file.slice(0, -4), source(join(partialsDir, file)));
    fragments = hbs;
  }
  const template = fragments.partials[partial];
  if (template === undefined) throw new Error(`render: no partial "${partial}"`);
  const compiled = typeof template === 'function' ? template : fragments.compile(template);
  fragments.partials[partial] = compiled;
  return flat(compiled(data));
}

/** A partial rendered on its own (renderPartial) as a fragment to insert into pages. */
export function renderFragment(partial: string, data: Record<string, unknown>): Handlebars.SafeString {
  return fragment(renderPartial(partial, data));
}
