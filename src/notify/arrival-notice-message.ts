import type { NoticedFile, NoticeTarget } from '../repositories/arrival-notice.repository.js';
import type { MailMessage } from './mailer.js';

/**
 * The arrival e-mail: which link got files, and each file's name, size and time. Deliberately nothing
 * that opens anything: no link URL, no token, no download address and no file (mail is forwarded and
 * archived; the operator signs in to fetch the files).
 */
export function composeArrivalNotice(target: NoticeTarget, files: readonly NoticedFile[], more: boolean): MailMessage {
  if (!target.notifyEmail) throw new Error('composeArrivalNotice needs an address');
  const linkName = target.displayName ?? target.customerSlug;
  const count = `${files.length}${more ? '+' : ''}`;
  const lines = files.map((file) => `- ${oneLine(file.filename)} (${formatSize(file.sizeBytes)}), received ${formatTime(file.receivedAt)}`);
  return {
    to: target.notifyEmail,
    subject: `${count} new file${files.length === 1 && !more ? '' : 's'} for ${oneLine(linkName)}`,
    text: [
      `New files arrived on the intake link "${oneLine(linkName)}" (customer ${target.customerSlug}):`,
      '',
      ...lines,
      ...(more ? ['', 'More files arrived; they are listed in the next message.'] : []),
      '',
      'Sign in to intake-links to review and download them. This message never contains a link or a file.',
      'You get at most one such message per link every 10 minutes.',
      '',
    ].join('\n'),
  };
}

/** Byte counts as people read them (binary units, one decimal), with the exact count beside. */
export function formatSize(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (bytes < 1024) return `${bytes} bytes`;
  let value = bytes;
  let unit = 'bytes';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}, ${bytes} bytes`;
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Names are stored sanitised already; this keeps a stray control character from breaking a line. */
function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}
