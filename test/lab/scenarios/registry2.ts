// docker-registry (Distribution 2.8) with a token the registry trusts: signed by the lab's own token signer
// (conf/registry-signer.key, its certificate appended to conf/registry-token.pem), as a token server would issue it
// (https://distribution.github.io/distribution/spec/auth/jwt/): a pull-only token used for a push.
import { createSign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../types';
import { quiet, refusal } from './helpers';

const R = 'registry';
const conf = (name: string) => readFileSync(new URL(`../conf/${name}`, import.meta.url), 'utf8');

/** An RS256 registry token with the signer's certificate in x5c (the chain the registry verifies). */
function registryToken(access: { type: string; name: string; actions: string[] }[]): string {
  const pems = conf('registry-token.pem').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  const signer = new X509Certificate(pems[pems.length - 1]!);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'RS256', typ: 'JWT', x5c: [signer.raw.toString('base64')] })}.${b64({
    iss: 'lab-issuer',
    sub: 'lab',
    aud: 'lab-registry',
    iat: now,
    nbf: now - 10,
    exp: now + 600,
    jti: `lab-${now}`,
    access,
  })}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(conf('registry-signer.key'), 'base64url')}`;
}

const pullOnly = () => ({
  authorization: `Bearer ${registryToken([{ type: 'repository', name: 'lab/app', actions: ['pull'] }])}`,
});

export const REGISTRY_MORE_SCENARIOS: Scenario[] = [
  {
    id: 'push-insufficient-scope',
    what: 'a push (blob upload) with a valid token that grants only pull on lab/app',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(R, '/v2/lab/app/blobs/uploads/'), { headers: pullOnly() })),
    expect: [
      refusal(
        '/blobs/uploads/',
        401,
        'permission.insufficient_scope',
        'WWW-Authenticate: Bearer …,scope="repository:lab/app:pull,push",error="insufficient_scope"',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'pull-other-repo',
    what: 'the same pull-only token used on another repository (lab/other)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(R, '/v2/lab/other/manifests/latest'), { headers: pullOnly() })),
    expect: [
      refusal(
        '/lab/other/',
        401,
        'permission.insufficient_scope',
        'error="insufficient_scope" for repository:lab/other:pull',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'lookalike-manifest-unknown',
    what: 'the pull-only token on its own repository, which has no such tag: 404 MANIFEST_UNKNOWN (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(R, '/v2/lab/app/manifests/latest'), { headers: pullOnly() })),
    expect: [quiet('/lab/app/manifests/', 404, 'the token was accepted; the tag does not exist')],
  },
  {
    id: 'lookalike-token-handshake',
    what: "a client's first /v2/ call gets the Bearer challenge, the next carries a token and gets 200 (docker's handshake)",
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(R, '/v2/'));
      await t.api.get(t.url(R, '/v2/'), { headers: pullOnly() });
    },
    expect: [
      quiet('/v2/', 401, 'the challenge leg of the token handshake the client completes at once'),
      quiet('/v2/', 200, 'the token is accepted'),
    ],
  },
];
