/** A request as the replay editor holds it: everything editable, nothing implicit. */
export interface ReplayRequest {
  method: string;
  url: string;
  /** Ordered; names as typed. Empty names are ignored when sending. */
  headers: { name: string; value: string }[];
  /** Text body, or null for none. */
  body: string | null;
  /** Page mode only: fetch's credentials mode (cookies of the page). */
  credentials: 'include' | 'same-origin' | 'omit';
}

export type ReplayMode = 'page' | 'direct';

export type AuthType = 'none' | 'basic' | 'bearer' | 'api-key' | 'cookie' | 'custom';

/** The credential helper's state; it writes into headers or the query when applied. */
export interface ReplayAuth {
  type: AuthType;
  username: string;
  password: string;
  token: string;
  keyName: string;
  keyValue: string;
  keyIn: 'header' | 'query';
  cookie: string;
  customName: string;
  customValue: string;
}

/** What came back, whichever way it was sent. */
export type ReplayOutcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      headers: { name: string; value: string }[];
      body: string;
      bodyTruncated: boolean;
      ms: number;
    }
  | {
      /** The request never produced a readable response: CORS, DNS, refused, timeout… */
      kind: 'network-error';
      message: string;
      /** True when the browser's wording says CORS (page mode). */
      cors: boolean;
      timedOut: boolean;
      /** The browser's own error for the request (Chrome `net::…`), when it could be read. */
      netError?: string;
      ms: number;
    };

export const EMPTY_AUTH: ReplayAuth = {
  type: 'none',
  username: '',
  password: '',
  token: '',
  keyName: 'x-api-key',
  keyValue: '',
  keyIn: 'header',
  cookie: '',
  customName: '',
  customValue: '',
};
