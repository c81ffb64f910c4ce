// What readJsonError must read from the bodies real APIs send, at the edges of each shape: a
// top-level code is a statement when it is a word, or a number beside a sentence; a bare number is
// not (issue 22: these lines were where the sampled mutants survived).
import { describe, expect, it } from 'vitest';
import { readJsonError, readStatedErrors, statedErrorsOf } from '../../../lib/inspect/structured-error';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

const read = (body: unknown) => readJsonError(body as never);
const x = (spec: Partial<EntrySpec>) =>
  toExchange(makeEntry({ url: 'https://api.example.com/x', status: 403, ...spec }), 0);
const codes = (body: unknown) => read(body).map((e) => `${e.family}:${e.code}@${e.at}`);

describe('a top-level code', () => {
  it('is read under each name APIs give it, with the message beside it', () => {
    // Okta (https://developer.okta.com/docs/reference/error-codes/): errorCode + errorSummary.
    expect(
      read({
        errorCode: 'E0000011',
        errorSummary: 'Invalid token provided',
        errorLink: 'E0000011',
        errorId: 'oaeXYZ',
        errorCauses: [],
      }),
    ).toEqual([{ family: 'code', code: 'E0000011', at: '/errorCode', message: 'Invalid token provided' }]);
    // Parse Server (https://docs.parseplatform.org/rest/guide/#error-codes): the sentence is in "error".
    expect(read({ code: 101, error: 'Invalid username/password.' })).toEqual([
      { family: 'code', code: '101', at: '/code', message: 'Invalid username/password.' },
    ]);
    // Baidu AI (https://ai.baidu.com/ai-doc/REFERENCE/Ck3dwjhhu): error_code + error_msg.
    expect(read({ error_code: 110, error_msg: 'Access token invalid or no longer valid' })).toEqual([
      { family: 'code', code: '110', at: '/error_code', message: 'Access token invalid or no longer valid' },
    ]);
    // WeChat (https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html).
    expect(read({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })).toEqual([
      {
        family: 'code',
        code: '40001',
        at: '/errcode',
        message: 'invalid credential, access_token is invalid or not latest',
      },
    ]);
    expect(codes({ errCode: 'SESSION_EXPIRED' })).toEqual(['code:SESSION_EXPIRED@/errCode']);
  });

  it('is a statement alone when it is a word, not when it is a bare number', () => {
    expect(codes({ code: 'AUTH_REQUIRED' })).toEqual(['code:AUTH_REQUIRED@/code']);
    // A number says nothing without words ({"code":1001,"data":null} is any API's reply).
    expect(read({ code: 1001, data: null })).toEqual([]);
    expect(read({ errorCode: 7 })).toEqual([]);
  });

  it('a value that is no code does not end the search for the next name', () => {
    expect(codes({ code: null, errorCode: 'E0000011', errorSummary: 'Invalid token provided' })).toEqual([
      'code:E0000011@/errorCode',
    ]);
    expect(codes({ code: 'two\nlines', errcode: 40001, errmsg: 'invalid credential' })).toEqual([
      'code:40001@/errcode',
    ]);
    // Only the first code is the statement.
    expect(codes({ code: 'A_FIRST', errorCode: 'B_SECOND' })).toEqual(['code:A_FIRST@/code']);
  });
});

