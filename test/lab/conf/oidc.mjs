// oidc-provider (panva) with one confidential client, as its README's quick start, on 127.0.0.1.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const issuer = `http://127.0.0.1:${process.env.PORT}`;
const oidc = new Provider(issuer, {
  clients: [
    {
      client_id: 'lab-client',
      client_secret: 'lab-client-secret',
      grant_types: ['client_credentials', 'authorization_code'],
      redirect_uris: [`http://127.0.0.1:${process.env.APP}/cb`],
      response_types: ['code'],
    },
  ],
  features: { clientCredentials: { enabled: true }, introspection: { enabled: true } },
});
createServer(oidc.callback()).listen(Number(process.env.PORT), '127.0.0.1');
