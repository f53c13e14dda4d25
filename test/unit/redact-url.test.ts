import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/logging.js';

describe('redactUrl', () => {
  it.each([
    ['/upload/abcDEF123_-xyz/files', '/upload/[redacted]/files'],
    ['/upload/abcDEF123_-xyz', '/upload/[redacted]'],
    ['/upload/abc/files?x=1', '/upload/[redacted]/files?x=1'],
    ['/v1/ws/intake/links?token=secret&limit=5', '/v1/ws/intake/links?token=%5Bredacted%5D&limit=5'],
    ['/v1/ws/intake/links?api_key=ilk_x', '/v1/ws/intake/links?api_key=%5Bredacted%5D'],
    ['/v1/ws/intake/links?limit=5', '/v1/ws/intake/links?limit=5'],
  ])('%s -> %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