describe('Google and Firebase', () => {
  it('reads each detail reason and each legacy reason, and a Firebase code in the message', () => {
    // Firebase Auth REST (https://firebase.google.com/docs/reference/rest/auth#section-error-format).
    expect(
      read({
        error: {
          code: 400,
          message: 'TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled.',
          errors: [{ message: 'TOO_MANY_ATTEMPTS_TRY_LATER', domain: 'global', reason: 'invalid' }],
        },
      }),
    ).toEqual([
      { family: 'google', code: 'invalid', at: '/error/errors/0/reason', message: 'TOO_MANY_ATTEMPTS_TRY_LATER' },
      {
        family: 'google',
        code: 'TOO_MANY_ATTEMPTS_TRY_LATER',
        at: '/error/message',
        message: 'Access to this account has been temporarily disabled.',
      },
    ]);
    // A bare code as the whole message keeps the message as its words.
    expect(read({ error: { code: 400, message: 'TOKEN_EXPIRED', errors: [{ reason: 'invalid' }] } })).toEqual([
      { family: 'google', code: 'invalid', at: '/error/errors/0/reason', message: 'TOKEN_EXPIRED' },
      { family: 'google', code: 'TOKEN_EXPIRED', at: '/error/message', message: 'TOKEN_EXPIRED' },
    ]);
  });

  it('reads AIP-193 details in order, skipping entries that are no object', () => {
    // https://google.aip.dev/193#http11json-representation
    expect(
      codes({
        error: {
          code: 403,
          status: 'PERMISSION_DENIED',
          message: 'Cloud Storage API has not been used',
          details: [null, { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }],
        },
      }),
    ).toEqual(['google:SERVICE_DISABLED@/error/details/1/reason', 'google:PERMISSION_DENIED@/error/status']);
  });

  it('a lower-case or one-letter status is no canonical code', () => {
    // Not Google's: read as the {"error":{"code"}} shape instead.
    expect(codes({ error: { status: 'denied', code: 'AccessDenied', message: 'm' } })).toEqual([
      'odata:AccessDenied@/error/code',
    ]);
    expect(codes({ error: { status: 'D', code: 'AccessDenied', message: 'm' } })).toEqual([
      'odata:AccessDenied@/error/code',
    ]);
    // A legacy errors[] without a string reason is not Google's either.
    expect(codes({ error: { code: 'AccessDenied', message: 'm', errors: [{ reason: 3 }] } })).toEqual([
      'odata:AccessDenied@/error/code',
    ]);
  });

  it('a message is a code only when it is one upper-case word of 4 to 81 characters', () => {
    const inMessage = (message: string) =>
      codes({ error: { code: 403, status: 'PERMISSION_DENIED', message } }).filter((c) => c.endsWith('/error/message'));
    expect(inMessage('USER_DISABLED')).toEqual(['google:USER_DISABLED@/error/message']);
    expect(inMessage('ABCD')).toEqual(['google:ABCD@/error/message']);
    expect(inMessage('ABC')).toEqual([]);
    expect(inMessage(`A${'B'.repeat(80)}`)).toHaveLength(1);
    expect(inMessage(`A${'B'.repeat(81)}`)).toEqual([]);
    expect(inMessage('The caller does not have permission')).toEqual([]);
    expect(inMessage('Permission denied: USER_DISABLED')).toEqual([]);
  });
});

describe('OData, Graph and ARM', () => {
  it('reads ARM details and the innerError chain, the most specific first, with their own messages', () => {
    // ARM (https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/common-deployment-errors).
    expect(
      read({
        error: {
          code: 'InvalidTemplateDeployment',
          message: 'The template deployment failed.',
          details: [
            { code: 'RequestDisallowedByPolicy', message: 'Disallowed by policy.' },
            'x',
            { code: 'NoMessage' },
          ],
        },
      }),
    ).toEqual([
      { family: 'odata', code: 'NoMessage', at: '/error/details/2/code', message: 'The template deployment failed.' },
      {
        family: 'odata',
        code: 'RequestDisallowedByPolicy',
        at: '/error/details/0/code',
        message: 'Disallowed by policy.',
      },
      {
        family: 'odata',
        code: 'InvalidTemplateDeployment',
        at: '/error/code',
        message: 'The template deployment failed.',
      },
    ]);
  });

  it('follows innerError under each spelling, six levels deep at most', () => {
    let inner: Record<string, unknown> = { code: 'L7' };
    for (let i = 6; i >= 1; i--) inner = { code: `L${i}`, innerError: inner };
    const found = codes({ error: { code: 'Outer', message: 'm', innerError: inner } });
    expect(found).toEqual([
      'odata:L6@/error/innerError/innerError/innerError/innerError/innerError/innerError/code',
      'odata:L5@/error/innerError/innerError/innerError/innerError/innerError/code',
      'odata:L4@/error/innerError/innerError/innerError/innerError/code',
      'odata:L3@/error/innerError/innerError/innerError/code',
      'odata:L2@/error/innerError/innerError/code',
      'odata:L1@/error/innerError/code',
      'odata:Outer@/error/code',
    ]);
    // OData JSON Format 4.01 §21.2 spells it "innererror"; some servers "InnerError".
    expect(
      codes({ error: { code: 'O', message: 'm', innererror: { code: 'I1', innererror: { code: 'I2' } } } }),
    ).toEqual(['odata:I2@/error/innerError/innerError/code', 'odata:I1@/error/innerError/code', 'odata:O@/error/code']);
    expect(codes({ error: { code: 'O', message: 'm', InnerError: { code: 'I1' } } })).toEqual([
      'odata:I1@/error/innerError/code',
      'odata:O@/error/code',
    ]);
    const msg = read({ error: { code: 'O', message: 'outer', innerError: { code: 'I', message: 'inner' } } });
    expect(msg.map((e) => e.message)).toEqual(['inner', 'outer']);
  });

  it("reads OData v3's odata.error", () => {
    expect(read({ 'odata.error': { code: '-1', message: { lang: 'en-US', value: 'Access denied.' } } })).toEqual([
      { family: 'odata', code: '-1', at: '/odata.error/code', message: 'Access denied.' },
    ]);
  });

  it("reads Stripe's error.type when there is no error.code", () => {
    // https://docs.stripe.com/api/errors
    expect(
      read({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } }),
    ).toEqual([
      {
        family: 'odata',
        code: 'invalid_request_error',
        at: '/error/type',
        message: 'Invalid API Key provided: sk_test_****',
      },
    ]);
    expect(codes({ error: { type: 'card_error', code: 'card_declined', message: 'Declined.' } })).toEqual([
      'odata:card_declined@/error/code',
    ]);
  });
});

