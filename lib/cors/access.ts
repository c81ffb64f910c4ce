import type { HeaderList } from '../model/headers';
import { allowOriginValue } from './lists';
import type { CorsCheck } from './types';

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

function isValidUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
    // Stryker disable next-line BlockStatement: an emptied catch returns undefined, as falsy as false
  } catch {
    return false;
  }
}

/**
 * The Fetch standard's CORS check (https://fetch.spec.whatwg.org/#cors-check) in Chromium's
 * order and wording (services/network/public/cpp/cors/cors.cc CheckAccess): ACAO `*`, ACAO
 * absent, ACAO ≠ origin (several values, "null", invalid, mismatch), then ACAC for credentialed
 * requests. `origin` null means the page origin is unknown: the origin comparison is skipped.
 */
export function checkAccess(
  res: HeaderList,
  origin: string | null,
  credentialed: boolean,
  stage: 'preflight' | 'response',
): CorsCheck | null {
  const prefix = stage === 'preflight' ? PREFLIGHT_PREFIX : '';
  const { value, count } = allowOriginValue(res);
  if (value === '*') {
    if (!credentialed) return null;
    return {
      kind: 'wildcard_with_credentials',
      stage,
      value,
      message:
        `${prefix}The value of the 'Access-Control-Allow-Origin' header in the response must not ` +
        `be the wildcard '*' when the request's credentials mode is 'include'.`,
    };
  }
  if (value === null) {
    return {
      kind: 'missing_allow_origin',
      stage,
      value: null,
      message: `${prefix}No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    };
  }
  if (origin !== null && value !== origin) {
    // Stryker disable next-line ConditionalExpression: several headers are joined with ", ", which the pattern matches too
    if (count > 1 || /[ ,]/.test(value)) {
      return {
        kind: 'multiple_allow_origin',
        stage,
        value,
        message: `${prefix}The 'Access-Control-Allow-Origin' header contains multiple values '${value}', but only one is allowed.`,
      };
    }
    if (value !== 'null' && !isValidUrl(value)) {
      return {
        kind: 'allow_origin_mismatch',
        stage,
        value,
        message: `${prefix}The 'Access-Control-Allow-Origin' header contains the invalid value '${value}'.`,
      };
    }
    return {
      kind: 'allow_origin_mismatch',
      stage,
      value,
      message: `${prefix}The 'Access-Control-Allow-Origin' header has a value '${value}' that is not equal to the supplied origin.`,
    };
  }
  if (credentialed) {
    const acac = res.getAll('access-control-allow-credentials');
    const acacValue = acac.length === 0 ? null : acac.map((v) => v.trim()).join(', ');
    // Case-sensitive on purpose: Chromium and the standard accept only lower-case `true`.
    if (acacValue !== 'true') {
      return {
        kind: 'invalid_allow_credentials',
        stage,
        value: acacValue,
        message:
          `${prefix}The value of the 'Access-Control-Allow-Credentials' header in the response is ` +
          `'${acacValue ?? ''}' which must be 'true' when the request's credentials mode is 'include'.`,
      };
    }
  }
  return null;
}
