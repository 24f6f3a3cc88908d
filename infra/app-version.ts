import { createRequire } from 'node:module';

/** The version in package.json, stamped on every audit so a replay knows what produced it. */
export const appVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
