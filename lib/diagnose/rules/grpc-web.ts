import type { Cause, CauseId, Evidence } from '../../core/causes';
import type { Rule } from '../../core/context';
import { credentialsOf } from '../../inspect/credentials';
import { grpcRefusal, type GrpcStatus } from '../../inspect/grpc-web';
import { clip } from '../../inspect/mask';
import { describeDuration, jwtTiming } from '../../inspect/token-timing';
import { jwtsOf } from '../../inspect/tokens';
import { saysExpired } from './auth/common';
import { CONFIDENCE } from '../../core/confidence';

const SCOPE = /scope|insufficient/i;
const SESSION_COOKIE = /sess|sid|auth|token|jwt|login|remember/i;
const QUOTA = /quota|daily|per day|monthly|billing|plan\b/i;

function evidenceOf(s: GrpcStatus, httpStatus: number): Evidence[] {
  const where = s.from === 'header' ? 'response.header' : 'response.body';
  const ev: Evidence[] = s.quotes.map((q) => ({
    where,
    name: q.slice(0, q.indexOf(':')),
    detail: s.from === 'header' ? clip(q, 240) : `trailer frame: ${clip(q, 220)}`,
  }));
  ev.push({
    where: 'response.status',
    detail: `HTTP ${httpStatus}: gRPC reports failures in its own status, not HTTP's`,
  });
  return ev;
}

function said(s: GrpcStatus): string {
  return `grpc-status ${s.code} ${s.name}${s.message ? ` ("${clip(s.message, 100)}")` : ''}`;
}

interface Reading {
  id: CauseId;
  confidence: number;
  title: string;
  summary: string;
  fixes: string[];
  extra?: Evidence[];
}

function unauthenticated(s: GrpcStatus, ctx: Parameters<Rule['run']>[0]): Reading {
  const creds = credentialsOf(ctx);
  const expiredJwt = jwtsOf(ctx)
    .map((t) => ({ t, timing: jwtTiming(t.jwt, ctx.x) }))
    .find((j) => j.timing?.pastExp !== undefined && j.timing.pastExp >= 0);
  if (expiredJwt || saysExpired(s.message)) {
    return {
      id: 'auth.token_expired',
      confidence: expiredJwt ? CONFIDENCE.likelyPlus8 : CONFIDENCE.likelyPlus3,
      title:
        `gRPC UNAUTHENTICATED: the token expired` +
        `${expiredJwt ? ` ${describeDuration(expiredJwt.timing!.pastExp!)} before the call` : ''}`,
      summary:
        `The server answered ${said(s)}. ${expiredJwt ? "The JWT's exp is before the server's clock" : 'Its message speaks of expiry'}: ` +
        `refresh the token.`,
      fixes: [
        'Refresh the access token and send it in the call metadata (authorization: Bearer …).',
        'Renew tokens shortly before `exp`, and retry UNAUTHENTICATED once after a refresh.',
      ],
      extra: expiredJwt
        ? [
            {
              where: 'token',
              name: expiredJwt.t.name,
              detail: `JWT exp is past by ${describeDuration(expiredJwt.timing!.pastExp!)}`,
            },
          ]
        : [],
    };
  }
  // A CSRF or preference cookie is not a credential; a session cookie is.
  const sessionCookie = creds.cookies.some((c) => SESSION_COOKIE.test(c.name) && !/csrf|xsrf/i.test(c.name));
  const sent = creds.authorization !== null || creds.apiKeys.length > 0 || sessionCookie;
  return sent
    ? {
        id: 'auth.invalid',
        confidence: CONFIDENCE.likely,
        title: 'gRPC UNAUTHENTICATED: the credentials sent were rejected',
        summary: `The call carried credentials and the server answered ${said(s)} inside HTTP ${ctx.x.status}.`,
        fixes: [
          'Check that the token or key belongs to this service and environment, then retry with a fresh one.',
          'Check the metadata key the server reads (authorization, x-api-key…) and its scheme.',
        ],
      }
    : {
        id: 'auth.missing',
        confidence: CONFIDENCE.likelyPlus3,
        title: 'gRPC UNAUTHENTICATED: the call carried no credentials',
        summary: `The server answered ${said(s)} and the request carried no Authorization, API key or session cookie.`,
        fixes: [
          'Attach the credential as call metadata (gRPC-web sends it as a header, e.g. authorization: Bearer …).',
          'In a gRPC-web client, add it in an interceptor so every call carries it.',
        ],
      };
}

function readingOf(s: GrpcStatus, ctx: Parameters<Rule['run']>[0]): Reading {
  if (s.code === 16) return unauthenticated(s, ctx);
  if (s.code === 7)
    return SCOPE.test(s.message)
      ? {
          id: 'permission.insufficient_scope',
          confidence: CONFIDENCE.likelyPlus1,
          title: `gRPC PERMISSION_DENIED: the token lacks a scope ("${clip(s.message, 60)}")`,
          summary: `The server answered ${said(s)}: the identity is known but its token does not carry the scope this method needs.`,
          fixes: ['Request a token with the scope this method needs (or grant it to the client), then retry.'],
        }
      : {
          id: 'permission.denied',
          confidence: CONFIDENCE.likelyPlus3,
          title: `gRPC PERMISSION_DENIED${s.message ? `: "${clip(s.message, 80)}"` : ''}`,
          summary:
            `The server answered ${said(s)} inside HTTP ${ctx.x.status}: the caller is authenticated ` +
            `but not allowed to call this method.`,
          fixes: ['Grant the identity the role or policy this method requires, or call it as an identity that has it.'],
        };
  const quota = QUOTA.test(s.message);
  return {
    id: quota ? 'quota.exceeded' : 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus1,
    title: `gRPC RESOURCE_EXHAUSTED${s.message ? `: "${clip(s.message, 80)}"` : ''}`,
    summary:
      `The server answered ${said(s)} inside HTTP ${ctx.x.status}: ` +
      (quota ? 'a longer-term quota is used up.' : 'the caller is being rate limited.'),
    fixes: quota
      ? ['Wait for the quota period to reset, or raise the quota for this project or key.']
      : [
          'Back off and retry with exponential backoff and jitter; honour any retry delay the server sends.',
          'Reduce the call rate (batch, cache, avoid tight polling).',
        ],
  };
}

/** A gRPC-web refusal (UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED), usually in an HTTP 200. */
export const grpcWebRule: Rule = {
  name: 'grpc-web-status',
  run(ctx) {
    const s = grpcRefusal(ctx.x);
    if (!s) return [];
    const r = readingOf(s, ctx);
    const cause: Cause = {
      id: r.id,
      confidence: r.confidence,
      title: r.title,
      summary: r.summary,
      evidence: [...evidenceOf(s, ctx.x.status), ...(r.extra ?? [])],
      fixes: r.fixes,
    };
    return [cause];
  },
};
