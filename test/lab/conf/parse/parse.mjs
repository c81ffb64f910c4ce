// Parse Server (the open-source server of the Parse platform, whose REST API LeanCloud's also follows) mounted
// on Express as its README shows, with documented options: an app id, a master key, a password policy, and one
// class whose class-level permissions (CLP) let only the role "admin" use it. The lab's data is set up through the
// REST API with the master key on a private ephemeral listener first, so the lab port opens only when it is ready.
// Errors keep Parse Server's defaults: Parse.Error codes in 400 bodies, sanitized messages.
import express from 'express';
import parseServer from 'parse-server';

const { ParseServer } = parseServer;
const port = Number(process.env.PORT);
const serverURL = `http://127.0.0.1:${port}/parse`;

const api = new ParseServer({
  appId: 'lab-app',
  masterKey: 'lab-master-key',
  databaseURI: `postgres://postgres@127.0.0.1:${process.env.PG_PORT}/postgres`,
  serverURL,
  // parse-verbose runs with the documented option that returns the detailed messages instead of "Permission denied"
  enableSanitizedErrorResponse: process.env.PARSE_SANITIZED !== 'false',
  logLevel: 'error',
  // the docs' example policy: at least 8 characters, one digit
  passwordPolicy: { validatorPattern: /^(?=.*[0-9]).{8,}$/, validationError: 'Password must contain at least 1 digit.' },
});
await api.start();
const app = express();
app.use('/parse', api.app);
const setup = await new Promise((ok) => {
  const s = app.listen(0, '127.0.0.1', () => ok(s));
});
const setupURL = `http://127.0.0.1:${setup.address().port}/parse`;

const call = (method, path, body, headers = {}) =>
  fetch(`${setupURL}${path}`, {
    method,
    headers: { 'x-parse-application-id': 'lab-app', 'content-type': 'application/json', ...headers },
    body: body && JSON.stringify(body),
  }).then(async (r) => {
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  });
const master = { 'x-parse-master-key': 'lab-master-key' };
await call('POST', '/users', { username: 'lab', password: 'labpass123' });
await call(
  'POST',
  '/schemas/Payroll',
  {
    className: 'Payroll',
    fields: { amount: { type: 'Number' } },
    classLevelPermissions: Object.fromEntries(
      ['find', 'get', 'count', 'create', 'update', 'delete', 'addField'].map((op) => [op, { 'role:admin': true }]),
    ),
  },
  master,
);
await call('POST', '/schemas/Note', { className: 'Note', fields: { count: { type: 'Number' }, text: { type: 'String' } } }, master);
setup.close();
app.listen(port, '127.0.0.1', () => console.log('parse lab ready'));
