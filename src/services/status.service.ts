import type { JobQueue } from '../jobs/job-queue.js';
import type { UploadRepository } from '../repositories/upload.repository.js';
import type { Scanner } from '../scanner/scanner.js';
import type { AuthService, Principal } from './auth.service.js';

/** The operator status (GET /v1/status), as contract-details.md shapes it. */
export interface OperatorStatus {
  database: { reachable: boolean };
  scanner: {
    configured: boolean;
    reachable: boolean;
    version: string | null;
    /** Scan jobs waiting, retrying or running. */
    queueDepth: number;
    /** Age of the oldest pending upload, null when none is pending. */
    oldestPendingAgeSeconds: number | null;
  };
}

/** Answers "is scanning keeping up?" for any API key or the admin token. */
export class StatusService {
  constructor(
    private readonly deps: {
      auth: AuthService;
      isDatabaseReachable: () => Promise<boolean>;
      scanner: Scanner | null;
      jobQueue: JobQueue;
      uploads: UploadRepository;
    },
  ) {}

  async status(principal: Principal, now = new Date()): Promise<OperatorStatus> {
    void principal; // any valid credential may read it; the face has authenticated it
    const { scanner } = this.deps;
    const reachable = await this.deps.isDatabaseReachable();
    const version = scanner ? await scanner.version().catch(() => null) : null;
    const [depth, oldest] = reachable
      ? await Promise.all([this.deps.jobQueue.depth('scan-upload').catch(() => null), this.deps.uploads.oldestPendingReceivedAt().catch(() => null)])
      : [null, null];
    return {
      database: { reachable },
      scanner: {
        configured: scanner !== null,
        reachable: version !== null,
        version,
        queueDepth: depth?.waiting ?? 0,
        oldestPendingAgeSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : null,
      },
    };
  }
}
