import type { WebhookResult } from '../scenarios/webhooks.ts';
import type { MachineInfo } from '../lib/machine.ts';
import type { ContentionResult } from '../scenarios/contention.ts';
import type { DownloadResult } from '../scenarios/download.ts';
import type { ListingResult } from '../scenarios/link-listing.ts';
import type { StartupResult } from '../scenarios/startup.ts';
import type { MemoryResult } from '../scenarios/memory.ts';
import type { ProfileResult } from '../scenarios/upload-profile.ts';
import type { ThroughputResult } from '../scenarios/upload-throughput.ts';
import type { TusThroughputResult } from '../scenarios/tus-throughput.ts';
import type { Goals } from './goals.ts';
import type { GcsResult } from '../scenarios/gcs-throughput.ts';

/** Everything one run measured: written as bench/results/<timestamp>.json and rendered into BENCHMARKS.md. */
export interface BenchResults {
  machine: MachineInfo;
  revision: string;
  rounds: number;
  /** A `--quick` smoke run: 1 MB uploads only, a smaller link table, no download, memory or profile. */
  quick: boolean;
  durationSeconds: number;
  upload: ThroughputResult[];
  /** The same file over @tus/server + @tus/file-store, our tus route and our raw route (absent in older results). */
  tus?: TusThroughputResult;
  download: DownloadResult | undefined;
  memory: MemoryResult | undefined;
  contention: ContentionResult;
  links: ListingResult;
  startup: StartupResult;
  /** The GCS driver against a bare @google-cloud/storage write into the same emulator (absent in older results). */
  gcs?: GcsResult;
  profile: ProfileResult | undefined;
  /** Absent in results written before the webhook scenario existed. */
  webhooks?: WebhookResult | undefined;
  goals: Goals;
  /** Scenarios that threw; their sections say "not measured" (absent in older results). */
  failures?: { scenario: string; error: string }[];
}
