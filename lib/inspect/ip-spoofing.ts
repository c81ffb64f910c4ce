import type { Exchange } from '../model/exchange';

/**
 * Client-address headers that contradict each other: an X-Forwarded-For list, and an X-Real-IP or Client-IP naming
 * an address that is not in it. No browser sends these; a client (or a proxy the capture sits behind) set them, and
 * Rack::Protection::IPSpoofing, on by default in every Sinatra app and in Rack apps that `use Rack::Protection`,
 * refuses exactly this with a bare 403 "Forbidden" (rack-protection lib/rack/protection/ip_spoofing.rb,
 * https://github.com/sinatra/sinatra/blob/v3.0.5/rack-protection/lib/rack/protection/ip_spoofing.rb).
 */
export interface ClientIpConflict {
  header: 'x-real-ip' | 'client-ip';
  value: string;
  forwardedFor: string;
}

export function clientIpConflict(x: Exchange): ClientIpConflict | null {
  const xff = x.req.get('x-forwarded-for');
  if (xff === undefined) return null;
  const listed = xff.split(',').map((s) => s.trim());
  for (const header of ['client-ip', 'x-real-ip'] as const) {
    const value = x.req.get(header)?.trim();
    if (value !== undefined && !listed.includes(value)) return { header, value, forwardedFor: xff.trim() };
  }
  return null;
}
