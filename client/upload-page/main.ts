import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import en_US from '@uppy/locales/lib/en_US.js';
import es_ES from '@uppy/locales/lib/es_ES.js';
import Tus from '@uppy/tus';
import XHRUpload from '@uppy/xhr-upload';
import { mendDashboardList } from './dashboard-a11y.js';
import { declaredType } from './file-types.js';
import { FileList } from './file-list.js';
import { formatBytes } from '../../src/domain/format-bytes.js';
import { fill, readPageData, typeList } from './page-data.js';
import { ReceiptStore, type ReceiptEntry } from './receipt.js';
import { goesOverTus, RESUMABLE_ABOVE_BYTES, tusAnswer, useFor, worthRetrying } from './uploader-choice.js';

// The page works as a plain form without this script; with it, Uppy takes over the choosing and
// dropping, every file starts at once, and our list and receipt say what happened to each.
type Meta = { type: string; idempotencyKey: string; name: string; resumable?: boolean };
type Body = {
  xhr?: XMLHttpRequest;
  filename?: string; size_bytes?: number; received_at?: string; sha256?: string; scan_status?: string; error_code?: string };

const data = readPageData();
const { strings: t, policy } = data;
const size = formatBytes(policy.maxUploadBytes, t.lang);
const types = typeList(policy.types);
const $ = (id: string) => document.getElementById(id) as HTMLElement;

const form = document.querySelector<HTMLFormElement>('.plain-form');
if (form) form.hidden = true;
const list = new FileList($('file-list'), $('files'), $('announcer'));
const receipt = new ReceiptStore(data.receiptKey);
let uploadsLeft = policy.uploadsLeft;
let accepted = 0;

const base = t.lang === 'es' ? es_ES : en_US;
const uppy = new Uppy<Meta, Body>({
  autoProceed: true,
  locale: { ...base, strings: { ...base.strings, ...t.uppy } },
  restrictions: { allowedFileTypes: policy.types.flatMap((type) => [type.mime, ...type.extensions]) },
  onBeforeFileAdded: (file) => {
    const refusal = checkFile(file.name ?? '', file.type ?? '', file.size ?? 0);
    if (refusal.reason !== undefined) {
      const id = `refused-${Math.random().toString(36).slice(2)}`;
      list.add(id, file.name ?? '', t.statusNotSent);
      list.settle(id, 'refused', `${t.statusNotSent}: ${refusal.reason}`, `${file.name}: ${t.statusNotSent}. ${refusal.reason}`);
      return false;
    }
    accepted += 1;
    return { ...file, type: refusal.type, meta: { ...file.meta, type: refusal.type, idempotencyKey: crypto.randomUUID() } };
  },
});

/** The checks before sending, from the link's policy in the page. */
function checkFile(name: string, browserType: string, bytes: number): { reason?: string; type: string } {
  const type = declaredType(name, browserType, policy.types);
  if (!type) return { reason: fill(t.refusedType, { types }), type: '' };
  if (bytes > policy.maxUploadBytes) return { reason: fill(t.refusedSize, { size }), type };
  if (bytes === 0) return { reason: t.refusedEmpty, type };
  if (accepted >= uploadsLeft) return { reason: t.refusedCount, type };
  return { type };
}

uppy.use(Dashboard, {
  inline: true,
  target: '#drop-area',
  width: '100%',
  height: 280,
  hideUploadButton: true,
  proudlyDisplayPoweredByUppy: false,
  fileManagerSelectionType: 'files',
});
mendDashboardList($('drop-area'), t.yourFiles);
useFor(uppy, (file) => !goesOverTus(file), () =>
  uppy.use(XHRUpload, {
    endpoint: data.uploadUrl,
    formData: false,
    limit: 3,
    shouldRetry: () => false,
    headers: (file) => ({
      'x-amigo-intake-filename': encodeURIComponent(file.name ?? ''),
      'x-amigo-intake-content-type': String(file.meta.type ?? ''),
      'Idempotency-Key': String(file.meta['idempotencyKey'] ?? ''),
    }),
  }),
);
// Large files, and any file after the raw route lost its connection, go over tus: a drop costs
// only the PATCH in flight, and choosing the same file again after a reload resumes it.
useFor(uppy, goesOverTus, () =>
  uppy.use(Tus, {
    endpoint: data.tusUrl,
    chunkSize: RESUMABLE_ABOVE_BYTES,
    limit: 3,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    removeFingerprintOnSuccess: true,
    // The server reads `name` and `type` (Uppy's keys); the rest stays in the page.
    allowedMetaFields: ['name', 'type'],
    onShouldRetry: (error, _attempt, _options, next) => worthRetrying(error) && next(error),
  }),
);

const cancelButton = (id: string) => ({ label: t.cancel, onClick: () => uppy.removeFile(id) });

uppy.on('file-added', (file) => {
  list.add(file.id, file.name ?? '', t.statusWaiting);
  list.setButtons(file.id, [cancelButton(file.id)]);
});

