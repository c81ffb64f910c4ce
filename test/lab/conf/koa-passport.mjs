// The fourth set (issue 17): Koa 3 with koa-passport (passport-local on koa-session, its README's setup) and
// @koa/cors as its README configures it, on @koa/router and @koa/bodyparser. The refusals are theirs: passport's 401 "Unauthorized",
// the app's ctx.throw for a route that needs a session, and @koa/cors leaving out the CORS headers.
import Koa from 'koa';
import Router from '@koa/router';
import session from 'koa-session';
import passport from 'koa-passport';
import cors from '@koa/cors';
import { bodyParser } from '@koa/bodyparser';
import { Strategy as LocalStrategy } from 'passport-local';

const PORT = Number(process.env.PORT);
const APP = `http://127.0.0.1:${process.env.APP}`;
const app = new Koa();
app.keys = ['lab-koa-session-key'];

passport.serializeUser((user, done) => done(null, user.id));
passport.deserializeUser((id, done) => done(null, { id }));
passport.use(
  new LocalStrategy((username, password, done) =>
    done(null, username === 'lab' && password === 'long-enough-pass' ? { id: 'lab' } : false),
  ),
);

const router = new Router();
// a JSON login: passport.authenticate('local') with no options answers a failure 401 "Unauthorized"
router.post('/auth/login', passport.authenticate('local'), (ctx) => {
  ctx.body = { ok: true, user: ctx.state.user.id };
});
// routes that need a session: the README's ctx.isAuthenticated() check
router.get('/app/dashboard', (ctx) => {
  if (!ctx.isAuthenticated()) ctx.throw(401, 'Please log in to continue');
  ctx.body = { widgets: [] };
});
router.get('/app/admin', (ctx) => {
  if (!ctx.isAuthenticated()) ctx.throw(401);
  if (ctx.state.user.id !== 'root') ctx.throw(403, 'Admins only');
  ctx.body = { admin: true };
});
// @koa/cors: the production origin only; an origin function that refuses unknown origins; the lab page allowed
router.all('/partner/orders', cors({ origin: 'https://app.example.com' }), (ctx) => {
  ctx.body = { orders: [] };
});
const known = new Set(['https://app.example.com']);
router.all('/feeds/latest', cors({ origin: (ctx) => (known.has(ctx.get('Origin')) ? ctx.get('Origin') : '') }), (ctx) => {
  ctx.body = { feed: [] };
});
router.all('/widgets/list', cors({ origin: APP, allowMethods: 'GET,POST' }), (ctx) => {
  ctx.body = { widgets: [] };
});

app.use(session({}, app));
app.use(bodyParser());
app.use(passport.initialize());
app.use(passport.session());
app.use(router.routes());
app.use(router.allowedMethods());
app.listen(PORT, '127.0.0.1');
