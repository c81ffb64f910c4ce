// A header-bidding bid response (an ad's HTML `\u003c`-escaped in JSON, `&amp;` and URLs
// percent-encoded twice inside it: prebid-body.ts says where the shape comes from) is read whole
// by the decoding closure at 100 KB, and a secret at each of its nesting depths is redacted.
// Before the closure's budget counted moderate texts' layers (closure.ts MODERATE_FACTOR), such a
// body went out as one placeholder: it costs about 26 times its size to read.
import { describe, expect, it } from 'vitest';
import { redactHar } from '../../../lib/redact';
import type { Har, HarEntry } from '../../../lib/har/types';
import { makeEntry } from '../../support/har';
import { leaks } from './planted';
import { prebidBody, type Planted } from './prebid-body';

const PLANTED: Planted = {
  json: 'pbJson-7Qm2xK9vR4tW8zL3',
  html: 'pbHtml-5Nf8bJ2hT6yP1cD4',
  percent: 'pbPct-3Lk9wQ7eS2mV5rX8',
  percent2: 'pbPctTwice-8Hd4gZ1uC7nB6',
  attrJson: 'pbAttr-2Vx6jM9pF3qR8tY5',
  script: 'pbScript-9Ct5kW2aN8hE4gU1',
};

const harOf = (e: HarEntry): Har => ({
  log: { version: '1.2', creator: { name: 'why403-test', version: '1' }, entries: [e] },
});

function bidEntry(body: string): HarEntry {
  const e = makeEntry({ method: 'POST', url: 'https://ib.adnxs.com/openrtb2/prebidjs', status: 200 }, 0);
  e.response.content = { size: body.length, mimeType: 'application/json', text: body };
  return e;
}

describe('a 100 KB bid response with an ad several encodings deep', () => {
  const body = prebidBody(100_000, PLANTED);
  // One redaction (it takes seconds), shared by the two tests that read it.
  let redacted: ReturnType<typeof redactHar> | undefined;
  const redact = () => (redacted ??= redactHar(harOf(bidEntry(body))));

  it('is built as the documented shape: Go-escaped JSON, ad HTML with &amp; and twice-encoded URLs', () => {
    expect(body.length).toBeGreaterThan(100_000);
    expect(body.length).toBeLessThan(120_000);
    const parsed = JSON.parse(body) as { seatbid: { bid: { adm: string }[] }[] };
    const adm = parsed.seatbid[0]!.bid.map((b) => b.adm).join('');
    expect(body).toContain('\\u003cdiv');
    expect(adm).toContain('&amp;referrer=');
    // The landing URL's `=` inside the redirect URL inside the click URL: `%253D`.
    expect(adm).toContain('%253D');
    // Each planted secret is named only in its encoded form: its name is at its depth.
    expect(body).toContain(`"access_token":"${PLANTED.json}"`);
    expect(body).toContain(`\\u0026amp;token=${PLANTED.html}`);
    expect(body).toContain(`%26api_key%3D${PLANTED.percent}`);
    expect(body).toContain(`%2526password%253D${PLANTED.percent2}`);
    expect(body).toContain(`\\u0026quot;client_secret\\u0026quot;:\\u0026quot;${PLANTED.attrJson}`);
    expect(body).toContain(`\\"authToken\\":\\"${PLANTED.script}`);
  });

  it('is read whole: no placeholder, the ad and its URLs kept', () => {
    const { har, secrets } = redact();
    expect(secrets.filter((s) => s.kind === 'unread')).toEqual([]);
    const out = String(har.log.entries[0]!.response.content?.text);
    expect(out).not.toMatch(/^\$\{WHY403_UNREAD/);
    expect(out).toContain('"seatbid":[{"seat":"appnexus"');
    expect(out).toContain('https://tpc.googlesyndication.com/simgad/');
  }, 120_000);

  it('redacts the secret planted at each depth: JSON, HTML, percent-encoded URL, twice-encoded URL, attribute JSON, script', () => {
    const { har } = redact();
    const out = JSON.stringify(har);
    const plantedValues = Object.values(PLANTED);
    expect(leaks(out, plantedValues)).toEqual([]);
    // Not even in the encoded forms the body holds them in.
    for (const secret of plantedValues) {
      expect(out).not.toContain(encodeURIComponent(encodeURIComponent(secret)));
      expect(out).not.toContain(secret.slice(0, -3));
    }
  }, 120_000);
});
