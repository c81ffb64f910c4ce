// cmd.exe refuses a command line over 8191 characters
// (https://learn.microsoft.com/en-us/troubleshoot/windows-client/shell-experience/command-line-string-limitation),
// counted on the line it reads: a caret before a line break joins the next line, indent and
// all. The curl-cmd export warns exactly when its command is over that limit.
import { describe, expect, it } from 'vitest';
import { toCurlCmd } from '../../../lib/export';
import type { HarEntry } from '../../../lib/har/types';
import { entryFor, type Case } from './corpus';

function entry(path: string, headers: { name: string; value: string }[] = []): HarEntry {
  const request = { method: 'GET', url: `/${path}`, httpVersion: 'HTTP/1.1', headers, queryString: [], cookies: [] };
  return entryFor({ name: '', why: '', request } as Case, 'http://a.example');
}

/** The line cmd.exe reads: REM lines aside, each caret-newline joined away. */
const lineRead = (script: string) =>
  script
    .split('\n')
    .filter((l) => !/^REM( |$)/.test(l))
    .join('\n')
    .replace(/\^\n/g, '')
    .replace(/\n$/, '');
const warns = (script: string) => /longer than cmd\.exe's 8191-character limit/.test(script);

describe('the cmd.exe line limit', () => {
  // Several headers, so the command spans several caret-joined lines.
  const headers = [1, 2, 3, 4].map((i) => ({ name: `X-H${i}`, value: 'v' }));

  it('warns at 8192 characters read, not at 8191', () => {
    const base = lineRead(toCurlCmd(entry('', headers))).length;
    const at = (n: number) => toCurlCmd(entry('a'.repeat(n), headers));
    const limit = at(8191 - base);
    expect(lineRead(limit)).toHaveLength(8191);
    expect(warns(limit)).toBe(false);
    const over = at(8192 - base);
    expect(lineRead(over)).toHaveLength(8192);
    expect(warns(over)).toBe(true);
  });

  it('counts the indent of each continued line', () => {
    const script = toCurlCmd(entry('x', headers));
    expect(script).toMatch(/ \^\n {2}-H /);
    expect(lineRead(script)).toContain('   -H ');
  });

  // The plain line whenever it fits: a printable body of any length goes as --data-raw until the
  // line is over the limit; PowerShell's form (base64, a third longer) only when it alone fits.
  const post = (body: string) => {
    const e = entry('api');
    e.request.method = 'POST';
    e.request.postData = { mimeType: 'text/plain', text: body };
    return toCurlCmd(e);
  };
  const plainLine = (script: string) => /^curl\.exe /m.test(script);

  it('keeps a long printable body on the plain line while the line fits', () => {
    for (const n of [3999, 4000, 6000, 8000]) {
      const script = post('b'.repeat(n));
      expect(plainLine(script), String(n)).toBe(true);
      expect(warns(script), String(n)).toBe(false);
      expect(lineRead(script)).toContain(`--data-raw ^"${'b'.repeat(n)}^"`);
    }
  });

  it('takes PowerShell only when the plain line is over the limit and PowerShell fits', () => {
    // Every `"` costs three characters on the plain line (\^") and one and a third in base64.
    const quotes = post('"'.repeat(4000));
    expect(plainLine(quotes)).toBe(false);
    expect(quotes).toContain("the plain curl.exe line would be over cmd.exe's 8191-character limit");
    expect(warns(quotes)).toBe(false);
    // Too long either way: the plain line, with the warning.
    const huge = post('b'.repeat(9000));
    expect(plainLine(huge)).toBe(true);
    expect(warns(huge)).toBe(true);
  });
});
