// The sixth Node set (issue 17): express-openapi-validator 5 on Express 4, as its README sets it up: an OpenAPI 3
// document (here inline) with `securitySchemes` (an API key in the `X-API-Key` header, one in the `api_key` query
// parameter, HTTP bearer), `validateRequests`, and `validateSecurity.handlers` (the README's "Security handlers":
// return false for an unknown key; throw `{ status, message }` to answer otherwise). The validator's own checks
// come first ("'X-API-Key' header required", "Authorization header required", "Authorization header with scheme
// 'Bearer' required"); errors go to the README's error handler, `res.status(err.status || 500).json({ message,
// errors })`.
import express from 'express';
import { createHmac } from 'node:crypto';
import * as OpenApiValidator from 'express-openapi-validator';

const PORT = Number(process.env.PORT);
const SECRET = 'lab-oav-secret';

const op = (security, extra = {}) => ({ security, responses: { 200: { description: 'ok' } }, ...extra });
const apiSpec = {
  openapi: '3.0.3',
  info: { title: 'lab', version: '1.0.0' },
  servers: [{ url: '/v1' }],
  components: {
    securitySchemes: {
      ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      QueryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
      BearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
  },
  paths: {
    '/pets': { get: op([{ ApiKeyAuth: [] }]) },
    '/feed': { get: op([{ QueryKey: [] }]) },
    '/orders': {
      get: op([{ BearerAuth: ['orders:read'] }]),
      post: op([{ BearerAuth: ['orders:write'] }]),
    },
    '/users': {
      post: op([], {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['email', 'password'],
                properties: { email: { type: 'string' }, password: { type: 'string', minLength: 10 } },
              },
            },
          },
        },
      }),
    },
  },
};

/** An HS256 JWT's claims; throws with jsonwebtoken's words ("invalid signature", "jwt expired"). */
function verify(token) {
  const [head, body, sig] = token.split('.');
  if (!sig) throw { status: 401, message: 'jwt malformed' };
  if (createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url') !== sig)
    throw { status: 401, message: 'invalid signature' };
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (claims.exp * 1000 < Date.now()) throw { status: 401, message: 'jwt expired' };
  return claims;
}

const app = express();
app.use(express.json());
app.use(
  OpenApiValidator.middleware({
    apiSpec,
    validateRequests: true,
    validateSecurity: {
      handlers: {
        ApiKeyAuth: (req) => req.headers['x-api-key'] === 'lab-oav-key',
        QueryKey: (req) => req.query.api_key === 'lab-oav-key',
        BearerAuth: (req, scopes) => {
          const claims = verify(req.headers.authorization.replace(/^Bearer /i, ''));
          const granted = String(claims.scope ?? '').split(' ');
          if (!scopes.every((s) => granted.includes(s)))
            throw { status: 403, message: `insufficient scope: ${scopes.join(' ')} required` };
          return true;
        },
      },
    },
  }),
);
app.get('/v1/pets', (req, res) => res.json([{ id: 1, name: 'Rex' }]));
app.get('/v1/feed', (req, res) => res.json([]));
app.get('/v1/orders', (req, res) => res.json([]));
app.post('/v1/orders', (req, res) => res.status(201).json({ id: 1 }));
app.post('/v1/users', (req, res) => res.status(201).json({ id: 1 }));
// The README's error handler
app.use((err, req, res, _next) => {
  res.status(err.status || 500).json({ message: err.message, errors: err.errors });
});
app.listen(PORT, '127.0.0.1');
