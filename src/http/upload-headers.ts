import { isUtf8 } from 'node:buffer';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../errors/app-error.js';
import type { FileOffer } from '../services/upload/upload-intake.service.js';

/** The raw route's metadata headers, as the contract names them. */
export const UPLOAD_HEADERS = {
  filename: 'x-amigo-intake-filename',
  contentType: 'x-amigo-intake-content-type',
} as const;

/**
 * The file a raw-route request describes in its headers. The filename may be percent-encoded UTF-8
 * (what the upload page sends) or raw UTF-8 bytes (what curl sends, which Node hands us as latin1).
 */
export function fileOfferFromHeaders(headers: IncomingHttpHeaders, distinct: Record<string, string[] | undefined>): FileOffer {
  // Node joins a repeated x- header into "a.csv, b.exe": a second copy is refused, never merged.
  if ((distinct[UPLOAD_HEADERS.filename]?.length ?? 0) > 1) {
    throw new AppError('invalid_filename', `Send one ${UPLOAD_HEADERS.filename} header, not several.`);
  }
  if ((distinct[UPLOAD_HEADERS.contentType]?.length ?? 0) > 1) {
    throw new AppError('unsupported_content_type', `Send one ${UPLOAD_HEADERS.contentType} header, not several.`);
  }
  const declared = headers['content-length'];
  return {
    filename: decodeHeaderText(first(headers[UPLOAD_HEADERS.filename])),
    contentType: first(headers[UPLOAD_HEADERS.contentType]),
    declaredSize: declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined,
    fieldNames: { filename: `the ${UPLOAD_HEADERS.filename} header`, contentType: `the ${UPLOAD_HEADERS.contentType} header` },
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function decodeHeaderText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw;
  if (/%[0-9A-Fa-f]{2}/.test(raw)) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      throw new AppError('invalid_filename', 'The filename is not valid percent-encoded UTF-8.');
    }
  }
  // Node decodes header bytes as latin1; a raw UTF-8 name shows up as mojibake we can undo exactly.
  if (/[\u0080-\u00ff]/.test(text) && !/[^\u0000-\u00ff]/.test(text)) {
    const bytes = Buffer.from(text, 'latin1');
    if (isUtf8(bytes)) text = bytes.toString('utf8');
  }
  return text;
}
