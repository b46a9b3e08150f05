/** Gzipped data kept as base64 text (the bundled dataset's stored copy), inflated by the browser's own DecompressionStream. */
import { decodeBase64 } from './base64.ts';

export async function gunzipBase64(text: string): Promise<Uint8Array> {
  // Through a Blob: in a Firefox content script, bytes written to the
  // stream directly are refused (they belong to the script's sandbox, the
  // stream to the page), and a Blob carries them across.
  const stream = new Blob([decodeBase64(text) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const inflated = new Uint8Array(await new Response(stream).arrayBuffer());
  // Copied into an array of this script's own: there, the buffer Response
  // returns belongs to the page, and views over it are not this script's
  // Uint8Array (the matcher refuses them).
  const own = new Uint8Array(inflated.length);
  own.set(inflated);
  return own;
}
