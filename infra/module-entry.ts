/**
 * Where a worker thread or a forked process of ours starts. In the built product (`dist/`,
 * JavaScript) it is the compiled module itself. From the sources the module is TypeScript, which
 * a new thread or process cannot import without the loader, so it starts from
 * `typescript-module-start.mjs` and is named to it (`module`).
 */
export interface ModuleEntry {
  /** The file to start. */
  readonly file: URL;
  /** From the sources: the TypeScript module the starter imports; null when `file` is the module. */
  readonly module: string | null;
}

/** The entry of module `name` (no extension) beside the module at `besideUrl` (its `import.meta.url`). */
export function moduleEntry(besideUrl: string, name: string): ModuleEntry {
  if (besideUrl.endsWith('.js')) return { file: new URL(`./${name}.js`, besideUrl), module: null };
  return { file: new URL('./typescript-module-start.mjs', import.meta.url), module: new URL(`./${name}.ts`, besideUrl).href };
}
