// The sixth Node set (issue 17): Egg.js 3 in its single-process mode (`egg.start()`, the "Single Process Mode"
// of its docs) on the app in conf/egg/: egg-security's default CSRF defence (type `ctoken`: a `csrfToken`
// cookie and the token in `x-csrf-token` or `_csrf`), egg-jwt (koa-jwt2) as the router middleware its README
// shows, `ctx.throw()` for a role and a rate limit, and Egg's default error handler (egg-onerror).
import egg from 'egg';
import { fileURLToPath } from 'node:url';

const app = await egg.start({ baseDir: fileURLToPath(new URL('./egg', import.meta.url)), env: 'local' });
app.listen(Number(process.env.PORT), '127.0.0.1');
