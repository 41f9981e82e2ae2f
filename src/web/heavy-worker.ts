// The task a worker thread of the heavy-request pool runs: the model is rebuilt once per thread from the data the
// pool passes in, and each task is answered exactly as the main thread would answer it.
import { workerData } from 'node:worker_threads';
import { createModel } from '../core/index.ts';
import { createAnswers } from './answers.ts';
import type { HeavyTask, HeavyWorkerData } from './heavy-pool.ts';
import { createRenderer } from './render.ts';
import type { CachedResponse } from './response-cache.ts';

const data = workerData as HeavyWorkerData;
const model = createModel(data.network, data.factors, { edges: new Map(data.closedEdges), nodes: new Map(data.closedNodes) });
const answers = createAnswers({ model, scenarios: new Map(data.scenarios), render: createRenderer() });

/** Answers one heavy request. */
export function answerTask(task: HeavyTask): CachedResponse {
  return answers.answer(task.endpoint, task.values);
}
