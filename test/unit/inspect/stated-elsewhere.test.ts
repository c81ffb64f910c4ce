import { describe, expect, it } from 'vitest';
import { plainTextError, statusTextError, xmlFaultError } from '../../../lib/inspect/stated-elsewhere';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

const x = (spec: Partial<EntrySpec>) =>
  toExchange(makeEntry({ url: 'https://api.example.com/x', status: 401, ...spec }), 0);

// XML-RPC fault response, the form of the spec's example (http://xmlrpc.com/spec.md, "Fault example").
const xmlrpcFault = (code: string, message: string) =>
  '<?xml version="1.0"?>\n<methodResponse>\n   <fault>\n      <value>\n         <struct>\n' +
  `            <member>\n               <name>faultCode</name>\n               <value>${code}</value>\n            </member>\n` +
  `            <member>\n               <name>faultString</name>\n               <value><string>${message}</string></value>\n` +
  '            </member>\n         </struct>\n      </value>\n   </fault>\n</methodResponse>';

describe('statusTextError: a reason phrase that says more than the status', () => {
  it('keeps an AWS-style phrase and drops the standard ones, in any spacing or case', () => {
    expect(statusTextError(x({ statusText: 'Malformed security token' }))).toEqual({
      family: 'message',
      code: '',
      at: 'status text',
      message: 'Malformed security token',
    });
    expect(statusTextError(x({ statusText: 'Unauthorized' }))).toBeNull();
    expect(statusTextError(x({ status: 429, statusText: 'TOO MANY REQUESTS' }))).toBeNull();
    expect(statusTextError(x({ status: 403, statusText: ' Forbidden ' }))).toBeNull();
    expect(statusTextError(x({ status: 422, statusText: 'Unprocessable-Entity' }))).toBeNull();
  });

  it('keeps the phrase without the spaces around it', () => {
    expect(statusTextError(x({ statusText: ' Token expired ' }))?.message).toBe('Token expired');
    expect(statusTextError(x({ statusText: ' No ' }))).toBeNull();
  });

  it('reads only refusals (status 400 and up)', () => {
    expect(statusTextError(x({ status: 400, statusText: 'Missing tenant header' }))?.message).toBe(
      'Missing tenant header',
    );
    expect(statusTextError(x({ status: 399, statusText: 'Missing tenant header' }))).toBeNull();
    expect(statusTextError(x({ status: 200, statusText: 'Missing tenant header' }))).toBeNull();
  });

  it('ignores text too short to be a sentence, too long to be a phrase, or with no words', () => {
    expect(statusTextError(x({ statusText: 'Nope' }))?.message).toBe('Nope');
    expect(statusTextError(x({ statusText: 'Bad' }))).toBeNull();
    expect(statusTextError(x({ statusText: '  ok  ' }))).toBeNull();
    // A servlet container's exception message (Shindig: 339 characters) is still a phrase.
    expect(statusTextError(x({ statusText: 'x'.repeat(512) }))?.message).toHaveLength(512);
    expect(statusTextError(x({ statusText: 'x'.repeat(513) }))).toBeNull();
    expect(statusTextError(x({ statusText: '4012 / 9' }))).toBeNull();
  });
});

describe('plainTextError: one short line of text/plain', () => {
  const plain = (body: string, spec: Partial<EntrySpec> = {}) =>
    plainTextError(x({ mimeType: 'text/plain; charset=utf-8', body, ...spec }));

  // Express: res.status(401).send('Invalid username or password') answers text/html by default,
  // res.type('text').send(...) text/plain (https://expressjs.com/en/4x/api.html#res.send).
  it('keeps the sentence, trimmed, with where it was read', () => {
    expect(plain('Invalid username or password\n')).toEqual({
      family: 'message',
      code: '',
      at: 'body (text/plain)',
      message: 'Invalid username or password',
    });
  });

  it('stays quiet for other types, successes, and bodies that only restate the status', () => {
    expect(plain('Invalid username or password', { mimeType: 'text/html' })).toBeNull();
    expect(plain('Invalid username or password', { mimeType: 'application/text/plain' })).toBeNull();
    expect(plain('Invalid username or password', { mimeType: 'TEXT/PLAIN' })?.message).toBeTruthy();
    expect(plain('Invalid username or password', { status: 399 })).toBeNull();
    expect(plain('Invalid username or password', { status: 400 })).not.toBeNull();
    expect(plain('Unauthorized')).toBeNull();
    expect(plain('401 Unauthorized')).toBeNull();
    expect(plain('----')).toBeNull();
  });

  it('keeps up to three lines of up to 300 characters, and reads nothing longer', () => {
    expect(plain('Access denied.\nYour key is revoked.\nContact support.')).not.toBeNull();
    expect(plain('Access denied.\nYour key is revoked.\nContact support.\nRef 42')).toBeNull();
    expect(plain('a'.repeat(300))).not.toBeNull();
    expect(plain('a'.repeat(301))).toBeNull();
    expect(plain('Nope')).not.toBeNull();
    expect(plain('No.')).toBeNull();
    expect(plainTextError(x({ mimeType: 'text/plain' }))).toBeNull();
  });
});

