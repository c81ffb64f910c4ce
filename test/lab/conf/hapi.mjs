// hapi 21 with @hapi/basic (its README: a "simple" strategy with validate), route scopes (auth.access.scope)
// and route CORS with an origin list; the refusals are hapi's own Boom answers.
import Hapi from '@hapi/hapi';
import Basic from '@hapi/basic';

const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
await server.register(Basic);
server.auth.strategy('simple', 'basic', {
  validate: async (request, username, password) => ({
    isValid: username === 'lab' && password === 'labpass',
    credentials: { user: username, scope: ['user'] },
  }),
});
server.route({ method: 'GET', path: '/reports', options: { auth: 'simple' }, handler: () => ({ reports: [] }) });
server.route({
  method: 'GET',
  path: '/admin/users',
  options: { auth: { strategy: 'simple', access: { scope: ['admin'] } } },
  handler: () => ({ users: [] }),
});
// route CORS: only the production front end; hapi answers other origins' preflights itself
server.route({
  method: 'GET',
  path: '/partner/data',
  options: { cors: { origin: ['https://app.example.com'], additionalHeaders: ['x-api-key'] } },
  handler: () => ({ data: [1] }),
});
server.route({ method: 'POST', path: '/notes', handler: (request) => ({ saved: request.payload }) });
await server.start();
