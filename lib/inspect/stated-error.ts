/**
 * The server's own statement of why it refused, read as a structure rather than matched as
 * text. Real APIs explain refusals in a handful of documented shapes; each shape names a
 * machine-readable code in a known place. The readers (structured-error.ts, graphql-errors.ts)
 * find those codes (most specific first) and leave their meaning to the code tables of
 * lib/vendors/codes.
 */
export type ErrorFamily =
  /** RFC 6749 §5.2 / RFC 6750 §3.1: {"error":"invalid_grant","error_description":…} */
  | 'oauth'
  /** RFC 9457 problem+json (and ASP.NET ProblemDetails): {"type","title","status","detail"} */
  | 'problem'
  /** Google AIP-193: {"error":{"status","details":[{"reason"}]}} and legacy errors[].reason */
  | 'google'
  /** OData / Microsoft Graph / Azure Resource Manager, and the same {"error":{"code"}} shape elsewhere */
  | 'odata'
  /** AWS: JSON `__type`, the x-amzn-ErrorType header, XML <Error><Code> */
  | 'aws'
  /** GraphQL: errors[].extensions.code (or errors[].type) */
  | 'graphql'
  /** JSON:API errors[] with status/code/title/detail */
  | 'jsonapi'
  /** Spring Boot's default error body: timestamp/status/error/path/message */
  | 'spring'
  /** {"ok":false,"error":"invalid_auth"} (Slack), {"success":false,"errors":[{"code":10000}]} (Cloudflare) */
  | 'envelope'
  /** A top-level {"code": …, "message": …} of a smaller API (numeric or string code) */
  | 'code'
  /** tRPC: {"error":{"message","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401}}}, alone or in a batch's array */
  | 'trpc'
  /** Only a message, no code ({"error":{"status":401,"message":"Invalid access token"}}) */
  | 'message';

export interface StatedError {
  family: ErrorFamily;
  /** The code as sent, e.g. "invalid_grant", "SERVICE_DISABLED", "Authorization_RequestDenied". */
  code: string;
  /** JSON pointer (or header name / XML path) where the code was read. */
  at: string;
  /** The human message that came with it, if any (not yet masked). */
  message?: string;
}
