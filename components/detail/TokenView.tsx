import { decodeJwt, looksLikeJwt, showSeconds, type Exchange } from '../../lib';
import { relativeTime } from './time';

const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time']);

/** The bearer token, decoded: claims table, human times, expiry relative to this request. */
export function TokenView({ x }: { x: Exchange }) {
  const auth = x.req.get('authorization') ?? '';
  const token = auth.replace(/^\s*bearer\s+/i, '').trim();
  if (!/^\s*bearer\s/i.test(auth) || !token) return null;
  if (!looksLikeJwt(token)) {
    return (
      <section className="token">
        <h4>Bearer token</h4>
        <p className="muted">Opaque token ({token.length} characters): only the issuer can tell what it grants.</p>
      </section>
    );
  }
  const decoded = decodeJwt(token);
  if (!decoded.ok) {
    return (
      <section className="token">
        <h4>Bearer token</h4>
        <p className="notice error">Looks like a JWT but cannot be decoded: {decoded.error}</p>
      </section>
    );
  }
  const { jwt } = decoded;
  const ref = x.clock;
  const expired = jwt.exp !== undefined && ref !== null && jwt.exp * 1000 <= ref;
  return (
    <section className="token" data-testid="jwt-claims" data-expired={expired}>
      <h4>
        Bearer token (JWT{jwt.alg ? `, ${jwt.alg}` : ''})
        {jwt.exp !== undefined && ref !== null ? (
          <span className={`badge ${expired ? 'bad' : 'good'}`}>
            {expired
              ? `expired ${relativeTime(ref - jwt.exp * 1000)} before this request`
              : `valid for ${relativeTime(jwt.exp * 1000 - ref)} after this request`}
          </span>
        ) : null}
      </h4>
      <table>
        <tbody>
          {Object.entries(jwt.claims).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>
                <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
                {TIME_CLAIMS.has(k) && typeof v === 'number' ? <span className="muted"> {showSeconds(v)}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Times compare with the {x.clockSource}. The signature is not shown and was not verified.</p>
    </section>
  );
}
