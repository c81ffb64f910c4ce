// XML and HTML bodies (lib/redact/markup.ts): secret elements and form values are hidden whole,
// however the markup is spelled (quotes, case, whitespace, broken tags); everything else, the
// quotes and the tags included, stays byte for byte.
import { describe, expect, it } from 'vitest';
import type { Har } from '../../../lib/har/types';
import { redactHar, Vault } from '../../../lib/redact';
import { namedPlaces, redactWith, valuesOf } from './refill';
import { redactMarkup } from '../../../lib/redact/markup';
import { makeEntry } from '../../support/har';

function redacted(markup: string) {
  const { text, vault } = redactWith(markup, 'body', (v) => redactMarkup(markup, v, 'response body'));
  return { text, values: valuesOf(vault), secrets: namedPlaces(vault) };
}
const kept = (markup: string) => expect(redacted(markup)).toEqual({ text: markup, values: [], secrets: [] });

describe('XML elements', () => {
  it('a password element is hidden, named after the element', () => {
    const r = redacted('<login><user>bob</user><password>s3cr3t-pw</password></login>');
    expect(r.text).toBe('<login><user>bob</user><password>${WHY403_BODY_PASSWORD}</password></login>');
    expect(r.secrets).toEqual([{ name: 'WHY403_BODY_PASSWORD', places: ['response body element password'] }]);
  });

  it('a namespaced element is read by its local name (WS-Security)', () => {
    const r = redacted('<wsse:Password Type="#PasswordText">pw-Soap-1</wsse:Password>');
    expect(r.text).toBe('<wsse:Password Type="#PasswordText">${WHY403_BODY_PASSWORD}</wsse:Password>');
    expect(r.secrets[0]!.places).toEqual(['response body element Password']);
  });

  it('a CDATA section inside a secret element is hidden with it, "<" and closing tags in it included', () => {
    expect(redacted('<password><![CDATA[pw1]]></password>').values).toEqual(['<![CDATA[pw1]]>']);
    expect(redacted('<password><![CDATA[p<ss]]></password>').values).toEqual(['<![CDATA[p<ss]]>']);
    expect(redacted('<password><![CDATA[a</password>b]]></password>').values).toEqual(['<![CDATA[a</password>b]]>']);
    expect(redacted('<password><![CDATA[x<y]]>z<![CDATA[<w]]></password>').values).toEqual([
      '<![CDATA[x<y]]>z<![CDATA[<w]]>',
    ]);
  });

  it('a form value inside CDATA is hidden, and so is the rest of a secret element around it', () => {
    const r = redacted('<token><![CDATA[<input type=password value=pw-1> tail-2]]></token>');
    expect(r.values).toEqual(['pw-1', '> tail-2]]>']);
  });

  it('an unterminated CDATA does not hide the form values after it', () => {
    expect(
      redacted('<![CDATA[ <input type=password value=pw-1> <![CDATA[ <input type=password value=pw-2>').values,
    ).toEqual(['pw-1', 'pw-2']);
  });

  it('after a CDATA section, elements are read again', () => {
    expect(redacted('<note><![CDATA[<b>]]></note><secret>s-1</secret>').values).toEqual(['s-1']);
  });

  it('element names with dots, dashes and digits are read whole', () => {
    expect(redacted('<x.password>p-1</x.password>').values).toEqual(['p-1']);
    expect(redacted('<x-password>p-2</x-password>').values).toEqual(['p-2']);
    expect(redacted('<password2>p-3</password2>').values).toEqual(['p-3']);
  });

  it('error codes and object keys stay readable (<Code>, <Key>)', () => {
    kept('<Error><Code>AccessDenied</Code><Key>photos/a.jpg</Key></Error>');
  });

  it('a secret element closed by another name, or empty, or self-closed, hides nothing', () => {
    kept('<password>abc</passwd>');
    kept('<password></password>');
    kept('<password/>text</password>');
    kept('<token>abc<b>x</b></token>');
  });

  it('an element holding ">" or "<" characters as text is hidden up to its closing tag', () => {
    expect(redacted('<token>a>b</token>').values).toEqual(['a>b']);
    expect(redacted('<token>a < b</token>').values).toEqual(['a < b']);
  });

  it('two secret elements in a row are each hidden', () => {
    const r = redacted('<token>t-one</token><secret>s-two</secret>');
    expect(r.values).toEqual(['t-one', 's-two']);
  });
});

