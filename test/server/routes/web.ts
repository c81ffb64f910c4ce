import { randomBytes } from 'node:crypto';
import { CSRF_TOKEN } from '../credentials.ts';
import { cookie, send, sendHtml, sendJson, type Route } from '../http.ts';

// Django's CsrfViewMiddleware: the csrftoken cookie must be present and the X-CSRFToken header
// (or csrfmiddlewaretoken field) must match it, else the 403 "CSRF verification failed. Request
// aborted." page with the reason. https://docs.djangoproject.com/en/5.1/ref/csrf/ and
// https://github.com/django/django/blob/main/django/views/csrf.py
function djangoPage(reason: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>
</div>
<div id="info">
  <h2>Help</h2>
  <p>Reason given for failure:</p>
  <pre>
    ${reason}
  </pre>
  <p>In general, this can occur when there is a genuine Cross Site Request Forgery, or when
  Django's CSRF mechanism has not been used correctly.</p>
</div>
</body>
</html>
`;
}

const djangoComments: Route = {
  scenario: 'csrf-django',
  listener: 'A',
  path: '/django/comments/',
  handle(req, res) {
    const django = {
      'X-Frame-Options': 'DENY',
      Vary: 'Cookie',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    };
    const fromCookie = cookie(req, 'csrftoken');
    const fromHeader = req.headers['x-csrftoken'] as string | undefined;
    const reason = !fromCookie
      ? 'CSRF cookie not set.'
      : !fromHeader
        ? 'CSRF token missing.'
        : fromHeader !== fromCookie
          ? 'CSRF token incorrect.'
          : '';
    if (reason || fromCookie !== CSRF_TOKEN)
      return sendHtml(res, 403, djangoPage(reason || 'CSRF token incorrect.'), django);
    sendJson(res, 201, { id: 7, text: 'Nice post' }, django);
  },
};

// Laravel's VerifyCsrfToken: a JSON request without a matching X-CSRF-TOKEN gets 419 with
// {"message":"CSRF token mismatch."} (Symfony sends the reason phrase "unknown status").
// https://laravel.com/docs/11.x/csrf
const laravelProfile: Route = {
  scenario: 'csrf-laravel',
  listener: 'A',
  path: '/laravel/profile',
  handle(req, res) {
    const laravel = { 'Cache-Control': 'no-cache, private', 'X-Powered-By': 'PHP/8.3.4' };
    if (req.headers['x-csrf-token'] !== CSRF_TOKEN) {
      return send(
        res,
        419,
        { 'Content-Type': 'application/json', ...laravel },
        JSON.stringify({ message: 'CSRF token mismatch.' }),
        'unknown status',
      );
    }
    sendJson(res, 200, { message: 'Profile updated.' }, laravel);
  },
};

// A WAF custom rule matching SQL-injection-looking input, answered at the edge with Cloudflare's
// "Error 1020 Access denied" page and a cf-ray id. A clean query passes.
// https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/
const ATTACK = /union\s+(all\s+)?select|<script|\bor\s+1\s*=\s*1|\.\.\//i;

function cloudflare1020(ray: string, host: string): string {
  return `<!DOCTYPE html>
<html class="no-js" lang="en-US">
<head>
<title>Access denied | ${host} used Cloudflare to restrict access</title>
<meta charset="UTF-8" />
<meta name="robots" content="noindex, nofollow" />
</head>
<body>
  <div id="cf-wrapper">
    <div id="cf-error-details" class="cf-error-details-wrapper">
      <div class="cf-wrapper cf-header cf-error-overview">
        <h1>
          <span class="cf-error-type" data-translate="error">Error</span>
          <span class="cf-error-code">1020</span>
          <small class="heading-ray-id">Ray ID: ${ray} &bull; ${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC</small>
        </h1>
        <h2 class="cf-subheadline" data-translate="error_desc">Access denied</h2>
      </div>
      <div class="cf-section cf-wrapper">
        <h2 data-translate="what_happened">What happened?</h2>
        <p>The site owner may have set restrictions that prevent you from accessing the site.</p>
      </div>
      <div class="cf-error-footer cf-wrapper">
        <p>
          <span class="cf-footer-item">Cloudflare Ray ID: <strong>${ray}</strong></span>
          <span class="cf-footer-item"><span>Performance &amp; security by</span> <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing" id="brand_link" target="_blank">Cloudflare</a></span>
        </p>
      </div>
    </div>
  </div>
</body>
</html>
`;
}

const search: Route = {
  scenario: 'waf-block',
  listener: 'A',
  path: '/search',
  handle(req, res) {
    const ray = `${randomBytes(8).toString('hex')}-AMS`;
    const edge = { Server: 'cloudflare', 'CF-RAY': ray };
    const query = req.url.searchParams.get('q') ?? '';
    if (ATTACK.test(query)) {
      const host = req.headers.host?.replace(/:\d+$/, '') ?? '127.0.0.1';
      return sendHtml(res, 403, cloudflare1020(ray, host), {
        ...edge,
        'X-Frame-Options': 'SAMEORIGIN',
        'Referrer-Policy': 'same-origin',
        'Cache-Control': 'private, max-age=0, no-store, no-cache, must-revalidate',
      });
    }
    sendJson(res, 200, { query, results: [] }, { ...edge, 'CF-Cache-Status': 'DYNAMIC' });
  },
};

export const webRoutes: Route[] = [djangoComments, laravelProfile, search];
