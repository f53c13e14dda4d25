/** Every upload object lives under this prefix; the orphan sweep looks only here. */
export const UPLOADS_PREFIX = 'uploads/';

/** The storage key of an upload: server-generated ids only. */
export function uploadObjectKey(workspaceId: string, uploadId: string): string {
  return `${UPLOADS_PREFIX}${workspaceId}/${uploadId}`;
}

/** The key grammar drivers accept: lowercase ids and slashes, never "." or "..". */
export function isSafeObjectKey(key: string): boolean {
  return /^[a-z0-9-]+(?:\/[a-z0-9-]+)*\/?$/.test(key);
}
