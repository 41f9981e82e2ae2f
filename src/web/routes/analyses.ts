// The analysis pages (trade-offs, throughput, timeline) and the method page.
import { Router } from 'express';
import { PERT_METHOD, type Model } from '../../core/index.ts';
import { countryName } from '../form-view.ts';
import type { Render } from '../render.ts';
import type { EndpointHandlers } from './endpoint.ts';

export function analysisPages(base: Model, render: Render, endpoint: EndpointHandlers): Router {
  const router = Router();
  for (const name of ['pareto', 'capacity', 'timeline'] as const) router.get(`/${name}`, endpoint(name));

  const factorSources = base.factors.sources;
  const factorNumber = (id: string) => factorSources.findIndex((x) => x.id === id) + 1;
  const methodPage = render('method', {
    network: base.network,
    title: 'Method',
    method: base.factors.method,
    tonnesPerFeu: base.factors.tonnesPerFeu,
    factors: base.factors.factors.map((f) => ({
      mode: f.mode,
      traction: f.traction ?? '',
      country: f.country ? countryName(f.country) : 'any',
      grams: f.gramsCo2ePerTonneKm,
      basis: f.basis,
      refs: f.sources.map((id) => ({ n: factorNumber(id) })).filter((r) => r.n > 0),
      note: f.note ?? '',
    })),
    factorSources: factorSources.map((x, i) => ({ ...x, n: i + 1 })),
    pert: PERT_METHOD,
  });
  router.get('/method', (_req, res) => {
    res.type('html').send(methodPage);
  });
  return router;
}
