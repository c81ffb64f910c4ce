// The lab's Auth.js app (the seventh Node set, issue 17): @auth/express with the Credentials provider, mounted at
// /auth/* as its README shows, JWT sessions (the default without an adapter), and the README's `authenticatedUser`
// middleware guarding the pages (redirect to the sign-in page) beside an API guard answering 401/403 as JSON.
// The sign-in, sign-out and session-update POSTs are Auth.js's own: it checks their `csrfToken` (double-submit
// with the `authjs.csrf-token` cookie) and refuses with MissingCSRF. Express 4.
import express from 'express';
import { ExpressAuth, getSession } from '@auth/express';
import Credentials from '@auth/express/providers/credentials';

const USERS = [
  { id: '1', name: 'Ada', email: 'ada@lab.test', password: 'lab-pass-1', role: 'admin' },
  { id: '2', name: 'Bo', email: 'bo@lab.test', password: 'lab-pass-2', role: 'member' },
];

const authConfig = {
  secret: 'lab-authjs-secret-0123456789abcdef0123456789abcdef',
  trustHost: true,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async ({ email, password }) => {
        const user = USERS.find((u) => u.email === email && u.password === password);
        return user ? { id: user.id, name: user.name, email: user.email } : null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) token.role = USERS.find((u) => u.id === user.id)?.role;
      return token;
    },
    session: ({ session, token }) => ({ ...session, user: { ...session.user, role: token.role } }),
  },
};

const app = express();
app.set('trust proxy', true);
app.use('/auth/*', ExpressAuth(authConfig));

/** The README's page guard: no session, to the sign-in page (with the page to return to). */
async function authenticatedUser(req, res, next) {
  const session = res.locals.session ?? (await getSession(req, authConfig));
  if (!session?.user) {
    res.redirect(`/auth/signin?callbackUrl=${encodeURIComponent(req.originalUrl)}`);
  } else {
    res.locals.session = session;
    next();
  }
}

/** The API's guard: a session or 401; an optional role or 403. */
const apiUser = (role) => async (req, res, next) => {
  const session = await getSession(req, authConfig);
  if (!session?.user) return res.status(401).json({ error: 'Not authenticated' });
  if (role && session.user.role !== role) return res.status(403).json({ error: 'Forbidden: admins only' });
  res.locals.session = session;
  next();
};

app.get('/dashboard', authenticatedUser, (req, res) => {
  res.type('html').send(`<!doctype html><title>Dashboard</title><p>Hello ${res.locals.session.user.name}</p>`);
});
app.get('/api/me', apiUser(), (req, res) => res.json(res.locals.session.user));
app.get('/api/admin/users', apiUser('admin'), (req, res) => res.json(USERS.map(({ id, email }) => ({ id, email }))));
app.get('/api/boom', () => {
  throw new Error('the lab route failed');
});
app.listen(Number(process.env.PORT), '127.0.0.1');
