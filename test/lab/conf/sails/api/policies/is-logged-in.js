// Sails' Web App template: api/policies/is-logged-in.js (req.me is loaded from the session by api/hooks/custom).
module.exports = async function (req, res, proceed) {
  if (req.me) {
    return proceed();
  }
  return res.unauthorized();
};
