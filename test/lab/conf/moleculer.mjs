// The fifth set (issue 17): Moleculer 0.15 with moleculer-web 0.11 (its API gateway), as moleculer-web's README
// sets one up: a route with `authentication` and `authorization` methods throwing the gateway's UnAuthorizedError
// (ERR_NO_TOKEN / ERR_INVALID_TOKEN) and ForbiddenError, its `rateLimit` option (429 "Rate limit exceeded",
// X-Rate-Limit-* headers), its route `cors` option (403 ORIGIN_NOT_ALLOWED for another origin), a `whitelist`,
// and Moleculer's own ValidationError (fastest-validator, 422) and ServiceNotFoundError (404).
import { ServiceBroker } from 'moleculer';
import ApiGateway from 'moleculer-web';

const PORT = Number(process.env.PORT);
const APP = `http://127.0.0.1:${process.env.APP}`;
const { UnAuthorizedError, ForbiddenError, ERR_NO_TOKEN, ERR_INVALID_TOKEN } = ApiGateway.Errors;
const TOKENS = { 'lab-mol-member': { id: 1, role: 'member' }, 'lab-mol-admin': { id: 2, role: 'admin' } };

const broker = new ServiceBroker({ logger: false, validator: true });

broker.createService({
  name: 'orders',
  actions: {
    list: { auth: 'required', handler: () => [{ id: 1 }] },
    remove: { auth: 'required', role: 'admin', params: { id: 'number' }, handler: () => ({ ok: true }) },
    search: { handler: (ctx) => [ctx.params.q] },
    create: {
      params: { item: 'string', quantity: { type: 'number', positive: true } },
      handler: () => ({ ok: true }),
    },
    internal: { handler: () => 'internal' },
  },
});
broker.createService({
  name: 'catalog',
  actions: { list: { handler: () => [{ sku: 'a' }] } },
});

broker.createService({
  name: 'api',
  mixins: [ApiGateway],
  settings: {
    port: PORT,
    ip: '127.0.0.1',
    routes: [
      {
        path: '/api',
        authentication: true,
        authorization: true,
        whitelist: ['orders.list', 'orders.remove', 'orders.create'],
        aliases: {
          'GET orders': 'orders.list',
          'DELETE orders/:id': 'orders.remove',
          'POST orders': 'orders.create',
          'GET internal': 'orders.internal',
        },
        bodyParsers: { json: true },
      },
      {
        path: '/search',
        rateLimit: { window: 60 * 1000, limit: 2, headers: true },
        aliases: { 'GET /': 'orders.search' },
      },
      {
        path: '/partner',
        cors: { origin: ['https://app.example.com'], methods: ['GET'] },
        aliases: { 'GET catalog': 'catalog.list' },
      },
      {
        path: '/widgets',
        cors: { origin: [APP], methods: ['GET'], allowedHeaders: ['X-Api-Key'] },
        aliases: { 'GET catalog': 'catalog.list' },
      },
    ],
  },
  methods: {
    // the README's authenticate(): a Bearer token, anonymous when none is sent
    authenticate(ctx, route, req) {
      const auth = req.headers.authorization;
      if (auth && auth.startsWith('Bearer')) {
        const user = TOKENS[auth.slice(7)];
        if (user) return user;
        throw new UnAuthorizedError(ERR_INVALID_TOKEN);
      }
      return null;
    },
    // the README's authorize(): actions marked auth: 'required' need a user; a role where the action names one
    authorize(ctx, route, req) {
      const user = ctx.meta.user;
      if (req.$action.auth === 'required' && !user) throw new UnAuthorizedError(ERR_NO_TOKEN);
      if (req.$action.role && user.role !== req.$action.role) throw new ForbiddenError('NO_RIGHTS');
    },
  },
});

await broker.start();
