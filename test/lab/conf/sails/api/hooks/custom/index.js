// The Web App template's custom hook, reduced to what the policies need: req.me from the session's userId
// (the template reads the User model; the lab has no ORM, so two users are kept here).
const USERS = {
  1: { id: 1, emailAddress: 'admin@lab.test', password: 'lab-pass-1', isSuperAdmin: true },
  2: { id: 2, emailAddress: 'member@lab.test', password: 'lab-pass-2', isSuperAdmin: false },
};
module.exports = function defineCustomHook(sails) {
  sails.labUsers = USERS;
  return {
    routes: {
      before: {
        '/*': {
          skipAssets: true,
          fn: function (req, res, next) {
            if (req.session && req.session.userId && USERS[req.session.userId]) {
              req.me = USERS[req.session.userId];
            }
            return next();
          },
        },
      },
    },
  };
};
