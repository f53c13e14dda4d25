import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the figures were measured on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverageAtStart: number[];
  node: string;
  platform: string;
  postgres: string;
  date: string;
}

export function machineInfo(postgresVersion: string): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres: postgresVersion,
    date: new Date().toISOString(),
  };
}

/** The git commit the bench ran on (and whether the tree had changes), or 'unknown'. */
export function gitRevision(cwd: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (src/ modified)` : head;
  } catch {
    return 'unknown';
  }
}
