// Hono 4 on @hono/node-server with its built-in middlewares, configured as hono.dev's middleware pages show them
// (https://hono.dev/docs/middleware/builtin/*): bearer-auth, basic-auth, jwt, csrf, ip-restriction, cors, and the
// app's own HTTPException. Every refusal is Hono's own answer; nothing here shapes a response by hand except
// where the docs' own example does (ip-restriction's onError).
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { basicAuth } from 'hono/basic-auth';
import { jwt, sign } from 'hono/jwt';
import { csrf } from 'hono/csrf';
import { ipRestriction } from 'hono/ip-restriction';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';

const PORT = Number(process.env.PORT);
const APP = `http://127.0.0.1:${process.env.APP}`;
const app = new Hono();

// bearer-auth with a static token (the docs' first example)
app.use('/api/*', bearerAuth({ token: 'lab-api-token' }));
app.get('/api/items', (c) => c.json({ items: [1, 2] }));
// a project the token's owner is not a member of: the app's own HTTPException
app.get('/api/projects/:id', (c) => {
  if (c.req.param('id') !== '1') throw new HTTPException(403, { message: 'You are not a member of this project' });
  return c.json({ id: 1 });
});

// basic-auth
app.use('/admin/*', basicAuth({ username: 'lab', password: 'labpass' }));
app.get('/admin/stats', (c) => c.json({ users: 3 }));

// jwt (HS256), and a login that issues one
app.use('/me/*', jwt({ secret: 'lab-jwt-secret', alg: 'HS256' }));
app.get('/me/profile', (c) => c.json({ sub: c.get('jwtPayload').sub }));
app.post('/login', async (c) => {
  const body = await c.req.json().catch(() => ({}));
  if (typeof body.password !== 'string' || body.password.length < 8)
    throw new HTTPException(400, { message: 'password must be at least 8 characters' });
  const now = Math.floor(Date.now() / 1000);
  return c.json({ token: await sign({ sub: body.username, exp: now + 3600 }, 'lab-jwt-secret') });
});

// csrf: the default origin check (only this server's own origin may POST a form)
app.use('/account/*', csrf());
app.get('/account/form', (c) =>
  c.html('<!doctype html><form method="post" action="/account/email"><input name="email" value="a@b.c"></form>'),
);
app.post('/account/email', async (c) => c.text(`saved ${(await c.req.parseBody()).email}`));

// ip-restriction, the docs' example with its custom onError
app.use(
  '/internal/*',
  ipRestriction(getConnInfo, { allowList: ['203.0.113.0/24'] }, (remote, c) =>
    c.text(`Access denied for ${remote.addr}`, 403),
  ),
);
app.get('/internal/metrics', (c) => c.text('up 1'));

// cors: one production origin (the lab page is not it); the lab page's own origin; "*" with credentials
app.use('/partner/*', cors({ origin: 'https://app.example.com', allowHeaders: ['X-Api-Key'] }));
app.get('/partner/orders', (c) => c.json({ orders: [] }));
app.use('/widgets/*', cors({ origin: APP, allowHeaders: ['X-Api-Key'] }));
app.get('/widgets/list', (c) => c.json({ widgets: [] }));
app.use('/public/*', cors({ origin: '*', credentials: true }));
app.get('/public/feed', (c) => c.json({ feed: [] }));

serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' });
