import type Uppy from '@uppy/core';

/** Files above this go over tus (resumable), in PATCHes of this size. */
export const RESUMABLE_ABOVE_BYTES = 8 * 1024 * 1024;

type AnyUppy = Uppy<any, any>;
type FileLike = { size: number | null; meta: { resumable?: boolean } };

/**
 * True for a file sent over tus: a large one, or one whose raw-route attempt lost the connection
 * (the page marks it `resumable` then, so its retry can pick up where a later drop leaves off).
 */
export function goesOverTus(file: FileLike): boolean {
  return (file.size ?? 0) > RESUMABLE_ABOVE_BYTES || file.meta.resumable === true;
}

/**
 * Installs an uploader plugin that only sees the files `wanted` picks. Uppy hands every file to
 * every uploader; two plugins side by side would send each file twice.
 */
export function useFor(uppy: AnyUppy, wanted: (file: FileLike) => boolean, install: () => void): void {
  const addUploader = uppy.addUploader.bind(uppy);
  uppy.addUploader = (fn) =>
    addUploader((fileIDs: string[], uploadID: string) =>
      fn(
        fileIDs.filter((id) => {
          const file = uppy.getFile(id);
          return file !== undefined && wanted(file);
        }),
        uploadID,
      ),
    );
  try {
    install();
  } finally {
    uppy.addUploader = addUploader;
  }
}

/** What the tus server answered, read from tus-js-client's error (undefined on a network error). */
export interface TusAnswer {
  status: number;
  errorCode: string;
  retryAfter: string | null;
}

type TusError = { originalResponse?: { getStatus(): number; getBody(): string; getHeader(name: string): string | undefined } | null };

export function tusAnswer(error: unknown): TusAnswer | undefined {
  const response = (error as TusError | undefined)?.originalResponse ?? (error as { cause?: TusError } | undefined)?.cause?.originalResponse;
  if (!response) return undefined;
  let errorCode = '';
  try {
    errorCode = (JSON.parse(response.getBody()) as { error_code?: string }).error_code ?? '';
  } catch {
    errorCode = '';
  }
  return { status: response.getStatus(), errorCode, retryAfter: response.getHeader('Retry-After') ?? null };
}

/**
 * Whether tus-js-client should try again: network drops, 409 (offset moved), 423 (locked by a
 * PATCH still closing) and 5xx are worth it; a refusal (413, 422, 404, 410, or a link that is
 * full) will not change by asking again.
 */
export function worthRetrying(error: unknown): boolean {
  const answer = tusAnswer(error);
  if (!answer || answer.status === 0) return true;
  if (answer.status === 409 || answer.status === 423 || answer.status >= 500) return true;
  if (answer.status === 429) return answer.errorCode !== 'upload_limit_reached';
  return false;
}
