// A container under a secret key is secret whole ("tokens": {"access": …, "refresh": …}), except
// the error report a server puts there: a GraphQL payload is named after what it returns
// (Saleor's tokenCreate, externalObtainAccessTokens), and its `errors` list is what the user needs
// to read. Sealed as secrets, "state" and "INVALID" became placeholders in every output quoting
// them (lib/redact/names.ts REPORT_KEYS). Keys secret by themselves stay secret anywhere.
import { describe, expect, it } from 'vitest';
import { displayText, redactHar, Vault } from '../../../lib/redact';
import { redactJson } from '../../../lib/redact/json';
import { makeEntry, makeHar } from '../../support/har';

const shown = (json: string) => {
  const v = new Vault();
  return { text: displayText(redactJson(json, v, 'response body')), secrets: v.list() };
};

describe('a secret container', () => {
  it('keeps the error report inside it as written', () => {
    const failed =
      '{"data":{"tokenCreate":{"token":null,"errors":[{"field":"email","message":"Please, enter valid credentials","code":"INVALID_CREDENTIALS","__typename":"AccountError"}]}}}';
    expect(shown(failed)).toEqual({ text: failed, secrets: [] });
  });

  it('still hides every value that is not its error report, and secret keys inside the report', () => {
    const { text } = shown(
      '{"tokenCreate":{"token":"eyJhbGciOiJIUzI1NiJ9.e30.sig-4812","user":{"email":"ann@example.com"},"errors":[{"message":"ok","token":"tk-In-Report-4812"}]}}',
    );
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(text).not.toContain('ann@example.com');
    expect(text).not.toContain('tk-In-Report-4812');
    expect(text).toContain('"message":"ok"');
    const { text: pair } = shown('{"tokens":{"access":"at-Plain-4812","refresh":"rt-Plain-4812","message":"m-4812"}}');
    expect(pair).not.toMatch(/at-Plain-4812|rt-Plain-4812/);
    // A report key's scalar is the server's words, not the credential.
    expect(pair).toContain('"message":"m-4812"');
  });

  it('does not teach the vault the words of its report: outputs quoting them stay readable', () => {
    const e = makeEntry({ method: 'POST', url: 'https://shop.example.com/graphql/', status: 200 }, 0);
    e.response.content = {
      size: 0,
      mimeType: 'application/json',
      text: '{"data":{"externalObtainAccessTokens":{"user":null,"errors":[{"code":"INVALID","field":"state","message":"Bad signature"}]}}}',
    };
    const { har, secrets } = redactHar({ log: { ...makeHar([]).log, entries: [e] } });
    expect(secrets).toEqual([]);
    expect(har.log.entries[0]!.response.content!.text).toContain('"field":"state","message":"Bad signature"');
  });
});
