import type { SampleTable } from './types';

// Documented refusals of trading-apis.ts, push-services.ts, azure-data-firewalls.ts, saas-apis.ts, realtime.ts,
// akamai-edgegrid.ts, self-hosted-data.ts and billing-wording.ts, each from the page (or the vendor's own repository)
// its row cites; test/fixtures/documented/vendors10.ts holds the same responses at their requests.
const KRAKEN = 'https://api.kraken.com/0/private/Balance';
const KRAKEN_KEY = { 'API-Key': 'why403DocExampleKrakenKey0000000000000000000000000000000' };
const BYBIT = 'https://api.bybit.com/v5/position/list?category=linear&symbol=BTCUSDT';
const BYBIT_KEY = { 'X-BAPI-API-KEY': 'why403DocBybitKey0', 'X-BAPI-SIGN': 'f1a9b2c3d4e5f60718293a4b5c6d7e8f' };
const bybit = (code: number, msg: string) =>
  `{"retCode":${code},"retMsg":"${msg}","result":{},"retExtInfo":{},"time":1795262400012}`;
const APNS = 'https://api.push.apple.com/3/device/00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0';
const APNS_JWT = {
  authorization:
    'bearer eyJhbGciOiJFUzI1NiIsImtpZCI6IkFCQzEyM0RFRkcifQ.eyJpc3MiOiJERUYxMjNHSElKIiwiaWF0IjoxNzk1MjYxODAwfQ.MEUCIQDw',
};
const DSM = 'https://nas.example.com:5001/webapi/entry.cgi?api=SYNO.FileStation.List&version=2&method=list_share';

