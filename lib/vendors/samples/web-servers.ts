import type { SampleTable } from './types';

// https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-status-code
// Default error pages of Apache httpd, nginx, LiteSpeed, lighttpd (lighttpd 1.4.69's, recorded in test/fixtures/lab/lighttpd)
// and h2o (2.2.5's, in test/fixtures/lab/h2o).
const iis = (sub: string, text: string) =>
  `<html><head><title>IIS Detailed Error - 403.${sub} - Forbidden</title></head><body><h3>HTTP ` +
  `Error 403.${sub} - Forbidden</h3><h4>${text}</h4></body></html>`;

export const WEB_SERVER_SAMPLES: SampleTable = {
  'iis.403_4_ssl_required': {
    status: 403,
    body: iis('4', 'The page you are trying to access is secured with Secure Sockets Layer (SSL).'),
  },
  'iis.403_6_ip_rejected': { status: 403, body: iis('6', 'The IP address of the client has been rejected.') },
  'iis.403_8_dns_rejected': { status: 403, body: iis('8', 'The DNS name of the client is rejected.') },
  'iis.403_502_dynamic_ip': {
    status: 403,
    body: iis('502', 'Too many requests from the same client IP; Dynamic IP Restriction limit reached.'),
  },
  'iis.403_7_client_cert': {
    status: 403,
    body: iis('7', 'The page you are attempting to access requires your browser to have a SSL client certificate.'),
  },
  'iis.403_16_client_cert_invalid': {
    status: 403,
    body: iis('16', 'Your client certificate is either not trusted or is invalid.'),
  },
  'iis.403_14_listing_denied': {
    status: 403,
    body: iis('14', 'The Web server is configured to not list the contents of this directory.'),
  },
  'iis.403_acl': { status: 403, body: iis('1', 'Execute access is forbidden.') },
  'iis.access_denied': {
    status: 403,
    body:
      '<h2>403 - Forbidden: Access is denied.</h2><h3>You do not have permission to view this directory ' +
      'or page using the credentials that you supplied.</h3>',
  },
  'apache.htaccess': {
    status: 403,
    body:
      '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>Server unable ' +
      'to read htaccess file, denying access to be safe</p></body></html>',
  },
  'apache.forbidden': {
    status: 403,
    body:
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>You ' +
      "don't have permission to access this resource.</p><hr><address>Apache/2.4.57 (Debian) Server " +
      'at example.com Port 80</address></body></html>',
  },
  'nginx.forbidden': {
    status: 403,
    body:
      '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidd' +
      'en</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>',
  },
  // Recorded from nginx 1.22.1 (Debian) with ssl_verify_client on: test/fixtures/lab/nginx/mtls-*.har.
  'nginx.client_cert_missing': {
    status: 400,
    body:
      '<html>\r\n<head><title>400 No required SSL certificate was sent</title></head>\r\n<body>\r\n<center><h1>400 Bad ' +
      'Request</h1></center>\r\n<center>No required SSL certificate was sent</center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n',
  },
  'nginx.client_cert_invalid': {
    status: 400,
    body:
      '<html>\r\n<head><title>400 The SSL certificate error</title></head>\r\n<body>\r\n<center><h1>400 Bad ' +
      'Request</h1></center>\r\n<center>The SSL certificate error</center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n',
  },
  'litespeed.forbidden': {
    status: 403,
    body:
      '<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>403</h1><p>Access ' +
      'to this resource on the server is denied!</p><p>Proudly powered by LiteSpeed Web Server</p></body></html>',
  },
  'lighttpd.forbidden': {
    status: 403,
    headers: { server: 'lighttpd/1.4.69' },
    body:
      '<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n' +
      '         "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" ' +
      'xml:lang="en" lang="en">\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n' +
      ' </body>\n</html>\n',
  },
  'h2o.forbidden': {
    status: 403,
    headers: { server: 'h2o/2.2.5' },
    body: 'Forbidden',
  },
};
