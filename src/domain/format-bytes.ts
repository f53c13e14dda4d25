// Pure (Intl only, no Node API): the server's pages and the upload page's script (bundled by
// scripts/build-page.ts from client/upload-page) both import it, so a size reads the same in both.

/** Bytes as a customer reads them: "100 MB", "2.5 MB", "830 KB". */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
