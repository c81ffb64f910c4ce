// HAR 1.2 as Chrome, Firefox and Edge write it. Only what the engine reads is typed;
// browser extras (`_resourceType`, `_initiator`, `_error`, …) stay on the objects untouched.
export interface HarNameValue {
  name: string;
  value: string;
  comment?: string;
}

export interface HarCookie extends HarNameValue {
  path?: string;
  domain?: string;
  expires?: string | null;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
}

export interface HarPostParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}

export interface HarPostData {
  mimeType?: string;
  text?: string;
  params?: HarPostParam[];
  /** Chrome writes "base64" here for binary request bodies. */
  encoding?: string;
  _encoding?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion?: string;
  headers: HarNameValue[];
  queryString?: HarNameValue[];
  cookies?: HarCookie[];
  postData?: HarPostData;
  headersSize?: number;
  bodySize?: number;
}

export interface HarContent {
  size?: number;
  mimeType?: string;
  text?: string;
  encoding?: string;
  compression?: number;
}

export interface HarResponse {
  status: number;
  statusText?: string;
  httpVersion?: string;
  headers: HarNameValue[];
  cookies?: HarCookie[];
  content?: HarContent;
  redirectURL?: string;
  headersSize?: number;
  bodySize?: number;
  /** Chrome: "net::ERR_FAILED" for CORS-blocked requests, null otherwise. */
  _error?: string | null;
  /** Playwright (recordHar, traces): the failure of a request that got no response, status -1. */
  _failureText?: string;
}

export interface HarInitiator {
  type?: string;
  url?: string;
  requestId?: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime?: string;
  time?: number;
  request: HarRequest;
  response: HarResponse;
  serverIPAddress?: string;
  timings?: Record<string, unknown>;
  /** Chrome: "fetch", "xhr", "document", "preflight", … */
  _resourceType?: string;
  _initiator?: HarInitiator;
  comment?: string;
}

export interface HarLog {
  version?: string;
  creator?: { name?: string; version?: string };
  pages?: unknown[];
  entries: HarEntry[];
  comment?: string;
}

export interface Har {
  log: HarLog;
}
