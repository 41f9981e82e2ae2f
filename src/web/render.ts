// Handlebars, set up once: the layout, the partials and the page templates under views/, compiled at start-up.
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The views folder. */
export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

/** A page renderer: template name and data in, full HTML page out. */
export type Render = (view: string, data: Record<string, unknown>) => string;

/** Compiles every template under views/ into a fresh Handlebars environment (no global state is touched). */
export function createRenderer(): Render {
  const hbs = Handlebars.create();
  const partialsDir = join(VIEWS_DIR, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.slice(0, -4), readFileSync(join(partialsDir, file), 'utf8'));
  }
  const options = { strict: false, noEscape: false };
  const layout = hbs.compile(readFileSync(join(VIEWS_DIR, 'layouts', 'main.hbs'), 'utf8'), options);
  const views = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of readdirSync(VIEWS_DIR).filter((f) => f.endsWith('.hbs'))) {
    views.set(file.slice(0, -4), hbs.compile(readFileSync(join(VIEWS_DIR, file), 'utf8'), options));
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
