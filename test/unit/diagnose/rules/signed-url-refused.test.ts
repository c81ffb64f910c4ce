// A signed link refused inside its validity window reads signature.mismatch. Fixture: nginx 1.22 secure_link in
// the lab (test/fixtures/lab/README.md), a link whose md5 was computed with another secret.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';
import { readSignedUrl } from '../../../../lib/inspect/signed-url';

const har = JSON.parse(readFileSync('test/fixtures/lab/nginx/secure-link-bad-hash.har', 'utf8')) as Har;

describe('signature.mismatch for a signed URL refused before it expired', () => {
  it('names the signature as the likeliest reason, above the bare nginx page', () => {
    const d = diagnose(har)[0]!;
    expect(d.status).toBe(403);
    expect(d.causes[0]?.id).toBe('signature.mismatch');
    expect(d.causes.map((c) => c.id)).toContain('filesystem.forbidden');
  });

  it('once the link has expired, the expiry speaks instead', () => {
    const entry = har.log.entries[0]!;
    const expired = entry.request.url.replace(/expires=\d+/, 'expires=1700000000');
    const d = diagnose({
      log: { ...har.log, entries: [{ ...entry, request: { ...entry.request, url: expired } }] },
    })[0]!;
    expect(d.causes[0]?.id).toBe('signed_url.expired');
    expect(d.causes.map((c) => c.id)).not.toContain('signature.mismatch');
  });

  it('reads md5 + expires links, and not an md5 parameter alone', () => {
    expect(readSignedUrl(new URL('https://cdn.example/f.txt?md5=abc&expires=1900000000'))?.kind).toBe('secure-link');
    expect(readSignedUrl(new URL('https://cdn.example/f.txt?md5=abc'))).toBeNull();
    expect(readSignedUrl(new URL('https://cdn.example/f.txt?md5=abc&expires=tomorrow'))).toBeNull();
  });
});
