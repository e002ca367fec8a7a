// Parallel, streamed lint: the entry the lint command uses, and the worker hooks bin.ts needs.
export { lintFiles } from './pool.js';
export { mayHoldContext } from './split.js';
export { runLintWorker } from './worker.js';
export { isLintWorker } from './is-worker.js';
