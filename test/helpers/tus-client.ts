import * as tus from 'tus-js-client';

/** What a tus-js-client upload did: where it lives and how many bytes it sent in this run. */
export interface TusRun {
  url: string | null;
  /** Offset the client started from in this run (0 on a fresh upload). */
  startedAt: number | undefined;
  /** Response of the last PATCH (its headers carry Intake-Upload-Id once stored). */
  lastResponse: tus.HttpResponse | undefined;
}

export interface TusRunOptions {
  endpoint: string;
  file: Buffer;
  metadata: Record<string, string>;
  chunkSize?: number;
  /** Resume this upload instead of creating one. */
  uploadUrl?: string;
  /** Aborts the upload once this many bytes were acknowledged (the run then resolves unfinished). */
  stopAfterBytes?: number;
}

/** Runs tus-js-client 4 in Node against the server; rejects with the client's error on failure. */
export function runTusUpload(options: TusRunOptions): Promise<TusRun & { finished: boolean }> {
  return new Promise((resolve, reject) => {
    const run: TusRun = { url: null, startedAt: undefined, lastResponse: undefined };
    const upload = new tus.Upload(options.file, {
      endpoint: options.endpoint,
      uploadUrl: options.uploadUrl ?? null,
      chunkSize: options.chunkSize ?? 256 * 1024,
      metadata: options.metadata,
      retryDelays: [],
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => {
        run.url = upload.url;
      },
      onAfterResponse: (request, response) => {
        if (request.getMethod() === 'HEAD' && run.startedAt === undefined) run.startedAt = Number(response.getHeader('Upload-Offset'));
        if (request.getMethod() !== 'HEAD') run.lastResponse = response;
      },
      onChunkComplete: (_chunk, accepted) => {
        if (options.stopAfterBytes !== undefined && accepted >= options.stopAfterBytes) {
          void upload.abort().then(() => resolve({ ...run, url: upload.url, finished: false }));
        }
      },
      onSuccess: () => resolve({ ...run, url: upload.url, finished: true }),
      onError: (error) => reject(error),
    });
    upload.start();
  });
}

/** The status and JSON body of a failed tus-js-client request. */
export function tusFailure(error: unknown): { status: number | undefined; body: any } {
  const detailed = error as tus.DetailedError;
  const status = detailed.originalResponse?.getStatus();
  const text = detailed.originalResponse?.getBody();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status, body };
}
