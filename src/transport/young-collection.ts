/**
 * A young-generation collection every YOUNG_GC_EVERY_BYTES of a byte stream (an upload's body, an
 * object streamed to the scanner), when node was started with --expose-gc (the documented launch
 * command; without it this does nothing).
 *
 * Why: every 64 KiB socket or file read arrives as a fresh buffer whose memory lives outside the JS heap.
 * The upload path allocates little on the heap itself, so V8's young generation (grown to 16 MiB
 * by ordinary traffic) does not fill and no scavenge frees those buffers; the external bytes pile
 * up until V8 starts a full mark-compact instead, which traces the whole resident heap (~45 MB of
 * Express, Apollo, MikroORM, pg-boss) every 20-30 MB of body. A scavenge frees the same dead
 * buffers for the cost of the few live young objects.
 */
const YOUNG_GC_EVERY_BYTES = 8 * 1024 * 1024;

type Collect = (options: { type: 'minor'; execution: 'async' }) => Promise<void>;
const collect = (globalThis as { gc?: Collect }).gc;

/**
 * Called with a stream's byte count before and after a chunk; when that crossed a boundary, asks for
 * the collection and returns its promise (callers need not wait), otherwise undefined.
 */
export function collectYoungAfter(bytesBefore: number, bytesAfter: number): Promise<void> | undefined {
  if (collect === undefined) return undefined;
  if (Math.floor(bytesBefore / YOUNG_GC_EVERY_BYTES) === Math.floor(bytesAfter / YOUNG_GC_EVERY_BYTES)) return undefined;
  // Asynchronous: V8 runs it as a task once this chunk's callback has returned. Run synchronously
  // inside _transform it kept the chunks in flight alive and promoted them to the old generation,
  // where only a mark-compact frees them: scanning a 100 MB upload then peaked 51 MiB higher
  // (scan-memory.test.ts allows 40); asynchronous, 0.0 MiB.
  return collect({ type: 'minor', execution: 'async' });
}