export const DOCUMENTED_API_SAMPLES: SampleTable = {
  'kraken.invalid_key': { status: 200, url: KRAKEN, request: KRAKEN_KEY, body: '{"error":["EAPI:Invalid key"]}' },
  'kraken.invalid_signature': {
    status: 200,
    url: KRAKEN,
    request: KRAKEN_KEY,
    body: '{"error":["EAPI:Invalid signature"]}',
  },
  'kraken.rate_limit': {
    status: 200,
    url: KRAKEN,
    request: KRAKEN_KEY,
    body: '{"error":["EAPI:Rate limit exceeded"]}',
  },
  'bybit.timestamp': {
    status: 200,
    url: BYBIT,
    request: BYBIT_KEY,
    body: bybit(
      10002,
      'invalid request, please check your server timestamp or recv_window param. req_timestamp[1795262390000],server_timestamp[1795262400012],recv_window[5000]',
    ),
  },
  'bybit.api_key_invalid': { status: 200, url: BYBIT, request: BYBIT_KEY, body: bybit(10003, 'API key is invalid.') },
  'bybit.sign': {
    status: 200,
    url: BYBIT,
    request: BYBIT_KEY,
    body: bybit(10004, 'error sign! origin_string[1795262390000why403DocBybitKey05000category=linear&symbol=BTCUSDT]'),
  },
  'alphavantage.frequency': {
    status: 200,
    url: 'https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM&apikey=DEMOWHY403KEY00',
    body:
      '{\n    "Note": "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and ' +
      '500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency."\n}',
  },
  'alphavantage.apikey': {
    status: 200,
    url: 'https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM&apikey=wrong',
    body:
      '{\n    "Error Message": "the parameter apikey is invalid or missing. Please claim your free API key on ' +
      '(https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds."\n}',
  },
  'alphavantage.apikey_missing': {
    status: 200,
    url: 'https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM',
    body:
      '{\n    "Error Message": "the parameter apikey is invalid or missing. Please claim your free API key on ' +
      '(https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds."\n}',
  },
  'apns.expired_provider_token': {
    status: 403,
    url: APNS,
    request: APNS_JWT,
    body: '{"reason":"ExpiredProviderToken"}',
  },
  'apns.invalid_provider_token': {
    status: 403,
    url: APNS,
    request: APNS_JWT,
    body: '{"reason":"InvalidProviderToken"}',
  },
  'apns.missing_provider_token': { status: 403, url: APNS, body: '{"reason":"MissingProviderToken"}' },
  'apns.too_many_token_updates': {
    status: 429,
    url: APNS,
    request: APNS_JWT,
    body: '{"reason":"TooManyProviderTokenUpdates"}',
  },
  'azure.keyvault.firewall': {
    status: 403,
    url: 'https://jbkeyvault.vault.azure.net/secrets/db-password?api-version=7.4',
    request: {
      Authorization: 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLm5ldCJ9.c2ln',
    },
    body:
      '{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.' +
      '\\r\\nClient address: 203.0.113.7\\r\\nVault: jbkeyvault;location=northeurope","innererror":{"code":"ForbiddenByFirewall"}}}',
  },
  'azure.cosmos.firewall': {
    status: 403,
    url: 'https://contoso.documents.azure.com/dbs/crm/colls/people/docs',
    request: { authorization: 'type%3Dmaster%26ver%3D1.0%26sig%3Dwhy403DocExampleSig%3D' },
    body:
      '{"code":"Forbidden","message":"Request originated from client IP 203.0.113.7 through public internet. This is ' +
      'blocked by your Cosmos DB account firewall settings. More info: https://aka.ms/cosmosdb-tsg-forbidden"}',
  },
  'adyen.not_allowed': {
    status: 403,
    url: 'https://checkout-test.adyen.com/v71/payments',
    request: { 'X-API-Key': 'AQEyhmfxK4why403DocExample0000000000000000000000' },
    body: '{"status":403,"errorCode":"010","message":"Not allowed","errorType":"security","pspReference":"8816178914079738"}',
  },
  'strava.missing_scope': {
    status: 401,
    url: 'https://www.strava.com/api/v3/athlete/activities',
    request: { Authorization: 'Bearer 3ec8d2f1a9b07c6e5d4f3a2b1c0d9e8f7a6b5c4d' },
    body: '{"message":"Authorization Error","errors":[{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}]}',
  },
  'elevenlabs.quota_exceeded': {
    status: 401,
    url: 'https://api.elevenlabs.io/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM',
    request: { 'xi-api-key': 'sk_why403docexample000000000000000000000000000000' },
    body:
      '{"detail":{"status":"quota_exceeded","message":"This request exceeds your quota of 10000. You have 31 credits ' +
      'remaining, while 120 credits are required for this request."}}',
  },
  'notion.not_shared': {
    status: 404,
    url: 'https://api.notion.com/v1/databases/668d797c-76fa-4934-9b05-ad288df2d136/query',
    request: { Authorization: 'Bearer secret_why403DocExample000000000000000000000000000' },
    body:
      '{"object":"error","status":404,"code":"object_not_found","message":"Could not find database with ID: ' +
      '668d797c-76fa-4934-9b05-ad288df2d136. Make sure the relevant pages and databases are shared with your integration."}',
  },
  'atproto.expired_token': {
    status: 400,
    url: 'https://bsky.social/xrpc/app.bsky.actor.getPreferences',
    request: {
      Authorization: 'Bearer eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.eyJzY29wZSI6ImNvbS5hdHByb3RvLmFjY2VzcyJ9.c2ln',
    },
    body: '{"error":"ExpiredToken","message":"Token has expired"}',
  },
  'pusher.timestamp_expired': {
    status: 401,
    url: 'https://api-eu.pusher.com/apps/1234/events?auth_key=278d425bdf160c739803&auth_timestamp=1795255200&auth_version=1.0&auth_signature=da45',
    body: 'Timestamp expired: Given timestamp (2026-11-21T10:00:00Z) not within 600s of server time (2026-11-21T12:00:00Z)\n',
  },
  'akamai.edgegrid.signature': {
    status: 401,
    url: 'https://akab-lxsb2xeqw5qs5vli-mvoc326hoqo474wg.luna.akamaiapis.net/cloudlets/api/v2/policies/37677/versions/2',
    request: {
      Authorization:
        'EG1-HMAC-SHA256 client_token=akab-7fumbdauzqneq7yq-zalhzyep36afvacw;access_token=akab-f7lxhzj6axbnklnd-wqxemp23fgebgqb7;timestamp=20261121T11:59:58+0000;nonce=bd26d779;signature=c7t85HBImm5IW/uzg0gQyzhDkxFCHCH2cxtJtqdm/wY=',
    },
    headers: { 'content-type': 'application/problem+json' },
    body:
      '{"type":"https://problems.luna.akamaiapis.net/-/pep-authn/deny","title":"Not authorized","status":401,' +
      '"detail":"The signature does not match","method":"PUT","requestId":"b75d1af"}',
  },
  'rabbitmq.not_management_user': {
    status: 401,
    url: 'http://rabbit.example.com:15672/api/exchanges/%2F/orders',
    request: { Authorization: 'Basic YXBwOmFwcC1wYXNzd29yZA==' },
    headers: { server: 'Cowboy' },
    body: '{"error":"not_authorised","reason":"Not management user"}',
  },
  'typesense.invalid_key': {
    status: 401,
    url: 'http://localhost:8108/collections/companies/documents/search?q=stark&query_by=company_name',
    request: { 'X-TYPESENSE-API-KEY': 'why403DocTypesenseKey00000000000000' },
    body: '{"message": "Forbidden - a valid `x-typesense-api-key` header must be sent."}',
  },
  'typesense.missing_key': {
    status: 401,
    url: 'http://localhost:8108/collections',
    body: '{"message": "Forbidden - a valid `x-typesense-api-key` header must be sent."}',
  },
  'meilisearch.authorization_not_bearer': {
    status: 401,
    url: 'http://127.0.0.1:7700/keys',
    request: { Authorization: 'aSampleMasterKey0123456789' },
    body:
      '{"message":"The Authorization header is missing. It must use the bearer authorization method.",' +
      '"code":"missing_authorization_header","type":"auth","link":"https://docs.meilisearch.com/errors#missing_authorization_header"}',
  },
  'synology.sid_not_found': {
    status: 200,
    url: `${DSM}&_sid=why403DocExampleSid0000`,
    body: '{"error":{"code":119},"success":false}',
  },
  'synology.no_permission': {
    status: 200,
    url: `${DSM}&_sid=why403DocExampleSid0000`,
    body: '{"error":{"code":105},"success":false}',
  },
  'synology.session_timeout': {
    status: 200,
    url: `${DSM}&_sid=why403DocExampleSid0000`,
    body: '{"error":{"code":106},"success":false}',
  },
  'generic.credit_exhausted': {
    status: 402,
    url: 'https://api.deepseek.com/chat/completions',
    request: { Authorization: 'Bearer sk-why403docexample0000000000000000' },
    body: '{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}',
  },
};
