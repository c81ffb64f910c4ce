import { signedUrlOf } from '../../../inspect/signed-url';
import { clockLabel, clockName, describeDuration, isoMs } from '../../../inspect/token-timing';
import type { Rule } from '../../../core/context';
import { statedErrorsOf } from '../../../inspect/structured-error';
import { statusEvidence } from './common';
import { CONFIDENCE } from '../../../core/confidence';
import { statedEvidence } from '../stated-reason';

/** signed_url.expired: the URL's own expiry (X-Amz-Date + X-Amz-Expires, SAS se, Expires) is past. */
export const signedUrlExpiredRule: Rule = {
  name: 'signed-url-expired',
  run(ctx) {
    const { x } = ctx;
    if (![400, 401, 403].includes(x.status) || x.clock === null) return [];
    const s = signedUrlOf(ctx);
    if (s?.expiresAt === undefined || s.expiresAt > x.clock) return [];
    const past = x.clock - s.expiresAt;
    const validity =
      s.signedAt !== undefined
        ? ` It was signed at ${isoMs(s.signedAt)} with a validity of ${describeDuration(s.expiresAt - s.signedAt)}.`
        : '';
    // The server's own code for expiry (Cloud Storage's ExpiredToken, "Request has expired") speaks of
    // the one credential the request had, the URL: it confirms the URL's window, and outranks the same
    // code read as an expired session token. (S3's AccessDenied "Request has expired" is read by its
    // own table row, which agrees with this reading.)
    const said = statedErrorsOf(x).find((e) => /expired/i.test(e.code));
    return [
      {
        id: 'signed_url.expired',
        confidence: said
          ? CONFIDENCE.certainPlus1
          : x.clockSource === 'response Date'
            ? CONFIDENCE.likelyPlus7
            : CONFIDENCE.possiblePlus22,
        title: `The ${s.label} expired ${past < 1000 ? 'just' : describeDuration(past)} before the request`,
        summary:
          `The URL carries its own expiry, ${isoMs(s.expiresAt)}, and ${clockName(x)} is later.${validity} ` +
          `The signature itself may be fine; its time window is over.`,
        evidence: [
          {
            where: 'request.query',
            detail: `${s.quotes.join('&')} → expires ${isoMs(s.expiresAt)} < ${clockLabel(x)}`,
          },
          ...(said ? [statedEvidence(said)] : []),
          statusEvidence(x),
        ],
        fixes: [
          'Generate a fresh signed URL right before it is used, instead of storing or caching signed URLs.',
          'If the URL must live longer, sign it with a longer expiry (S3 SigV4 allows up to 7 days; ' +
            'credentials from a role or STS session cap it at their own expiry).',
        ],
      },
    ];
  },
};
