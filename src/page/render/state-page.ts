import { fill, type PageStrings } from '../strings/page-strings.js';
import { escapeHtml } from './html.js';
import { layout, type PageAssetUrls } from './layout.js';

/** Why a link's page cannot take files. */
export type LinkPageState = 'not_found' | 'expired' | 'exhausted' | 'busy';

/** The status each state answers with. */
export const STATE_STATUS: Record<LinkPageState, number> = { not_found: 404, expired: 410, exhausted: 410, busy: 429 };

/** A page that says, in plain words and no technical detail, why this link takes no files. */
export function renderStatePage(
  state: LinkPageState,
  strings: PageStrings,
  assets: PageAssetUrls,
  path: string,
  retryAfterSeconds = 60,
): string {
  const text = {
    not_found: [strings.notFoundTitle, strings.notFoundBody],
    expired: [strings.expiredTitle, strings.expiredBody],
    exhausted: [strings.exhaustedTitle, strings.exhaustedBody],
    busy: [strings.busyTitle, fill(strings.busyBody, { seconds: retryAfterSeconds })],
  }[state];
  const [title = '', body = ''] = text;
  return layout({
    strings,
    title,
    assets,
    withScript: false,
    path,
    body: `<div class="state state-${state}"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></div>`,
  });
}
