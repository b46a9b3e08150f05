/**
 * Folded text of a token range, the slow way. The tokenizer hashes what this
 * returns without building it; verification and compilation build it.
 * Inside a token only WORD characters contribute: joined apostrophes, the
 * dots of U.S. and combining marks are dropped, as the tokenizer drops them.
 */
import { WORD, charInfo, unitAt } from './char-info.ts';

export function foldRange(text: string, start: number, end: number, lower: boolean): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = unitAt(text, i);
    if (c < 128) {
      // ASCII letters and digits fold to themselves (lower-cased).
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        out += text[i];
        continue;
      }
      if (c >= 65 && c <= 90) {
        out += lower ? String.fromCharCode(c + 32) : text[i];
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const info = charInfo(cp);
    if (info.kind === WORD) out += lower ? info.fold : info.cased;
  }
  return out;
}
