/**
 * Parse JSON, turning a syntax error into a line and column a writer can go to.
 *
 * V8's messages give a character offset for some errors and none for others
 * ("Unexpected token '}', ... is not valid JSON"), so on failure a small
 * scanner walks the text to find where it stops being JSON. Text nested
 * deeper than MAX_JSON_DEPTH is refused first (json-depth.ts), so neither
 * that scanner nor anything later can overflow the stack.
 */
import { firstTooDeep, MAX_JSON_DEPTH } from './json-depth.ts';

/** On failure, `message` is the whole description, with line and column. */
export type ParseResult =
  | { ok: true; json: unknown }
  | { ok: false; line: number; column: number; message: string };

export function parseJson(text: string): ParseResult {
  // JSON has no byte order mark (RFC 8259); V8's message for one shows an invisible character.
  if (text.startsWith('\ufeff')) return { ok: false, line: 1, column: 1, message: 'starts with a byte order mark: save it as UTF-8 without one' };
  const tooDeep = firstTooDeep(text);
  if (tooDeep >= 0) {
    const { line, column } = lineAndColumn(text, tooDeep);
    const message = `nested more than ${MAX_JSON_DEPTH} levels deep (line ${line}, column ${column}): no data file needs so many, so it is not read`;
    return { ok: false, line, column, message };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = firstSyntaxError(text);
    const { line, column } = lineAndColumn(text, offset);
    // V8 appends positions or a copy of the text, cut with "..." at either end
    // when long; we give line and column instead.
    const message = raw
      .replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
      .replace(/\s*(?:in JSON )?at position \d+[\s\S]*$/, '')
      .trim();
    return { ok: false, line, column, message: `not valid JSON (line ${line}, column ${column}): ${message}` };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

class Stop {
  constructor(readonly offset: number) {}
}

/** Offset of the first character at which `text` is no longer valid JSON. */
export function firstSyntaxError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) (i--, fail());
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    return number();
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (stop) {
    if (stop instanceof Stop) return Math.min(stop.offset, text.length);
    throw stop;
  }
}
