// The lab's Socket.IO server (the seventh Node set, issue 17): socket.io 4 on one Node http server, five Server
// instances on their own `path`s, each configured as the Socket.IO documentation shows
// (https://socket.io/docs/v4/handling-cors/, …/server-options/#allowrequest, …/middlewares/):
//   /open/     no `cors` option (Socket.IO 3+ sends no CORS headers unless told to)
//   /partner/  cors: { origin: 'https://partner.example.com' }
//   /page/     cors: { origin: the lab page } without `credentials: true`
//   /guarded/  allowRequest reading a Bearer token (refused: 403 {"code":4,"message":…})
//   /          a namespace middleware (io.use) checking `socket.handshake.auth.token`: next(new Error(…)) is sent
//              to the client as a CONNECT_ERROR packet inside the polling response
// Anything else: 404 from the http server itself.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const PAGE = `http://127.0.0.1:${process.env.APP}`;
const TOKEN = 'lab-sio-token';

const http = createServer((req, res) => {
  // engine.io answers its own paths before this handler runs; the rest is the app's
  if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
});

new Server(http, { path: '/open/' });
new Server(http, { path: '/partner/', cors: { origin: 'https://partner.example.com' } });
new Server(http, { path: '/page/', cors: { origin: PAGE } });
new Server(http, {
  path: '/guarded/',
  allowRequest: (req, callback) => {
    const auth = req.headers.authorization ?? '';
    if (!auth) return callback('missing token', false);
    callback(auth === `Bearer ${TOKEN}` ? null : 'invalid token', auth === `Bearer ${TOKEN}`);
  },
});
const io = new Server(http);
io.use((socket, next) => {
  const token = socket.handshake.auth.token;
  if (!token) return next(new Error('not authorized: no token'));
  if (token !== TOKEN) return next(new Error('not authorized: invalid token'));
  next();
});
io.on('connection', (socket) => socket.emit('hello', { ok: true }));

http.listen(Number(process.env.PORT), '127.0.0.1');
