// The lab's Sails 1 app (the seventh Node set, issue 17), lifted programmatically with its config inline. Policies
// and the custom `unauthorized` response are those of Sails' "Web App" template (api/policies/is-logged-in.js,
// is-super-admin.js, api/responses/unauthorized.js); CSRF and CORS are sails.config.security as documented
// (https://sailsjs.com/documentation/concepts/security/csrf, …/cors). No ORM, no views, no sockets.
const sails = require('sails');

const PAGE = `http://127.0.0.1:${process.env.APP}`;

sails.lift(
  {
    appPath: __dirname,
    port: Number(process.env.PORT),
    explicitHost: '127.0.0.1',
    environment: 'development',
    log: { level: 'warn' },
    globals: { sails: true, _: false, async: false, models: false },
    hooks: { grunt: false, orm: false, pubsub: false, sockets: false, views: false, blueprints: false, i18n: false },
    session: { secret: 'lab-sails-session-secret' },
    security: {
      csrf: true,
      // config/security.js: only the partner's origin may call the API cross-origin
      cors: { allRoutes: true, allowOrigins: ['https://partner.example.com'], allowCredentials: false },
    },
    policies: {
      '*': true,
      'account/*': 'is-logged-in',
      'admin/*': 'is-super-admin',
    },
    routes: {
      'GET /csrfToken': { action: 'security/grant-csrf-token' },
      'GET /login': { action: 'entrance/view-login' },
      'POST /api/v1/entrance/login': { action: 'entrance/login' },
      'GET /api/v1/account/me': { action: 'account/me' },
      'PUT /api/v1/account/profile': { action: 'account/update-profile' },
      'GET /account': { action: 'account/view-account' },
      'GET /api/v1/admin/users': { action: 'admin/list-users' },
      'POST /api/v1/notes': { action: 'create-note' },
      'GET /api/v1/public/status': { action: 'status' },
      // the lab page may read this one, without credentials (route-level CORS)
      'GET /api/v1/public/feed': { action: 'status', cors: { allowOrigins: [PAGE], allowCredentials: false } },
      'GET /api/v1/boom': { action: 'boom' },
      'GET /api/v1/notes/:id': { action: 'find-note' },
    },
  },
  (err) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
  },
);
