// The fourth set (issue 17): Fastify 5 with @fastify/bearer-auth as its README registers it (a set of keys,
// the plugin's onRequest hook on every route of the scope), beside an unprotected scope with a route schema.
import Fastify from 'fastify';
import bearerAuth from '@fastify/bearer-auth';

const PORT = Number(process.env.PORT);
const app = Fastify({ logger: false });

app.register(async (scope) => {
  await scope.register(bearerAuth, { keys: new Set(['lab-bearer-key-1']) });
  scope.get('/v1/reports', async () => ({ reports: [] }));
});

// an unprotected scope: a token-exchange form whose body schema names the refresh_token field
app.post(
  '/public/token',
  {
    schema: {
      body: {
        type: 'object',
        required: ['refresh_token'],
        properties: { refresh_token: { type: 'string', minLength: 20 } },
      },
    },
  },
  async () => ({ access_token: 'x' }),
);

await app.listen({ port: PORT, host: '127.0.0.1' });
