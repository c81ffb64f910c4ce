// restify 11 with restify-errors and its bundled plugins, as restify.com's guides use them: authorizationParser
// for Basic credentials, throttle, and the errors a handler passes to next(): InvalidCredentialsError (401),
// NotAuthorizedError (403), UnauthorizedError (401) and InvalidArgumentError (409, its validation error).
import restify from 'restify';
import errors from 'restify-errors';

const server = restify.createServer({ name: 'lab-files' });
server.use(restify.plugins.authorizationParser());
server.use(restify.plugins.bodyParser());

const USERS = { lab: { password: 'labpass', files: ['1'] } };
function authenticate(req, res, next) {
  if (req.authorization?.scheme !== 'Basic') return next(new errors.UnauthorizedError('Authorization required'));
  const user = USERS[req.username];
  if (!user || user.password !== req.authorization.basic.password)
    return next(new errors.InvalidCredentialsError('Invalid username or password'));
  req.user = user;
  return next();
}

server.get('/files/:id', authenticate, (req, res, next) => {
  if (!req.user.files.includes(req.params.id))
    return next(new errors.NotAuthorizedError(`You may not read file ${req.params.id}`));
  res.send({ id: req.params.id });
  return next();
});
server.post('/signup', (req, res, next) => {
  if (typeof req.body?.password !== 'string' || req.body.password.length < 8)
    return next(new errors.InvalidArgumentError('password must be at least 8 characters'));
  res.send(201, { created: req.body.username });
  return next();
});
// one export every two seconds per IP (burst 1, rate 0.5 r/s)
server.get('/export', restify.plugins.throttle({ burst: 1, rate: 0.5, ip: true }), (req, res, next) => {
  res.send({ export: 'ok' });
  return next();
});

server.listen(Number(process.env.PORT), '127.0.0.1');
