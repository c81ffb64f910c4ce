// Address spaces as Chrome's Local Network Access defines them (loopback ⊂ local ⊂ public):
// the Chrome blog post on local network access, and https://wicg.github.io/local-network-access/
export type AddressSpace = 'loopback' | 'local' | 'public';

const RANK: Record<AddressSpace, number> = { loopback: 0, local: 1, public: 2 };

/** True when a request from `from` to `to` goes somewhere more private (needs the permission). */
export function isMorePrivate(from: AddressSpace, to: AddressSpace): boolean {
  return RANK[to] < RANK[from];
}

function parseV4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function v4Space(p: number[]): AddressSpace {
  const [a, b] = p as [number, number];
  if (a === 127 || p.every((x) => x === 0)) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254))
    return 'local';
  return 'public';
}

function v6Space(host: string): AddressSpace | null {
  if (!host.includes(':')) return null;
  const h = host.toLowerCase();
  if (h === '::1' || h === '0:0:0:0:0:0:0:1' || h === '::') return 'loopback';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(h);
  if (mapped) {
    const p = parseV4(mapped[1]!);
    return p ? v4Space(p) : 'public';
  }
  // fc00::/7 unique local, fe80::/10 link-local.
  if (/^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h)) return 'local';
  return 'public';
}

/** The space of an IP literal, or null when `ip` is not one. Accepts "[::1]" and "::1". */
export function ipSpace(ip: string | undefined | null): AddressSpace | null {
  if (!ip) return null;
  const host = ip.trim().replace(/^\[|\]$/g, '');
  const v4 = parseV4(host);
  if (v4) return v4Space(v4);
  return v6Space(host);
}

/**
 * The space of a hostname: IP literals by range, `localhost` and `*.localhost` loopback,
 * mDNS `*.local` local. Other names are public unless the resolved address says otherwise.
 */
export function hostSpace(hostname: string): { space: AddressSpace; certain: boolean } {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const ip = ipSpace(host);
  if (ip) return { space: ip, certain: true };
  if (host === 'localhost' || host.endsWith('.localhost')) return { space: 'loopback', certain: true };
  if (host.endsWith('.local')) return { space: 'local', certain: true };
  // Single-label intranet names and the private-use TLDs usually resolve to private addresses.
  if (!host.includes('.') || /\.(internal|lan|home\.arpa|intranet|corp)$/.test(host))
    return { space: 'local', certain: false };
  return { space: 'public', certain: false };
}
