import { useState } from 'react';
import { decodeJwt, looksLikeJwt, type AuthType, type ReplayAuth } from '../../lib';
import { relativeTime } from '../detail/time';

const TYPES: { id: AuthType; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'basic', label: 'Basic' },
  { id: 'bearer', label: 'Bearer token' },
  { id: 'api-key', label: 'API key' },
  { id: 'cookie', label: 'Cookie' },
  { id: 'custom', label: 'Custom header' },
];

function JwtHint({ token }: { token: string }) {
  // Expiry is relative to when the editor opened: close enough for "still valid?".
  const [now] = useState(() => Date.now());
  const t = token.trim();
  if (!looksLikeJwt(t)) return t ? <span className="muted">opaque token</span> : null;
  const d = decodeJwt(t);
  if (!d.ok) return <span className="bad">not a readable JWT: {d.error}</span>;
  const exp = d.jwt.exp;
  if (exp === undefined)
    return (
      <span className="muted">JWT without exp{d.jwt.scopes.length ? `, scope ${d.jwt.scopes.join(' ')}` : ''}</span>
    );
  const left = exp * 1000 - now;
  return (
    <span className={left > 0 ? 'good' : 'bad'} data-testid="replay-jwt">
      JWT {left > 0 ? `valid for ${relativeTime(left)}` : `expired ${relativeTime(left)} ago`}
      {d.jwt.scopes.length ? `, scope ${d.jwt.scopes.join(' ')}` : ''}
    </span>
  );
}

interface Props {
  auth: ReplayAuth;
  reveal: boolean;
  onChange(auth: ReplayAuth): void;
}

/** The credential helper. Secret inputs are masked unless the user reveals them. */
export function CredentialFields({ auth, reveal, onChange }: Props) {
  const secret = reveal ? 'text' : 'password';
  const field = (key: keyof ReplayAuth, testid: string, label: string, type = 'text') => (
    <label>
      {label}
      <input
        data-testid={testid}
        type={type}
        autoComplete="off"
        spellCheck={false}
        value={auth[key]}
        onChange={(e) => onChange({ ...auth, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="credential">
      <legend>Credential</legend>
      <label>
        Type
        <select
          data-testid="replay-auth-type"
          value={auth.type}
          onChange={(e) => onChange({ ...auth, type: e.target.value as AuthType })}
        >
          {TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {auth.type === 'basic' && (
        <>
          {field('username', 'replay-username', 'User')}
          {field('password', 'replay-password', 'Password', secret)}
        </>
      )}
      {auth.type === 'bearer' && (
        <>
          {field('token', 'replay-token', 'Token', secret)}
          <JwtHint token={auth.token} />
        </>
      )}
      {auth.type === 'api-key' && (
        <>
          {field('keyName', 'replay-key-name', 'Name')}
          {field('keyValue', 'replay-key-value', 'Value', secret)}
          <label>
            In
            <select
              data-testid="replay-key-in"
              value={auth.keyIn}
              onChange={(e) => onChange({ ...auth, keyIn: e.target.value as 'header' | 'query' })}
            >
              <option value="header">header</option>
              <option value="query">query string</option>
            </select>
          </label>
        </>
      )}
      {auth.type === 'cookie' && field('cookie', 'replay-cookie', 'Cookie', secret)}
      {auth.type === 'custom' && (
        <>
          {field('customName', 'replay-custom-name', 'Header')}
          {field('customValue', 'replay-custom-value', 'Value', secret)}
        </>
      )}
      {auth.type !== 'none' && (
        <button
          type="button"
          data-testid="replay-remove-credential"
          onClick={() => onChange({ ...auth, type: 'none' })}
        >
          Remove this credential
        </button>
      )}
    </fieldset>
  );
}
