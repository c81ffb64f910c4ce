import { maskSecret } from './mask';

/** An AWS Signature Version 4 (or 4a) signature, from the Authorization header or a presigned URL. */
export interface SigV4Reading {
  in: 'header' | 'query';
  algorithm: string;
  /** Masked access key id. */
  accessKey: string;
  /** YYYYMMDD from the credential scope. */
  scopeDate?: string;
  region?: string;
  service?: string;
  signedHeaders: string[];
  signatureLength: number;
  /** X-Amz-Date as ms since epoch (header or query). */
  amzDate?: number;
  amzDateRaw?: string;
  /** Presigned URLs: X-Amz-Expires seconds. */
  expiresSeconds?: number;
  problems: string[];
}

/** Parses the ISO 8601 basic form AWS uses: 20261121T120000Z. */
export function parseAmzDate(value: string | undefined | null): number | null {
  const m = /^\s*(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\s*$/.exec(value ?? '');
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isFinite(ms) ? ms : null;
}

function readScope(r: SigV4Reading, credential: string | undefined): void {
  if (!credential) {
    r.problems.push('no Credential (access key and scope)');
    return;
  }
  const parts = credential.split('/');
  const ecdsa = /ECDSA/i.test(r.algorithm);
  r.accessKey = maskSecret(parts[0] ?? '');
  r.scopeDate = parts[1];
  if (ecdsa) r.service = parts[2];
  else {
    r.region = parts[2];
    r.service = parts[3];
  }
  const want = ecdsa ? 4 : 5;
  if (parts.length !== want || parts[parts.length - 1] !== 'aws4_request') {
    r.problems.push(
      `the credential scope should be ${ecdsa ? 'KEY/DATE/SERVICE/aws4_request' : 'KEY/DATE/REGION/SERVICE/aws4_request'}, ` +
        `it has ${parts.length} parts`,
    );
  }
  if (!/^\d{8}$/.test(r.scopeDate ?? '')) r.problems.push('the credential scope date is not YYYYMMDD');
}

function finish(r: SigV4Reading, signature: string | undefined, amzDate: string | undefined): SigV4Reading {
  const sig = signature ?? '';
  r.signatureLength = sig.length;
  if (!sig) r.problems.push('no Signature');
  else if (!/ECDSA/i.test(r.algorithm) && !/^[0-9a-f]{64}$/i.test(sig))
    r.problems.push('the Signature is not 64 hex digits');
  if (r.signedHeaders.length === 0) r.problems.push('no SignedHeaders');
  else if (!r.signedHeaders.includes('host'))
    r.problems.push('SignedHeaders does not include host, which SigV4 requires');
  if (amzDate !== undefined) {
    r.amzDateRaw = amzDate;
    const ms = parseAmzDate(amzDate);
    if (ms === null) r.problems.push(`X-Amz-Date "${amzDate.slice(0, 40)}" is not in the form 20261121T120000Z`);
    else {
      r.amzDate = ms;
      if (r.scopeDate && /^\d{8}$/.test(r.scopeDate) && !amzDate.trim().startsWith(r.scopeDate)) {
        r.problems.push(
          `the credential scope date ${r.scopeDate} differs from the X-Amz-Date day ${amzDate.trim().slice(0, 8)}`,
        );
      }
    }
  }
  return r;
}

/** Reads `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; null when not SigV4. */
export function readSigV4Header(
  authorization: string,
  amzDate: string | undefined,
  httpDate?: string,
): SigV4Reading | null {
  const m = /^\s*(AWS4-[A-Z0-9-]+)\s+([\s\S]*)$/i.exec(authorization);
  if (!m) return null;
  const params = new Map<string, string>();
  for (const part of m[2]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const r: SigV4Reading = {
    in: 'header',
    algorithm: m[1]!.toUpperCase(),
    accessKey: '',
    signedHeaders: [],
    signatureLength: 0,
    problems: [],
  };
  readScope(r, params.get('credential'));
  r.signedHeaders = (params.get('signedheaders') ?? '')
    .split(';')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (amzDate === undefined) {
    // AWS accepts a signed Date header in place of X-Amz-Date.
    const ms = httpDate ? Date.parse(httpDate) : NaN;
    if (Number.isFinite(ms)) r.amzDate = ms;
    else r.problems.push('no X-Amz-Date header (nor a Date header)');
  }
  return finish(r, params.get('signature'), amzDate);
}

function param(url: URL, name: string): string | undefined {
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Reads a presigned URL's X-Amz-* query parameters; null when the URL is not SigV4-presigned. */
export function readSigV4Query(url: URL): SigV4Reading | null {
  const algorithm = param(url, 'x-amz-algorithm');
  const signature = param(url, 'x-amz-signature');
  if (!algorithm && !signature) return null;
  const r: SigV4Reading = {
    in: 'query',
    algorithm: (algorithm ?? '').toUpperCase(),
    accessKey: '',
    signedHeaders: [],
    signatureLength: 0,
    problems: [],
  };
  if (!algorithm) r.problems.push('no X-Amz-Algorithm');
  readScope(r, param(url, 'x-amz-credential'));
  r.signedHeaders = (param(url, 'x-amz-signedheaders') ?? '')
    .split(';')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const expires = param(url, 'x-amz-expires');
  if (expires !== undefined) {
    if (/^\d{1,9}$/.test(expires.trim())) {
      r.expiresSeconds = Number(expires.trim());
      if (r.expiresSeconds > 604800)
        r.problems.push(`X-Amz-Expires=${r.expiresSeconds} is over the 7-day (604800 s) maximum`);
    } else r.problems.push('X-Amz-Expires is not a number of seconds');
  }
  const amzDate = param(url, 'x-amz-date');
  if (amzDate === undefined) r.problems.push('no X-Amz-Date');
  return finish(r, signature, amzDate);
}
