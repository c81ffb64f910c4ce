'use strict';
// egg-jwt, as its README enables it
exports.jwt = { enable: true, package: 'egg-jwt' };
