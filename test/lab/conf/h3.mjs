// The fourth set (issue 17): h3 2 (unjs, the server under Nitro and Nuxt) on node:http through its own
// toNodeHandler, with its built-in utilities as h3.dev shows them: basicAuth, handleCors, HTTPError, and its
// default error and not-found answers (JSON {status, message}).
import { createServer } from 'node:http';
import { H3, HTTPError, basicAuth, handleCors, getRequestHeader, toNodeHandler } from 'h3';

const PORT = Number(process.env.PORT);
const APP = `http://127.0.0.1:${process.env.APP}`;
const app = new H3();

// basicAuth middleware on /admin
app.get('/admin/dashboard', () => ({ users: 3 }), {
  middleware: [basicAuth({ username: 'lab', password: 'labpass', realm: 'Admin' })],
});

// the app's own errors: a bearer check and a project the caller is not in
app.get('/api/projects/:id', (event) => {
  const token = getRequestHeader(event, 'authorization');
  if (token !== 'Bearer lab-h3-token') throw new HTTPError({ status: 401, message: 'Invalid or missing API token' });
  if (event.context.params.id !== '1')
    throw new HTTPError({ status: 403, message: 'You do not have access to this project' });
  return { id: 1 };
});

// handleCors: one production origin, and the lab page's own origin
app.use('/partner/**', (event) => handleCors(event, { origin: ['https://app.example.com'], methods: '*' }) || undefined);
app.get('/partner/orders', () => ({ orders: [] }));
app.use('/widgets/**', (event) =>
  handleCors(event, { origin: [APP], methods: ['GET'], allowHeaders: ['x-api-key'] }) || undefined,
);
app.get('/widgets/list', () => ({ widgets: [] }));

// an upload endpoint that takes JSON only (415 otherwise) and POST only (405 otherwise)
app.post('/upload', async (event) => {
  const type = getRequestHeader(event, 'content-type') ?? '';
  if (!type.startsWith('application/json'))
    throw new HTTPError({ status: 415, message: 'Unsupported Media Type: expected application/json' });
  return { ok: true };
});

createServer(toNodeHandler(app)).listen(PORT, '127.0.0.1');
