import type { Logger } from 'pino';
import type { JobQueue } from '../../jobs/job-queue.js';
import { composeArrivalNotice } from '../../notify/arrival-notice-message.js';
import type { Mailer } from '../../notify/mailer.js';
import type { ArrivalNoticeRepository } from '../../repositories/arrival-notice.repository.js';
import type { FollowUpHandler } from '../follow-ups.js';

/** At most one arrival e-mail per link in this span. */
export const ARRIVAL_NOTICE_INTERVAL_MS = 10 * 60 * 1000;
/** Files one e-mail lists; later ones go into the next message. */
export const ARRIVAL_NOTICE_MAX_FILES = 100;

export type NoticeOutcome = 'sent' | 'deferred' | 'nothing';

/**
 * Optional e-mail to the workspace's notify_email when files arrive on a link. An upload enqueues one
 * job per link (the queue is `stately` with the link id as singleton key, so a burst of uploads is one
 * queued job); the job sends one message listing every file since the previous one, or, within 10
 * minutes of that message, re-queues itself for when the 10 minutes are over. Delivery is at least
 * once: a crash between the SMTP answer and the mark repeats the message.
 */
export class ArrivalNoticeService {
  constructor(
    private readonly notices: ArrivalNoticeRepository,
    private readonly jobQueue: JobQueue | null,
    private readonly mailer: Mailer | null,
    private readonly logger: Logger,
  ) {}

  /** Whether arrival e-mails are on (SMTP_URL set and a job queue to run them). */
  get configured(): boolean {
    return this.mailer !== null && this.jobQueue !== null;
  }

  /** In the upload's transaction: queue the link's notice job when its workspace wants e-mail. */
  readonly followUp: FollowUpHandler = async (event, tx) => {
    if (!this.configured || event.type !== 'upload.received' || !event.linkId) return;
    if (!(await this.notices.workspaceNotifyEmail(tx, event.workspaceId))) return;
    await this.jobQueue?.send('arrival-notice', { linkId: event.linkId }, tx, { singletonKey: event.linkId });
  };

  /** The job body: send the link's notice now, or re-queue it for when the interval allows. */
  async sendFor(linkId: string, now = new Date()): Promise<NoticeOutcome> {
    const { mailer, jobQueue } = this;
    if (!mailer || !jobQueue) return 'nothing';
    const target = await this.notices.findTarget(linkId);
    if (!target?.notifyEmail) return 'nothing';
    if (target.sentAt && now.getTime() - target.sentAt.getTime() < ARRIVAL_NOTICE_INTERVAL_MS) {
      const startAfter = new Date(target.sentAt.getTime() + ARRIVAL_NOTICE_INTERVAL_MS);
      await jobQueue.sendLater('arrival-notice', { linkId }, { singletonKey: linkId, startAfter });
      return 'deferred';
    }
    const found = await this.notices.filesAfter(linkId, target.noticedThrough, ARRIVAL_NOTICE_MAX_FILES + 1);
    if (found.length === 0) return 'nothing';
    const files = found.slice(0, ARRIVAL_NOTICE_MAX_FILES);
    const more = found.length > files.length;
    await mailer.send(composeArrivalNotice(target, files, more));
    await this.notices.markSent(linkId, now, files[files.length - 1]!.receivedAt);
    // The files beyond this message get the next one, 10 minutes on.
    if (more) await jobQueue.sendLater('arrival-notice', { linkId }, { singletonKey: linkId, startAfter: new Date(now.getTime() + ARRIVAL_NOTICE_INTERVAL_MS) });
    this.logger.info({ linkId, workspaceId: target.workspaceId, files: files.length }, 'arrival e-mail sent');
    return 'sent';
  }
}
