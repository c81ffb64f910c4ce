import * as v from 'valibot';
import type { Har } from './types';

/** A HAR that cannot be read, with where: a JSON pointer (RFC 6901) to the bad value. */
export class HarError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(pointer ? `${message} at ${pointer}` : message);
    this.name = 'HarError';
  }
}

// Loose on purpose: browsers add `_` extras and omit optional fields; we only insist on
// what the engine cannot do without. Extra keys pass through untouched.
const NameValue = v.looseObject({ name: v.string(), value: v.string() });
const Entry = v.looseObject({
  startedDateTime: v.optional(v.string()),
  request: v.looseObject({
    method: v.string(),
    url: v.string(),
    headers: v.array(NameValue),
    queryString: v.optional(v.array(v.looseObject({ name: v.string(), value: v.string() }))),
    postData: v.optional(v.looseObject({ text: v.optional(v.string()), mimeType: v.optional(v.string()) })),
  }),
  response: v.looseObject({
    status: v.number(),
    headers: v.array(NameValue),
    content: v.optional(v.looseObject({ text: v.optional(v.string()), mimeType: v.optional(v.string()) })),
  }),
});
const HarSchema = v.looseObject({
  log: v.looseObject({ entries: v.array(Entry) }),
});

function pointerOf(path: v.IssuePathItem[] | undefined): string {
  if (!path) return '';
  return path.map((p) => '/' + String(p.key).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function describe(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  const got = issue.input === undefined ? 'it is missing' : `got ${issue.received}`;
  if (issue.kind === 'schema' && last && issue.input === undefined) return `missing "${String(last.key)}"`;
  return `expected ${issue.expected ?? 'a valid value'}, ${got}`;
}

/** Validates an already-parsed value as HAR 1.2. Throws HarError naming the JSON pointer. */
export function toHar(value: unknown): Har {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HarError('not a HAR file: expected a JSON object with a "log"', '');
  }
  if (!('log' in value)) throw new HarError('not a HAR file: no "log" object', '');
  const result = v.safeParse(HarSchema, value, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    throw new HarError(`not a valid HAR: ${describe(issue)}`, pointerOf(issue.path));
  }
  return value as unknown as Har;
}

/** Parses HAR text. Throws HarError with a precise message for non-JSON and non-HAR input. */
export function parseHar(text: string): Har {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new HarError(`not JSON: ${reason}`, '');
  }
  return toHar(value);
}