describe('xmlFaultError: XML-RPC and SOAP faults', () => {
  it('reads the XML-RPC fault string and keeps the fault code beside where it was read', () => {
    expect(xmlFaultError(xmlrpcFault('<int>4</int>', 'Too many parameters.'))).toEqual({
      family: 'message',
      code: '',
      at: 'XML-RPC fault 4',
      message: 'Too many parameters.',
    });
    expect(xmlFaultError(xmlrpcFault('<i4>403</i4>', 'Incorrect username or password.'))?.at).toBe('XML-RPC fault 403');
  });

  it('reads an XML-RPC fault with no code, and nothing from a fault with no string', () => {
    const noCode = xmlrpcFault('', 'Denied').replace(/<member>\s*<name>faultCode[\s\S]*?<\/member>/, '');
    expect(xmlFaultError(noCode)?.at).toBe('XML-RPC fault');
    expect(xmlFaultError(xmlrpcFault('<int>4</int>', '').replace('faultString', 'detail'))).toBeNull();
  });

  // Pretty-printed responses put the values on lines of their own; an XML-RPC value with no type
  // tag is a string (XML-RPC spec, "Scalar <value>s").
  it('reads pretty-printed faults without the whitespace around their values', () => {
    const pretty = xmlrpcFault('\n                  4\n               ', '\n    Too many parameters.\n  ');
    expect(xmlFaultError(pretty)).toMatchObject({ at: 'XML-RPC fault 4', message: 'Too many parameters.' });
    const soap =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\n' +
      '  <faultcode>\n    soap:Client\n  </faultcode>\n  <faultstring>\n    Invalid API key\n  </faultstring>\n' +
      '</soap:Fault></soap:Body></soap:Envelope>';
    expect(xmlFaultError(soap)).toMatchObject({ at: 'SOAP Fault soap:Client', message: 'Invalid API key' });
  });

  it('a successful XML-RPC response is no fault', () => {
    expect(
      xmlFaultError(
        '<?xml version="1.0"?><methodResponse><params><param><value><string>South Dakota</string></value></param></params></methodResponse>',
      ),
    ).toBeNull();
  });

  // XML entities in the message are the characters they stand for (XML 1.0 §4.6).
  it('unescapes the five predefined entities, &amp; last so "&amp;lt;" stays "&lt;"', () => {
    expect(
      xmlFaultError(xmlrpcFault('<int>1</int>', 'Key &quot;a&apos;b&quot; &lt;revoked&gt; &amp; &amp;lt;'))?.message,
    ).toBe('Key "a\'b" <revoked> & &lt;');
    expect(xmlFaultError(xmlrpcFault('<int>1</int>', '&lt;a&gt; and &lt;b&gt;'))?.message).toBe('<a> and <b>');
  });

  // SOAP 1.1 §4.4 example fault (https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383507).
  it('reads a SOAP 1.1 fault with its faultcode', () => {
    const soap11 =
      '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">\n<SOAP-ENV:Body>\n<SOAP-ENV:Fault>\n' +
      '<faultcode>SOAP-ENV:Server</faultcode>\n<faultstring>Server Error</faultstring>\n</SOAP-ENV:Fault>\n</SOAP-ENV:Body>\n</SOAP-ENV:Envelope>';
    expect(xmlFaultError(soap11)).toEqual({
      family: 'message',
      code: '',
      at: 'SOAP Fault SOAP-ENV:Server',
      message: 'Server Error',
    });
    expect(xmlFaultError(soap11.replace(/<faultcode>.*<\/faultcode>/, ''))?.at).toBe('SOAP Fault');
  });

  // SOAP 1.2 Part 1 §5.4, Example 4 (https://www.w3.org/TR/soap12-part1/#soapfault).
  it('reads a SOAP 1.2 fault reason', () => {
    const soap12 =
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>' +
      '<env:Code><env:Value>env:Sender</env:Value></env:Code>' +
      '<env:Reason><env:Text xml:lang="en-US">Processing error</env:Text></env:Reason>' +
      '</env:Fault></env:Body></env:Envelope>';
    expect(xmlFaultError(soap12)?.message).toBe('Processing error');
  });

  it('reads only XML, and only its first 16 KiB', () => {
    expect(xmlFaultError(null)).toBeNull();
    expect(xmlFaultError('')).toBeNull();
    expect(xmlFaultError(`{"x":1}${xmlrpcFault('<int>1</int>', 'Denied')}`)).toBeNull();
    expect(xmlFaultError(`  \n${xmlrpcFault('<int>1</int>', 'Denied')}`)?.message).toBe('Denied');
    expect(xmlFaultError(`<!-- ${'x'.repeat(20 * 1024)} -->${xmlrpcFault('<int>1</int>', 'Denied')}`)).toBeNull();
  });
});
