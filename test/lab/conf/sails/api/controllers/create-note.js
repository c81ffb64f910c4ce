module.exports = {
  friendlyName: 'Create note',
  inputs: { text: { type: 'string', required: true } },
  fn: async function ({ text }) {
    return { id: 7, text };
  },
};