describe('HTML form values', () => {
  it('a password input is hidden, named after its field', () => {
    const r = redacted('<input type="password" name="pw" value="hunter2">');
    expect(r.text).toBe('<input type="password" name="pw" value="${WHY403_BODY_PW}">');
    expect(r.secrets).toEqual([{ name: 'WHY403_BODY_PW', places: ['response body form field pw'] }]);
  });

  it('a secret-named input is hidden whatever its type; its id names it when it has no name', () => {
    expect(redacted('<input name="csrf_token" value="ct-1">').values).toEqual(['ct-1']);
    const byId = redacted('<input id="api_key" value="k-1">');
    expect(byId.secrets[0]!.name).toBe('WHY403_BODY_API_KEY');
  });

  it('a password input with neither name nor id is still hidden', () => {
    expect(redacted('<input type="password" value="pw-1">').secrets[0]!.name).toBe('WHY403_BODY_INPUT');
  });

  it('a single-quoted value with spaces is hidden whole, its quotes kept', () => {
    const r = redacted("<input type='password' value='correct horse battery'>");
    expect(r.text).toBe("<input type='password' value='${WHY403_BODY_INPUT}'>");
    expect(r.values).toEqual(['correct horse battery']);
  });

  it('a double-quoted value holding the other quote is hidden whole', () => {
    expect(redacted(`<input type="password" value="it's a secret">`).values).toEqual(["it's a secret"]);
  });

  it('an unquoted value ends at whitespace or at the end of the tag', () => {
    expect(redacted('<input type=password value=pw-1 name=p>').values).toEqual(['pw-1']);
    expect(redacted('<input type=password value=pw-2>after').text).toBe(
      '<input type=password value=${WHY403_BODY_INPUT}>after',
    );
  });

  it('tag and attribute names are read in any case', () => {
    expect(redacted('<INPUT TYPE="PASSWORD" NAME="p" VALUE="pw-1">').values).toEqual(['pw-1']);
    expect(redacted('<Meta Name="csrf-token" Content="ct-2">').values).toEqual(['ct-2']);
  });

  it('every kind of whitespace separates attributes and may surround "="', () => {
    for (const ws of [' ', '\t', '\n', '\r', '\f'])
      expect(
        redacted(`<input${ws}type${ws}=${ws}"password"${ws}value${ws}=${ws}"pw-1"${ws}>`).values,
        JSON.stringify(ws),
      ).toEqual(['pw-1']);
  });

  it('attributes without a value, stray "=" and "/" do not hide what follows', () => {
    expect(redacted('<input disabled type="password" value="pw-1">').values).toEqual(['pw-1']);
    expect(redacted('<input = type="password" value="pw-2">').values).toEqual(['pw-2']);
    expect(redacted('<input/type="password"/value="pw-3"/>').values).toEqual(['pw-3']);
  });

  it('an unterminated quoted value is hidden to the end of the text', () => {
    const r = redacted('<input type="password" value="pw-tail and more <b>');
    expect(r.values).toEqual(['pw-tail and more <b>']);
  });

  it('a tag cut short by the next "<" ends there, and the next tag is still read', () => {
    expect(redacted('<input type=password value=pw-1<input type=password value=pw-2>').values).toEqual([
      'pw-1',
      'pw-2',
    ]);
  });

  it('a hidden input is hidden when its value looks random or is long (64 characters and more)', () => {
    const random = 'Xk9fQ2mZ7vB4nR8tL1wY6hJ3sD5gP0aC';
    expect(redacted(`<input type="hidden" name="state" value="${random}">`).values).toEqual([random]);
    expect(redacted(`<input type="hidden" value="${random}">`).secrets[0]!.name).toBe('WHY403_BODY_HIDDEN');
    expect(redacted(`<input type="hidden" name="blob" value="${'a'.repeat(64)}">`).values).toEqual(['a'.repeat(64)]);
    kept(`<input type="hidden" name="blob" value="${'a'.repeat(63)}">`);
  });

  it('ordinary inputs and hidden page state keep their values', () => {
    kept('<input type="hidden" name="page" value="2">');
    kept('<input type="text" name="q" value="shoes">');
    kept(`<input type="text" name="q" value="${'Xk9fQ2mZ7vB4nR8tL1wY6hJ3sD5gP0aC'}">`);
    kept('<input type="password" name="pw" value="">');
    kept('<input type="password" name="pw">');
  });

  it('a csrf meta tag is hidden (by name or property); other metas are kept', () => {
    const r = redacted('<meta name="csrf-token" content="ct-Meta-1">');
    expect(r.text).toBe('<meta name="csrf-token" content="${WHY403_BODY_CSRF_TOKEN}">');
    expect(r.secrets[0]!.places).toEqual(['response body form field csrf-token']);
    expect(redacted('<meta property="csrf-token" content="ct-2">').values).toEqual(['ct-2']);
    kept('<meta name="description" content="A shop">');
    kept('<meta name="csrf-token" content="">');
    kept('<meta name="csrf-token">');
    kept('<link name="csrf-token" content="ct-3">');
  });

  it('a value attribute on any other tag is not a form value', () => {
    kept('<option name="token" value="abc">');
  });

  it('text that is not markup ("a < b", "<>", "< input") is kept', () => {
    kept('if a < b and c<>d then < input type=password value=x');
  });
});

