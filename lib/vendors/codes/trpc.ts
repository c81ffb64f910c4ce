import type { CodeTable } from './types';

/**
 * tRPC's error codes, read from its error shape `{"error":{"message","code":<JSON-RPC number>,"data":{"code":
 * "UNAUTHORIZED","httpStatus":401,"path":…}}}` (lib/inspect/structured-error.ts). A batch of calls
 * (`?batch=1`, httpBatchLink) answers one array; when its items' statuses differ the response is
 * 207 Multi-Status (https://trpc.io/docs/rpc#batching, "HTTP status codes"), so a refused call can sit in a
 * 2xx: only these codes say it was refused. Only the refusal codes are listed; BAD_REQUEST, NOT_FOUND,
 * INTERNAL_SERVER_ERROR and the others stay ordinary errors.
 */
export const TRPC_CODES: CodeTable = {
  name: 'tRPC',
  families: ['trpc'],
  source: 'https://trpc.io/docs/server/error-handling#error-codes',
  rows: [
    {
      codes: ['UNAUTHORIZED'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the procedure needs an authenticated caller (TRPCError UNAUTHORIZED, HTTP 401)',
      fixes: ['Send the credential the server\'s createContext reads (usually "Authorization: Bearer <token>").'],
    },
    {
      codes: ['FORBIDDEN'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the caller may not call this procedure (TRPCError FORBIDDEN, HTTP 403)',
      fixes: ["Call it as a user with the role or permission the procedure's middleware checks."],
    },
    {
      codes: ['TOO_MANY_REQUESTS'],
      cause: 'rate_limit.exceeded',
      level: 'likely',
      refusal: true,
      means: 'the server limited the calls (TRPCError TOO_MANY_REQUESTS, HTTP 429)',
      fixes: ['Slow down and retry later.'],
    },
  ],
};
