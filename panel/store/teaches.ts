import { learnEntries, Vault, type HarEntry } from '../../lib';

type Content = NonNullable<HarEntry['response']['content']>;

/**
 * Whether a response body teaches a secret (a login response's token, a key in a JSON field):
 * such a body is never let go, or a later export, which learns the secrets of the whole log
 * before it redacts (lib/redact/learn.ts), would not know to hide that token where it reappears.
 *
 * Only the body is read, in an entry of its own: what the headers and the URL teach is learned
 * from them at export time whether or not the body is held. Reading the body alone is also what
 * makes a base64 body right: its secrets are learned from the decoded text, which a search of the
 * raw base64 for the learned values would miss.
 */
export function bodyTeachesSecrets(content: Content): boolean {
  if (typeof content.text !== 'string' || content.text.length === 0) return false;
  const vault = new Vault();
  learnEntries([bodyOnly(content)], vault);
  return vault.learned().some((s) => s.value.length > 0);
}

function bodyOnly(content: Content): HarEntry {
  return {
    startedDateTime: '',
    time: 0,
    request: {
      method: 'GET',
      url: '',
      httpVersion: '',
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 0,
      statusText: '',
      httpVersion: '',
      headers: [],
      cookies: [],
      content: {
        size: content.size,
        mimeType: content.mimeType,
        text: content.text,
        ...(content.encoding ? { encoding: content.encoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    timings: { send: 0, wait: 0, receive: 0 },
  };
}
