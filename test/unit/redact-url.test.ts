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
    // Issue 13, defect 3: case, doubled slashes and unexpected query names no longer hide a token.
    ['/UPLOAD/AAAAAAAAAAAAAAAAAAAAbbbbbbbbbbbbbbbbbbbbbbb/files', '/UPLOAD/[redacted]/files'],
    ['//upload/AAAAAAAAAAAAAAAAAAAAbbbbbbbbbbbbbbbbbbbbbbb/files', '//upload/[redacted]/files'],
    ['/Upload//AAAAAAAAAAAAAAAAAAAAbbbbbbbbbbbbbbbbbbbbbbb/files', '/Upload//[redacted]/files'],
    ['/v1/ws/intake/links?t=AAAAAAAAAAAAAAAAAAAAbbbbbbbbbbbbbbbbbbbbbbb', '/v1/ws/intake/links?t=%5Bredacted%5D'],
    ['/v1/ws/intake/links?TOKEN=short', '/v1/ws/intake/links?TOKEN=%5Bredacted%5D'],
    ['/anything/AAAAAAAAAAAAAAAAAAAAbbbbbbbbbbbbbbbbbbbbbbb', '/anything/[redacted]'],
    ['/v1/0b0e7c58-51b6-4c4a-9c38-6b1f0f6c2f11/intake/links', '/v1/0b0e7c58-51b6-4c4a-9c38-6b1f0f6c2f11/intake/links'],
  ])('%s -> %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
