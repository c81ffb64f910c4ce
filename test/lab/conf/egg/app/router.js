'use strict';
// Routes with inline handlers; `app.jwt` is egg-jwt's middleware (its README: `router.get('/', app.jwt, ...)`).
module.exports = (app) => {
  const { router, jwt } = app;
  let exports_ = 0;
  router.get('/form', (ctx) => {
    ctx.body = `<form method="post" action="/posts"><input name="_csrf" value="${ctx.csrf}"><input name="title"></form>`;
  });
  router.post('/posts', (ctx) => {
    ctx.status = 201;
    ctx.body = { id: 1 };
  });
  router.get('/api/me', jwt, (ctx) => {
    ctx.body = ctx.state.user;
  });
  router.delete('/api/users/:id', jwt, (ctx) => {
    if (ctx.state.user.role !== 'admin') ctx.throw(403, 'Admins only');
    ctx.body = { deleted: ctx.params.id };
  });
  router.get('/api/export', jwt, (ctx) => {
    exports_ += 1;
    if (exports_ > 2) ctx.throw(429, 'Too many exports, try again later');
    ctx.body = { rows: 10 };
  });
  router.post('/api/signup', (ctx) => {
    const { password = '' } = ctx.request.body;
    if (password.length < 10)
      ctx.throw(422, 'Validation Failed', { errors: [{ field: 'password', message: 'should be at least 10 characters' }] });
    ctx.status = 201;
    ctx.body = {};
  });
  router.get('/api/report', () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:3306');
  });
};
