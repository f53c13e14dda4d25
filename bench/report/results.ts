import type { MachineInfo } from '../lib/machine.ts';
import type { DownloadResult } from '../scenarios/download.ts';
import type { MemoryResult } from '../scenarios/memory.ts';
import type { ProfileResult } from '../scenarios/upload-profile.ts';
import type { ThroughputResult } from '../scenarios/upload-throughput.ts';
import type { Goals } from './goals.ts';

/** Everything one run measured: written as bench/results/<timestamp>.json and rendered into BENCHMARKS.md. */
export interface BenchResults {
  machine: MachineInfo;
  revision: string;
  rounds: number;
  durationSeconds: number;
  upload: ThroughputResult[];
  download: DownloadResult;
  memory: MemoryResult;
  profile: ProfileResult | undefined;
  goals: Goals;
}
