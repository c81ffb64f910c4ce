// NestJS 12 on @nestjs/platform-express, as docs.nestjs.com's chapters set it up: a roles guard returning false
// (Nest answers 403 "Forbidden resource"), the Authentication chapter's guard throwing UnauthorizedException,
// ForbiddenException with a message, @nestjs/throttler, @nestjs/passport with passport-jwt and
// passport-http-bearer, and ValidationPipe with class-validator. Plain ESM has no decorator syntax, so the
// decorators are applied with Reflect.decorate: the same calls TypeScript's emit makes.
import 'reflect-metadata';
import { NestFactory, APP_PIPE } from '@nestjs/core';
import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  Post,
  UnauthorizedException,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as BearerStrategyBase } from 'passport-http-bearer';
import { IsString, MinLength } from 'class-validator';

const method = (target, name, decorators, params) => {
  if (params) Reflect.defineMetadata('design:paramtypes', params, target.prototype, name);
  Reflect.decorate(decorators, target.prototype, name, Object.getOwnPropertyDescriptor(target.prototype, name));
};
const TOKENS = { 'lab-member-token': 'member', 'lab-owner-token': 'owner' };
const bearer = (req) => (req.headers.authorization ?? '').replace(/^Bearer /, '');

// The Authentication chapter's guard: no token or an unknown one → UnauthorizedException
class TokenGuard {
  canActivate(context) {
    const req = context.switchToHttp().getRequest();
    const role = TOKENS[bearer(req)];
    if (!role) throw new UnauthorizedException();
    req.user = { role };
    return true;
  }
}
// The Authorization chapter's RolesGuard: a boolean; false makes Nest answer 403 "Forbidden resource"
const rolesGuard = (...roles) =>
  class RolesGuard {
    canActivate(context) {
      const role = TOKENS[bearer(context.switchToHttp().getRequest())];
      return roles.includes(role);
    }
  };

class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'lab-jwt-secret' });
  }
  validate(payload) {
    return { sub: payload.sub };
  }
}
Reflect.decorate([Injectable()], JwtStrategy);
class BearerStrategy extends PassportStrategy(BearerStrategyBase, 'bearer') {
  validate(token) {
    return TOKENS[token] ? { role: TOKENS[token] } : null;
  }
}
Reflect.decorate([Injectable()], BearerStrategy);

class LoginDto {}
for (const [key, decorators] of [
  ['username', [IsString()]],
  ['password', [IsString(), MinLength(8)]],
])
  for (const d of decorators) d(LoginDto.prototype, key);

class AppController {
  reports() {
    return { reports: [] };
  }
  billing() {
    return { invoices: [] };
  }
  deleteProject() {
    return { deleted: true };
  }
  exportWorkspace() {
    throw new ForbiddenException('Only the workspace owner can export it');
  }
  search() {
    return { results: [] };
  }
  login(body) {
    return { token: `token-for-${body.username}` };
  }
  jwtMe() {
    return { ok: true };
  }
  bearerMe() {
    return { ok: true };
  }
}
method(AppController, 'reports', [Get('reports'), UseGuards(TokenGuard)]);
method(AppController, 'billing', [Get('billing'), UseGuards(rolesGuard('owner'))]);
method(AppController, 'deleteProject', [Delete('projects/:id'), UseGuards(rolesGuard('owner'))]);
method(AppController, 'exportWorkspace', [Post('workspace/export'), UseGuards(TokenGuard)]);
method(AppController, 'search', [Get('search'), UseGuards(ThrottlerGuard)]);
Body()(AppController.prototype, 'login', 0); // a parameter decorator: called as TypeScript's __param does
method(AppController, 'login', [Post('auth/login')], [LoginDto]);
method(AppController, 'jwtMe', [Get('jwt/me'), UseGuards(AuthGuard('jwt'))]);
method(AppController, 'bearerMe', [Get('bearer/me'), UseGuards(AuthGuard('bearer'))]);
Reflect.decorate([Controller()], AppController);

class AppModule {}
Reflect.decorate(
  [
    Module({
      imports: [PassportModule, ThrottlerModule.forRoot([{ ttl: 60_000, limit: 1 }])],
      controllers: [AppController],
      providers: [JwtStrategy, BearerStrategy, { provide: APP_PIPE, useValue: new ValidationPipe() }],
    }),
  ],
  AppModule,
);

const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
await app.listen(Number(process.env.PORT), '127.0.0.1');
