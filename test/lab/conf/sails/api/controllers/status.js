module.exports = {
  friendlyName: 'Status',
  fn: async function () {
    return { ok: true };
  },
};
