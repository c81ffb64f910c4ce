import type { Exchange } from '../model/exchange';
import { parseJsonBody } from './json-body';
import type { StatedMessage } from './stated-elsewhere';

/**
 * Socket.IO states a refused connection inside an HTTP 200 (issue 17). A namespace middleware that
 * calls `next(new Error("not authorized"))` (https://socket.io/docs/v4/middlewares/#handling-middleware-error)
 * makes the server send a CONNECT_ERROR packet, Socket.IO packet type 4 carrying `{"message": …}`
 * (https://socket.io/docs/v4/socket-io-protocol/#connect_error), inside an Engine.IO MESSAGE packet,
 * type 4 (https://socket.io/docs/v4/engine-io-protocol/#packet-encoding). A polling client reads it
 * as the body of its next GET: `44{"message":"not authorized"}`, or `44/admin,{"message":…}` for
 * another namespace, packets separated by U+001E. Read only on an Engine.IO polling request (its
 * query names `EIO` and `transport=polling`), and as a message, so the wording tables decide what
 * it means: a middleware's other errors stay unflagged.
 */

/** Where socketIoConnectError says it read the message (the stated-reason rule and the wording tables ask). */
export const SOCKET_IO_AT = 'Socket.IO CONNECT_ERROR';

const PACKET = /^44(?:\/[^,]{0,200},)?(\{[\s\S]{0,2000}\})$/;
const POLL_MAX = 8 * 1024;

/** An Engine.IO polling request (its query names `EIO` and `transport=polling`). */
export function isEngineIoPoll(x: Exchange): boolean {
  const q = x.url?.searchParams;
  return !!q?.has('EIO') && q.get('transport') === 'polling';
}

export function socketIoConnectError(x: Exchange): StatedMessage | null {
  if (!isEngineIoPoll(x)) return null;
  const text = x.body.text;
  if (!text || text.length > POLL_MAX || !text.includes('44')) return null;
  for (const packet of text.split('\u001e')) {
    const m = PACKET.exec(packet.trim());
    if (!m) continue;
    const payload = parseJsonBody(m[1]!);
    const message = (payload as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string' && message.trim() !== '')
      return { family: 'message', code: '', at: SOCKET_IO_AT, message: message.trim() };
  }
  return null;
}

// A CONNECT packet in a polling POST: Engine.IO MESSAGE "4", Socket.IO CONNECT "0", an optional
// namespace, then the client's `auth` object, if it gave one.
const CONNECT = /^40(?:\/[^,]{0,200},)?(\{[\s\S]{0,2000}\})?$/;

/**
 * Whether the CONNECT packet this poll answers carried credentials: Socket.IO sends the client's
 * `auth` option (`io({ auth: { token } })`) in its CONNECT packet, POSTed on the same session
 * (`sid`) before the poll that returns the answer, never in the poll's own headers. `none` when
 * that packet carried no `auth` (or an empty one), `sent` when it carried one, null when the
 * capture holds no such POST.
 */
export function socketIoConnectAuth(x: Exchange, exchanges: readonly Exchange[]): 'none' | 'sent' | null {
  const sid = x.url?.searchParams.get('sid');
  if (!sid || !x.url) return null;
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const y = exchanges[i]!;
    if (y.index >= x.index || y.method !== 'POST' || !y.url || y.url.pathname !== x.url.pathname) continue;
    if (y.url.host !== x.url.host || y.url.searchParams.get('sid') !== sid || !y.requestBody) continue;
    for (const packet of y.requestBody.split('\u001e')) {
      const m = CONNECT.exec(packet.trim());
      if (!m) continue;
      let auth: unknown = null;
      try {
        auth = m[1] ? JSON.parse(m[1]) : null;
      } catch {
        return null;
      }
      return auth && typeof auth === 'object' && Object.keys(auth).length > 0 ? 'sent' : 'none';
    }
  }
  return null;
}
