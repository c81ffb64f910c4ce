// Koa 3 with koa-jwt (README: app.use(jwt({ secret }).unless(…))), koa-ratelimit (memory driver, README) and a
// role check by ctx.throw, the way Koa apps refuse.
import Koa from 'koa';
import jwt from 'koa-jwt';
import ratelimit from 'koa-ratelimit';

const app = new Koa();
const limit = ratelimit({ driver: 'memory', db: new Map(), duration: 60_000, max: 1, id: (ctx) => ctx.ip });
app.use((ctx, next) => (ctx.path.startsWith('/search') ? limit(ctx, next) : next()));
app.use(jwt({ secret: 'lab-jwt-secret' }).unless({ path: [/^\/search/, /^\/public/] }));
app.use((ctx) => {
  if (ctx.path.startsWith('/admin') && ctx.state.user?.role !== 'admin') ctx.throw(403, 'Admin role required');
  ctx.body = { ok: true, user: ctx.state.user ?? null };
});
app.listen(Number(process.env.PORT), '127.0.0.1');
