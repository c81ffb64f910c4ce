// Fastify 5 with @fastify/cors and @fastify/rate-limit as their READMEs configure them, plus a route schema.
import Fastify from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';

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
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
