/**
 * Every string in an entry must be well-formed UTF-16. An unpaired surrogate
 * (half of an emoji or an astral letter, cut by an editor or a bad paste)
 * shows as a replacement character on a card and has no UTF-8 encoding. The
 * matcher checks the texts it matches (aliases, requires, cue terms); this
 * covers every field a reader sees as well.
 */
import type { Problem } from '../problem.ts';
import { fieldPath } from '../schema-validation.ts';
import type { Rule } from './context.ts';

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Offset of the first surrogate without its partner, or -1. */
export function unpairedSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHigh(unit) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(unit) || isLow(unit)) return i;
  }
  return -1;
}

/** Every string inside `value` with its path; iterative, so no depth can overflow the stack. */
function stringsIn(value: unknown): Array<{ path: string[]; text: string }> {
  const found: Array<{ path: string[]; text: string }> = [];
  const pending: Array<{ path: string[]; value: unknown }> = [{ path: [], value }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === 'string') found.push({ path: next.path, text: next.value });
    else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, child] of Object.entries(next.value)) pending.push({ path: [...next.path, key], value: child });
    }
  }
  return found;
}

export const checkWellFormedText: Rule = (context) => {
  const problems: Problem[] = [];
  for (const { entry, file } of context.entries) {
    for (const { path, text } of stringsIn(entry)) {
      const at = unpairedSurrogateAt(text);
      if (at < 0) continue;
      const unit = text.charCodeAt(at).toString(16).toUpperCase();
      problems.push({ severity: 'error', file, id: entry.id, field: fieldPath(path), message: `contains an unpaired surrogate (U+${unit} at offset ${at})` });
    }
  }
  return problems;
};
