import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipBase64 } from '../../../src/shared/gzip.ts';

describe('gunzipBase64', () => {
  it('gives back the bytes the build gzipped', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 251);
    expect(await gunzipBase64(gzipSync(bytes, { level: 9 }).toString('base64'))).toEqual(bytes);
    const text = 'Backstory: ünïcödé, “quotes” and 🙂';
    expect(new TextDecoder().decode(await gunzipBase64(gzipSync(Buffer.from(text)).toString('base64')))).toBe(text);
  });

  it('rejects damaged input instead of returning part of it', async () => {
    const whole = gzipSync(new Uint8Array(10_000).fill(7)).toString('base64');
    await expect(gunzipBase64(whole.slice(0, 16))).rejects.toThrow();
    await expect(gunzipBase64('%%% not base64 %%%')).rejects.toThrow();
    await expect(gunzipBase64(Buffer.from('not gzip at all').toString('base64'))).rejects.toThrow();
  });
});
