import type { Upload } from '@tus/server';
import type { FileOffer } from '../services/upload/upload-intake.service.js';

const FIELD_NAMES = { filename: 'the Upload-Metadata key "filename"', contentType: 'the Upload-Metadata key "filetype"' };

/**
 * A tus upload's description as the intake reads it. tus-js-client sends `filename` and `filetype`,
 * Uppy's @uppy/tus sends `name` and `type`; both are accepted, the former first.
 */
export function fileOfferFromUpload(upload: Pick<Upload, 'metadata' | 'size'>): FileOffer {
  const metadata = upload.metadata ?? {};
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = metadata[key];
      if (typeof value === 'string') return value;
    }
    return undefined;
  };
  return {
    filename: pick('filename', 'name'),
    contentType: pick('filetype', 'type'),
    declaredSize: upload.size,
    fieldNames: FIELD_NAMES,
  };
}
