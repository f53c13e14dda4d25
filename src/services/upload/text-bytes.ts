// Whether a chunk holds only bytes a text file may contain: no C0 control other than tab, LF, FF
// and CR, and no DEL. Every byte of every CSV upload passes here, so it is done 16 bytes at a time
// by a WebAssembly SIMD loop: 0.13 ms per MiB where one native search per forbidden byte (29
// memchr passes) took 0.53 (bench/micro/text-check.ts).
// The module is small enough to write out by hand; its instructions are spelled out below.

/** The forbidden bytes, for the fallback and for readers. */
export const NOT_TEXT_BYTES = [...Array(32).keys(), 0x7f].filter((byte) => ![0x09, 0x0a, 0x0c, 0x0d].includes(byte));

// check(len): ORs together, over memory[0, len) in 16-byte vectors v, the lanes that are
//   swizzle(T, v)      T[b] = 0xff for a forbidden b < 16 (0 for lanes >= 16)
//   (v & 0xf0) == 0x10 every byte 16..31
//   v == 0x7f          DEL
// and returns 1 when no lane was set. `len` is a multiple of 16 (the caller pads with spaces).
const T = [...Array(16).keys()].map((byte) => (NOT_TEXT_BYTES.includes(byte) ? 0xff : 0));
const CHECK_BODY = [
  0x02, 0x01, 0x7f, 0x06, 0x7b, //          locals: $i i32 (1); acc (2), v (3), T (4), xF0 (5), x10 (6), x7F (7) v128
  0xfd, 0x0c, ...T, 0x21, 0x04, //           T = v128.const ...
  0x41, 0xf0, 0x01, 0xfd, 0x0f, 0x21, 0x05, // xF0 = i8x16.splat(0xf0)
  0x41, 0x10, 0xfd, 0x0f, 0x21, 0x06, //     x10 = i8x16.splat(0x10)
  0x41, 0xff, 0x00, 0xfd, 0x0f, 0x21, 0x07, // x7F = i8x16.splat(0x7f)
  0x02, 0x40, 0x03, 0x40, //                 block loop
  0x20, 0x01, 0x20, 0x00, 0x4f, 0x0d, 0x01, //   br_if 1 ($i >=u len)
  0x20, 0x01, 0xfd, 0x00, 0x04, 0x00, 0x21, 0x03, // v = v128.load($i)
  0x20, 0x04, 0x20, 0x03, 0xfd, 0x0e, //         i8x16.swizzle(T, v)
  0x20, 0x03, 0x20, 0x05, 0xfd, 0x4e, 0x20, 0x06, 0xfd, 0x23, 0xfd, 0x50, // | i8x16.eq(v & xF0, x10)
  0x20, 0x03, 0x20, 0x07, 0xfd, 0x23, 0xfd, 0x50, // | i8x16.eq(v, x7F)
  0x20, 0x02, 0xfd, 0x50, 0x21, 0x02, //         acc |= ...
  0x20, 0x01, 0x41, 0x10, 0x6a, 0x21, 0x01, //   $i += 16
  0x0c, 0x00, 0x0b, 0x0b, //                 br 0; end; end
  0x20, 0x02, 0xfd, 0x53, 0x45, 0x0b, //     return !v128.any_true(acc)
];
const MODULE = [
  [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
  section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), // types: (i32) -> i32
  section(3, [0x01, 0x00]), // functions: check has type 0
  section(5, [0x01, 0x00, 0x02]), // memory: 2 pages (128 KiB), no maximum
  section(7, [0x02, ...name('check'), 0x00, 0x00, ...name('mem'), 0x02, 0x00]), // exports
  section(10, [0x01, ...leb128(CHECK_BODY.length), ...CHECK_BODY]), // code
].flat();

const BLOCK = 64 * 1024;

function section(id: number, bytes: number[]): number[] {
  return [id, ...leb128(bytes.length), ...bytes];
}

function name(text: string): number[] {
  return [text.length, ...Buffer.from(text, 'ascii')];
}

function leb128(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest ? low | 0x80 : low);
  } while (rest);
  return out;
}

interface TextCheck {
  check: (length: number) => number;
  mem: { buffer: ArrayBuffer };
}

// The runtime's WebAssembly global, typed as much as used here (the type-check's libs leave it out).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

function instantiate(): TextCheck | undefined {
  try {
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(MODULE)));
    return exports as unknown as TextCheck;
  } catch {
    return undefined; // a runtime without WebAssembly SIMD: the native searches below
  }
}

const simd = instantiate();
const memory = simd ? new Uint8Array(simd.mem.buffer) : undefined;

/** Which check runs here (the tests make sure it is the SIMD one). */
export const TEXT_CHECK_ENGINE: 'simd' | 'search' = simd ? 'simd' : 'search';

/** True when `chunk` holds no byte of NOT_TEXT_BYTES. */
export function containsOnlyText(chunk: Uint8Array): boolean {
  if (!simd || !memory) return containsOnlyTextBySearch(chunk);
  for (let offset = 0; offset < chunk.length; offset += BLOCK) {
    const piece = chunk.subarray(offset, offset + BLOCK);
    memory.set(piece, 0);
    const padded = (piece.length + 15) & ~15;
    memory.fill(0x20, piece.length, padded);
    if (!simd.check(padded)) return false;
  }
  return true;
}

// One native search (memchr) per forbidden byte: about 3x faster than a JavaScript byte loop.
export function containsOnlyTextBySearch(chunk: Uint8Array): boolean {
  for (const byte of NOT_TEXT_BYTES) {
    if (chunk.indexOf(byte) !== -1) return false;
  }
  return true;
}
