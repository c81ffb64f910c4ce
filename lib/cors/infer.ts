import type { CorsFailure, PreflightNeed } from './types';
import { CONFIDENCE } from '../core/confidence';

const PREFIX = "Response to preflight request doesn't pass access control check: ";

/**
 * The browser blocked the request and recorded no response, and no preflight is in the log.
 * When the request needed one (non-safelisted method or header), the preflight failed unseen:
 * Firefox HARs, Chrome's preflight cache and captures started late all hide it. Which check
 * failed is unknown; the likeliest ones are listed, a server that answers OPTIONS without
 * CORS headers first.
 */
export function inferWithoutPreflight(need: PreflightNeed): CorsFailure[] {
  if (!need.needed) {
    return [
      {
        kind: 'missing_allow_origin',
        stage: 'response',
        value: null,
        message: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        inferred:
          'the browser blocked this simple request and recorded no response headers to check; a missing ' +
          'Access-Control-Allow-Origin is the usual reason',
        confidence: CONFIDENCE.possible,
      },
    ];
  }
  const reasons: string[] = [];
  if (!need.methodSafelisted) reasons.push(`method ${need.method}`);
  if (need.headers.length > 0) reasons.push(`header${need.headers.length > 1 ? 's' : ''} ${need.headers.join(', ')}`);
  const why =
    `the request needed a preflight (${reasons.join('; ')}) and was blocked with status 0, but ` +
    `no preflight was captured (Firefox HAR, Chrome's preflight cache, or a capture started late)`;
  const out: CorsFailure[] = [
    {
      kind: 'missing_allow_origin',
      stage: 'preflight',
      value: null,
      message: `${PREFIX}No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
      inferred: `${why}; most often the server answers OPTIONS without CORS headers`,
      confidence: CONFIDENCE.possiblePlus5,
    },
  ];
  if (need.headers.length > 0) {
    out.push({
      kind: 'header_not_allowed',
      stage: 'preflight',
      subject: need.headers[0],
      missing: need.headers,
      message: `Request header field ${need.headers[0]} is not allowed by Access-Control-Allow-Headers in preflight response.`,
      inferred: `${why}; the preflight may have left ${need.headers.join(', ')} out of Access-Control-Allow-Headers`,
      confidence: CONFIDENCE.possible,
    });
  }
  if (!need.methodSafelisted) {
    out.push({
      kind: 'method_not_allowed',
      stage: 'preflight',
      subject: need.method,
      message: `Method ${need.method} is not allowed by Access-Control-Allow-Methods in preflight response.`,
      inferred: `${why}; the preflight may have left ${need.method} out of Access-Control-Allow-Methods`,
      confidence: CONFIDENCE.weakPlus28,
    });
  }
  return out;
}
