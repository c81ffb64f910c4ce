import type { Json } from './json-body';
import { code, isObj, items, MAX_ITEMS, push, str, type Obj } from './json-fields';
import type { StatedError } from './stated-error';

/**
 * Where GraphQL servers put the reason for a refusal they answer with HTTP 200 (the GraphQL over
 * HTTP spec lets a server answer 200 whatever the errors, https://graphql.github.io/graphql-over-http/draft/#sec-application-json):
 *
 * - Top-level `errors[]` (GraphQL spec §7.1.2, https://spec.graphql.org/October2021/#sec-Errors),
 *   the code in `extensions.code` (Apollo Server, Hasura, Shopify), `extensions.classification`
 *   (Spring for GraphQL), `type` (GitHub), `extensions.errorType` (AppSync) or
 *   `extensions.exception.code` (Graphene-based servers such as Saleor, which name the Python
 *   exception there: `PermissionDenied`).
 * - A mutation's own error list inside `data` (`data.tokenCreate.errors[]` in Saleor,
 *   `data.customerAccessTokenCreate.customerUserErrors[]` in Shopify's Storefront API): the
 *   "errors as data" pattern, where a refused sign-in is a payload with a `code`, not a top-level
 *   error. Only coded items count there; a payload list without codes is validation talk.
 */

/** The code of one top-level error and where it sat, most specific place first. */
function codeOf(e: Obj): { c: string | undefined; at: string } {
  const ext = isObj(e.extensions) ? e.extensions : undefined;
  const exception = isObj(ext?.exception) ? ext.exception : undefined;
  const places: [Json | undefined, string][] = [
    [ext?.code, 'extensions/code'],
    [exception?.code, 'extensions/exception/code'],
    [ext?.classification, 'extensions/classification'],
    [e.type, 'type'],
    [ext?.errorType, 'extensions/errorType'],
    // Not every errors[] is GraphQL: Twitter's v1.1 and others put a numeric code beside the message.
    [e.code, 'code'],
  ];
  for (const [v, at] of places) {
    const c = code(v);
    if (c !== undefined) return { c, at };
  }
  return { c: undefined, at: 'message' };
}

/** Top-level errors[]. An error without a code is kept with an empty code: its words are the statement. */
export function graphqlErrors(list: Json[], out: StatedError[]): void {
  list.forEach((e, i) => {
    if (!isObj(e)) return;
    const message = str(e.message);
    const { c, at } = codeOf(e);
    push(out, 'graphql', c ?? '', `/errors/${i}/${at}`, message);
  });
}

// The payload's error list: "errors", "userErrors", "accountErrors", "customerUserErrors"…
const PAYLOAD_ERRORS = /^(?:[a-z]+)?errors$/i;

/** Coded errors inside `data.<field>` (one level: the mutation's payload). */
export function payloadErrors(data: Obj, out: StatedError[]): void {
  for (const field of Object.keys(data).slice(0, MAX_ITEMS)) {
    const payload = data[field];
    if (!isObj(payload)) continue;
    for (const key of Object.keys(payload).slice(0, MAX_ITEMS)) {
      if (!PAYLOAD_ERRORS.test(key)) continue;
      items(payload[key]).forEach((e, i) => {
        if (isObj(e)) push(out, 'graphql', code(e.code), `/data/${field}/${key}/${i}/code`, str(e.message));
      });
    }
  }
}
