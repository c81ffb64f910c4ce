import { clip } from '../../../inspect/mask';
import { jwtsOf } from '../../../inspect/tokens';
import { challengesOf, oauthErrorOf } from '../../../inspect/www-authenticate';
import type { Cause } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { challengeEvidence, claimsEvidence, statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';
import { statedReasonOf } from '../../stated-refusal';

// "repo, gist": the empty pieces between a comma and a space are filtered out.
const list = (v: string) => v.split(/[\s,]/).filter(Boolean).slice(0, 30);
const quote = (scopes: string[]) => scopes.map((s) => `"${clip(s, 60)}"`).join(', ');

/** RFC 6750 §3.1: `error="insufficient_scope"`, with `scope=` naming what the resource needs. */
function fromChallenge(ctx: RuleContext): Cause[] {
  const err = oauthErrorOf(challengesOf(ctx));
  if (err?.error !== 'insufficient_scope') return [];
  // jwtsOf() lists the Authorization token first: the one the server surely read.
  const token = jwtsOf(ctx)[0];
  const missing = err.scope.filter((s) => !token?.jwt.scopes.includes(s));
  const evidence = [challengeEvidence(err.challenge)];
  if (token) evidence.push(claimsEvidence(token));
  evidence.push(statusEvidence(ctx.x));
  let title = 'The token lacks the scope this resource requires (error="insufficient_scope")';
  let confidence: number = CONFIDENCE.likelyPlus5;
  if (token && err.scope.length > 0 && missing.length === 0) {
    title = `The server wants scope ${quote(err.scope)}, which the token seems to have`;
    confidence = CONFIDENCE.possiblePlus20;
  } else if (missing.length > 0) title = `The token lacks the scope ${quote(missing)}`;
  const summary =
    `The server accepted who the caller is but the token was not granted enough: error="insufficient_scope"` +
    `${err.scope.length ? ` with scope="${clip(err.scope.join(' '), 120)}"` : ''}.` +
    (token ? ` The token's scopes: ${clip(token.jwt.scopes.join(' '), 160) || '(none)'}.` : '') +
    (token && missing.length === 0 && err.scope.length
      ? ' The scope names match, so the server may read another claim (scp, roles) or another token is in use.'
      : '');
  return [
    {
      id: 'permission.insufficient_scope',
      confidence,
      title,
      summary,
      evidence,
      fixes: [
        `Request ${missing.length ? quote(missing) : 'the required scope'} when obtaining the token ` +
          `(authorization request \`scope\` parameter), and have the user consent to it.`,
        'Check the API or app registration grants that scope to this client.',
      ],
    },
  ];
}

/**
 * A Bearer challenge that names the scope the resource needs (`scope=`, RFC 6750 §3) without an `error`, sent to a
 * caller that did send a Bearer token, beside words that refuse a permission: the token was read and lacks that
 * scope. FastAPI's documented OAuth2-scopes dependency answers exactly so: 401 {"detail":"Not enough permissions"}
 * with `WWW-Authenticate: Bearer scope="items:write"` (https://fastapi.tiangolo.com/advanced/security/oauth2-scopes/).
 * The same challenge beside "Could not validate credentials" is a token refused, not a scope: the words decide.
 */
function fromScopeNamed(ctx: RuleContext): Cause[] {
  const err = oauthErrorOf(challengesOf(ctx));
  if (!err || err.error || err.scope.length === 0 || !/^bearer\s+\S/i.test(ctx.x.req.get('authorization') ?? ''))
    return [];
  const stated = statedReasonOf(ctx.x);
  if (stated?.row.cause !== 'permission.denied' && stated?.row.cause !== 'permission.insufficient_scope') return [];
  const said = stated.error.message ?? stated.error.code;
  return [
    {
      id: 'permission.insufficient_scope',
      confidence: CONFIDENCE.possiblePlus20,
      title: `The token lacks the scope ${quote(err.scope)} the server names`,
      summary:
        `The server read the Bearer token and refused a permission ("${clip(said, 120)}"), and its challenge names ` +
        `the scope this resource needs: scope="${clip(err.scope.join(' '), 120)}".`,
      evidence: [
        challengeEvidence(err.challenge),
        { where: 'response.body', name: stated.error.at, detail: clip(said, 200) },
        statusEvidence(ctx.x),
      ],
      fixes: [
        `Request ${quote(err.scope)} when obtaining the token (the authorization request's \`scope\` parameter) and use the new token.`,
      ],
    },
  ];
}

// GitHub's documented scope hierarchy: a parent scope covers its children.
function covers(granted: string, required: string): boolean {
  if (granted === required || required.startsWith(`${granted}:`)) return true;
  // repo:status, repo:invite… are covered by the prefix rule above.
  if (granted === 'repo') return ['public_repo', 'repo_deployment', 'security_events'].includes(required);
  // Stryker disable next-line Regex: a GitHub scope name has one colon and nothing around it to anchor against.
  const m = /^(admin|write):(.+)$/.exec(granted);
  // write:x covering write:x is the identity above, so only admin:x covers write:x here.
  if (m) return required === `read:${m[2]}` || required === `write:${m[2]}`;
  // user:email, user:follow are covered by the prefix rule above.
  if (granted === 'user') return required === 'read:user';
  return false;
}

/** GitHub classic tokens: X-OAuth-Scopes (granted) vs X-Accepted-OAuth-Scopes (any one suffices). */
function fromGitHubHeaders(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  if (x.status !== 403 && x.status !== 404) return [];
  const acceptedRaw = x.res.get('x-accepted-oauth-scopes');
  const grantedRaw = x.res.get('x-oauth-scopes');
  if (acceptedRaw === undefined || grantedRaw === undefined) return [];
  const accepted = list(acceptedRaw);
  if (accepted.length === 0) return [];
  const granted = list(grantedRaw);
  if (accepted.some((r) => granted.some((g) => covers(g, r)))) return [];
  return [
    {
      id: 'permission.insufficient_scope',
      confidence: CONFIDENCE.possiblePlus22,
      title: `The token lacks the scope ${accepted.length === 1 ? quote(accepted) : `(one of ${quote(accepted)})`}`,
      summary:
        `The server lists the scopes this action accepts in X-Accepted-OAuth-Scopes and the token's ` +
        `scopes in X-OAuth-Scopes; none of the accepted ones was granted (token has: ` +
        `${granted.length ? granted.join(', ') : 'no scopes'}).`,
      evidence: [
        {
          where: 'response.header',
          name: 'x-accepted-oauth-scopes',
          detail: `X-Accepted-OAuth-Scopes: ${clip(acceptedRaw, 200)}`,
        },
        { where: 'response.header', name: 'x-oauth-scopes', detail: `X-OAuth-Scopes: ${clip(grantedRaw, 200)}` },
        statusEvidence(x),
      ],
      fixes: [`Create or re-authorise the token with ${quote(accepted.slice(0, 1))}.`],
    },
  ];
}

/** GitHub fine-grained tokens and apps: X-Accepted-GitHub-Permissions names the permission needed. */
function fromGitHubPermissions(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  const needed = x.res.get('x-accepted-github-permissions');
  if (x.status !== 403 || !needed || !x.req.has('authorization')) return [];
  return [
    {
      id: 'permission.insufficient_scope',
      confidence: CONFIDENCE.possiblePlus10,
      title: `The token may lack the permission ${clip(needed, 80)}`,
      summary:
        'The response names the fine-grained permission this endpoint requires (X-Accepted-GitHub-Permissions); ' +
        'a token or GitHub App without it gets 403.',
      evidence: [
        {
          where: 'response.header',
          name: 'x-accepted-github-permissions',
          detail: `X-Accepted-GitHub-Permissions: ${clip(needed, 200)}`,
        },
        statusEvidence(x),
      ],
      fixes: [
        'Grant the listed permission to the fine-grained token or GitHub App (and re-approve the installation), then retry.',
      ],
    },
  ];
}

/** permission.insufficient_scope from standard and documented headers. */
export const insufficientScopeRule: Rule = {
  name: 'permission-insufficient-scope',
  run(ctx) {
    if (![400, 401, 403, 404].includes(ctx.x.status)) return [];
    return [...fromChallenge(ctx), ...fromScopeNamed(ctx), ...fromGitHubHeaders(ctx), ...fromGitHubPermissions(ctx)];
  },
};
