import type { StatedError } from '../../inspect/structured-error';
import { ACME_CODES } from './acme';
import { SOCKET_IO_AT } from '../../inspect/socket-io';
import { APPLE_CODES } from './apple';
import { AWS_CODES } from './aws';
import { CLOUDFLARE_CODES } from './cloudflare';
import { DUO_CODES } from './duo';
import { FACEBOOK_CODES } from './facebook';
import { FASTIFY_JWT_CODES } from './fastify-jwt';
import { TRPC_CODES } from './trpc';
import { BINANCE_CODES, PLAID_CODES } from './fintech';
import { FIREBASE_CODES } from './firebase';
import { LEANCLOUD_CODES } from './leancloud';
import { MESSAGE_ROWS, MESSAGES_SOURCE } from './messages';
import { COMMON_CODES } from './common';
import { GOOGLE_CODES } from './google';
import { GOOGLE_OAUTH_CODES } from './google-oauth';
import { KEYCLOAK_CODES } from './keycloak';
import { GRAPHQL_CODES } from './graphql';
import { GITHUB_GRAPHQL_CODES, HASURA_CODES, SALEOR_CODES } from './graphql-servers';
import { MICROSOFT_CODES } from './microsoft';
import { OAUTH_CODES } from './oauth';
import { SALESFORCE_CODES } from './salesforce';
import { PROBLEM_CODES } from './problem';
import { SLACK_CODES } from './slack';
import { ZOOM_CODES } from './zoom';
import type { CodeRow, CodeTable } from './types';
import { GENERIC_GRAPHQL_CODES, GRAPHQL_WORDING } from './graphql-wording';

export type { CodeCause, CodeRow, CodeTable } from './types';

/** Every code table; a family's own tables first, the shared codes last. */
export const CODE_TABLES: readonly CodeTable[] = [
  APPLE_CODES,
  KEYCLOAK_CODES,
  GOOGLE_OAUTH_CODES,
  OAUTH_CODES,
  SLACK_CODES,
  CLOUDFLARE_CODES,
  DUO_CODES,
  SALESFORCE_CODES,
  FIREBASE_CODES,
  GOOGLE_CODES,
  FACEBOOK_CODES,
  ZOOM_CODES,
  PLAID_CODES,
  BINANCE_CODES,
  MICROSOFT_CODES,
  AWS_CODES,
  SALEOR_CODES,
  HASURA_CODES,
  GITHUB_GRAPHQL_CODES,
  GRAPHQL_CODES,
  ACME_CODES,
  PROBLEM_CODES,
  FASTIFY_JWT_CODES,
  TRPC_CODES,
  LEANCLOUD_CODES,
  COMMON_CODES,
];

/** What one stated error means: the error, the row that explains it and its table. */
export interface StatedReason {
  error: StatedError;
  row: CodeRow;
  table: CodeTable;
}

