import type { RuleContext } from '../core/context';
import { parseAmzDate, readSigV4Query, type SigV4Reading } from './sigv4';

/** A URL that carries its own time-limited authorisation. */
export interface SignedUrl {
  kind: 'aws-sigv4' | 'aws-sigv2' | 'gcs-v4' | 'gcs-v2' | 'azure-sas' | 'cloudfront' | 'secure-link';
  label: string;
  /** When it was signed (ms), if the URL says. */
  signedAt?: number;
  /** Valid from (Azure `st`), ms. */
  notBefore?: number;
  /** Valid until, ms. */
  expiresAt?: number;
  /** The parameters that say so, as they appear in the URL (no signatures). */
  quotes: string[];
  sigv4?: SigV4Reading;
}

function params(url: URL): Map<string, string> {
  const m = new Map<string, string>();
  let n = 0;
  for (const [k, v] of url.searchParams) {
    if (n++ > 200) break;
    const key = k.toLowerCase();
    if (!m.has(key)) m.set(key, v);
  }
  return m;
}

function epochSeconds(v: string | undefined): number | undefined {
  return v !== undefined && /^\d{9,11}$/.test(v.trim()) ? Number(v.trim()) * 1000 : undefined;
}

function isoDate(v: string | undefined): number | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  // SAS times are UTC and may omit the zone designator or seconds.
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`);
  return Number.isFinite(t) ? t : undefined;
}

/** Recognises presigned S3, GCS V2/V4, Azure SAS, CloudFront and md5/expires (nginx secure_link) signed URLs. Null otherwise. */
export function readSignedUrl(url: URL | null): SignedUrl | null {
  if (!url || url.search.length < 2) return null;
  const p = params(url);
  const q = (name: string) => (p.has(name) ? `${name}=${p.get(name)!.slice(0, 40)}` : null);
  const quotes = (...names: string[]) => names.map((n) => q(n)).filter((s): s is string => s !== null);
  if (p.has('x-amz-signature') || p.has('x-amz-algorithm')) {
    const sigv4 = readSigV4Query(url) ?? undefined;
    const s: SignedUrl = {
      kind: 'aws-sigv4',
      label: 'presigned S3/AWS URL (SigV4)',
      quotes: quotes('x-amz-date', 'x-amz-expires'),
      sigv4,
    };
    if (sigv4?.amzDate !== undefined) {
      s.signedAt = sigv4.amzDate;
      if (sigv4.expiresSeconds !== undefined) s.expiresAt = sigv4.amzDate + sigv4.expiresSeconds * 1000;
    }
    return s;
  }
  if (p.has('x-goog-signature') || p.has('x-goog-algorithm')) {
    const signedAt = parseAmzDate(p.get('x-goog-date')) ?? undefined;
    const secs = /^\d{1,7}$/.test(p.get('x-goog-expires') ?? '') ? Number(p.get('x-goog-expires')) : undefined;
    const s: SignedUrl = {
      kind: 'gcs-v4',
      label: 'Cloud Storage signed URL (V4)',
      signedAt,
      quotes: quotes('x-goog-date', 'x-goog-expires'),
    };
    if (signedAt !== undefined && secs !== undefined) s.expiresAt = signedAt + secs * 1000;
    return s;
  }
  if (p.has('sig') && (p.has('se') || p.has('sv') || p.has('sp'))) {
    return {
      kind: 'azure-sas',
      label: 'Azure shared access signature (SAS)',
      notBefore: isoDate(p.get('st')),
      expiresAt: isoDate(p.get('se')),
      quotes: quotes('st', 'se', 'sv'),
    };
  }
  if (p.has('signature') && p.has('expires')) {
    const expiresAt = epochSeconds(p.get('expires'));
    if (p.has('key-pair-id'))
      return { kind: 'cloudfront', label: 'CloudFront signed URL', expiresAt, quotes: quotes('expires') };
    if (p.has('googleaccessid'))
      return { kind: 'gcs-v2', label: 'Cloud Storage signed URL (V2)', expiresAt, quotes: quotes('expires') };
    if (p.has('awsaccesskeyid'))
      return { kind: 'aws-sigv2', label: 'presigned S3 URL (SigV2)', expiresAt, quotes: quotes('expires') };
  }
  // nginx secure_link's documented form (https://nginx.org/en/docs/http/ngx_http_secure_link_module.html):
  // ?md5=<base64url md5>&expires=<epoch seconds>; the same shape many CDNs' token links use.
  if (p.has('md5') && p.has('expires') && epochSeconds(p.get('expires')) !== undefined) {
    return {
      kind: 'secure-link',
      label: 'signed link (md5 + expires)',
      expiresAt: epochSeconds(p.get('expires')),
      quotes: quotes('expires'),
    };
  }
  return null;
}

export function signedUrlOf(ctx: RuleContext): SignedUrl | null {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:signed-url', () => readSignedUrl(ctx.x.url));
}
