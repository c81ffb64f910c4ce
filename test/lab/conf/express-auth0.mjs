// The fourth set (issue 17): Express 4 with middlewares the lab had not run, each as its README configures it,
// errors left to Express's default error handler (NODE_ENV=development: the error's stack as HTML), as the
// READMEs say they are:
// - express-oauth2-jwt-bearer (Auth0's) with a symmetric secret (its README's "JWTs signed with symmetric
//   algorithms"), requiredScopes, claimEquals; its errors carry err.status and err.headers (RFC 6750);
// - csrf-csrf's double-submit cookie (doubleCsrf with getSecret and getSessionIdentifier, on cookie-parser);
// - express-brute in front of a login (its README's MemoryStore example) and express-slow-down.
import express from 'express';
import cookieParser from 'cookie-parser';
import { auth, requiredScopes, claimEquals } from 'express-oauth2-jwt-bearer';
import { doubleCsrf } from 'csrf-csrf';
import ExpressBrute from 'express-brute';
import { slowDown } from 'express-slow-down';

const PORT = Number(process.env.PORT);
const app = express();
app.use(express.json());
app.use(cookieParser());

// Auth0's middleware on /api: issuer and audience checked, HS256 with the lab's secret
const checkJwt = auth({
  issuer: 'https://lab.auth.example/',
  audience: 'https://api.lab.example',
  secret: 'lab-auth0-secret-that-is-32-bytes!',
  tokenSigningAlg: 'HS256',
});
app.use('/api', checkJwt);
app.get('/api/orders', (req, res) => res.json({ orders: [], sub: req.auth.payload.sub }));
app.post('/api/orders', requiredScopes('write:orders'), (req, res) => res.status(201).json({ id: 1 }));
app.get('/api/admin/users', claimEquals('role', 'admin'), (req, res) => res.json({ users: [] }));

// csrf-csrf: the token comes from GET /csrf-token, goes back in x-csrf-token; the cookie is its HMAC pair
const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
  getSecret: () => 'lab-csrf-secret',
  getSessionIdentifier: (req) => req.cookies.sid ?? '',
  cookieName: 'x-csrf-token',
  cookieOptions: { secure: false, sameSite: 'lax' },
});
app.get('/csrf-token', (req, res) => {
  if (!req.cookies.sid) {
    req.cookies.sid = 'lab-session-1';
    res.cookie('sid', 'lab-session-1', { httpOnly: true, sameSite: 'lax' });
  }
  res.json({ token: generateCsrfToken(req, res) });
});
app.post('/profile/email', doubleCsrfProtection, (req, res) => res.json({ saved: req.body.email }));

// express-brute on a login (free retries 2, then 429 with Retry-After), express-slow-down on search
const bruteforce = new ExpressBrute(new ExpressBrute.MemoryStore(), { freeRetries: 2, minWait: 60_000 });
app.post('/auth/login', bruteforce.prevent, (req, res) => {
  if (typeof req.body.password !== 'string' || req.body.password.length < 8)
    return res.status(400).json({ errors: [{ field: 'password', message: 'password must be at least 8 characters' }] });
  res.json({ ok: true });
});
app.get('/search', slowDown({ windowMs: 60_000, delayAfter: 1, delayMs: () => 500 }), (req, res) =>
  res.json({ results: [] }),
);

app.listen(PORT, '127.0.0.1');
