// The fifth set (issue 17): Feathers 5 on Express (@feathersjs/express), set up as feathersjs.com's guide sets up
// authentication: AuthenticationService with JWTStrategy and LocalStrategy (@feathersjs/authentication,
// @feathersjs/authentication-local), an in-memory users and messages service (@feathersjs/memory), the
// `authenticate('jwt')` hook on messages, hooks throwing @feathersjs/errors (Forbidden, TooManyRequests,
// BadRequest), Feathers' own notFound() and errorHandler() (JSON {name, message, code, className}).
import { feathers } from '@feathersjs/feathers';
import express, { rest, json, urlencoded, errorHandler, notFound, cors } from '@feathersjs/express';
import { AuthenticationService, JWTStrategy, authenticate } from '@feathersjs/authentication';
import { LocalStrategy, hooks as localHooks } from '@feathersjs/authentication-local';
import { MemoryService } from '@feathersjs/memory';
import { BadRequest, Forbidden, TooManyRequests, MethodNotAllowed } from '@feathersjs/errors';

const PORT = Number(process.env.PORT);
const app = express(feathers());
app.use(cors({ origin: 'https://app.example.com' }));
app.use(json());
app.use(urlencoded({ extended: true }));
app.configure(rest());

app.set('authentication', {
  secret: 'lab-feathers-secret-not-for-production',
  entity: 'user',
  service: 'users',
  authStrategies: ['jwt', 'local'],
  jwtOptions: { header: { typ: 'access' }, audience: 'https://lab.feathers.example', algorithm: 'HS256', expiresIn: '1d' },
  local: { usernameField: 'email', passwordField: 'password' },
});
const auth = new AuthenticationService(app);
auth.register('jwt', new JWTStrategy());
auth.register('local', new LocalStrategy());

app.use('users', new MemoryService({ multi: false }));
app.service('users').hooks({
  before: {
    create: [localHooks.hashPassword('password')],
    find: [authenticate('jwt')],
    get: [authenticate('jwt')],
    remove: [authenticate('jwt')],
  },
  after: { all: [localHooks.protect('password')] },
});
app.use('authentication', auth);

app.use('messages', new MemoryService({ multi: false }), { methods: ['find', 'get', 'create', 'patch'] });
let searches = 0;
app.service('messages').hooks({
  before: {
    all: [authenticate('jwt')],
    find: [
      // a hand-written throttle in a hook, with Feathers' own 429 error class
      async (context) => {
        if (context.params.query?.q !== undefined && ++searches > 2)
          throw new TooManyRequests('Too many searches, try again in a minute');
      },
    ],
    create: [
      async (context) => {
        if (!context.data?.text) throw new BadRequest('Validation failed', { errors: { text: 'text is required' } });
      },
    ],
    patch: [
      // the guide's "only the owner may change a message"
      async (context) => {
        const message = await context.service.get(context.id);
        if (message.userId !== context.params.user.id) throw new Forbidden('You can only edit your own messages');
      },
    ],
  },
});
app.use('admin/stats', {
  async find(params) {
    if (params.user.role !== 'admin') throw new Forbidden('Admin role required');
    return { users: 2 };
  },
});
app.service('admin/stats').hooks({ before: { all: [authenticate('jwt')] } });
app.use('signup', {
  async create(data) {
    if (!data.password || data.password.length < 8)
      throw new BadRequest('Invalid password', { errors: { password: 'must be at least 8 characters' } });
    return { ok: true };
  },
  async remove() {
    throw new MethodNotAllowed('Signups cannot be removed');
  },
});

app.use(notFound());
app.use(errorHandler({ logger: false }));

await app.service('users').create({ id: 1, email: 'member@lab.example', password: 'member-pass', role: 'member' });
await app.service('users').create({ id: 2, email: 'other@lab.example', password: 'other-pass', role: 'member' });
await app.service('messages').create({ id: 1, text: 'hello', userId: 2 }, { authenticated: true, user: { id: 2 } });
app.listen(PORT, '127.0.0.1');
