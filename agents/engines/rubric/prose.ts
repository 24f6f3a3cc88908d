/** Small helpers for the generated prose, so every sentence the rubric writes reads the same way. */

/**
 * "a", "a and b", "a, b and c". Rubric labels often contain "and" themselves ("funding and
 * ownership"), so when one does the items are set off by semicolons ("a; b; and c", or "a, and b"
 * for two) and the list still reads as a list. `more` appends "and N more".
 */
export function joinList(items: readonly string[], more = 0): string {
  const all = more > 0 ? [...items, `${more} more`] : [...items];
  if (all.length <= 1) return all[0] ?? '';
  const last = all[all.length - 1]!;
  const head = all.slice(0, -1);
  if (!items.some((item) => /,| and /.test(item))) return `${head.join(', ')} and ${last}`;
  return all.length === 2 ? `${head[0]}, and ${last}` : `${head.join('; ')}; and ${last}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Choose the singular or plural verb for a list subject. */
export function verbFor(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}
