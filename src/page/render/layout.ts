import type { PageStrings } from '../strings/page-strings.js';
import { escapeHtml } from './html.js';

/** The script and stylesheet of the page, by their content-hashed URLs (absent if not built). */
export interface PageAssetUrls {
  script: string | null;
  style: string | null;
}

/**
 * The document around every page of the customer face: language, a viewport for phones, the local
 * stylesheet, the deferred script (only on pages that take files), and the language switch. The
 * switch keeps the current path and swaps `?lang=`.
 */
export function layout(options: {
  strings: PageStrings;
  title: string;
  body: string;
  assets: PageAssetUrls;
  withScript: boolean;
  path: string;
}): string {
  const { strings, assets } = options;
  const other = strings.lang === 'en' ? 'es' : 'en';
  const script = options.withScript && assets.script ? `<script src="${escapeHtml(assets.script)}" defer></script>` : '';
  const style = assets.style ? `<link rel="stylesheet" href="${escapeHtml(assets.style)}">` : '';
  return `<!doctype html>
<html lang="${strings.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
${style}
${script}
</head>
<body>
<header class="page-top">
<a class="lang-switch" href="${escapeHtml(`${options.path}?lang=${other}`)}" hreflang="${other}" lang="${other}">${escapeHtml(strings.switchLabel)}</a>
</header>
<main id="main">
${options.body}
</main>
</body>
</html>
`;
}
