// The sixth Node set (issue 17): routing-controllers 0.11 on Express 4, as its README's "Using authorization
// features" and "Throw HTTP errors" sections show: an `authorizationChecker` reading a Bearer token, `@Authorized()`
// (false → 401 AuthorizationRequiredError) and `@Authorized('admin')` (false → 403 AccessDeniedError), a
// `currentUserChecker` with `@CurrentUser({ required: true })`, routing-controllers' own HttpError classes, and
// class-validator on `@Body()`. Errors go to routing-controllers' default error handler (development mode, as
// NODE_ENV is not production). Plain ESM has no decorator syntax, so the decorators are applied with
// Reflect.decorate and the parameter decorators called as TypeScript's emit calls them.
import 'reflect-metadata';
import { createHmac } from 'node:crypto';
import {
  Authorized,
  Body,
  CurrentUser,
  Delete,
  ForbiddenError,
  Get,
  HttpError,
  JsonController,
  NotFoundError,
  Param,
  Post,
  createExpressServer,
} from 'routing-controllers';
import { IsEmail, IsString, MinLength } from 'class-validator';

const PORT = Number(process.env.PORT);
const SECRET = 'lab-rc-secret';
const TOKENS = { 'lab-rc-member': { id: 1, roles: ['member'] }, 'lab-rc-admin': { id: 2, roles: ['admin'] } };

/** The user of an HS256 JWT whose signature holds and that has not expired; null otherwise. */
function jwtUser(token) {
  const [head, body, sig] = token.split('.');
  if (!sig || createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url') !== sig) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
  return { id: claims.sub, roles: claims.roles ?? [] };
}
const userOf = (action) => {
  const token = (action.request.headers.authorization ?? '').replace(/^Bearer /, '');
  return TOKENS[token] ?? (token.includes('.') ? jwtUser(token) : null);
};

const method = (target, name, decorators, params) => {
  if (params) Reflect.defineMetadata('design:paramtypes', params, target.prototype, name);
  Reflect.decorate(decorators, target.prototype, name, Object.getOwnPropertyDescriptor(target.prototype, name));
};
const param = (target, name, index, decorator) => decorator(target.prototype, name, index);

class SignUp {}
Reflect.decorate([IsEmail()], SignUp.prototype, 'email');
Reflect.decorate([IsString(), MinLength(10)], SignUp.prototype, 'password');

let exports_ = 0;
class AccountController {
  me(user) {
    return user;
  }
  profile(user) {
    return { id: user.id };
  }
  removeUser(id) {
    return { deleted: id };
  }
  archive(user, id) {
    if (!user.roles.includes('owner')) throw new ForbiddenError(`Only the owner of project ${id} can archive it`);
    return { archived: id };
  }
  export_() {
    exports_ += 1;
    if (exports_ > 2) throw new HttpError(429, 'Too many exports, try again in a minute');
    return { rows: 10 };
  }
  signUp(body) {
    return { email: body.email };
  }
  order(id) {
    throw new NotFoundError(`Order ${id} was not found`);
  }
  report() {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }
}
method(AccountController, 'me', [Authorized(), Get('/me')], [Object]);
param(AccountController, 'me', 0, CurrentUser());
method(AccountController, 'profile', [Get('/profile')], [Object]);
param(AccountController, 'profile', 0, CurrentUser({ required: true }));
method(AccountController, 'removeUser', [Authorized('admin'), Delete('/users/:id')], [Number]);
param(AccountController, 'removeUser', 0, Param('id'));
method(AccountController, 'archive', [Authorized(), Post('/projects/:id/archive')], [Object, Number]);
param(AccountController, 'archive', 0, CurrentUser());
param(AccountController, 'archive', 1, Param('id'));
method(AccountController, 'export_', [Authorized(), Get('/export')], []);
method(AccountController, 'signUp', [Post('/signup')], [SignUp]);
param(AccountController, 'signUp', 0, Body());
method(AccountController, 'order', [Get('/orders/:id')], [Number]);
param(AccountController, 'order', 0, Param('id'));
method(AccountController, 'report', [Get('/report')], []);
Reflect.decorate([JsonController('/api')], AccountController);

createExpressServer({
  controllers: [AccountController],
  validation: true,
  authorizationChecker: (action, roles) => {
    const user = userOf(action);
    if (!user) return false;
    return roles.length === 0 || roles.some((r) => user.roles.includes(r));
  },
  currentUserChecker: (action) => userOf(action),
}).listen(PORT, '127.0.0.1');
