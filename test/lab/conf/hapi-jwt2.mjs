// The fourth set (issue 17): hapi 21 with hapi-auth-jwt2 (its README's example: a "jwt" strategy with a key,
// validate and HS256) and @hapi/cookie (its README's session strategy with redirectTo and appendNext); the
// refusals are the plugins' own Boom answers. The cookie's password is the lab's, 32+ characters as iron asks.
import Hapi from '@hapi/hapi';
import HapiJwt from 'hapi-auth-jwt2';
import Cookie from '@hapi/cookie';

const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
await server.register([HapiJwt, Cookie]);

// hapi-auth-jwt2: the token in Authorization; validate looks the subject up; scopes from the token
const people = { lab: { scope: ['user'] }, root: { scope: ['admin'] } };
server.auth.strategy('jwt', 'jwt', {
  key: 'lab-hapi-jwt-secret',
  validate: async (decoded) => (people[decoded.sub] ? { isValid: true, credentials: { ...decoded, ...people[decoded.sub] } } : { isValid: false }),
  verifyOptions: { algorithms: ['HS256'] },
});
server.route({ method: 'GET', path: '/api/me', options: { auth: 'jwt' }, handler: (r) => ({ sub: r.auth.credentials.sub }) });
server.route({
  method: 'DELETE',
  path: '/api/users/{id}',
  options: { auth: { strategy: 'jwt', access: { scope: ['admin'] } } },
  handler: () => ({ deleted: true }),
});

// @hapi/cookie: a session cookie set by /login; pages redirect to /login?next=…, the JSON API answers 401
const sessions = new Map([['s-1', { user: 'lab' }]]);
server.auth.strategy('session', 'cookie', {
  cookie: { name: 'sid-lab', password: 'lab-cookie-password-at-least-32-chars!', isSecure: false, path: '/' },
  redirectTo: '/login',
  appendNext: true,
  validate: async (request, session) =>
    sessions.has(session.id) ? { isValid: true, credentials: sessions.get(session.id) } : { isValid: false },
});
server.route({ method: 'GET', path: '/account', options: { auth: 'session' }, handler: (r) => `<h1>Hello ${r.auth.credentials.user}</h1>` });
server.route({
  method: 'GET',
  path: '/account/api/settings',
  options: { auth: 'session', plugins: { cookie: { redirectTo: false } } },
  handler: () => ({ theme: 'dark' }),
});
server.route({ method: 'GET', path: '/login', options: { auth: false }, handler: () => '<form method="post"><input name="password"></form>' });
server.route({
  method: 'POST',
  path: '/login',
  options: {
    auth: false,
    validate: {
      payload: async (value) => {
        if (typeof value?.password !== 'string' || value.password.length < 8) throw new Error('password too short');
        return value;
      },
    },
  },
  handler: (request) => {
    const id = request.payload.password === 'long-enough-pass' ? 's-1' : 's-gone';
    request.cookieAuth.set({ id });
    return { ok: true };
  },
});
await server.start();
