// Handshake legs (docs/causes.md): a Digest/NTLM/Negotiate 401 the same client answers at once with a success
// is the protocol at work. Fixtures are the lab's recordings of Apache httpd 2.4 (test/fixtures/lab/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';
import { makeHar } from '../../../support/har';

const lab = (file: string): Har => JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har;
const at = (har: Har, index: number) => diagnose(har, { all: true }).find((d) => d.index === index)!;

describe('challenge-response handshake legs', () => {
  it('leaves the Digest challenge unflagged when the next call answers it and gets 200', () => {
    const har = lab('apache/digest-handshake-api.har');
    expect(at(har, 0).status).toBe(401);
    expect(at(har, 0).flagged).toBe(false);
    expect(at(har, 1).status).toBe(200);
  });

  it('flags the challenge when the answer is refused too (no success follows)', () => {
    const har = lab('apache/digest-handshake-api.har');
    const entries = har.log.entries;
    // The same two legs, the digest answer refused: the first 401 is a refusal again.
    const refused: Har = {
      log: { ...har.log, entries: [entries[0]!, { ...entries[1]!, response: { ...entries[0]!.response } }] },
    };
    expect(at(refused, 0).flagged).toBe(true);
  });

  it('still flags a Basic 401, which has no handshake, even when a success follows', () => {
    const har = lab('nginx/basic-ok-after-wrong.har');
    expect(at(har, 0).flagged).toBe(true);
    expect(at(har, 0).causes[0]?.id).toBe('auth.invalid');
  });

  it('still flags a Digest 401 that nothing answers', () => {
    expect(at(lab('apache/digest-wrong.har'), 0).flagged).toBe(true);
  });

  it("leaves a container registry's token challenge unflagged when the token call follows and succeeds", () => {
    // docker-registry (Debian) with token auth: /v2/ without a token gets Bearer realm=…,service=…, then 200.
    const har = lab('registry/lookalike-token-handshake.har');
    expect(at(har, 0)).toMatchObject({ status: 401, flagged: false });
    expect(at(har, 1).status).toBe(200);
  });

  it('still flags a registry challenge when the token sent is refused, or a plain Bearer 401 a success follows', () => {
    const har = lab('registry/lookalike-token-handshake.har');
    const [challenge, ok] = har.log.entries as [Har['log']['entries'][0], Har['log']['entries'][0]];
    const refused: Har = { log: { ...har.log, entries: [challenge, { ...ok, response: { ...challenge.response } }] } };
    expect(at(refused, 0).flagged).toBe(true);
    // The same exchange without the token service's challenge: an API's own Bearer 401 is its answer.
    const plain = {
      ...challenge,
      response: {
        ...challenge.response,
        headers: challenge.response.headers.map((h) =>
          h.name.toLowerCase() === 'www-authenticate' ? { ...h, value: 'Bearer realm="api"' } : h,
        ),
      },
    };
    expect(at({ log: { ...har.log, entries: [plain, ok] } }, 0).flagged).toBe(true);
  });
});

// NTLM takes three legs (MS-NLMP §1.3.1.1): a 401 offering NTLM, the type-1 message answered by a 401
// carrying the type-2 challenge, then the type-3 message answered by the resource.
describe('a handshake of more than one challenge', () => {
  const url = 'http://intranet.example.test/reports/';
  const TYPE1 = 'NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAGFKAAAADw==';
  const TYPE2 = 'NTLM TlRMTVNTUAACAAAADAAMADgAAAAFgomiESIzRFVmd4gAAAAAAAAAAAAAAAAAAAAA';
  const TYPE3 = 'NTLM TlRMTVNTUAADAAAAGAAYAEAAAAAYABgAWAAAAAwADABwAAAACAAIAHwAAAAQABAAhAAAAAAAAACUAAAABYKIog==';
  const legs = (middleStatus: number) =>
    makeHar([
      { url, status: 401, responseHeaders: { 'WWW-Authenticate': 'NTLM' } },
      {
        url,
        status: middleStatus,
        requestHeaders: { Authorization: TYPE1 },
        responseHeaders: { 'WWW-Authenticate': TYPE2 },
      },
      { url, status: 200, requestHeaders: { Authorization: TYPE3 } },
    ]);

  it('follows the second challenge to the success: the first 401 is no refusal', () => {
    expect(at(legs(401), 0).flagged).toBe(false);
  });

  it('a leg answered with another status ends the handshake: the first 401 is flagged', () => {
    expect(at(legs(403), 0).flagged).toBe(true);
  });
});
