module.exports = {
  friendlyName: 'View login',
  fn: async function () {
    return 'Sign in to the lab app: POST /api/v1/entrance/login';
  },
};
