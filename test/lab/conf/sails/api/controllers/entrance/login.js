// The Web App template's entrance/login action (actions2), against the hook's users.
module.exports = {
  friendlyName: 'Login',
  inputs: {
    emailAddress: { type: 'string', required: true },
    password: { type: 'string', required: true },
  },
  exits: {
    success: { description: 'The requesting user agent has been successfully logged in.' },
    badCombo: {
      description: 'The provided email and password combination does not match any user in the database.',
      responseType: 'unauthorized',
    },
  },
  fn: async function ({ emailAddress, password }) {
    const user = Object.values(sails.labUsers).find((u) => u.emailAddress === emailAddress.toLowerCase());
    if (!user || user.password !== password) {
      throw 'badCombo';
    }
    this.req.session.userId = user.id;
    return { id: user.id, emailAddress: user.emailAddress };
  },
};
