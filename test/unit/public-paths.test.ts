import { describe, expect, it } from 'vitest';
import { fillPath, uploadPagePath } from '../../src/domain/public-paths.js';

describe('uploadPagePath', () => {
  it('puts a base64url token in the path as it is', () => {
    expect(uploadPagePath('Ab9_-xYz0123456789abcdefghijklmnopqrstuvwxy')).toBe('/upload/Ab9_-xYz0123456789abcdefghijklmnopqrstuvwxy');
  });

  it('encodes anything else, as fillPath does', () => {
    for (const token of ['a/b', 'a b', '%41', 'ä', '?x=1', '']) {
      expect(uploadPagePath(token)).toBe(fillPath('/upload/{link_token}', { link_token: token }));
    }
    expect(uploadPagePath('a/b c')).toBe('/upload/a%2Fb%20c');
  });
});
