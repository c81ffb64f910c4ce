// oidc-provider (panva) with one confidential client, as its README's quick start, on 127.0.0.1.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const issuer = `http://127.0.0.1:${process.env.PORT}`;
const oidc = new Provider(issuer, {
  clients: [
    {
      client_id: 'lab-client',
      client_secret: 'lab-client-secret',
      grant_types: ['client_credentials', 'authorization_code', 'refresh_token'],
      // the client's allowed scopes (client metadata "scope"): api:admin is not among them
      scope: 'openid offline_access api:read',
      redirect_uris: [`http://127.0.0.1:${process.env.APP}/cb`],
      response_types: ['code'],
    },
    {
      // a web app's client: the code flow only, not allowed client_credentials
      client_id: 'lab-web',
      client_secret: 'lab-web-secret',
      grant_types: ['authorization_code'],
      redirect_uris: [`http://127.0.0.1:${process.env.APP}/cb`],
      response_types: ['code'],
    },
  ],
  scopes: ['openid', 'offline_access', 'api:read', 'api:admin'],
  features: { clientCredentials: { enabled: true }, introspection: { enabled: true } },
});
createServer(oidc.callback()).listen(Number(process.env.PORT), '127.0.0.1');