/** Codes compare without case, "_", "-" or spaces: InvalidToken = invalid_token = invalid-token. */
export function normalizeCode(code: string): string {
  return code.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A problem type is a URI: its last segment (or fragment) names it. */
function keyOf(e: StatedError): string {
  if (e.family === 'problem' && e.at === '/type') {
    const tail = /([^/#]+)\/?$/.exec(e.code)?.[1] ?? e.code;
    return normalizeCode(tail);
  }
  return normalizeCode(e.code);
}

const INDEX = CODE_TABLES.map((table) => ({
  table,
  rows: table.rows.map((row) => ({ row, codes: new Set(row.codes.map(normalizeCode)) })),
}));

/** The row that explains one error, or null. */
export function explainError(e: StatedError, host = ''): StatedReason | null {
  const key = keyOf(e);
  if (key === '') return null;
  for (const { table, rows } of INDEX) {
    if (!table.families.includes(e.family) || (table.host && !table.host.test(host))) continue;
    for (const { row, codes } of rows) {
      if (!codes.has(key)) continue;
      if (row.message && !row.message.test(e.message ?? '')) continue;
      return { error: e, row, table };
    }
  }
  return null;
}

export const MESSAGE_TABLE: CodeTable = {
  name: 'error message',
  families: ['message'],
  source: MESSAGES_SOURCE,
  rows: [],
};

/** Reads a stated message when no code explained it: never a refusal on its own (see messages.ts). */
// A message that only repeats the status phrase says nothing the status did not.
const STATUS_PHRASE =
  /^\W*(?:forbidden|unauthori[sz]ed|access\s+denied|not\s+authori[sz]ed|too\s+many\s+requests|bad\s+request|error|not\s+found)\W*$/i;

export function explainMessage(e: StatedError): StatedReason | null {
  // Socket.IO's CONNECT_ERROR rides in a 200: there, "not authorized" (its documentation's own example) is no
  // restated status but the whole refusal.
  if (!e.message || (STATUS_PHRASE.test(e.message) && e.at !== SOCKET_IO_AT)) return null;
  for (const m of MESSAGE_ROWS) {
    if (!m.pattern.test(e.message)) continue;
    const { pattern: _pattern, ...rest } = m;
    return { error: e, row: { ...rest, codes: [], refusal: false }, table: MESSAGE_TABLE };
  }
  if (e.at === SOCKET_IO_AT && SOCKET_IO_BARE.test(e.message))
    return { error: e, row: SOCKET_IO_ROW, table: MESSAGE_TABLE };
  return null;
}

// A Socket.IO middleware's bare "not authorized" / "unauthorized": the connection needs a credential it did not get.
const SOCKET_IO_BARE = /^\W*(?:unauthori[sz]ed|not\s+authori[sz]ed|not\s+authenticated|unauthenticated)\W*$/i;
const SOCKET_IO_ROW: CodeRow = {
  codes: [],
  cause: 'auth.unauthenticated',
  level: 'possible',
  refusal: false,
  means: "the Socket.IO server's middleware refused the connection",
  fixes: ["Pass the credential the server checks in the client's `auth` option: io(url, { auth: { token } })."],
};

const GRAPHQL_WORDING_TABLES = GRAPHQL_WORDING.map((w): CodeTable => ({
  name: 'GraphQL error message',
  families: ['graphql'],
  source: w.source,
  rows: [],
}));

/**
 * A GraphQL error that states its refusal in words only (no code, or a code any exception gets):
 * the documented wordings of graphql-wording.ts. Its evidence cites the row's own source.
 */
export function explainGraphqlWording(e: StatedError): StatedReason | null {
  if (e.family !== 'graphql' || !e.message || (e.code !== '' && !GENERIC_GRAPHQL_CODES.has(normalizeCode(e.code))))
    return null;
  const i = GRAPHQL_WORDING.findIndex((w) => w.pattern.test(e.message!));
  if (i < 0) return null;
  const { pattern: _pattern, source: _source, ...rest } = GRAPHQL_WORDING[i]!;
  return { error: e, row: { ...rest, codes: [] }, table: GRAPHQL_WORDING_TABLES[i]! };
}

/**
 * The most specific error the tables explain (the reader lists the most specific first), else
 * the first message the wording rows explain.
 */
export function explainStated(errors: readonly StatedError[], host: string, graphqlCall: boolean): StatedReason | null {
  for (const e of errors) {
    const r = explainError(e, host);
    if (r) return r.row.restatesStatus ? (explainMessage(e) ?? r) : r;
    // GraphQL servers' wordings speak only for a GraphQL operation: REST APIs answer with the same
    // {"errors":[{"message":…}]} shape (Asana's 401 "Not Authorized"), which graphql-shield's
    // "Not Authorised!" row would read as a permission rule instead of a refused credential.
    const w = graphqlCall ? explainGraphqlWording(e) : null;
    if (w) return w;
  }
  for (const e of errors) {
    const r = explainMessage(e);
    if (r) return r;
  }
  return null;
}