describe('JSON:API, GraphQL and envelopes in errors[]', () => {
  it('reads a JSON:API code, else its title, and a 4xx status member', () => {
    // https://jsonapi.org/format/#error-objects
    expect(read({ errors: [{ status: '403', title: 'Forbidden', detail: 'You may not edit this article.' }] })).toEqual(
      [
        { family: 'jsonapi', code: 'Forbidden', at: '/errors/0/title', message: 'You may not edit this article.' },
        { family: 'jsonapi', code: '403', at: '/errors/0/status' },
      ],
    );
    expect(read({ errors: [{ status: '401', code: 'token_expired', title: 'Token expired' }] })).toEqual([
      { family: 'jsonapi', code: 'token_expired', at: '/errors/0/code', message: 'Token expired' },
      { family: 'jsonapi', code: '401', at: '/errors/0/status' },
    ]);
    // Not a client refusal, or not the string the spec says: no status code.
    expect(codes({ errors: [{ status: '500', title: 'Server Error' }] })).toEqual([
      'jsonapi:Server Error@/errors/0/title',
    ]);
    expect(codes({ errors: [{ status: 403, title: 'Forbidden' }] })).toEqual(['jsonapi:Forbidden@/errors/0/title']);
    expect(codes({ errors: [{ status: '4031', title: 'Forbidden' }] })).toEqual(['jsonapi:Forbidden@/errors/0/title']);
    expect(codes({ errors: [{ status: 'x403', title: 'Forbidden' }] })).toEqual(['jsonapi:Forbidden@/errors/0/title']);
    expect(codes({ errors: [null, { status: '403', title: 'Forbidden' }] })).toEqual([
      'jsonapi:Forbidden@/errors/1/title',
      'jsonapi:403@/errors/1/status',
    ]);
  });

  it('reads errors[] as GraphQL when an error has a message and neither status nor title', () => {
    // GitHub GraphQL (https://docs.github.com/en/graphql/overview/resource-limitations): "type".
    expect(codes({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] })).toEqual([
      'graphql:RATE_LIMITED@/errors/0/type',
    ]);
    expect(codes({ errors: [{ message: 'x', status: '403', title: 'Forbidden' }] })).toEqual([
      'jsonapi:Forbidden@/errors/0/title',
      'jsonapi:403@/errors/0/status',
    ]);
    expect(codes({ errors: [{ message: 'x', title: 'Forbidden' }] })).toEqual(['jsonapi:Forbidden@/errors/0/title']);
    expect(codes({ errors: [{ message: 7, code: 'denied' }] })).toEqual(['jsonapi:denied@/errors/0/code']);
  });

  it("reads Cloudflare's and Slack-style envelopes: errors[].code beside a false flag", () => {
    // Cloudflare API v4 (https://developers.cloudflare.com/fundamentals/api/reference/): success false.
    expect(
      read({ success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null }),
    ).toEqual([{ family: 'envelope', code: '10000', at: '/errors/0/code', message: 'Authentication error' }]);
    expect(codes({ ok: false, errors: [null, { code: 'not_authed' }] })).toEqual([
      'envelope:not_authed@/errors/1/code',
    ]);
    // Without the flag, the same list is GraphQL's.
    expect(codes({ success: true, errors: [{ code: 10000, message: 'Authentication error' }] })).toEqual([
      'graphql:10000@/errors/0/code',
    ]);
  });
});

