// Readers of one aspect of an entry. The front ends use the JWT reader (the token view, the
// replay editor); the rules reach the rest directly.
export { decodeJwt, looksLikeJwt } from './jwt';
