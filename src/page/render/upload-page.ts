import type { AcceptedType } from '../../domain/content-policy.js';
import { fill, type PageStrings } from '../strings/page-strings.js';
import { formatBytes } from '../../domain/format-bytes.js';
import { escapeHtml, jsonDataBlock } from './html.js';
import { layout, type PageAssetUrls } from './layout.js';

/** What the browser script reads from the page's data block. */
export interface PageData {
  uploadUrl: string;
  /** The tus creation URL, for files sent resumably. */
  tusUrl: string;
  policy: {
    types: { mime: string; extensions: readonly string[] }[];
    maxUploadBytes: number;
    uploadsLeft: number;
  };
  /** A stable, token-free key for this link's receipt in sessionStorage. */
  receiptKey: string;
  strings: PageStrings;
}

/** Human list of the accepted types by extension: "PDF, CSV, JPG, JPEG, …". */
export function typeList(types: readonly AcceptedType[]): string {
  return [...new Set(types.flatMap((type) => type.extensions.map((ext) => ext.slice(1).toUpperCase())))].join(', ');
}

/**
 * The page that takes files. Without JavaScript it is a plain multipart form posting to the raw
 * route; the script replaces the form with Uppy's drop area and keeps a list of every file and a
 * receipt. The link's policy travels in a JSON data block, never in the bundle.
 */
export function renderUploadPage(options: {
  strings: PageStrings;
  assets: PageAssetUrls;
  path: string;
  displayName: string | null;
  uploadFilesUrl: string;
  tusUrl: string;
  receiptKey: string;
  policy: { acceptedTypes: readonly AcceptedType[]; maxUploadBytes: number; uploadsLeft: number };
}): string {
  const { strings, policy } = options;
  const types = typeList(policy.acceptedTypes);
  const accept = [...new Set(policy.acceptedTypes.flatMap((type) => [type.mime, ...type.extensions]))].join(',');
  const action = `${options.uploadFilesUrl}?lang=${strings.lang}`;
  const data: PageData = {
    uploadUrl: options.uploadFilesUrl,
    tusUrl: options.tusUrl,
    policy: {
      types: policy.acceptedTypes.map((type) => ({ mime: type.mime, extensions: type.extensions })),
      maxUploadBytes: policy.maxUploadBytes,
      uploadsLeft: policy.uploadsLeft,
    },
    receiptKey: options.receiptKey,
    strings,
  };
  const forName = options.displayName ? `<p class="for-name">${escapeHtml(fill(strings.forName, { name: options.displayName }))}</p>` : '';
  const body = `<h1>${escapeHtml(strings.heading)}</h1>
${forName}
<p class="instruction">${escapeHtml(strings.instruction)}</p>
<ul class="policy">
<li>${escapeHtml(fill(strings.acceptedTypes, { types }))}</li>
<li>${escapeHtml(fill(strings.maxSize, { size: formatBytes(policy.maxUploadBytes, strings.lang) }))}</li>
<li id="uploads-left">${escapeHtml(fill(strings.uploadsLeft, { count: policy.uploadsLeft }))}</li>
</ul>
<form class="plain-form" method="post" enctype="multipart/form-data" action="${escapeHtml(action)}">
<label for="plain-file">${escapeHtml(strings.chooseFile)}</label>
<input id="plain-file" type="file" name="file" accept="${escapeHtml(accept)}" required>
<button type="submit">${escapeHtml(strings.sendFile)}</button>
<p class="hint">${escapeHtml(strings.noScriptHint)}</p>
</form>
<div id="drop-area"></div>
<section id="files" aria-labelledby="files-heading" hidden>
<h2 id="files-heading">${escapeHtml(strings.yourFiles)}</h2>
<ul id="file-list"></ul>
</section>
<section id="receipt" aria-labelledby="receipt-heading" hidden>
<h2 id="receipt-heading">${escapeHtml(strings.receiptHeading)}</h2>
<p>${escapeHtml(strings.receiptIntro)}</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${escapeHtml(strings.receiptName)}</th><th scope="col">${escapeHtml(strings.receiptSize)}</th><th scope="col">${escapeHtml(strings.receiptTime)}</th><th scope="col">${escapeHtml(strings.receiptCode)}</th><th scope="col">${escapeHtml(strings.receiptStatus)}</th></tr></thead>
<tbody id="receipt-rows"></tbody>
</table></div>
<button type="button" id="print-receipt">${escapeHtml(strings.print)}</button>
</section>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
${jsonDataBlock('page-data', data)}`;
  return layout({ strings, title: strings.pageTitle, assets: options.assets, withScript: true, path: options.path, body });
}
