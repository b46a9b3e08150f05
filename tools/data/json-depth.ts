/**
 * How deep a JSON text nests, found without recursion. JSON.stringify, ajv
 * and our error locator all recurse, so a file nested thousands deep (valid
 * or not) would overflow the stack in whichever ran first; parseJson refuses
 * such a file before any of them sees it. No data file comes near the limit.
 */

export const MAX_JSON_DEPTH = 64;

/**
 * Offset of the first `[` or `{` that opens a level deeper than `limit`, or -1.
 * Brackets inside strings do not count; the text need not be valid JSON.
 */
export function firstTooDeep(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}
