import type { Exchange } from '../model/exchange';
import { hostSpace, ipSpace, isMorePrivate, type AddressSpace } from './address-space';
import type { CorsCheck } from './types';

/** Chrome's net errors for Local Network Access (and its predecessor, Private Network Access). */
export const LNA_ERROR = /BLOCKED_BY_(LOCAL|PRIVATE)_NETWORK_ACCESS|LOCAL_NETWORK_ACCESS|PRIVATE_NETWORK_ACCESS/i;

export interface SpaceCrossing {
  from: AddressSpace;
  to: AddressSpace;
  /** How the target's space was read ("IP literal 192.168.1.10", "server address 10.0.0.5", "hostname localhost"). */
  toFrom: string;
  /** True when both ends were read from IP literals, known names or the server address. */
  certain: boolean;
}

/** The address spaces a request crossed, when it went somewhere more private than its page. */
export function spaceCrossing(x: Exchange, origin: string | null): SpaceCrossing | null {
  if (!x.url) return null;
  let pageHost: string;
  try {
    // A missing or opaque ("null") origin fails to parse: no page host, no crossing.
    // Stryker disable next-line StringLiteral: any stand-in for a missing origin fails to parse the same way
    pageHost = new URL(origin ?? '').hostname;
  } catch {
    return null;
  }
  const page = hostSpace(pageHost);
  const serverIp = typeof x.entry.serverIPAddress === 'string' ? x.entry.serverIPAddress : null;
  const byIp = ipSpace(serverIp);
  const byName = hostSpace(x.url.hostname);
  const to = byName.certain || !byIp ? byName.space : byIp;
  const toFrom = byName.certain
    ? `hostname ${x.url.hostname}`
    : byIp
      ? `server address ${serverIp}`
      : `hostname ${x.url.hostname} (guessed)`;
  if (!isMorePrivate(page.space, to)) return null;
  return { from: page.space, to, toFrom, certain: (byName.certain || byIp !== null) && page.certain };
}

/** A Local Network Access refusal Chrome recorded itself (`_error`). */
export function lnaBrowserFailure(x: Exchange, crossing: SpaceCrossing | null): CorsCheck | null {
  if (!x.netError || !LNA_ERROR.test(x.netError)) return null;
  const space = crossing?.to ?? 'local';
  return {
    kind: 'local_network',
    stage: 'browser',
    value: x.netError,
    message: `Permission was denied for this request to access the \`${space}\` address space.`,
  };
}
