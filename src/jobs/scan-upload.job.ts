import type { ScanService } from '../services/scan.service.js';
import type { JobDefinition } from './job-runner.js';

/**
 * The scan job: one upload per job. A throw (clamd unreachable, a timeout, a size-limit answer,
 * storage down) fails the attempt, the upload stays `pending`, and the queue retries with backoff
 * capped at 30 s (QUEUE_POLICIES), so it is scanned within a minute after clamd answers again.
 */
export function scanUploadJob(scans: ScanService): JobDefinition<'scan-upload'> {
  return {
    queue: 'scan-upload',
    concurrency: 2,
    run: async (job) => {
      await scans.scanUpload(job.data, job.signal);
    },
  };
}
