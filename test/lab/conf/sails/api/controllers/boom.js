module.exports = {
  friendlyName: 'Boom',
  fn: async function () {
    throw new Error('the lab action failed');
  },
};
