// The sixth Node set (issue 17): json-server 0.17 with json-server-auth 2.1, set up as json-server-auth's README
// shows ("Guarded routes" with the rewriter's permission codes, the README's `app.db = router.db` wiring): /664
// (logged in to write), /640, /600 (owner only), /444 (read only), /register and /login. Every answer is
// json-server-auth's own (dist/guards.js, dist/users.js); the JWT secret is its built-in constant.
import jsonServer from 'json-server';
import auth from 'json-server-auth';

const PORT = Number(process.env.PORT);
const app = jsonServer.create();
// An in-memory database (json-server's router takes an object as it takes db.json).
const router = jsonServer.router({
  users: [],
  posts: [
    { id: 1, userId: 1, title: 'mine' },
    { id: 2, userId: 2, title: "someone else's" },
  ],
  notes: [{ id: 1, userId: 2, text: 'private' }],
  settings: [{ id: 1, theme: 'dark' }],
});
app.db = router.db;
const rules = auth.rewriter({ posts: 664, notes: 600, settings: 444 });
app.use(jsonServer.defaults({ logger: false }));
app.use(rules);
app.use(auth);
app.use(router);
app.listen(PORT, '127.0.0.1');
