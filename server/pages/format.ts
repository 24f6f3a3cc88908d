/** How numbers, dates and changes read on the pages, in one place so every page agrees. */

/** PALS scores and composites: always one decimal, as the seed page prints them ("4.0"). */
export function formatDecimalScore(score: number): string {
  return score.toFixed(1);
}

/** "Lens 01" … "Lens 08". */
export function formatLensNumber(lensNumber: number): string {
  return `Lens ${String(lensNumber).padStart(2, '0')}`;
}

/**
 * A signed change with a real minus sign, or "no change"; one decimal for composites, whole
 * numbers for lens scores.
 */
export function formatDelta(delta: number, decimals: 0 | 1): string {
  const rounded = Number(delta.toFixed(decimals));
  if (rounded === 0) return 'no change';
  const magnitude = Math.abs(rounded).toFixed(decimals);
  return rounded > 0 ? `+${magnitude}` : `\u2212${magnitude}`;
}

/** "2026-06-08 14:03 UTC": unambiguous for readers in any timezone. */
export function formatTimestamp(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "850 ms", "12.4 s", "3 min 05 s". */
export function formatDuration(milliseconds: number | null): string {
  if (milliseconds === null || milliseconds < 0) return '—';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

/** "1,234" */
export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

/** A URL without its scheme, for display ("qwenlm.ai" rather than "https://qwenlm.ai/"). */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
