import type { ArrivalNoticeService } from '../services/notify/arrival-notice.service.js';
import type { JobDefinition } from './job-runner.js';

/** The arrival e-mail job: one link per job. A throw (SMTP down or refusing) fails the attempt; the queue retries. */
export function arrivalNoticeJob(notices: ArrivalNoticeService): JobDefinition<'arrival-notice'> {
  return {
    queue: 'arrival-notice',
    concurrency: 2,
    run: async (job) => {
      await notices.sendFor(job.data.linkId);
    },
  };
}
