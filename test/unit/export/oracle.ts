// The rule every export obeys, as a test oracle: what reached the server is the HAR's request
// byte for byte, except what the export's comments say was left out; or the export is a
// refusal (comments only, "Not exported: …") and nothing was sent.
import { expect } from 'vitest';
import { commentText, type CommentStyle } from '../../../lib/export/comments';
import { clip } from '../../../lib/redact';
import type { Received } from '../../support/echo-server';
import type { Expected } from './corpus';

const MARKERS: Record<CommentStyle, RegExp> = { sh: /^#/, js: /^\/\//, ps: /^#/, cmd: /^REM( |$)/ };

export function commentsOf(script: string, style: CommentStyle): string[] {
  return script.split('\n').filter((l) => MARKERS[style].test(l));
}

/** True when the export only explains why it does not send the request. */
export function isRefusal(script: string, style: CommentStyle): boolean {
  const code = script.split('\n').filter((l) => l !== '' && !MARKERS[style].test(l));
  return code.length === 0 && /Not exported: /.test(script);
}

/** Characters no comment line may hold raw (see commentText). */
export function assertCommentsClean(script: string, style: CommentStyle): void {
  const ascii = style === 'ps' || style === 'cmd';
  for (const l of commentsOf(script, style)) {
    expect(l, 'raw control, line-ending or bidi character in a comment').not.toMatch(
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/u,
    );
    if (ascii) expect(l, 'non-ASCII in a PowerShell or cmd comment').toMatch(/^[\x20-\x7e]*$/);
    if (style === 'cmd') expect(l).not.toMatch(/[%^&|<>]/);
  }
}

/** No export holds a character that would act on the terminal it is printed to, comments or code. */
export function assertNoRawControls(script: string): void {
  expect(script, 'raw control, line-separator or bidi character in the export').not.toMatch(
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069\ufeff]/,
  );
}

/** Same request, except headers a comment names as left out. */
export function assertRoundTrip(
  got: Received | undefined,
  exp: Expected,
  extras: ReadonlySet<string>,
  script: string,
  style: CommentStyle,
): void {
  expect(got, 'the server received no request').toBeDefined();
  const r = got!;
  expect(r.method).toBe(exp.method);
  expect(r.target).toBe(exp.target);
  const key = (h: { name: string; value: Buffer }) => `${h.name.toLowerCase()}: ${h.value.toString('hex')}`;
  const expectedNames = new Set(exp.headers.map((h) => h.name.toLowerCase()));
  const left = exp.headers.map(key);
  for (const h of r.headers) {
    if (!expectedNames.has(h.name.toLowerCase()) && extras.has(h.name.toLowerCase())) continue;
    const i = left.indexOf(key(h));
    expect(i, `the server received a header the HAR did not hold: ${h.name}: ${h.value.toString('latin1')}`).not.toBe(
      -1,
    );
    left.splice(i, 1);
  }
  const comments = commentsOf(script, style).join('\n');
  for (const k of left) {
    const name = exp.headers.find((h) => key(h) === k)!.name;
    const said = commentText(clip(name, 40), style).slice(0, 30);
    expect(comments, `header ${name} neither sent nor named as left out`).toContain(said);
  }
  if (exp.body === null) expect(r.body.length).toBe(0);
  else expect(r.body.toString('hex')).toBe(exp.body.toString('hex'));
}
