import { en } from './en.js';
import { es } from './es.js';
import type { PageStrings } from './page-strings.js';

const LANGUAGES = { en, es } as const;
export type PageLanguage = keyof typeof LANGUAGES;

/**
 * The page's language: an explicit `?lang=` (the switch on the page) wins, else the first language
 * of Accept-Language we speak (by quality), else English.
 */
export function chooseLanguage(queryLang: unknown, acceptLanguage: string | undefined): PageStrings {
  if (queryLang === 'en' || queryLang === 'es') return LANGUAGES[queryLang];
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of ranked) if (base === 'en' || base === 'es') return LANGUAGES[base];
  return en;
}
