// A captured URL can hold userinfo (`https://user:pass@host/`). A browser never sends it: the
// request line has no authority part, fetch() rejects such a URL (Fetch standard, "Request
// constructor": "If parsedURL includes credentials, then throw a TypeError"), and a navigation
// turns it into an Authorization header that the capture then records as a header of its own.
// So the request the browser sent is the URL without it. Replayed as written, node and fetch
// exports throw, and curl invents `Authorization: Basic …` from it (curl(1), "-u"). The
// authority ends at the first /, ? or # (or \ in a special scheme); userinfo ends at its last @
// (WHATWG URL, "authority state"): https://url.spec.whatwg.org/#authority-state
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\]*@/i;

/** The URL as sent, and whether userinfo was removed from it (the rest stays byte for byte). */
export function withoutUserinfo(rawUrl: string): { url: string; stripped: boolean } {
  const m = USERINFO.exec(rawUrl);
  return m ? { url: m[1]! + rawUrl.slice(m[0].length), stripped: true } : { url: rawUrl, stripped: false };
}

export const USERINFO_NOTE =
  "the URL's user name and password (user:pass@) are removed: a browser does not send them in a request";
