// The web UI in a real browser (Debian's Chromium driven by playwright-core): fill the form, see the
// corridors, apply a what-if, print. Screenshots go to test-results/ to be looked at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/web/app.ts';
import { createModel, throughput, type Model } from '../../src/core/index.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../../src/core/load.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// In CI the browser is installed by .ci/run, so these tests always run there; elsewhere they need Chromium.
const available = existsSync(CHROMIUM) || process.env.CI === 'true';
let model: Model;
/** The name of the first segment of the minimum cut (unknown capacities unlimited) the core finds for a corridor. */
const corridorThroughputCut = (from: string, to: string, corridor: string) =>
  throughput(model, { from, to, corridor, avoidCountries: [] }).unknownUnlimited.minCut[0]?.name ?? '';
const OUT = new URL('../../test-results/', import.meta.url).pathname;

describe.skipIf(!available)('in a browser', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    model = createModel(loadNetworkFile(), loadEmissionFactorsFile());
    const app = createApp({ model });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('fill the form, submit, see four corridors and the best overall', async () => {
    await page.goto(`${base}/`);
    await page.selectOption('select[name=from]', 'chongqing');
    await page.selectOption('select[name=to]', 'duisburg');
    await page.selectOption('select[name=objective]', 'days');
    await Promise.all([page.waitForURL(/\/compare\?/), page.click('button[type=submit]')]);
    expect(page.url()).toContain('from=chongqing');
    const rows = await page.locator('table.compare tbody').count();
    expect(rows).toBe(5); // four corridors and the best overall
    const names = await page.locator('table.compare tbody tr.route th').allInnerTexts();
    for (const n of ['Northern corridor', 'Middle corridor', 'Southern corridor', 'Maritime route']) expect(names.join('|')).toContain(n);
    expect(await page.locator('figure.map svg').count()).toBe(1);
    await page.screenshot({ path: `${OUT}compare.png`, fullPage: true });
  });

  it('apply a what-if and see the change', async () => {
    await page.goto(`${base}/compare?from=xian&to=duisburg`);
    await page.selectOption('select[name=scenario]', 'northern-closed');
    await Promise.all([page.waitForURL(/scenario=northern-closed/), page.click('button[type=submit]')]);
    await expect(page.locator('.whatif h2').innerText()).resolves.toContain('What if: Northern corridor closed');
    const northern = page.locator('table.compare tbody').filter({ hasText: 'Northern corridor' });
    await expect(northern.locator('tr.delta').innerText()).resolves.toContain('route lost');
    await page.screenshot({ path: `${OUT}whatif.png`, fullPage: true });
  });

  it('the analyses: trade-offs scatter, throughput and timeline from the form links', async () => {
    await page.goto(`${base}/compare?from=xian&to=duisburg&samples=500`);
    expect(await page.locator('section.uncertainty svg').count()).toBe(5);
    await Promise.all([page.waitForURL(/\/pareto\?/), page.click('a[href^="/pareto?"]')]);
    await Promise.all([page.waitForURL(/\/pareto\?.*criteria/), page.click('button[type=submit]')]);
    expect(await page.locator('figure.chart svg circle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${OUT}pareto.png`, fullPage: true });
    await page.goto(`${base}/capacity?from=xian&to=istanbul&corridor=southern`);
    // The page names the segment of the minimum cut that the core finds.
    const cut = corridorThroughputCut('xian', 'istanbul', 'southern');
    expect(cut).not.toBe('');
    await expect(page.locator('table.data').innerText()).resolves.toContain(cut);
    await page.goto(`${base}/timeline?from=xian&to=duisburg&years=2025-2032`);
    expect(await page.locator('figure.chart svg path').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${OUT}timeline.png`, fullPage: true });
  });

  it('a bad form comes back with the message and the values kept', async () => {
    await page.goto(`${base}/compare?from=xian&to=duisburg&year=twenty`);
    await expect(page.locator('.errors').innerText()).resolves.toContain('year: expected a number, got "twenty"');
    await expect(page.locator('input[name=year]').inputValue()).resolves.toBe('twenty');
  });

  it('prints without the forms: table, legs and map on the page', async () => {
    await page.goto(`${base}/compare?from=xian&to=duisburg`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.compare-form').isVisible()).toBe(false);
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('table.compare').isVisible()).toBe(true);
    expect(await page.locator('section.legs').isVisible()).toBe(true);
    expect(await page.locator('figure.map').isVisible()).toBe(true);
    await page.screenshot({ path: `${OUT}print.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: `${OUT}compare.pdf` });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });
});
