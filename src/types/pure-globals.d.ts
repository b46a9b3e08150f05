/**
 * The few globals that pure code (src/matcher, src/dataset) may use: they
 * exist in every JavaScript host we target (browsers and Node), unlike the
 * DOM. Only tsconfig.pure.json includes this file; the main tsconfig gets
 * the full declarations from lib.dom.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
