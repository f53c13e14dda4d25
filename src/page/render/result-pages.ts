import type { UploadRecord } from '../../domain/records.js';
import type { PageStrings } from '../strings/page-strings.js';
import { formatBytes } from '../../domain/format-bytes.js';
import { escapeHtml } from './html.js';
import { layout, type PageAssetUrls } from './layout.js';

/**
 * What a plain form lands on after a file was received: its name, size, time and check code (the
 * first 8 hex digits of its SHA-256). A pending scan reads "received, being checked"; a verdict is
 * never shown to the customer.
 */
export function renderReceivedPage(upload: UploadRecord, strings: PageStrings, assets: PageAssetUrls, path: string, pagePath: string): string {
  const status = upload.scanStatus === 'pending' ? strings.statusChecking : strings.statusReceived;
  const time = new Intl.DateTimeFormat(strings.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(upload.receivedAt);
  const body = `<h1>${escapeHtml(strings.receivedTitle)}</h1>
<p role="status">${escapeHtml(strings.receivedBody)}</p>
<section id="receipt" aria-labelledby="receipt-heading">
<h2 id="receipt-heading">${escapeHtml(strings.receiptHeading)}</h2>
<dl class="receipt-one">
<dt>${escapeHtml(strings.receiptName)}</dt><dd class="receipt-name">${escapeHtml(upload.filename)}</dd>
<dt>${escapeHtml(strings.receiptSize)}</dt><dd>${escapeHtml(formatBytes(upload.sizeBytes, strings.lang))}</dd>
<dt>${escapeHtml(strings.receiptTime)}</dt><dd><time datetime="${upload.receivedAt.toISOString()}">${escapeHtml(time)} UTC</time></dd>
<dt>${escapeHtml(strings.receiptCode)}</dt><dd class="receipt-code">${escapeHtml(upload.sha256.slice(0, 8))}</dd>
<dt>${escapeHtml(strings.receiptStatus)}</dt><dd>${escapeHtml(status)}</dd>
</dl>
</section>
<p><a href="${escapeHtml(`${pagePath}?lang=${strings.lang}`)}">${escapeHtml(strings.sendAnother)}</a></p>`;
  return layout({ strings, title: strings.receivedTitle, assets, withScript: false, path, body });
}

/** What a plain form lands on when its file was refused: the reason in words and a way back. */
export function renderNotSentPage(sentence: string, strings: PageStrings, assets: PageAssetUrls, path: string, pagePath: string): string {
  const body = `<h1>${escapeHtml(strings.notSentTitle)}</h1>
<p role="alert">${escapeHtml(sentence)}</p>
<p><a href="${escapeHtml(`${pagePath}?lang=${strings.lang}`)}">${escapeHtml(strings.backToPage)}</a></p>`;
  return layout({ strings, title: strings.notSentTitle, assets, withScript: false, path, body });
}