describe('the other documented shapes', () => {
  it("reads Spring Boot's error only with all of timestamp, status and path", () => {
    // Spring Boot's DefaultErrorAttributes (https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling).
    const spring = { timestamp: '2026-12-05T10:00:00.000+00:00', status: 403, error: 'Forbidden', path: '/api/x' };
    expect(read({ ...spring, message: 'Access Denied' })).toEqual([
      { family: 'spring', code: 'Forbidden', at: '/error', message: 'Access Denied' },
    ]);
    expect(read(spring)).toEqual([{ family: 'spring', code: 'Forbidden', at: '/error', message: 'Forbidden' }]);
    // Short of one, it is only a body that repeats the refusal status.
    expect(codes({ ...spring, status: '403' })).toEqual(['code:403@/status']);
    expect(codes({ ...spring, path: 3 })).toEqual(['code:403@/status']);
    const { timestamp: _t, ...noTimestamp } = spring;
    expect(codes(noTimestamp)).toEqual(['code:403@/status']);
  });

  it('reads an AWS __type without its namespace or URI, and its message under either case', () => {
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html (JSON protocols).
    expect(read({ __type: 'com.amazon.coral.validate#ValidationException:http://internal', Message: 'Bad' })).toEqual([
      { family: 'aws', code: 'ValidationException', at: '/__type', message: 'Bad' },
    ]);
    expect(read({ __type: 'AccessDeniedException', message: 'No', Message: 'Other' })).toEqual([
      { family: 'aws', code: 'AccessDeniedException', at: '/__type', message: 'No' },
    ]);
  });

  it('reads an OAuth error only when it is a snake_case code, or any error of a failed envelope', () => {
    // RFC 6749 §5.2 (https://www.rfc-editor.org/rfc/rfc6749#section-5.2).
    expect(read({ error: 'invalid_client', error_description: 'Bad secret', message: 'other' })).toEqual([
      { family: 'oauth', code: 'invalid_client', at: '/error', message: 'Bad secret' },
    ]);
    expect(read({ error: ' invalid_token ', message: 'Expired' })).toEqual([
      { family: 'oauth', code: 'invalid_token', at: '/error', message: 'Expired' },
    ]);
    expect(codes({ error: 'Invalid_token' })).toEqual(['message:@/error']);
    expect(codes({ error: 'invalid token' })).toEqual(['message:@/error']);
    expect(codes({ error: '_invalid' })).toEqual(['message:@/error']);
    // Slack (https://api.slack.com/web#evaluating_responses): {"ok":false,"error":"…"}, any spelling.
    expect(codes({ ok: false, error: 'Not Authed' })).toEqual(['envelope:Not Authed@/error']);
  });

  it('reads problem+json: the type unless about:blank, then the title', () => {
    // RFC 9457 §3 (https://www.rfc-editor.org/rfc/rfc9457#section-3).
    expect(
      read({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Your token lacks the scope.' }),
    ).toEqual([{ family: 'problem', code: 'Forbidden', at: '/title', message: 'Your token lacks the scope.' }]);
    expect(read({ type: 'https://example.net/validation-error', detail: 'Your request is not valid.' })).toEqual([
      {
        family: 'problem',
        code: 'https://example.net/validation-error',
        at: '/type',
        message: 'Your request is not valid.',
      },
    ]);
    expect(codes({ type: 'https://example.net/no-access', status: 403 })).toEqual([
      'problem:https://example.net/no-access@/type',
    ]);
    expect(codes({ title: 'Forbidden' })).toEqual(['problem:Forbidden@/title']);
    // A "type" with no status, detail or title is not a problem document.
    expect(codes({ type: 'user', id: 3 })).toEqual([]);
    // An AWS body with a "type" too stays AWS's.
    expect(codes({ __type: 'AccessDeniedException', type: 'x', title: 'T' })).toEqual([
      'aws:AccessDeniedException@/__type',
    ]);
  });
});

describe('the message beside a code, and a message alone', () => {
  // Each name an API gives its sentence, read beside a top-level code and, with no code, alone.
  it.each([
    ['message', 'most APIs'],
    ['msg', 'many "always 200" APIs'],
    ['errmsg', 'WeChat'],
    ['errMsg', 'WeChat mini-programs'],
    ['error_msg', 'Baidu, VK'],
    ['errorMessage', 'AWS Lambda'],
    ['error_message', 'Google Maps web services'],
    ['Message', 'AWS'],
    ['errorSummary', 'Okta'],
    ['error_description', 'OAuth (RFC 6749 §5.2)'],
    ['detail', 'Django REST framework'],
  ])('"%s" (%s)', (key) => {
    expect(read({ code: 40001, [key]: ' Token invalid ' })).toEqual([
      { family: 'code', code: '40001', at: '/code', message: 'Token invalid' },
    ]);
    expect(read({ [key]: 'Token invalid' })).toEqual([
      { family: 'message', code: '', at: '/message', message: 'Token invalid' },
    ]);
  });

  it('takes the first name in that order when several are there', () => {
    expect(read({ errcode: 1, msg: 'second', message: 'first' })[0]?.message).toBe('first');
    expect(read({ errcode: 1, detail: 'last', errorSummary: 'earlier' })[0]?.message).toBe('earlier');
  });

  it("reads Tencent Cloud's Response.Error", () => {
    // https://www.tencentcloud.com/document/api/213/33281
    expect(
      read({
        Response: {
          Error: { Code: 'AuthFailure.SignatureExpire', Message: 'Signature expired.' },
          RequestId: 'b5b41468-520d-4192-b42f-595cc34b6c1c',
        },
      }),
    ).toEqual([
      {
        family: 'code',
        code: 'AuthFailure.SignatureExpire',
        at: '/Response/Error/Code',
        message: 'Signature expired.',
      },
    ]);
    expect(read({ Response: { Error: 'x' } })).toEqual([]);
    expect(read({ Response: 'x' })).toEqual([]);
  });

  it('reads an HTTP refusal status the body repeats, with its message', () => {
    expect(read({ status: 403, msg: 'No permission' })).toEqual([
      { family: 'code', code: '403', at: '/status', message: 'No permission' },
    ]);
    expect(read({ statusCode: 401 })).toEqual([{ family: 'code', code: '401', at: '/statusCode' }]);
    // A code already read stays the only statement.
    expect(codes({ error: 'invalid_token', status: 401 })).toEqual(['oauth:invalid_token@/error']);
  });

  it('with no code, keeps the most explanatory sentence', () => {
    // Spotify Web API (https://developer.spotify.com/documentation/web-api/concepts/api-calls#response-schema).
    expect(read({ error: { status: 401, message: 'Invalid access token' }, message: 'other' })).toEqual([
      { family: 'message', code: '', at: '/error/message', message: 'Invalid access token' },
    ]);
    expect(read({ error: 'Access denied', message: 'You need the admin role.' })).toEqual([
      { family: 'message', code: '', at: '/message', message: 'You need the admin role.' },
    ]);
    expect(read({ error: 'Access denied' })).toEqual([
      { family: 'message', code: '', at: '/error', message: 'Access denied' },
    ]);
    expect(read({ errors: 'Access denied' })).toEqual([
      { family: 'message', code: '', at: '/errors', message: 'Access denied' },
    ]);
    // HashiCorp Vault (https://developer.hashicorp.com/vault/api-docs#error-response).
    expect(read({ errors: ['permission denied', 'second'] })).toEqual([
      { family: 'message', code: '', at: '/errors/0', message: 'permission denied' },
    ]);
    // Django REST framework's obtain_auth_token
    // (https://www.django-rest-framework.org/api-guide/settings/#non_field_errors_key).
    expect(read({ non_field_errors: ['Unable to log in with provided credentials.'] })).toEqual([
      {
        family: 'message',
        code: '',
        at: '/non_field_errors/0',
        message: 'Unable to log in with provided credentials.',
      },
    ]);
    expect(read({ data: [], total: 0 })).toEqual([]);
  });

  it('reads a body some gateways wrap in a list', () => {
    expect(codes([{ error: 'invalid_token' }, { error: 'other' }])).toEqual(['oauth:invalid_token@/error']);
    expect(read([])).toEqual([]);
    expect(read(['invalid_token'])).toEqual([]);
  });
});

// S3's error document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses).
const S3 =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message> Access Denied </Message>\n' +
  '  <RequestId>4442587FB7D0A2F9</RequestId>\n</Error>';

describe('readStatedErrors: the body and the headers together', () => {
  const stated = (spec: Partial<EntrySpec>) => readStatedErrors(x(spec));

  it("reads AWS's XML error, its leading whitespace and its message trimmed", () => {
    expect(stated({ mimeType: 'application/xml', body: S3 })).toEqual([
      { family: 'aws', code: 'AccessDenied', at: '<Error><Code>', message: 'Access Denied' },
    ]);
    expect(stated({ mimeType: 'application/xml', body: `\n  ${S3}` })[0]?.code).toBe('AccessDenied');
    // STS wraps it in <ErrorResponse> (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
    const sts =
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
      '<Code>ExpiredToken</Code></Error><RequestId>x</RequestId></ErrorResponse>';
    expect(stated({ mimeType: 'text/xml', body: sts })).toEqual([
      { family: 'aws', code: 'ExpiredToken', at: '<Error><Code>', message: undefined },
    ]);
  });

  it('reads an XML error only when the document starts with it, within its first bytes', () => {
    expect(stated({ mimeType: 'text/html', body: `see ${S3}` })).toEqual([]);
    // An <Error> element past the first kilobyte is some document's content, not its error.
    const late = `<?xml version="1.0"?><Doc>${' '.repeat(1100)}<Error><Code>AccessDenied</Code></Error></Doc>`;
    expect(stated({ mimeType: 'application/xml', body: late })).toEqual([]);
    // The code is looked for in the first 8 KiB only.
    const far = `<Error><Message>m</Message>${' '.repeat(8200)}<Code>AccessDenied</Code></Error>`;
    expect(stated({ mimeType: 'application/xml', body: far })).toEqual([]);
    expect(stated({ mimeType: 'application/xml', body: '<Error><Message>m</Message></Error>' })).toEqual([]);
    expect(stated({ body: undefined })).toEqual([]);
  });

  it("reads API Gateway's x-amzn-ErrorType header first, with the body's message", () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
    expect(
      stated({
        body: '{"Message":"User is not authorized to access this resource"}',
        responseHeaders: { 'x-amzn-ErrorType': 'AccessDeniedException' },
      }),
    ).toEqual([
      {
        family: 'aws',
        code: 'AccessDeniedException',
        at: 'x-amzn-ErrorType',
        message: 'User is not authorized to access this resource',
      },
      { family: 'message', code: '', at: '/message', message: 'User is not authorized to access this resource' },
    ]);
    // The service's namespace and the URI after the code are not part of it.
    expect(
      stated({
        body: '{"__type":"OtherException"}',
        responseHeaders: { 'x-amzn-ErrorType': 'com.amazon.coral.service#ExpiredTokenException:http://internal/' },
      }).map((e) => `${e.code}@${e.at}`),
    ).toEqual(['ExpiredTokenException@x-amzn-ErrorType', 'OtherException@/__type']);
    // Said twice (header and __type): once.
    expect(
      stated({
        body: '{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}',
        responseHeaders: { 'x-amzn-ErrorType': 'ExpiredTokenException:http://internal/' },
      }).map((e) => `${e.code}@${e.at}`),
    ).toEqual(['ExpiredTokenException@/__type']);
    // A body that is no JSON object lends no message.
    expect(
      stated({ body: '["Forbidden"]', responseHeaders: { 'x-amzn-ErrorType': 'AccessDeniedException' } })[0],
    ).toEqual({ family: 'aws', code: 'AccessDeniedException', at: 'x-amzn-ErrorType' });
    expect(stated({ body: '', responseHeaders: { 'x-amzn-ErrorType': ' ' } })).toEqual([]);
  });

  it('reads a SOAP fault, a text/plain line and a reason phrase after any structured code', () => {
    // SOAP 1.1 §4.4 (https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383507).
    const soap =
      '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
      '<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid credentials</faultstring></soap:Fault>' +
      '</soap:Body></soap:Envelope>';
    expect(stated({ status: 500, mimeType: 'text/xml', body: soap, statusText: 'Login refused' })).toEqual([
      { family: 'message', code: '', at: 'SOAP Fault soap:Client', message: 'Invalid credentials' },
      { family: 'message', code: '', at: 'status text', message: 'Login refused' },
    ]);
    expect(stated({ status: 401, mimeType: 'text/plain', body: 'Invalid username or password' })).toEqual([
      { family: 'message', code: '', at: 'body (text/plain)', message: 'Invalid username or password' },
    ]);
    // JSON sent as text/plain is read as JSON, never also as a line of text.
    expect(stated({ status: 401, mimeType: 'text/plain', body: '{"error":"invalid_token"}' })).toEqual([
      { family: 'oauth', code: 'invalid_token', at: '/error' },
    ]);
  });

  it('statedErrorsOf gives the same reading again for the same body', () => {
    const ex = x({ body: '{"error":"invalid_token"}' });
    expect(statedErrorsOf(ex)).toEqual([{ family: 'oauth', code: 'invalid_token', at: '/error' }]);
    expect(statedErrorsOf(ex)).toEqual([{ family: 'oauth', code: 'invalid_token', at: '/error' }]);
  });
});

describe('what each shape does not read', () => {
  it('a canonical status is one upper-case word', () => {
    expect(codes({ error: { status: 'Access DENIED', code: 'AccessDenied', message: 'm' } })).toEqual([
      'odata:AccessDenied@/error/code',
    ]);
    expect(codes({ error: { status: 'DENIED by policy', code: 'AccessDenied', message: 'm' } })).toEqual([
      'odata:AccessDenied@/error/code',
    ]);
    // Legacy reasons beside a status that is not canonical: the reasons only.
    expect(codes({ error: { code: 403, status: 'denied', errors: [null, { reason: 'forbidden' }] } })).toEqual([
      'google:forbidden@/error/errors/1/reason',
    ]);
  });

  it('list items that are null are skipped in every list', () => {
    expect(codes({ error: { code: 'Outer', message: 'm', details: [null, { code: 'Inner' }] } })).toEqual([
      'odata:Inner@/error/details/1/code',
      'odata:Outer@/error/code',
    ]);
  });

  it('a type or title that is no string names no problem', () => {
    expect(codes({ error: { type: 401, message: 'Unauthorized' } })).toEqual(['message:@/error/message']);
    expect(codes({ type: 3, title: 'Forbidden', status: 403 })).toEqual(['problem:Forbidden@/title']);
    // A body with an "error" member is not a problem document, even with a title.
    expect(codes({ error: 'Forbidden', title: 'Access denied', status: 403 })).toEqual(['code:403@/status']);
  });

  it('a top-level code, Tencent or a repeated status only when nothing more precise was read', () => {
    // Some OAuth servers repeat the HTTP status as "code" beside the RFC 6749 error.
    expect(codes({ error: 'invalid_token', error_description: 'Token expired', code: 401 })).toEqual([
      'oauth:invalid_token@/error',
    ]);
    expect(codes({ error: 'invalid_token', Response: { Error: { Code: 'AuthFailure', Message: 'm' } } })).toEqual([
      'oauth:invalid_token@/error',
    ]);
  });

  it("reads OData v3's {lang, value} where a sentence is expected", () => {
    expect(read({ error: { lang: 'en-US', value: 'Access denied.' } })).toEqual([
      { family: 'message', code: '', at: '/error', message: 'Access denied.' },
    ]);
  });
});
