// Express 4 with the middlewares its users reach for, configured as their READMEs show:
// cors (an origin allow-list), csurf, express-rate-limit, express-jwt, express-basic-auth, passport-local,
// @node-oauth/oauth2-server (a token endpoint), express-validator; body-parser's own errors.
import express from 'express';
import cors from 'cors';
import csurf from 'csurf';
import cookieParser from 'cookie-parser';
import { rateLimit } from 'express-rate-limit';
import { expressjwt } from 'express-jwt';
import basicAuth from 'express-basic-auth';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import OAuth2Server from '@node-oauth/oauth2-server';
import { body, query, validationResult } from 'express-validator';

const app = express();
app.use(cookieParser());
app.use(express.urlencoded({ extended: false }));
app.use(express.json());

// cors: only the production front end may call /api/partner
app.use('/api/partner', cors({ origin: ['https://app.example.com'], credentials: true }));
app.get('/api/partner/data', (req, res) => res.json({ data: [1, 2, 3] }));
// cors: the lab page's origin is allowed on /api/public (the successful preflight)
app.use(
  '/api/public',
  cors({ origin: `http://127.0.0.1:${process.env.APP}`, allowedHeaders: ['Content-Type', 'Authorization'] }),
);
app.put('/api/public/profile', (req, res) => res.json({ saved: true }));

// express-rate-limit: 2 requests a minute, draft-7 RateLimit headers
app.use('/api/search', rateLimit({ windowMs: 60_000, limit: 2, standardHeaders: 'draft-7', legacyHeaders: false }));
app.get('/api/search', (req, res) => res.json({ results: [] }));

// express-jwt (README setup) with its documented error handler
app.use('/api/me', expressjwt({ secret: 'lab-jwt-secret', algorithms: ['HS256'] }));
app.get('/api/me', (req, res) => res.json({ user: req.auth }));

// express-basic-auth with the browser challenge
app.use('/admin', basicAuth({ users: { lab: 'labpass' }, challenge: true, realm: 'Lab admin' }));
app.get('/admin', (req, res) => res.send('admin'));

// csurf (cookie mode): the form page hands out a token, the POST must carry it
const csrf = csurf({ cookie: true });
app.get('/transfer', csrf, (req, res) =>
  res.send(
    `<!doctype html><form method="post" action="/transfer"><input name="_csrf" value="${req.csrfToken()}"><input name="amount" value="10"></form>`,
  ),
);
app.post('/transfer', csrf, (req, res) => res.send('done'));

// passport-local (README): a login form; an empty field is "Missing credentials", answered 400
passport.use(
  new LocalStrategy((username, password, done) =>
    done(null, username === 'lab' && password === 'labpass' ? { id: 1, username } : false),
  ),
);
app.use(passport.initialize());
app.post('/login', passport.authenticate('local', { session: false }), (req, res) => res.json({ ok: true }));

// @node-oauth/oauth2-server: a token endpoint with an in-memory model (its docs' model specification), one client
// allowed the password grant. Errors are answered as express-oauth-server does: the library's status and body.
const oauthClients = [{ id: 'lab-app', clientId: 'lab-app', clientSecret: 'lab-app-secret', grants: ['password'] }];
const oauth = new OAuth2Server({
  model: {
    getClient: async (id, secret) =>
      oauthClients.find((c) => c.clientId === id && (secret == null || c.clientSecret === secret)) ?? null,
    getUser: async (username, password) =>
      username === 'lab' && password === 'labpass' ? { id: 1, username } : null,
    saveToken: async (token, client, user) => ({ ...token, client, user }),
  },
});
app.post('/oauth/token', async (req, res) => {
  const response = new OAuth2Server.Response(res);
  try {
    await oauth.token(new OAuth2Server.Request(req), response);
  } catch {
    // the token handler has already put the OAuth error (status, body, WWW-Authenticate) on the response
  }
  res.set(response.headers).status(response.status).json(response.body);
});

// express-validator (its getting-started guide), answering 400 with result.array(): fields named like credentials
app.post(
  '/api/register',
  body('email').isEmail(),
  body('password').isLength({ min: 8 }).withMessage('password must be at least 8 characters'),
  body('api_key').optional().isString().withMessage('api_key must be a string'),
  (req, res) => {
    const result = validationResult(req);
    if (!result.isEmpty()) return res.status(400).json({ errors: result.array() });
    res.status(201).json({ ok: true });
  },
);
app.get('/api/feed', query('page_token').optional().isBase64({ urlSafe: true }).withMessage('Invalid page token'), (req, res) => {
  const result = validationResult(req);
  if (!result.isEmpty()) return res.status(400).json({ errors: result.array() });
  res.json({ items: [], next_page_token: null });
});

// an ordinary validation error (422) and a 404: look-alikes
app.post('/api/signup', (req, res) => {
  if (!String(req.body?.email ?? '').includes('@'))
    return res
      .status(422)
      .json({
        errors: [
          { type: 'field', value: req.body?.email ?? '', msg: 'Invalid value', path: 'email', location: 'body' },
        ],
      });
  res.status(201).json({ ok: true });
});

// cors, second set (issue 17): an allowed origin whose preflight names neither DELETE nor X-Api-Key
app.use(
  '/api/v2/partner',
  cors({ origin: `http://127.0.0.1:${process.env.APP}`, methods: ['GET', 'POST'], allowedHeaders: ['Content-Type'] }),
);
app.all('/api/v2/partner/orders', (req, res) => res.json({ orders: [] }));
// cors({ credentials: true }) with its default origin "*": a credentialed fetch cannot read the answer
app.use('/api/widgets', cors({ credentials: true }));
app.get('/api/widgets', (req, res) => res.json({ widgets: [] }));

// express-rate-limit with the draft-8 headers and a JSON message (its README's options), one export a minute
app.use(
  '/api/export',
  rateLimit({
    windowMs: 60_000,
    limit: 1,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { error: 'Too many exports, please try again later.' },
  }),
);
app.get('/api/export', (req, res) => res.json({ url: '/files/export.csv' }));

// express-basic-auth without challenge (its default): 401 with an empty body and no WWW-Authenticate
app.use('/api/internal', basicAuth({ users: { lab: 'labpass' } }));
app.get('/api/internal/metrics', (req, res) => res.json({ up: 1 }));

// express-session (README setup, MemoryStore) with a login, a logout that destroys the session, and a route that
// answers 401 when the session holds no user: the browser keeps sending the ended session's cookie
app.use('/session', session({ secret: 'lab-session-secret', resave: false, saveUninitialized: false }));
app.get('/session/login', (req, res) => {
  req.session.user = 'lab';
  res.send('<!doctype html><p>signed in</p>');
});
app.get('/session/logout', (req, res) => req.session.destroy(() => res.send('<!doctype html><p>signed out</p>')));
app.get('/session/me', (req, res) =>
  req.session.user ? res.json({ user: req.session.user }) : res.status(401).json({ error: 'Not logged in' }),
);

app.use((err, req, res, next) => {
  // express-jwt README: "if (err.name === 'UnauthorizedError') res.status(401).send('invalid token...')", with the message
  if (err.name === 'UnauthorizedError') return res.status(err.status).json({ error: err.code, message: err.message });
  next(err);
});
app.listen(Number(process.env.PORT), '127.0.0.1');
