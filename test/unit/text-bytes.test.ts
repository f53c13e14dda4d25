import { describe, expect, it } from 'vitest';
import { containsOnlyText, containsOnlyTextBySearch, TEXT_CHECK_ENGINE } from '../../src/services/upload/text-bytes.js';

// The bytes a CSV may not contain: C0 controls but tab, LF, FF and CR; and DEL.
const FORBIDDEN = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127];

describe('containsOnlyText (the SIMD check of every CSV byte)', () => {
  it('runs as WebAssembly SIMD on this Node', () => {
    expect(TEXT_CHECK_ENGINE).toBe('simd');
  });

  it('refuses exactly the forbidden bytes, at every position of a 16-byte vector and in the padded tail', () => {
    for (const length of [1, 15, 16, 17, 100]) {
      for (let position = 0; position < length; position += length > 20 ? 13 : 1) {
        for (let byte = 0; byte < 256; byte++) {
          const chunk = Buffer.alloc(length, 'a');
          chunk[position] = byte;
          expect(containsOnlyText(chunk), `byte ${byte} at ${position} of ${length}`).toBe(!FORBIDDEN.includes(byte));
        }
      }
    }
  });

  it('accepts text with tabs, line breaks, form feeds and UTF-8, and an empty chunk', () => {
    expect(containsOnlyText(Buffer.from('a\tb\r\nc\fZoë,Zürich,日本\n'.repeat(5000)))).toBe(true);
    expect(containsOnlyText(Buffer.alloc(0))).toBe(true);
  });

  it('finds a forbidden byte past the first 64 KiB of one large chunk, and in a view at an odd offset', () => {
    const large = Buffer.alloc(200_001, 'x');
    large[200_000] = 0x7f;
    expect(containsOnlyText(large)).toBe(false);
    expect(containsOnlyText(large.subarray(3, 200_000))).toBe(true);
    expect(containsOnlyText(large.subarray(3))).toBe(false);
  });

  it('agrees with the byte-by-byte searches on random chunks', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 3000; trial++) {
      const chunk = Buffer.alloc(1 + Math.floor(random() * 70));
      for (let i = 0; i < chunk.length; i++) chunk[i] = random() < 0.98 ? 32 + Math.floor(random() * 224) : Math.floor(random() * 32);
      expect(containsOnlyText(chunk)).toBe(containsOnlyTextBySearch(chunk));
    }
  });
});
