// The fifth set (issue 17): CORS Anywhere 0.4 (Rob--W/cors-anywhere), the proxy many front-end projects put in
// front of APIs without CORS, configured as its README's server.js: `requireHeader` origin/x-requested-with, an
// `originBlacklist` (here the lab page's own origin: an operator shutting out one site), and the demo server's
// rate limit (`lib/rate-limit.js`, CORSANYWHERE_RATELIMIT "2 1": two requests per origin per minute).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const corsProxy = require('cors-anywhere');
const checkRateLimit = require('cors-anywhere/lib/rate-limit')('2 1');

corsProxy
  .createServer({
    originBlacklist: [`http://127.0.0.1:${process.env.APP}`],
    originWhitelist: [],
    requireHeader: ['origin', 'x-requested-with'],
    checkRateLimit,
    removeHeaders: ['cookie', 'cookie2'],
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
