/** Shared helpers for the content-script unit tests (happy-dom). */
import { Annotator, type MatchSource } from '../../../src/content/annotator.ts';
import { collectBlocks } from '../../../src/content/page-text.ts';
import type { Annotation } from '../../../src/content/annotation.ts';
import type { Category } from '../../../src/shared/categories.ts';
import type { Match, MatchSession } from '../../../src/matcher/index.ts';

export function setBody(html: string): Document {
  document.documentElement.innerHTML = `<head></head><body>${html}</body>`;
  return document;
}

/**
 * Lets the page observer see the changes made so far and flush them. Its
 * callback is a microtask queued by the first change, and it then asks for
 * an animation frame; ours is asked for after that, and frames run in order.
 */
export async function frame(): Promise<void> {
  await Promise.resolve();
  await new Promise<void>((done) => requestAnimationFrame(() => done()));
}

/** A stand-in matcher: finds fixed phrases, so tests say exactly what is on the page. */
export function phraseSource(phrases: Record<string, Category>): MatchSource & { sessions: number } {
  const names = Object.keys(phrases);
  const source = {
    sessions: 0,
    session(): MatchSession {
      source.sessions++;
      return {
        scan(blocks: readonly string[]) {
          const matches: Match[] = [];
          blocks.forEach((text, block) => {
            names.forEach((name, entry) => {
              for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
                matches.push({ block, start: at, end: at + name.length, entry });
              }
            });
          });
          matches.sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
          // Like the real matcher: leftmost-longest, names never overlap (claims may contain names).
          const kept: Match[] = [];
          let block = -1;
          let end = 0;
          for (const match of matches) {
            if (match.block !== block) [block, end] = [match.block, 0];
            if (phrases[names[match.entry]!] === 'claims') kept.push(match);
            else if (match.start >= end) {
              kept.push(match);
              end = match.end;
            }
          }
          return { matches: kept, revisit: false };
        },
      };
    },
    categoryOf: (entry: number) => phrases[names[entry]!]!,
  };
  return source;
}

/** Annotates the whole body with the stand-in matcher. */
export function annotateBody(phrases: Record<string, Category>): Annotation[] {
  const annotator = new Annotator(document, phraseSource(phrases));
  return annotator.annotate(collectBlocks([document.body], { wholePage: true }));
}
