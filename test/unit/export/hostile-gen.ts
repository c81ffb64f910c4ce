// Generates hostile requests for the export fuzz test: every byte in names, values, methods,
// URLs and bodies, with payloads that would leave a marker file behind if any runner ran them.
import type { HarEntry } from '../../../lib/har/types';
import { rng } from '../inspect/support';

/** The marker file's name: every payload tries to create it in the working directory. */
export const MARKER = 'why403marker';

// Ways out of a quote, a comment or an argument, per runner; each creates MARKER.
const PAYLOADS = [
  `$(touch ${MARKER})`,
  `\`touch ${MARKER}\``,
  `';touch ${MARKER};'`,
  `";touch ${MARKER};"`,
  `\ntouch ${MARKER}\n`,
  `\r\ntouch ${MARKER}\r\n`,
  `'\ntouch ${MARKER}\n'`,
  `\u2028require("fs").writeFileSync("${MARKER}","")//`,
  `\u2029require("fs").writeFileSync("${MARKER}","")//`,
  `\rrequire("fs").writeFileSync("${MARKER}","")//`,
  `\u0085require("fs").writeFileSync("${MARKER}","")//`,
  `"+require("fs").writeFileSync("${MARKER}","")+"`,
  `*/require("fs").writeFileSync("${MARKER}","")/*`,
  `-o${MARKER}`,
  `--output=${MARKER}`,
  `-o./${MARKER}`,
  `%COMSPEC% /c type nul > ${MARKER}`,
  `& type nul > ${MARKER} &`,
  `^& type nul ^> ${MARKER}`,
  `" & type nul > ${MARKER} & "`,
  `!PATH! %PATH% %^PATH% %%`,
  `'; New-Item ${MARKER}; '`,
  `\u2019; New-Item ${MARKER}; \u2018`,
  `$(New-Item ${MARKER})`,
  `\${IFS}touch\${IFS}${MARKER}`,
  `\\'; touch ${MARKER}; #`,
  `\\`,
  `\\"`,
  `\\:`,
  `\\=`,
  `=@/etc/passwd`,
  `@/etc/passwd`,
  `:=@/etc/passwd`,
  `<${MARKER}`,
  `\u202e\u2066evil\u2069`,
  `\u001b[2J\u001b]0;title\u0007`,
  `\u00e9\u00ff\u0100\u2603\ud83d\ude00`,
  `\ud800`,
  `\udfff`,
  `\u0000`,
  `\u00a0\u3000`,
  '%41%zz%2f%00',
  '/../..',
];

const TOKEN_CHARS = "!#$%&'*+-.^_`|~ABCXYZabcxyz0129";
const URL_CHARS = '!$&\'()*+,;=:@/?-._~%AZaz09"<>\\^`{|}[] #';

export function generator(seed: number) {
  const next = rng(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => pick([...alphabet])).join('');
  /** Any code unit 0-255, or beyond, or a payload. */
  const anyText = (n: number) => {
    let s = '';
    while (s.length < n) {
      const r = next();
      if (r < 0.25) s += pick(PAYLOADS);
      else if (r < 0.8) s += String.fromCharCode(0x20 + int(0x5f));
      else if (r < 0.95) s += String.fromCharCode(int(256));
      else s += String.fromCharCode(int(0x10000));
    }
    return s;
  };
  const token = () => {
    const r = next();
    if (r < 0.15) return `-o${MARKER}`;
    if (r < 0.25) return `-${chars(TOKEN_CHARS, 1 + int(6))}`;
    if (r < 0.9) return `X-${chars(TOKEN_CHARS, 1 + int(10))}`;
    return anyText(1 + int(8));
  };
  const method = () =>
    pick([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'HEAD',
      'OPTIONS',
      'PURGE',
      'get',
      'Post',
      'M-SEARCH',
      'TRACE',
      `-o${MARKER}`,
      '-X',
      chars(TOKEN_CHARS, 1 + int(8)),
      anyText(1 + int(6)),
    ]);
  const target = () => {
    const r = next();
    if (r < 0.5) return `/${chars(URL_CHARS, int(20))}`;
    if (r < 0.8) return `/p?${chars(URL_CHARS, int(20))}`;
    return `/${anyText(int(16))}`;
  };
  const body = (): HarEntry['request']['postData'] | undefined => {
    const r = next();
    if (r < 0.3) return undefined;
    if (r < 0.8) return { mimeType: pick(['text/plain', 'application/json', '']), text: anyText(int(60)) };
    const bytes = Buffer.from(Array.from({ length: int(64) }, () => int(256)));
    return { mimeType: 'application/octet-stream', text: bytes.toString('base64'), encoding: 'base64' };
  };

  /** One hostile request as a HAR entry aimed at `origin`. */
  return (origin: string): HarEntry => {
    const headers = Array.from({ length: int(5) }, () => ({ name: token(), value: anyText(int(24)) }));
    const postData = body();
    return {
      startedDateTime: '2026-11-21T12:00:00.000Z',
      time: 1,
      request: {
        method: method(),
        url: origin + target(),
        httpVersion: 'HTTP/1.1',
        headers,
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: -1,
        ...(postData ? { postData } : {}),
      },
      response: {
        status: 403,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        content: { size: 0, mimeType: '' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 0,
      },
      timings: {},
    } as unknown as HarEntry;
  };
}
