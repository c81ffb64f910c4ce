// multipart/form-data bodies (RFC 7578; lib/redact/multipart.ts): a part named like a secret has
// its content hidden, the line break before the next delimiter kept; files, ordinary fields,
// headers and delimiters stay byte for byte.
import { describe, expect, it } from 'vitest';
import { displayText, redactBody, sweepString, Vault } from '../../../lib/redact';
import { namedPlaces, redactWith, valuesOf } from './refill';
import { redactMultipart } from '../../../lib/redact/multipart';

function redacted(body: string, boundary = 'b0undary') {
  const { text, vault } = redactWith(body, 'body', (v) => redactMultipart(body, boundary, v, 'request body'));
  return { text, values: valuesOf(vault), secrets: namedPlaces(vault) };
}
const part = (disposition: string, content: string, nl = '\r\n') =>
  `--b0undary${nl}Content-Disposition: ${disposition}${nl}${nl}${content}${nl}`;
const body = (parts: string[], nl = '\r\n') => parts.join('') + `--b0undary--${nl}`;

describe('a secret field', () => {
  it('its content is hidden, named after the field; the other fields stay', () => {
    const r = redacted(
      body([part('form-data; name="user"', 'bob'), part('form-data; name="password"', 'pw 1\r\nline 2')]),
    );
    expect(r.text).toBe(
      body([part('form-data; name="user"', 'bob'), part('form-data; name="password"', '${WHY403_BODY_PASSWORD}')]),
    );
    expect(r.values).toEqual(['pw 1\r\nline 2']);
    expect(r.secrets[0]!.places).toEqual(['request body field password']);
  });

  it('with bare line feeds, the line feed before the delimiter stays', () => {
    const r = redacted(body([part('form-data; name="token"', 't-1', '\n')], '\n'));
    expect(r.values).toEqual(['t-1']);
    expect(r.text).toBe(body([part('form-data; name="token"', '${WHY403_BODY_TOKEN}', '\n')], '\n'));
  });

  it('the header and parameter names are read in any case, quoted or not', () => {
    const v = (s: string) => redacted(`--b0undary\r\n${s}\r\n\r\nt-1\r\n--b0undary--`).values;
    expect(v('CONTENT-DISPOSITION: form-data; NAME="token"')).toEqual(['t-1']);
    expect(v('content-disposition : form-data;name=token')).toEqual(['t-1']);
    expect(v('Content-Type: text/plain\r\nContent-Disposition: form-data; name="token"')).toEqual(['t-1']);
    expect(v('Content-Disposition: form-data; name="token')).toEqual(['t-1']);
  });

  it('a Content-Disposition after many kilobytes of other part headers is still read', () => {
    const head = `X-Junk: ${'j'.repeat(9000)}\r\nContent-Disposition: form-data; name="password"`;
    expect(redacted(`--b0undary\r\n${head}\r\n\r\npw-1\r\n--b0undary--`).values).toEqual(['pw-1']);
  });

  it('a body cut short, without a closing delimiter, has its last part hidden to the end', () => {
    expect(redacted('--b0undary\r\nContent-Disposition: form-data; name="token"\r\n\r\nt-1 cut').values).toEqual([
      't-1 cut',
    ]);
  });

  it('a part with no blank line after its headers, or empty, hides nothing', () => {
    expect(redacted('--b0undary\r\nContent-Disposition: form-data; name="token"\r\n--b0undary--').values).toEqual([]);
    expect(redacted(body([part('form-data; name="token"', '')])).values).toEqual([]);
  });
});

describe('what stays', () => {
  it('a file part is kept, even under a secret name (filename or filename*)', () => {
    const kept = (b: string) => expect(redacted(b)).toEqual({ text: b, values: [], secrets: [] });
    kept(body([part('form-data; name="token"; filename="t.txt"', 'file bytes')]));
    kept(body([part('form-data; name="token"; filename*=UTF-8\'\'t.txt', 'file bytes')]));
    kept(body([part('form-data; name="note"', 'hello')]));
    kept(body([part('form-data', 'no name')]));
    kept(body([part('form-data; token', 'no equals')]));
  });

  it('a part delimited by another boundary is not read', () => {
    const b = body([part('form-data; name="token"', 't-1')]);
    expect(redacted(b, 'other').values).toEqual([]);
  });
});

