module.exports = {
  friendlyName: 'Update profile',
  inputs: { fullName: { type: 'string', required: true, maxLength: 120 } },
  fn: async function ({ fullName }) {
    return { id: this.req.me.id, fullName };
  },
};
