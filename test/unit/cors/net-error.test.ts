import { describe, expect, it } from 'vitest';
import { netErrorBlocks } from '../../../lib';

// The replay's verdict and the capture's flag read Chrome's error words the same way: a block
// by the browser, never a network failure or a cancel (issue 12: one pattern, with its exclusions).
describe('netErrorBlocks', () => {
  it.each(['net::ERR_FAILED', 'net::ERR_BLOCKED_BY_CORS', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'])(
    '%s is a browser block',
    (e) => expect(netErrorBlocks(e)).toBe(true),
  );
  it.each([
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_BLOCKED_BY_CLIENT',
    'net::ERR_ABORTED',
    'net::ERR_CERT_AUTHORITY_INVALID',
    'net::ERR_SSL_PROTOCOL_ERROR',
  ])('%s is not', (e) => expect(netErrorBlocks(e)).toBe(false));
});
