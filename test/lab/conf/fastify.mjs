// Fastify 5 with @fastify/cors, @fastify/rate-limit and @fastify/jwt as their READMEs configure them, plus route schemas.
import Fastify from 'fastify';
import cors from '@fastify/cors';
import jwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import basicAuth from '@fastify/basic-auth';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';

const app = Fastify();
await app.register(cors, { origin: ['https://app.example.com'] });
// global: false, so only the routes that ask for a limit have one (README: "config.rateLimit" per route)
await app.register(rateLimit, { global: false });

app.get('/items', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => ({ items: [] }));
app.post(
  '/items',
  { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
  async () => ({ ok: true }),
);
// A bearer check in a hook, returning Fastify's own error shape through reply.code().send(new Error)
app.get('/account', async (req, reply) => {
  if (!req.headers.authorization)
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="lab"')
      .send({ statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token' });
  return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Insufficient role: admin required' });
});
// @fastify/jwt (README: register with a secret, verify in an onRequest hook) on the /v2 routes only
await app.register(async (v2) => {
  await v2.register(jwt, { secret: 'lab-jwt-secret' });
  v2.addHook('onRequest', (req) => req.jwtVerify());
  v2.get('/v2/orders', async (req) => ({ orders: [], user: req.user }));
  // a settings route whose fields are named like credentials: its 400s are schema validation
  v2.post(
    '/v2/keys',
    {
      schema: {
        body: {
          type: 'object',
          required: ['api_key', 'quota'],
          properties: { api_key: { type: 'string' }, quota: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (req) => ({ saved: req.body }),
  );
});
// a paginated list: the page token is checked by the querystring schema
app.get(
  '/feed',
  { schema: { querystring: { type: 'object', properties: { page_token: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } } } } },
  async () => ({ items: [], next_page_token: null }),
);
// @fastify/basic-auth (README: validate + authenticate with a realm) on /admin only
await app.register(async (admin) => {
  await admin.register(basicAuth, {
    validate: async (username, password) => {
      if (username !== 'lab' || password !== 'labpass') return new Error('Unauthorized');
    },
    authenticate: { realm: 'Lab admin' },
  });
  admin.addHook('onRequest', admin.basicAuth);
  admin.get('/admin/report', async () => ({ report: [] }));
});
// @fastify/csrf-protection with @fastify/cookie (README): /csrf hands out a token, /transfer checks it
await app.register(cookie);
await app.register(csrf);
app.get('/csrf', async (req, reply) => ({ token: reply.generateCsrf() }));
app.post('/transfer', { onRequest: app.csrfProtection }, async () => ({ done: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
