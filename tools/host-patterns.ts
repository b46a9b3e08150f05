/**
 * Where Backstory runs by default: every domain of the news outlets in the
 * dataset, plus localhost for the local demo page. Everywhere else needs the
 * reader's explicit grant (optional host permission or activeTab).
 */
import type { CardEntry } from '../src/dataset/bundle.ts';

export const DEMO_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'];

export function hostPatterns(entries: readonly CardEntry[]): string[] {
  const domains = new Set<string>();
  for (const entry of entries) {
    if (entry.type === 'entity' && entry.kind === 'outlet') for (const domain of entry.domains ?? []) domains.add(domain);
  }
  return [...[...domains].sort().map((domain) => `*://*.${domain}/*`), ...DEMO_PATTERNS];
}
