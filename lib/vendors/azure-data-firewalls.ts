import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Azure data services with a network firewall of their own refuse a caller from an address outside their rules
// with 403, in the same shape as a missing permission; only the message (and Key Vault's inner code) says that
// the network, not the identity, was refused. Key Vault: innererror ForbiddenByFirewall, "Client address is not
// authorized and caller is not a trusted service." Cosmos DB: "Request originated from (client) IP ... through
// public internet. This is blocked by your Cosmos DB account firewall settings."
const KEY_VAULT = 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security';
const COSMOS =
  'https://learn.microsoft.com/en-us/azure/cosmos-db/nosql/troubleshoot-forbidden#firewall-blocking-requests';

export const AZURE_DATA_FIREWALLS: readonly Signature[] = [
  {
    id: 'azure.keyvault.firewall',
    vendor: 'Azure Key Vault',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: /\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)$/,
    body: [/"code"\s*:\s*"ForbiddenByFirewall"/, /Client address is not authorized/i],
    title: "Key Vault's firewall refused the caller's address (ForbiddenByFirewall)",
    summary:
      "The vault's network rules allow selected networks only; the client address (named in the message) is in " +
      'none of them, and the caller is not a trusted Microsoft service. The identity was not even checked.',
    fixes: [
      "Add the client's public IP or its virtual network to the vault's Networking rules, use a private endpoint, " +
        'or (for a trusted service) allow trusted Microsoft services.',
    ],
    source: KEY_VAULT,
  },
  {
    id: 'azure.cosmos.firewall',
    vendor: 'Azure Cosmos DB',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: /\.documents\.azure\.(?:com|cn|us)$/,
    body: /blocked by your Cosmos DB account firewall settings/i,
    title: "Cosmos DB's account firewall refused the caller's address",
    summary:
      'The account accepts requests from selected networks only, and this one came from an address (named in the ' +
      'message) outside them, over the public internet.',
    fixes: [
      "Add the client's IP (Networking → Firewall) or its virtual network, or reach the account through a private endpoint.",
    ],
    source: COSMOS,
  },
];
