// Express 4 with the security middlewares developers add to it, each as its README configures it: helmet 8
// (its defaults: Cross-Origin-Resource-Policy: same-origin and a Content-Security-Policy; COEP when asked),
// rate-limiter-flexible (the README's Express middleware) and lusca's CSRF (on express-session). A second
// listener on PORT+1 is a plain Express with no helmet: the other origin whose image a COEP page embeds.
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import lusca from 'lusca';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const PORT = Number(process.env.PORT);
// The smallest valid PNG (1×1, transparent), so an <img> that is let through loads.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const png = (req, res) => res.type('png').send(PNG);

const app = express();
// helmet() with its defaults: CORP same-origin on everything it serves
app.get('/avatars/:id.png', helmet(), png);
// the same image with helmet's documented opt-out for assets meant for other sites
app.get('/public/:id.png', helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }), png);
// a page that turns COEP on (require-corp) and embeds an image from the plain listener, which sends no CORP
// (helmet's CSP off here: its img-src 'self' would block the image first, and the scenario is about COEP)
app.get('/coep/page', helmet({ crossOriginEmbedderPolicy: true, contentSecurityPolicy: false }), (req, res) =>
  res.type('html').send(`<!doctype html><title>coep</title><img src="http://127.0.0.1:${PORT + 1}/plain/chart.png">`),
);
// a page under helmet's default CSP (script-src 'self') that loads a widget script from the other origin
app.get('/csp/page', helmet(), (req, res) =>
  res
    .type('html')
    .send(`<!doctype html><title>csp</title><script src="http://127.0.0.1:${PORT + 1}/plain/widget.js"></script>`),
);

// rate-limiter-flexible, the README's Express middleware: one search a minute per IP
const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
app.use('/api/search', (req, res, next) =>
  limiter
    .consume(req.ip)
    .then(() => next())
    .catch(() => res.status(429).send('Too Many Requests')),
);
app.get('/api/search', (req, res) => res.json({ results: [] }));

// lusca's CSRF on express-session: GET /lusca/form hands out the token, POSTs must echo it (body _csrf or X-CSRF-Token)
app.use('/lusca', session({ secret: 'lab-session-secret', resave: false, saveUninitialized: true }));
app.use('/lusca', express.json());
app.use('/lusca', lusca.csrf());
app.get('/lusca/form', (req, res) => res.json({ csrf: res.locals._csrf }));
app.post('/lusca/transfer', (req, res) => res.json({ transferred: req.body.amount }));

app.listen(PORT, '127.0.0.1');

const plain = express();
plain.get('/plain/chart.png', png);
plain.get('/plain/widget.js', (req, res) => res.type('js').send('window.widget = 1;'));
plain.listen(PORT + 1, '127.0.0.1');
