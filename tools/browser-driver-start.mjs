/**
 * Starts the browser driver from the TypeScript sources (tests, development): a forked process
 * does not inherit the TypeScript loader the crawl runs under, so it is registered here before
 * the driver's module is imported. The built product forks the compiled driver directly.
 */
import { register } from 'tsx/esm/api';

register();
await import(new URL('./browser-driver.ts', import.meta.url).href);
