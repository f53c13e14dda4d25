import { describe, expect, it } from 'vitest';
import { parsePgTimestamp } from '../../src/db/pg-timestamp.js';

// The driver hands timestamptz columns over as PostgreSQL's text; a list page turns 400 of them into
// Dates. The fast path must give the instant `new Date(text)` gives, for every text, or hand it over.
describe('parsePgTimestamp', () => {
  const same = (text: string) => expect(parsePgTimestamp(text).getTime()).toBe(new Date(text).getTime());

  it('reads UTC timestamps as PostgreSQL writes them, to the millisecond', () => {
    expect(parsePgTimestamp('2026-12-03 09:05:07.004+00').toISOString()).toBe('2026-12-03T09:05:07.004Z');
    expect(parsePgTimestamp('2026-12-03 09:05:07.123456+00').toISOString()).toBe('2026-12-03T09:05:07.123Z');
    expect(parsePgTimestamp('2026-12-03 09:05:07.999999+00').toISOString()).toBe('2026-12-03T09:05:07.999Z');
    expect(parsePgTimestamp('2026-12-03 09:05:07.5+00').toISOString()).toBe('2026-12-03T09:05:07.500Z');
    expect(parsePgTimestamp('2026-12-03 09:05:07+00').toISOString()).toBe('2026-12-03T09:05:07.000Z');
    expect(parsePgTimestamp('2028-02-29 23:59:59.9+00').toISOString()).toBe('2028-02-29T23:59:59.900Z');
    expect(parsePgTimestamp('1970-01-01 00:00:00+00').getTime()).toBe(0);
  });

  it('agrees with new Date(text) for every fraction length and over a spread of instants', () => {
    for (const fraction of ['', '.1', '.12', '.123', '.1234', '.12345', '.123456', '.000001', '.999']) same(`2026-07-15 13:14:15${fraction}+00`);
    for (let ms = Date.UTC(1970, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 86_400_000 * 41 + 7_654_321) {
      const text = new Date(ms).toISOString().replace('T', ' ').replace('Z', '+00');
      same(text);
    }
  });

  it('hands anything else to new Date: other offsets, BC, infinity, odd shapes', () => {
    for (const text of ['2026-12-03 09:05:07.004+05:30', '2026-12-03 09:05:07-08', '0044-03-15 12:00:00+00 BC', 'infinity', '2026-12-03T09:05:07.004Z', '2026-1-3 9:5:7+00']) {
      const parsed = parsePgTimestamp(text);
      const expected = new Date(text);
      if (Number.isNaN(expected.getTime())) expect(Number.isNaN(parsed.getTime())).toBe(true);
      else expect(parsed.getTime()).toBe(expected.getTime());
    }
  });
});
