/**
 * Starts one of StanceWatch's TypeScript modules in a worker thread or a forked process, when
 * running from the sources (tests, development): neither inherits the TypeScript loader the
 * parent runs under, so it is registered here before the module is imported. The module comes in
 * `workerData.module` (a thread) or `STANCEWATCH_START_MODULE` (a process); `module-entry.ts`
 * says which. The built product starts the compiled module directly and never loads this file.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.module ?? process.env.STANCEWATCH_START_MODULE);
