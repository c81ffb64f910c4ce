module.exports = {
  friendlyName: 'List users',
  fn: async function () {
    return Object.values(sails.labUsers).map((u) => ({ id: u.id, emailAddress: u.emailAddress }));
  },
};
