import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The built module in a node of its own (the flag and the GC trace are per process): which calls
// ask V8 for a young-generation collection ("testing" is V8's reason for an explicit gc() call).
const MODULE = path.resolve(import.meta.dirname, '..', '..', 'dist', 'transport', 'young-collection.js');
const MIB = 1024 * 1024;

async function explicitScavenges(flags: string[], calls: [number, number][]): Promise<{ scavenges: number; returned: string[] }> {
  const script = `
    const { collectYoungAfter } = await import(${JSON.stringify(MODULE)});
    const returned = [];
    for (const [before, after] of ${JSON.stringify(calls)}) {
      const result = collectYoungAfter(before, after);
      returned.push(result === undefined ? 'none' : 'collection');
      await result;
    }
    console.log('RETURNED ' + returned.join(','));`;
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--trace-gc', '--input-type=module', '-e', script]);
  const scavenges = stdout.split('\n').filter((line) => / Scavenge .* testing/.test(line)).length;
  return { scavenges, returned: /RETURNED (.*)/.exec(stdout)![1]!.split(',') };
}

describe('a young-generation collection every 8 MiB of body', () => {
  it('collects once per 8 MiB boundary a chunk crosses, and not within one', async () => {
    const result = await explicitScavenges(['--expose-gc'], [
      [0, 65_536],
      [8 * MIB - 1, 8 * MIB + 65_535],
      [8 * MIB + 65_535, 8 * MIB + 131_071],
      [16 * MIB - 10, 16 * MIB],
    ]);
    expect(result.returned).toEqual(['none', 'collection', 'none', 'collection']);
    expect(result.scavenges).toBe(2);
  });

  it('does nothing without --expose-gc (the server works the same, only without the saving)', async () => {
    const result = await explicitScavenges([], [[8 * MIB - 1, 8 * MIB + 1]]);
    expect(result.returned).toEqual(['none']);
    expect(result.scavenges).toBe(0);
  });
});
