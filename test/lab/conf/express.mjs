// Express 4 with the middlewares its users reach for, configured as their READMEs show:
// cors (an origin allow-list), csurf, express-rate-limit, express-jwt, express-basic-auth.
import express from 'express';
import cors from 'cors';
import csurf from 'csurf';
import cookieParser from 'cookie-parser';
import { rateLimit } from 'express-rate-limit';
import { expressjwt } from 'express-jwt';
import basicAuth from 'express-basic-auth';

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

app.use((err, req, res, next) => {
  // express-jwt README: "if (err.name === 'UnauthorizedError') res.status(401).send('invalid token...')", with the message
  if (err.name === 'UnauthorizedError') return res.status(err.status).json({ error: err.code, message: err.message });
  next(err);
});
app.listen(Number(process.env.PORT), '127.0.0.1');
