module.exports = {
  friendlyName: 'View account',
  fn: async function () {
    return 'Account overview for ' + this.req.me.emailAddress;
  },
};