describe('edges of the scan', () => {
  it('markup cut off at the end of the text is read as far as it goes', () => {
    expect(redacted('<input type=password value=pw-1').values).toEqual(['pw-1']);
    expect(redacted('<input type=password value=pw-2 disabled').values).toEqual(['pw-2']);
    kept('x <abc');
    kept('x <p disabled');
  });

  it('text before the first "<" is not a tag', () => {
    kept('apassword>pw-1</password>');
  });

  it('a valueless attribute right before ">" or glued to a "<" ends where the markup says', () => {
    expect(redacted('<password disabled>pw-1</password>').values).toEqual(['pw-1']);
    expect(redacted('<a flag<password>pw-2</password>').values).toEqual(['pw-2']);
  });

  it('a quoted value ending in ">" does not end the tag: the attributes after it are read', () => {
    expect(redacted('<input type="password" value="pw>" name="pin">').secrets[0]!.name).toBe('WHY403_BODY_PIN');
  });

  it('an unterminated value holding another input is hidden once, whole', () => {
    expect(redacted('<input type="password" value="a <input type=password value=b>').values).toEqual([
      'a <input type=password value=b>',
    ]);
  });

  it('an unterminated hidden value is judged by itself, not by the text after the tag', () => {
    kept(`${'lorem ipsum '.repeat(8)}<input type="hidden" name="page" value="2`);
  });

  it('markup inside a quoted value is not read as tags', () => {
    kept('<input value="<password>">pw-1</password>');
  });

  it('a closing tag carries no form value; a meta without a name is kept', () => {
    kept('</input type=password value=pw-1>');
    kept('<meta charset="utf-8">');
  });

  it('a long CDATA is text to its end', () => {
    expect(redacted('<password><![CDATA[a long text <b> here]]></password>').values).toEqual([
      '<![CDATA[a long text <b> here]]>',
    ]);
  });

  it('each hidden value is listed as a body value', () => {
    const v = new Vault();
    redactMarkup('<password>pw-1</password>', v, 'request body');
    expect(v.list()[0]!.kind).toBe('body');
  });
});

describe('end to end', () => {
  it('a SOAP password in CDATA holding "<" does not leave a redacted HAR', () => {
    const e = makeEntry({
      url: 'https://api.example.com/soap',
      method: 'POST',
      status: 500,
      requestMimeType: 'text/xml',
      requestBody: '<Envelope><Password><![CDATA[p<ss-Wd-4812]]></Password></Envelope>',
    });
    const har: Har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [e] } };
    expect(JSON.stringify(redactHar(har).har)).not.toContain('ss-Wd-4812');
  });
});
