import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../errors/app-error.js';

/**
 * The bytes of a multipart file part as our upload pipeline needs them. The multipart parser
 * (busboy, under graphql-upload-minimal) stops a part at its own size limit by truncating it, and
 * graphql-upload-minimal then unpipes the part: a consumer piped to it never sees an end or an
 * error, so the upload hung with its partial file and its handle open. Here the parser's limit
 * becomes `file_too_large` on the stream we hand on, which the pipeline turns into a refusal that
 * removes the partial object.
 */
export function filePartStream(part: Readable & { truncated?: boolean }, maxBytes: number): Readable {
  const out = new PassThrough();
  // The consumer learns of an error through its pipeline; one raised after that pipeline has settled
  // (the limit and the part's end both report it) must not crash the process as unhandled.
  out.on('error', () => undefined);
  const tooLarge = () => new AppError('file_too_large', `The file is larger than the limit of ${maxBytes} bytes.`);
  const detach = () => {
    part.off('data', onData);
    part.off('end', onEnd);
    // Whatever is left of the part is read and dropped, so the parser (and the request) can finish.
    part.on('error', () => undefined);
    part.resume();
  };
  const onData = (chunk: Buffer) => {
    if (!out.write(chunk)) part.pause();
  };
  const onEnd = () => {
    if (part.truncated) out.destroy(tooLarge());
    else out.end();
  };
  part.on('data', onData);
  part.once('end', onEnd);
  part.once('limit', () => {
    out.destroy(tooLarge());
    detach();
  });
  part.once('error', (error: Error) => {
    out.destroy(error);
    detach();
  });
  out.on('drain', () => part.resume());
  // Our side gave up (a refusal, a storage failure): release the part rather than hold it paused.
  out.once('close', detach);
  return out;
}
