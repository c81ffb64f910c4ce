import type { CorsFailure, CorsVerdict } from '../../../cors/types';
import type { Exchange } from '../../../model/exchange';
import { CORS_KINDS } from './kinds';
import { isRefusal } from './text';
import { allowOrigin, corsCase } from './wording';

export function fixes(x: Exchange, v: CorsVerdict, f: CorsFailure): string[] {
  const out = CORS_KINDS[f.kind].fixes(corsCase(x, v, f));
  // Stryker disable next-line ConditionalExpression: a preflight-stage failure means the call was never sent (status 0, no refusal to read)
  if (f.stage === 'response' && isRefusal(x.status)) {
    out.push(
      `Add the CORS headers to error responses too, then read the real ${x.status}: API Gateway: ` +
        `add ${allowOrigin(v)} to the DEFAULT_4XX and DEFAULT_5XX gateway responses; nginx: add_header ` +
        `... always; Express: register cors() before auth and rate-limit middleware.`,
    );
  }
  return out;
}
