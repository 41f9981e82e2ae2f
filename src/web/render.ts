// Handlebars, set up once: the layout, the partials and the page templates under views/, compiled at start-up.
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { flat } from './html.ts';

/** The views folder. */
export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

/** A page renderer: template name and data in, full HTML page out. */
export type Render = (view: string, data: Record<string, unknown>) => string;

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
  return (view, data) => {
    const template = views.get(view);
    if (!template) throw new Error(`render: no view "${view}"`);
    return layout({ ...data, body: template(data) });
  };
}

/** Marks a string our own code built with every data value escaped (the map SVG) as safe to insert. */
export function trusted(html: string): Handlebars.SafeString {
  return new Handlebars.SafeString(html);
}

let fragments: typeof Handlebars | null = null;

/**
 * Renders one partial of views/partials on its own, for fragments that pages share and the view models cache
 * (the place pickers), stored flat. Compiled on first use, in an environment of its own.
 */
export function renderFragment(partial: string, data: Record<string, unknown>): Handlebars.SafeString {
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
  return new Handlebars.SafeString(flat(compiled(data)));
}
