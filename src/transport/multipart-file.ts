import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../errors/app-error.js';

/** The one file part of a multipart/form-data body, streamed as it arrives. */
export interface MultipartFile {
  /** The part's filename as the client sent it (may be empty: a form submitted without a file). */
  filename: string;
  /** The part's declared type. */
  mimeType: string;
  /** The part's bytes; fails with `too_many_files` if the body holds a second file part. */
  stream: Readable;
}

/** True when a request's body is multipart/form-data. */
export function isMultipartRequest(req: IncomingMessage): boolean {
  return /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
}

/**
 * Reads a multipart/form-data body that carries exactly one file part, without buffering it: the
 * promise resolves at the start of the file part, with a stream of its bytes. The stream ends only
 * once the whole body has been read, so a second file part (or a broken envelope) fails the file
 * before it can be committed. Non-file fields are read and ignored.
 */
export function readSingleFilePart(req: IncomingMessage): Promise<MultipartFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 1024, parts: 22 } });
    } catch {
      reject(new AppError('bad_request', 'The multipart/form-data body has no valid boundary.'));
      return;
    }
    const out = new PassThrough();
    // A refusal of the file's description (422) leaves `out` unread; a later failure must not
    // become an uncaught error. A reader still sees the error through its pipeline.
    out.on('error', () => undefined);
    let started = false;
    const fail = (error: AppError) => {
      if (started) out.destroy(error);
      else reject(error);
      req.unpipe(parser);
      req.resume();
    };
    parser.on('file', (_name, part, info) => {
      started = true;
      part.on('error', (error) => out.destroy(error));
      // end: false, so the file ends only when the body does (see above).
      part.pipe(out, { end: false });
      resolve({ filename: info.filename ?? '', mimeType: info.mimeType, stream: out });
    });
    parser.on('filesLimit', () => fail(new AppError('too_many_files', 'Send one file per request.')));
    parser.on('partsLimit', () => fail(new AppError('bad_request', 'The form has too many fields.')));
    parser.on('error', () => fail(new AppError(started ? 'upload_incomplete' : 'bad_request', started ? undefined : 'The multipart/form-data body could not be read.')));
    parser.on('close', () => {
      if (started) out.end();
      else reject(new AppError('invalid_filename', 'The form carried no file.'));
    });
    req.on('error', (error) => out.destroy(error));
    req.on('aborted', () => out.destroy(new AppError('upload_incomplete')));
    req.pipe(parser);
  });
}
