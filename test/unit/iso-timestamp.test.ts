import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../src/transport/iso-timestamp.js';

// The faster stand-in for Date#toISOString on every list page: the same text for every date, the
// same RangeError for an invalid one.
describe('isoTimestamp', () => {
  it('writes what toISOString writes, to the millisecond', () => {
    expect(isoTimestamp(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTimestamp(new Date(Date.UTC(2026, 11, 3, 9, 5, 7, 4)))).toBe('2026-12-03T09:05:07.004Z');
    expect(isoTimestamp(new Date(Date.UTC(2028, 1, 29, 23, 59, 59, 999)))).toBe('2028-02-29T23:59:59.999Z');
    expect(isoTimestamp(new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 50)))).toBe('2026-01-01T00:00:00.050Z');
    expect(isoTimestamp(new Date('2026-12-03 12:34:56.789+00'))).toBe('2026-12-03T12:34:56.789Z');
    expect(isoTimestamp(new Date('2026-12-03 12:34:56.789+05:30'))).toBe('2026-12-03T07:04:56.789Z');
  });

  it('pads years below 1000 and hands years outside 0-9999 to toISOString', () => {
    const year = (y: number) => {
      const date = new Date(Date.UTC(2000, 5, 15, 1, 2, 3, 400));
      date.setUTCFullYear(y);
      return date;
    };
    expect(isoTimestamp(year(7))).toBe('0007-06-15T01:02:03.400Z');
    expect(isoTimestamp(year(999))).toBe('0999-06-15T01:02:03.400Z');
    expect(isoTimestamp(year(9999))).toBe('9999-06-15T01:02:03.400Z');
    expect(isoTimestamp(year(10000))).toBe('+010000-06-15T01:02:03.400Z');
    expect(isoTimestamp(year(-1))).toBe('-000001-06-15T01:02:03.400Z');
  });

  it('agrees with toISOString over a spread of instants', () => {
    for (let ms = Date.UTC(1969, 0, 1); ms < Date.UTC(2101, 0, 1); ms += 86_400_000 * 37 + 3_723_457) {
      const date = new Date(ms);
      expect(isoTimestamp(date)).toBe(date.toISOString());
    }
  });

  it('throws the RangeError toISOString throws for an invalid date', () => {
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
