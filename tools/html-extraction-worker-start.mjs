/**
 * Starts the extraction worker from the TypeScript sources (tests, development): worker threads
 * do not inherit the TypeScript loader the crawl runs under, so it is registered here before the
 * worker's module is imported. The built product starts the compiled worker directly.
 */
import { register } from 'tsx/esm/api';

register();
await import(new URL('./html-extraction-worker.ts', import.meta.url).href);
