import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_TOKEN } from './credentials.ts';
import { send, sendHtml, type Route } from './http.ts';
import { pageConfig } from './scenarios.ts';

const here = import.meta.dirname;
const CLIENT = readFileSync(join(here, 'page', 'demo.js'), 'utf8');
const CSS = readFileSync(join(here, 'page', 'demo.css'), 'utf8');

// The config goes inside a <script>: escape "<" so no value can close the tag.
function inline(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

const index: Route = {
  scenario: 'page',
  listener: 'A',
  path: '/',
  handle(_req, res, origins) {
    const config = pageConfig(origins);
    const login = `${origins.crossSiteB}/session/login?next=${encodeURIComponent(`${origins.originA}/`)}`;
    const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Why403 scenario server</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<h1>Why403 scenarios</h1>
<p>Each <b>Fail</b> button makes a real request that fails the way it does in the wild; <b>Succeed</b>
calls the same endpoint correctly. Open DevTools → <b>Why403</b> to see why.</p>
<p>Page: <code>${origins.originA}</code> · API: <code>${origins.originB}</code> (same site) and
<code>${origins.crossSiteB}</code> (cross-site). <a id="session-login" href="${login}">Sign in to the API</a>
sets the SameSite=Lax session cookie used by the last scenario.</p>
<p><button id="run-all" type="button">Run every failure</button></p>
<table><thead><tr><th>Scenario</th><th></th><th></th><th>Result</th></tr></thead><tbody id="scenarios"></tbody></table>
<script>window.__WHY403_DEMO__ = ${inline(config)};</script>
<script src="/demo.js"></script>
</body>
</html>`;
    // Django sets its CSRF cookie on the page that holds the form (SameSite=Lax, readable by JS).
    sendHtml(res, 200, html, { 'Set-Cookie': `csrftoken=${CSRF_TOKEN}; Path=/; SameSite=Lax` });
  },
};

const script: Route = {
  scenario: 'page',
  listener: 'A',
  path: '/demo.js',
  handle(_req, res) {
    send(res, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }, CLIENT);
  },
};

export const pageRoutes: Route[] = [index, script];
