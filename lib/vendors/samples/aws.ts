import { API_KEY, SIGNED, type SampleTable } from './types';

const APIGW = { 'x-amzn-requestid': '6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b', 'x-amz-apigw-id': 'Qm8xYHnzIAMFkVQ=' };
const MISSING = '{"message":"Missing Authentication Token"}';
const S3 = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>` +
  `${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`;

// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
export const AWS_SAMPLES: SampleTable = {
  'aws.apigw.missing_auth_token.signed': { status: 403, headers: APIGW, body: MISSING, request: SIGNED },
  'aws.apigw.missing_auth_token.header': {
    status: 403,
    headers: { ...APIGW, 'x-amzn-errortype': 'MissingAuthenticationTokenException' },
    request: SIGNED,
  },
  'aws.apigw.missing_auth_token': { status: 403, headers: APIGW, body: MISSING },
  'aws.apigw.missing_auth_token.route': { status: 403, headers: APIGW, body: MISSING },
  'aws.apigw.authorizer_deny': {
    status: 403,
    headers: APIGW,
    body: '{"Message":"User is not authorized to access this resource with an explicit deny"}',
    request: { Authorization: 'Bearer abc.def.ghi' },
  },
  'aws.apigw.unauthorized.missing': { status: 401, headers: APIGW, body: '{"message":"Unauthorized"}' },
  'aws.apigw.unauthorized': {
    status: 401,
    headers: APIGW,
    body: '{"message":"Unauthorized"}',
    request: { Authorization: 'Bearer abc.def.ghi' },
  },
  'aws.apigw.invalid_api_key': { status: 403, headers: APIGW, body: '{"message":"Forbidden"}', request: API_KEY },
  'aws.apigw.forbidden_no_key': { status: 403, headers: APIGW, body: '{"message":"Forbidden"}' },
  'aws.apigw.quota_exceeded': { status: 429, headers: APIGW, body: '{"message":"Limit Exceeded"}', request: API_KEY },
  'aws.apigw.throttled': { status: 429, headers: APIGW, body: '{"message":"Too Many Requests"}' },
  'aws.request_time_too_skewed': {
    status: 403,
    body: S3('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
    request: SIGNED,
  },
  'aws.sigv4.signature_expired': {
    status: 403,
    body: '{"message":"Signature expired: 20261121T114000Z is now earlier than 20261121T115500Z (20261121T120000Z - 5 min.)"}',
    request: SIGNED,
  },
  'aws.s3.request_expired': {
    status: 403,
    body: S3('AccessDenied', 'Request has expired'),
    url: 'https://bucket.s3.amazonaws.com/k?X-Amz-Expires=60&X-Amz-Signature=abc',
  },
  'aws.expired_token': {
    status: 403,
    body: S3('ExpiredToken', 'The provided token has expired.'),
    request: SIGNED,
  },
  'aws.expired_token.header': {
    status: 403,
    headers: { 'x-amzn-errortype': 'ExpiredTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/' },
    request: SIGNED,
  },
  'aws.signature_does_not_match': {
    status: 403,
    body: S3(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    ),
    request: SIGNED,
  },
  'aws.incomplete_signature': {
    status: 403,
    body: '{"message":"Authorization header requires \'Credential\' parameter. Authorization=AWS4-HMAC-SHA256"}',
    request: { Authorization: 'AWS4-HMAC-SHA256' },
  },
  'aws.invalid_token': {
    status: 403,
    body: '{"message":"The security token included in the request is invalid."}',
    request: SIGNED,
  },
  'aws.opt_in_required': {
    status: 403,
    body:
      '<Response><Errors><Error><Code>OptInRequired</Code><Message>You are not subscribed to this ' +
      'service.</Message></Error></Errors></Response>',
    request: SIGNED,
  },
  'aws.account_problem': {
    status: 403,
    body: S3(
      'AccountProblem',
      'There is a problem with your AWS account that prevents the action from completing successfully.',
    ),
    request: SIGNED,
  },
  'aws.s3.all_access_disabled': {
    status: 403,
    body: S3('AllAccessDisabled', 'All access to this Amazon S3 resource has been disabled.'),
  },
  'aws.iam.explicit_deny': {
    status: 403,
    body:
      '{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ' +
      'dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/T with an explicit deny in an identity-based policy"}',
    request: SIGNED,
  },
  'aws.access_denied': { status: 403, body: S3('AccessDenied', 'Access Denied'), request: SIGNED },
  'aws.throttling': {
    status: 400,
    body: '{"__type":"ThrottlingException","message":"Rate exceeded"}',
    request: SIGNED,
  },
  'aws.missing_authentication_token_exception': {
    status: 403,
    headers: { 'x-amzn-errortype': 'MissingAuthenticationTokenException' },
  },
  'aws.errortype.accessdenied': {
    status: 403,
    headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/' },
    request: SIGNED,
  },
  'aws.errortype.unrecognizedclient': {
    status: 403,
    headers: { 'x-amzn-errortype': 'UnrecognizedClientException:http://internal.amazon.com/coral/' },
    request: SIGNED,
  },
  'aws.errortype.invalidsignature': {
    status: 403,
    headers: { 'x-amzn-errortype': 'InvalidSignatureException:http://internal.amazon.com/coral/' },
    request: SIGNED,
  },
  'aws.errortype.throttling': {
    status: 429,
    headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/' },
    request: SIGNED,
  },
  'aws.cognito.token_expired': {
    status: 400,
    body: '{"__type":"NotAuthorizedException","message":"Access Token has expired"}',
  },
  'aws.appsync.unauthorized': {
    status: 401,
    body: '{"errors":[{"errorType":"UnauthorizedException","message":"Valid authorization header not provided."}]}',
  },
  'aws.waf.captcha': { status: 405, headers: { 'x-amzn-waf-action': 'captcha' }, body: '<html>captcha</html>' },
  'aws.waf.action': { status: 403, headers: { 'x-amzn-waf-action': 'block' } },
  'aws.cloudfront.geo_blocked': {
    status: 403,
    headers: { 'x-amz-cf-id': 'abc', via: '1.1 abc.cloudfront.net (CloudFront)' },
    body:
      '<H1>403 ERROR</H1><H2>The request could not be satisfied.</H2>The Amazon CloudFront distribution ' +
      'is configured to block access from your country.',
  },
  'aws.cloudfront.missing_key_pair': {
    status: 403,
    headers: { 'x-amz-cf-id': 'abc' },
    body:
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id ' +
      'query parameter or cookie value</Message></Error>',
  },
  'aws.cloudfront.method_not_allowed': {
    status: 403,
    headers: { 'x-amz-cf-id': 'abc' },
    body:
      '<H2>The request could not be satisfied.</H2>This distribution is not configured to allow ' +
      'the HTTP request method that was used for this request.',
  },
  'aws.cloudfront.request_blocked': {
    status: 403,
    headers: { 'x-amz-cf-id': 'abc' },
    body:
      "<H1>403 ERROR</H1><H2>The request could not be satisfied.</H2>Request blocked. We can't " +
      'connect to the server for this app or website at this time.',
  },
  'aws.cloudfront.bad_request': {
    status: 403,
    headers: { 'x-amz-cf-id': 'abc', 'x-cache': 'Error from cloudfront' },
    body:
      "<H1>403 ERROR</H1><H2>The request could not be satisfied.</H2>Bad request. We can't connect " +
      'to the server for this app or website at this time.',
  },
  'aws.alb.forbidden': {
    status: 403,
    headers: { server: 'awselb/2.0' },
    body: '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center></body></html>',
  },
};
