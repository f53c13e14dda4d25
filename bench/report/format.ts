import type { Spread } from '../lib/stats.ts';
import { MIB } from '../lib/stats.ts';

// Number formats and the Markdown table shared by the report's sections.

export const f1 = (n: number) => n.toFixed(1);
export const f2 = (n: number) => n.toFixed(2);
export const f0 = (n: number) => n.toFixed(0);
export const mib = (bytes: number) => (bytes / MIB).toFixed(1);
export const range = (s: Spread, fmt: (n: number) => string) => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
export const signedMib = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mib(Math.abs(bytes))}`;
export const yes = (met: boolean) => (met ? '**met**' : '**not met**');

export function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
