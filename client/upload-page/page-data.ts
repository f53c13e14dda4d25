import type { PolicyType } from './file-types.js';

/** The strings the page script uses (the server's PageStrings for the chosen language). */
export type Strings = Record<string, string> & {
  lang: string;
  refusals: Record<string, string>;
  uppy: Record<string, string>;
} & { [key: string]: any };

/** What the server puts in the page's JSON data block (see src/page/render/upload-page.ts). */
export interface PageData {
  uploadUrl: string;
  tusUrl: string;
  policy: { types: PolicyType[]; maxUploadBytes: number; uploadsLeft: number };
  receiptKey: string;
  strings: Strings;
}

export function readPageData(): PageData {
  const block = document.getElementById('page-data');
  return JSON.parse(block?.textContent ?? '{}') as PageData;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function typeList(types: readonly PolicyType[]): string {
  return [...new Set(types.flatMap((type) => type.extensions.map((ext) => ext.slice(1).toUpperCase())))].join(', ');
}
