import { anyOf } from '../core/any-of';
import type { CauseId } from '../core/causes';
import type { Signature } from './types';
import { CONFIDENCE, type Confidence } from '../core/confidence';

// Web servers' built-in 403 pages. IIS names its sub-status ("HTTP Error 403.14 - Forbidden",
// "IIS 10.0 Detailed Error - 403.6"), which tells the cause exactly; nginx and Apache pages are
// bare, so they only say "the server itself refused a file or directory". That reading is for a
// request with no token: when the request carried an Authorization header or an API key, the bare
// page is what the server (or its auth_request / Require rule) shows after reading the credential
// and refusing this identity, and the status fallback's reading (permission / key) speaks instead.
const IIS =
  'https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/www-administration-management/http-status-code';
const NGINX = 'https://nginx.org/en/docs/http/ngx_http_index_module.html';
const NGINX_SSL = 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_verify_client';
/** The footer of nginx's (and Tengine's) built-in error pages. */
const NGINX_FOOTER = /<center>\s*(?:nginx|tengine)(?:\/[\d.]+)?(?:\s*\([^)]{0,40}\))?\s*<\/center>/i;
const APACHE = 'https://httpd.apache.org/docs/2.4/howto/access.html';

/** "HTTP Error 403.14", "Detailed Error - 403.14", "Error Code 0x… 403.14" */
function iisSub(sub: string): RegExp {
  return new RegExp(`(?:HTTP\\s+Error|Detailed\\s+Error\\s*-|Error\\s+Code)\\s*403\\.(?:${sub})\\b`, 'i');
}

function iis(
  sub: string,
  id: string,
  cause: CauseId,
  confidence: Confidence,
  title: string,
  summary: string,
  fixes: string[],
): Signature {
  return {
    id: `iis.${id}`,
    vendor: 'Microsoft IIS',
    group: 'iis',
    cause,
    confidence,
    body: iisSub(sub),
    title,
    summary,
    fixes,
    source: IIS,
  };
}

