import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { SNIFF_BYTES, type AcceptedType } from '../../domain/content-policy.js';
import { AppError } from '../../errors/app-error.js';
import { cfbStreamNames } from '../../domain/cfb-directory.js';
import { containsOnlyText } from './text-bytes.js';
import { collectYoungAfter } from '../../transport/young-collection.js';

/** What the inspector learned once the whole file has passed. */
export interface InspectionResult {
  sha256: string;
  sizeBytes: number;
}

// Formats file-type can recognise in bytes that are all text. Declared as CSV, these are refused
// (an XML or PDF file is not a CSV); any other detection on an all-text head is a printable
// signature that ordinary CSV happens to start with ("BMI,weight" as BMP, "FORM,TAXPAYER" as AIFF,
// "ID3,Name" as MP3), since a real binary file has control bytes the text check already refuses.
const TEXT_DOCUMENT_TYPES = new Set([
  'application/xml',
  'application/pdf',
  'application/postscript',
  'application/eps',
  'application/rtf',
  'text/calendar',
  'text/vcard',
  'text/vtt',
  'model/stl',
]);

// The stream that names each legacy Office format, for the refusal's wording.
const LEGACY_OFFICE_STREAMS = new Map([
  ['WordDocument', 'a Word document (.doc)'],
  ['PowerPoint Document', 'a PowerPoint presentation (.ppt)'],
  ['Workbook', 'an Excel workbook (.xls)'],
  ['Book', 'an Excel workbook (.xls)'],
]);

/**
 * The single pass every upload makes on its way to storage: it counts bytes against the size limit,
 * hashes them, and checks the content against the declared type. The first SNIFF_BYTES are held
 * back until the magic bytes are verified, so nothing of a refused file reaches storage before the
 * refusal; after that, bytes flow straight through (memory use does not grow with the file).
 * Every error it raises is an AppError; upstream failures (a client that hangs up) become
 * `upload_incomplete`.
 */
export class UploadInspector extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private verified = false;

  constructor(
    private readonly declared: AcceptedType,
    private readonly maxBytes: number,
  ) {
    super();
  }

  /** The digest and size; valid once the stream has finished. */
  result(): InspectionResult {
    return { sha256: this.hash.copy().digest('hex'), sizeBytes: this.size };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    void collectYoungAfter(this.size, this.size + chunk.length);
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new AppError('file_too_large', `The file is larger than the limit of ${this.maxBytes} bytes.`));
      return;
    }
    this.hash.update(chunk);
    if (this.declaredAsText() && !containsOnlyText(chunk)) {
      callback(this.mismatch('it contains binary data (a CSV file must be plain text)'));
      return;
    }
    if (this.verified) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) {
      callback();
      return;
    }
    this.releaseHead(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) {
      callback(new AppError('empty_file', 'The file is empty.'));
      return;
    }
    if (this.verified) {
      callback();
      return;
    }
    this.releaseHead(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (error && !(error instanceof AppError)) {
      callback(new AppError('upload_incomplete', 'The upload was interrupted before the whole file arrived.', { cause: error }));
      return;
    }
    callback(error);
  }

  private releaseHead(callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.verifyMagic(head).then(
      () => {
        this.verified = true;
        callback(null, head);
      },
      (error: unknown) => callback(error as Error),
    );
  }

  private async verifyMagic(head: Buffer): Promise<void> {
    const detected = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES));
    if (this.declaredAsText()) {
      // The head already passed the text check (it is checked chunk by chunk before it is held).
      if (detected && TEXT_DOCUMENT_TYPES.has(detected.mime)) throw this.mismatch(`its content is a ${detected.ext.toUpperCase()} file`);
      return;
    }
    if (!detected) throw this.mismatch('its content is not a recognisable file of that type');
    if (!this.declared.detectedAs.includes(detected.mime)) {
      throw this.mismatch(`its content is a ${detected.ext.toUpperCase()} file (${detected.mime})`);
    }
    this.verifyCfbStream(head);
  }

  // .doc, .ppt and .xls share the OLE2 container: the directory's stream names the format. A
  // directory past the sniffed head (a large file) cannot be read here and is let through.
  private verifyCfbStream(head: Buffer): void {
    const required = this.declared.cfbStream;
    if (required === undefined) return;
    const names = cfbStreamNames(head);
    if (names === undefined || names.has(required)) return;
    const found = [...LEGACY_OFFICE_STREAMS].find(([stream]) => names.has(stream));
    throw this.mismatch(found ? `its content is ${found[1]}` : `it has no ${required} stream`);
  }

  private declaredAsText(): boolean {
    return this.declared.detectedAs.length === 0;
  }

  private mismatch(reason: string): AppError {
    return new AppError('content_type_mismatch', `The file was declared as ${this.declared.label} (${this.declared.mime}), but ${reason}.`);
  }
}
