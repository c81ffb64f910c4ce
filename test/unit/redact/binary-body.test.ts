import { describe, expect, it } from 'vitest';
import { learnEntries, Vault } from '../../../lib/redact';
import { makeEntry } from '../../support/har';

/** A protobuf-like message: binary framing bytes around printable fields. */
function binaryMessage(fields: string[]): string {
  const parts: number[] = [];
  fields.forEach((f, i) => parts.push(0x0a + i * 8, f.length, ...Buffer.from(f), 0x00, 0x01, 0xff));
  // Enough binary padding (a thumbnail, say) that the body cannot pass for text.
  for (let i = 0; i < 2048; i++) parts.push(i % 7 === 0 ? 0 : 0x80 + (i % 64));
  return Buffer.from(parts).toString('base64');
}

describe('binary bodies', () => {
  it('a token inside a binary (base64) response is learned; binary filler teaches nothing', () => {
    const entry = makeEntry({ url: 'https://api.example.com/session', status: 200 }, 0);
    entry.response.content = {
      size: 0,
      mimeType: 'application/x-protobuf',
      encoding: 'base64',
      text: binaryMessage(['user-42', 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ', 'ok']),
    };
    const vault = new Vault();
    learnEntries([entry], vault);
    expect(vault.learned().map((s) => s.value)).toContain('sk_live_51HqLyjWDarjtT1zdp7dcXYZ');

    const filler = makeEntry({ url: 'https://cdn.example.com/a.png', status: 200 }, 1);
    filler.response.content = { size: 0, mimeType: 'image/png', encoding: 'base64', text: binaryMessage([]) };
    const empty = new Vault();
    learnEntries([filler], empty);
    expect(empty.learned()).toEqual([]);
  });
});
