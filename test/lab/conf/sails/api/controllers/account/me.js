module.exports = {
  friendlyName: 'Me',
  fn: async function () {
    return { id: this.req.me.id, emailAddress: this.req.me.emailAddress };
  },
};
