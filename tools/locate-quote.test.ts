import { describe, expect, it } from 'vitest';
import { locateQuote } from './locate-quote.js';

const snapshot = 'We release weights.\n\nOur  model is the “first” of its kind.\n\nWe release weights.';

describe('locating a quote in the crawled snapshot', () => {
  it('finds an exact quote with offsets that slice back to it', () => {
    const location = locateQuote(snapshot, 'We release weights.');
    expect(location).toMatchObject({ start: 0, exact: true });
    expect(snapshot.slice(location!.start, location!.end)).toBe('We release weights.');
  });

  it('prefers the occurrence nearest the passage it was drawn from', () => {
    const location = locateQuote(snapshot, 'We release weights.', snapshot.length - 5);
    expect(location!.start).toBe(snapshot.lastIndexOf('We release weights.'));
  });

  it('publishes the snapshot’s own text when a model reflowed spaces or straightened quotes', () => {
    const location = locateQuote(snapshot, 'Our model is the "first" of its kind.');
    expect(location).not.toBeNull();
    expect(location!.exact).toBe(false);
    expect(location!.quote).toBe('Our  model is the “first” of its kind.');
    expect(snapshot.slice(location!.start, location!.end)).toBe(location!.quote);
  });

  it('rejects a fabricated quote', () => {
    expect(locateQuote(snapshot, 'We guarantee perfect safety.')).toBeNull();
    expect(locateQuote(snapshot, '   ')).toBeNull();
  });
});
