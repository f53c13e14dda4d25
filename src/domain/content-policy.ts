/**
 * The file types a link accepts, and what their bytes must look like. A declared type is accepted
 * only when the magic bytes agree (file-type's verdict), or, for CSV, when the content is text.
 */
export interface AcceptedType {
  /** The declared MIME type, exactly as the contract lists it. */
  mime: string;
  /** Short name used in messages. */
  label: string;
  /** file-type results (by mime) that prove the declared type; empty means "text, no magic". */
  detectedAs: readonly string[];
  /** Filename extensions of the type, lowercase with the dot; the first is the one to append. */
  extensions: readonly string[];
  /** For an OLE2 compound file: the stream its directory must hold (it names the legacy Office format). */
  cfbStream?: string;
}

const CFB = 'application/x-cfb'; // doc and ppt are OLE2 compound files; file-type stops at the container

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { mime: 'application/pdf', label: 'PDF', detectedAs: ['application/pdf'], extensions: ['.pdf'] },
  { mime: 'text/csv', label: 'CSV', detectedAs: [], extensions: ['.csv'] },
  { mime: 'image/jpeg', label: 'JPEG image', detectedAs: ['image/jpeg'], extensions: ['.jpg', '.jpeg'] },
  { mime: 'image/png', label: 'PNG image', detectedAs: ['image/png', 'image/apng'], extensions: ['.png'] },
  { mime: 'application/msword', label: 'Word document (.doc)', detectedAs: [CFB], extensions: ['.doc'], cfbStream: 'WordDocument' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document (.docx)',
    detectedAs: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['.docx'],
  },
  { mime: 'application/vnd.ms-powerpoint', label: 'PowerPoint presentation (.ppt)', detectedAs: [CFB], extensions: ['.ppt'], cfbStream: 'PowerPoint Document' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint presentation (.pptx)',
    detectedAs: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    extensions: ['.pptx'],
  },
];

/** The accepted MIME types, for documentation and the upload page's policy. */
export const ACCEPTED_MIME_TYPES = ACCEPTED_TYPES.map((type) => type.mime);

/**
 * The accepted type named by a declared Content-Type, or undefined. Case and parameters are ignored
 * (`Text/CSV; charset=utf-8` is CSV); the stored type is always the canonical lowercase name.
 */
export function findAcceptedType(declared: string | undefined): AcceptedType | undefined {
  if (!declared) return undefined;
  const essence = declared.split(';', 1)[0]?.trim().toLowerCase();
  return ACCEPTED_TYPES.find((type) => type.mime === essence);
}

/** How many leading bytes are inspected by magic-byte detection (OOXML needs its first zip entries). */
export const SNIFF_BYTES = 64 * 1024;
