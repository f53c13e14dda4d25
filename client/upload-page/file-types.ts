/** The link's accepted types as the server put them in the page. */
export interface PolicyType {
  mime: string;
  extensions: readonly string[];
}

/**
 * The type to declare for a chosen file. Browsers disagree: Windows reports .csv as
 * application/vnd.ms-excel, some give no type for .docx, others a generic one. The extension
 * decides when the browser's type is not one of ours; the server's magic-byte check stays the
 * authority. Undefined when the file is not of an accepted type.
 */
export function declaredType(name: string, browserType: string, types: readonly PolicyType[]): string | undefined {
  const essence = browserType.split(';')[0]?.trim().toLowerCase() ?? '';
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot).toLowerCase() : '';
  const byExtension = types.find((type) => type.extensions.includes(extension));
  const byBrowser = types.find((type) => type.mime === essence);
  if (byBrowser && (!byExtension || byExtension === byBrowser)) return byBrowser.mime;
  return byExtension?.mime;
}
