import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Daemons that developers run on their own machines and servers and script over HTTP: Transmission's RPC server
// and InfluxDB 1.x. Their refusals are their own sentences (and, for Transmission, its own status and header), the
// same wherever they are deployed, so no host is required.
const TRANSMISSION_RPC = 'https://github.com/transmission/transmission/blob/3.00/extras/rpc-spec.txt';
const INFLUXDB_AUTH =
  'https://docs.influxdata.com/influxdb/v1/administration/authentication_and_authorization/#set-up-authentication';

export const SELF_HOSTED_DAEMONS: readonly Signature[] = [
  {
    // rpc-spec.txt §2.3.1 "CSRF Protection": a call without the current X-Transmission-Session-Id gets 409 with the
    // id in that header; a client resends at once with it (that leg is read by diagnose/handshake.ts). The 409 that
    // is not followed so (a stale id, a cross-site form POSTed to /transmission/rpc) is the CSRF check refusing.
    id: 'transmission.session_id',
    vendor: 'Transmission',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [409],
    flags: true,
    header: { name: 'x-transmission-session-id' },
    body: /\binvalid\s+session-id\s+header\b/i,
    title: "Transmission's RPC wants its current X-Transmission-Session-Id (its CSRF protection)",
    summary:
      'Transmission answers a call that lacks the current session id, or carries an old one (the daemon restarted), ' +
      'with 409 Conflict and the id in the X-Transmission-Session-Id response header. A client must keep that ' +
      'value and send the call again with it; a form posted from another site cannot, which is the point.',
    fixes: [
      'Read X-Transmission-Session-Id from the 409 and resend the same call with that header (and again whenever a 409 hands a new one).',
    ],
    source: TRANSMISSION_RPC,
  },
  {
    // With auth-enabled = true and no user yet, InfluxDB 1.x refuses every query but the first admin user's
    // creation: 403 "error authorizing query: create admin user first or disable authentication"
    // (services/meta/query_authorizer.go). To a caller that sent nothing, the login it needs does not exist yet.
    id: 'influxdb.no_admin',
    vendor: 'InfluxDB',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    status: [403],
    requires: 'no-credentials',
    body: /\bcreate\s+admin\s+user\s+first\s+or\s+disable\s+authentication\b/i,
    title: 'InfluxDB has authentication on and no admin user yet',
    summary:
      'InfluxDB 1.x with auth-enabled answers every query with 403 until an admin user exists; the request sent ' +
      'no credentials, and none could be accepted before that user is made.',
    fixes: [
      "Create the admin first: CREATE USER <name> WITH PASSWORD '<password>' WITH ALL PRIVILEGES (allowed without credentials while no user exists), then send those credentials (Basic, or u= and p=).",
    ],
    source: INFLUXDB_AUTH,
  },
];
