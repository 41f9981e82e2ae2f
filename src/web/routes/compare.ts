// The compare and what-if pages: the form, the comparison report and its CSV.
import { Router } from 'express';
import type { Answers } from '../answers.ts';
import { formValues } from '../params.ts';
import { sendAnswer, type EndpointHandlers } from './endpoint.ts';

export function comparePages(answers: Answers, endpoint: EndpointHandlers): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const values = formValues(req.query);
    if (values.from === '' && values.to === '') Object.assign(values, { from: 'xian', to: 'duisburg', samples: values.samples || '1000' });
    sendAnswer(res, answers.formPage('compare', values));
  });
  router.get('/compare', endpoint('compare'));
  router.get('/compare.csv', endpoint('compare.csv'));
  return router;
}