describe('through redactBody', () => {
  it('the boundary comes from the Content-Type, or from the body when the type lost it', () => {
    const b = body([part('form-data; name="token"', 't-1')]);
    const v = new Vault();
    expect(displayText(redactBody(b, 'multipart/form-data; boundary=b0undary', v))).toContain('${WHY403_BODY_TOKEN}');
    expect(displayText(redactBody(b, 'multipart/form-data', new Vault()))).toContain('${WHY403_BODY_TOKEN}');
  });
});

describe('the Content-Disposition of a part, read edge by edge', () => {
  const values = (head: string) => redacted(`--b0undary\r\n${head}\r\n\r\nt-1\r\n--b0undary--`).values;

  it('is found on any line of a head with bare line feeds', () => {
    expect(values('Content-Type: text/plain\nContent-Disposition: form-data; name="token"')).toEqual(['t-1']);
  });

  it('its parameters are read from after the colon, even with no disposition type before them', () => {
    expect(values('Content-Disposition: name="token"')).toEqual(['t-1']);
  });

  it('a parameter without `=` is skipped, however close its word is to `name`', () => {
    expect(values('Content-Disposition: form-data; names; name="token"')).toEqual(['t-1']);
  });

  it('white space around the `=` of a parameter is not part of its name or value', () => {
    expect(values('Content-Disposition: form-data; name = "token"')).toEqual(['t-1']);
  });
});

describe('the field a hidden part is listed under', () => {
  const secrets = (head: string) => redacted(`--b0undary\r\n${head}\r\n\r\nt-1\r\n--b0undary--`).secrets;

  it('is the name without its quotes or the white space around it', () => {
    const listed = [{ name: 'WHY403_BODY_TOKEN', places: ['request body field token'] }];
    expect(secrets('Content-Disposition: form-data; name = "token"')).toEqual(listed);
    expect(secrets('Content-Disposition: form-data; name=token ')).toEqual(listed);
    // An opening quote never closed is no part of the name either.
    expect(secrets('Content-Disposition: form-data; name="token')).toEqual(listed);
  });

  it('a hidden field is hunted where it is echoed, even when short (a 4-digit one-time code)', () => {
    const v = new Vault();
    const b = body([part('form-data; name="otp"', '4829')]);
    expect(displayText(redactMultipart(b, 'b0undary', v, 'request body'))).toContain('${WHY403_BODY_OTP}');
    expect(displayText(sweepString('code 4829 accepted', v, 'response body'))).toBe('code ${WHY403_BODY_OTP} accepted');
  });
});

describe('a hostile or unusual part', () => {
  it('a part with no Content-Disposition is kept, even when its content reads like one', () => {
    // Only the part's own head names it: text in its content that looks like a header names nothing.
    const b = body([
      '--b0undary\r\nContent-Type: text/plain\r\n\r\nContent-Disposition: form-data; name="password"\r\n\r\nhunter2\r\n',
    ]);
    expect(redacted(b)).toEqual({ text: b, values: [], secrets: [] });
  });

  it('a closing delimiter without a line break after it: the line feed before it is still no part of the value', () => {
    // RFC 2046 §5.1.1: the close delimiter may end the body; the line break belongs to the delimiter.
    const r = redacted('--b0undary\nContent-Disposition: form-data; name="token"\n\nt-1\n--b0undary--');
    expect(r.values).toEqual(['t-1']);
    expect(r.text).toBe(
      '--b0undary\nContent-Disposition: form-data; name="token"\n\n${WHY403_BODY_TOKEN}\n--b0undary--',
    );
  });
});
