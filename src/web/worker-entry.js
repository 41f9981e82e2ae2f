// Entry of the worker threads that answer heavy requests when the server runs from the TypeScript sources (tsx or
// vitest; the build runs dist/web/heavy-worker.js directly). A worker thread does not share the main thread's
// module loader, so it registers tsx itself, as bin/corridors.js does, before it loads the task.
import { register } from 'tsx/esm/api';

register();

export const { answerTask } = await import('./heavy-worker.ts');