uppy.on('upload-progress', (file, progress) => {
  if (!file || !progress.bytesTotal) return;
  const percent = Math.round(((progress.bytesUploaded ?? 0) / progress.bytesTotal) * 100);
  list.progress(file.id, percent, `${t.statusSending} ${percent}%`);
});

uppy.on('upload-success', (file, response) => {
  if (!file) return;
  const body = goesOverTus(file) ? tusReceipt(response.body?.xhr) : (response.body ?? {});
  const pending = body.scan_status === 'pending';
  const status = pending ? t.statusChecking : t.statusReceived;
  uploadsLeft -= 1;
  accepted -= 1;
  $('uploads-left').textContent = fill(t.uploadsLeft, { count: Math.max(uploadsLeft, 0) });
  list.settle(file.id, 'received', status, `${file.name}: ${status}`);
  renderReceipt(
    receipt.add({
      name: body.filename ?? file.name ?? '',
      size: body.size_bytes ?? file.size ?? 0,
      receivedAt: body.received_at ?? new Date().toISOString(),
      code: (body.sha256 ?? '').slice(0, 8),
      pending,
    }),
  );
});

/** tus's last PATCH answers 204 with no body: the stored upload rides in its headers. */
function tusReceipt(xhr: XMLHttpRequest | undefined): Body {
  const header = (name: string) => xhr?.getResponseHeader(name) ?? undefined;
  return { sha256: header('Intake-Upload-Sha256'), scan_status: header('Intake-Scan-Status') };
}

uppy.on('upload-error', (file, error, xhr) => {
  if (!file) return;
  const reason = goesOverTus(file) ? tusRefusalSentence(error) : refusalSentence(error, xhr);
  // A raw upload that lost its connection is retried over tus, which resumes after further drops.
  if (!goesOverTus(file) && reason === t.networkLost) uppy.setFileMeta(file.id, { ...file.meta, resumable: true });
  list.settle(file.id, 'failed', `${t.statusNotSent}: ${reason}`, `${file.name}: ${t.statusNotSent}. ${reason}`, [
    { label: t.retry, onClick: () => void uppy.retryUpload(file.id) },
    cancelButton(file.id),
  ]);
});

uppy.on('upload-retry', (file) => {
  if (file) list.setButtons(file.id, [cancelButton(file.id)]);
});

uppy.on('file-removed', (file) => {
  const row = document.querySelector<HTMLElement>(`[data-file-id="${CSS.escape(file.id)}"]`);
  if (row && row.dataset['state'] !== 'received') {
    if (row.dataset['state'] !== 'refused') accepted = Math.max(accepted - 1, 0);
    list.settle(file.id, 'cancelled', t.statusCancelled, `${file.name}: ${t.statusCancelled}`);
  }
});

uppy.on('restriction-failed', (file, error) => {
  if (!file) return;
  list.announce(`${file.name}: ${error.message}`);
});

/** A server refusal (or a lost connection) in the customer's words, with what to do next. */
function refusalSentence(error: object | undefined, response: unknown): string {
  // Uppy reports every non-2xx answer as a "NetworkError" carrying the request: status 0 is a real drop.
  const xhr = (response ?? (error as { request?: unknown } | undefined)?.request) as XMLHttpRequest | undefined;
  if (!xhr || xhr.status === 0) return t.networkLost;
  let code = '';
  try {
    code = (JSON.parse(xhr.responseText) as Body).error_code ?? '';
  } catch {
    code = '';
  }
  return sentenceFor(xhr.status, code, xhr.getResponseHeader('Retry-After'));
}

/** A tus refusal in the customer's words; tus-js-client has already retried what was worth it. */
function tusRefusalSentence(error: unknown): string {
  const answer = tusAnswer(error);
  if (!answer || answer.status === 0) return t.networkLost;
  return sentenceFor(answer.status, answer.errorCode, answer.retryAfter);
}

function sentenceFor(status: number, code: string, retryAfter: string | null): string {
  if (status === 429 && code === 'rate_limited') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds > 0) return fill(t.rateLimitedAfter, { seconds });
  }
  const template = t.refusals[code];
  return template ? fill(template, { size, types }) : t.somethingWrong;
}

function renderReceipt(entries: ReceiptEntry[]): void {
  const section = $('receipt');
  section.hidden = entries.length === 0;
  const time = new Intl.DateTimeFormat(t.lang, { dateStyle: 'medium', timeStyle: 'short' });
  $('receipt-rows').replaceChildren(
    ...entries.map((entry) => {
      const tr = document.createElement('tr');
      const cells = [entry.name, formatBytes(entry.size, t.lang), time.format(new Date(entry.receivedAt)), entry.code, entry.pending ? t.statusChecking : t.statusReceived];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
}

$('print-receipt').addEventListener('click', () => window.print());
renderReceipt(receipt.load());