export const WEB_SERVERS: readonly Signature[] = [
  iis(
    '4|5',
    '403_4_ssl_required',
    'https.required',
    CONFIDENCE.certain,
    'IIS requires HTTPS for this site (403.4 / 403.5)',
    'IIS answered 403.4 "SSL required" (or 403.5, 128-bit SSL required): the site\'s SSL settings demand HTTPS and the request used http.',
    ['Call the https:// URL; site admins can add an http-to-https redirect instead of the 403.'],
  ),
  iis(
    '6|503',
    '403_6_ip_rejected',
    'ip.blocked',
    CONFIDENCE.certain,
    "IIS rejects the client's IP address (403.6 / 403.503)",
    "IP and Domain Restrictions on the site deny the client's address (as IIS sees it, possibly a proxy's).",
    ["Add the client IP (or the proxy's) to the allow entries of IP Address and Domain Restrictions."],
  ),
  iis(
    '8|504',
    '403_8_dns_rejected',
    'ip.blocked',
    CONFIDENCE.likelyPlus5,
    "IIS rejects the client's host name (403.8 / 403.504)",
    "IP and Domain Restrictions deny the client's reverse-DNS name.",
    ['Adjust the domain-name restrictions for this site.'],
  ),
  iis(
    '502|501|9',
    '403_502_dynamic_ip',
    'rate_limit.exceeded',
    CONFIDENCE.likelyPlus5,
    'IIS Dynamic IP Restrictions throttled the client (403.501 / 403.502)',
    'Too many requests or concurrent requests from the same IP: Dynamic IP Restrictions denied it for a while.',
    ['Slow down; admins can raise the Dynamic IP Restriction thresholds.'],
  ),
  iis(
    '7',
    '403_7_client_cert',
    'auth.missing',
    CONFIDENCE.likelyPlus5,
    'IIS requires a client certificate (403.7)',
    'The site requires a TLS client certificate and none was presented.',
    ['Configure the client to present its certificate (browsers prompt when one is installed).'],
  ),
  iis(
    '13|16|17',
    '403_16_client_cert_invalid',
    'auth.invalid',
    CONFIDENCE.likelyPlus5,
    'IIS rejected the client certificate (403.13 / 403.16 / 403.17)',
    'The client certificate is revoked, untrusted, expired or not yet valid.',
    ['Renew the client certificate and make sure its issuing CA is trusted by the server.'],
  ),
  iis(
    '14',
    '403_14_listing_denied',
    'filesystem.forbidden',
    CONFIDENCE.certain,
    'IIS will not list this directory (403.14)',
    '"The Web server is configured to not list the contents of this directory": the URL points ' +
      'at a directory with no default document and directory browsing off. For an app, the route ' +
      'was not handled (e.g. the app or handler is not deployed).',
    ['Request a file, add a default document, or deploy the application that should handle this path.'],
  ),
  iis(
    '1|2|3|12|18|19',
    '403_acl',
    'filesystem.forbidden',
    CONFIDENCE.likely,
    'IIS refuses execute, read or write access here (403.1–403.3)',
    'The handler mapping or folder permissions forbid this kind of access (execute, read, write) for the path.',
    ["Check the site's Handler Mappings access policy and the folder's NTFS permissions for the app pool identity."],
  ),
  {
    id: 'iis.access_denied',
    vendor: 'Microsoft IIS',
    group: 'iis',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.possiblePlus5,
    status: [403],
    body: anyOf(
      /403\s*-\s*Forbidden:\s*Access\s+is\s+denied/,
      /do\s+not\s+have\s+permission\s+to\s+view\s+this\s+directory\s+or\s+page\s+using\s+the\s+credentials/,
      'i',
    ),
    title: 'IIS refused access to the file or directory',
    summary:
      'IIS\'s generic 403 page ("You do not have permission to view this directory or page using ' +
      'the credentials that you supplied") hides the sub-status; the server log names it.',
    fixes: [
      'Read the IIS log sc-substatus for this request (403.14 directory listing, 403.6 IP, 403.4 SSL…), or enable detailed errors locally.',
    ],
    source: IIS,
  },
  {
    id: 'apache.htaccess',
    vendor: 'Apache httpd',
    group: 'apache',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.likely,
    body: /Server\s+unable\s+to\s+read\s+htaccess\s+file/i,
    title: 'Apache cannot read the .htaccess file',
    summary:
      '"Server unable to read htaccess file, denying access to be safe": file permissions keep ' +
      'Apache from reading .htaccess in this directory.',
    fixes: ['Make .htaccess (and its directories) readable by the Apache user, e.g. chmod 644 and 755.'],
    source: 'https://httpd.apache.org/docs/2.4/howto/htaccess.html',
  },
  {
    id: 'apache.forbidden',
    vendor: 'Apache httpd',
    group: 'apache',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.possiblePlus5,
    status: [403],
    requires: 'no-token',
    body: [
      /<h1>\s*Forbidden\s*<\/h1>/i,
      /You\s+don't\s+have\s+permission\s+to\s+access\s+(?:this\s+resource|\S+\s+on\s+this\s+server)/i,
    ],
    title: 'Apache refused access to the file or directory',
    summary:
      'Apache\'s built-in 403 page: file permissions, a "Require all denied" / "Require ip" rule, ' +
      'Options -Indexes on a directory without index file, or a .htaccess rule.',
    fixes: [
      'Check the Apache error log for this request: it names the reason (AH01630 client denied ' +
        'by server configuration, AH01276 directory index forbidden, AH00035 permissions).',
    ],
    source: APACHE,
  },
  {
    id: 'nginx.forbidden',
    vendor: 'nginx',
    group: 'nginx',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.possible,
    status: [403],
    requires: 'no-token',
    body: [/<title>\s*403\s+Forbidden\s*<\/title>/i, NGINX_FOOTER],
    title: 'nginx refused access (its default 403 page)',
    summary:
      "nginx's default 403 page: most often a directory without index file (autoindex off) or " +
      'file permissions the worker cannot read; it is also what a "deny" rule or an auth_request ' +
      'returning 403 shows.',
    fixes: [
      'Read the nginx error.log for this request: "directory index of … is forbidden", "permission ' +
        'denied" (open() failed) or "access forbidden by rule" tell which.',
    ],
    source: NGINX,
  },
  // nginx answers a failed client-certificate check (ssl_verify_client on) with its 400 page and
  // the reason in the title: ngx_http_special_response.c, ngx_http_error_496_page ("No required
  // SSL certificate was sent") and ngx_http_error_495_page ("The SSL certificate error"). The
  // certificate is the credential, so these are refusals although the status is 400.
  {
    id: 'nginx.client_cert_missing',
    vendor: 'nginx',
    group: 'nginx-client-cert',
    cause: 'auth.missing',
    confidence: CONFIDENCE.certain,
    status: [400],
    flags: true,
    body: [/<title>\s*400\s+No\s+required\s+SSL\s+certificate\s+was\s+sent\s*<\/title>/i, NGINX_FOOTER],
    title: 'nginx requires a client certificate, and none was sent',
    summary:
      'The server verifies TLS client certificates (ssl_verify_client on) and the connection presented none. ' +
      'A browser sends one only when one is installed and chosen for this site; a script must pass it explicitly.',
    fixes: [
      'Send the client certificate and its key (curl --cert client.pem --key client.key; Node https.Agent({ cert, key })).',
      'In a browser, install the certificate and pick it when the site asks.',
    ],
    source: NGINX_SSL,
  },
  {
    id: 'nginx.client_cert_invalid',
    vendor: 'nginx',
    group: 'nginx-client-cert',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [400],
    flags: true,
    body: [/<title>\s*400\s+The\s+SSL\s+certificate\s+error\s*<\/title>/i, NGINX_FOOTER],
    title: 'nginx did not accept the client certificate',
    summary:
      'The server verifies TLS client certificates (ssl_verify_client on) and the one presented failed: ' +
      'not issued by the CA in ssl_client_certificate, expired, or revoked.',
    fixes: [
      "Use a certificate issued by the CA the server trusts (its ssl_client_certificate), still valid; nginx's error.log names the failure.",
    ],
    source: NGINX_SSL,
  },
  {
    id: 'litespeed.forbidden',
    vendor: 'LiteSpeed',
    group: 'litespeed',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.possible,
    status: [403],
    requires: 'no-token',
    body: [/Access\s+to\s+this\s+resource\s+on\s+the\s+server\s+is\s+denied/i, /LiteSpeed/i],
    title: 'LiteSpeed refused access to the resource',
    summary:
      "LiteSpeed Web Server's default 403 page: file permissions, an access-control rule, or a directory without index.",
    fixes: [
      'Check the file permissions and the access control / .htaccess rules for this path in the LiteSpeed error log.',
    ],
    source: 'https://docs.litespeedtech.com/lsws/cp/cpanel/403-forbidden/',
  },
  {
    // lighttpd's built-in error page ("403 Forbidden" in an XHTML 1.0 shell, as 1.4.69 serves it in
    // test/fixtures/lab/lighttpd) says nothing but the status; its Server header names it. mod_access's url.access-deny, a
    // $HTTP["remoteip"] condition and a file the worker cannot read all end here.
    id: 'lighttpd.forbidden',
    vendor: 'lighttpd',
    group: 'lighttpd',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.possible,
    status: [403],
    requires: 'no-token',
    header: { name: 'server', value: /^lighttpd\b/i },
    body: [/<title>\s*403\s+Forbidden\s*<\/title>/i, /<h1>\s*403\s+Forbidden\s*<\/h1>/i],
    title: 'lighttpd refused access (its default 403 page)',
    summary:
      "lighttpd's default 403 page: a url.access-deny rule (by default backup and editor files: ~, .inc), a " +
      'remote-IP condition that denies access, or a file the server cannot read.',
    fixes: [
      "Read lighttpd's error log for this request (debug.log-request-handling shows which rule refused it) and " +
        'the url.access-deny and $HTTP["remoteip"] rules that apply to this path.',
    ],
    source: 'https://redmine.lighttpd.net/projects/lighttpd/wiki/Docs_ModAccess',
  },
  {
    // h2o's refusals are one word of text: its mruby ACL's `deny` and the DoS detector's default callback answer
    // 403 "Forbidden" (/usr/share/h2o/mruby/acl.rb, dos_detector.rb in h2o 2.2), the file handler "access forbidden"
    // (lib/handler/file.c); its Server header names it (h2o 2.2.5 in test/fixtures/lab/h2o).
    id: 'h2o.forbidden',
    vendor: 'h2o',
    group: 'h2o',
    cause: 'filesystem.forbidden',
    confidence: CONFIDENCE.possible,
    status: [403],
    requires: 'no-token',
    header: { name: 'server', value: /^h2o\b/i },
    body: /^\s*(?:Forbidden|access forbidden)\s*$/i,
    title: 'h2o refused access (its one-word 403)',
    summary:
      "h2o's own 403: an acl block's deny (by address, path or header), the DoS detector once a client passes its " +
      'threshold, or a file the server may not read.',
    fixes: ["Read the acl { … } block and any DoSDetector in h2o's configuration for this path, and its error-log."],
    source: 'https://github.com/h2o/h2o/blob/v2.2.5/share/h2o/mruby/acl.rb',
  },
];
