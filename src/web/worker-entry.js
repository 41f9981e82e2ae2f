// Entry of the worker threads that answer heavy requests. A worker thread does not share the main thread's module
// loader, so it registers tsx itself (as bin/corridors.js does) before it loads the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { answerTask } = await import('./heavy-worker.ts');

export default answerTask;
