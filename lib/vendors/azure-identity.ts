import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Microsoft identity platform (AADSTS codes), Microsoft Graph, Azure Resource Manager, and
// Azure's edge (Front Door WAF, App Service access restrictions). Token endpoint errors are
// 400 invalid_grant: the AADSTS code is precise enough to flag them.
const AADSTS = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';
const GRAPH = 'https://learn.microsoft.com/en-us/graph/errors';
const ARM = 'https://learn.microsoft.com/en-us/azure/azure-resource-manager/troubleshooting/common-deployment-errors';
const ENTRA = [400, 401, 403];
const E = 'Microsoft Entra ID';
// Graph and ARM share InvalidAuthenticationToken: the host says which API answered.
const ARM_HOST = /^management\.(?:azure\.com|usgovcloudapi\.net|chinacloudapi\.cn)$/;
const EG = 'azure.entra';

export const AZURE_IDENTITY: readonly Signature[] = [
  {
    id: 'azure.entra.token_expired',
    vendor: E,
    group: EG,
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    status: ENTRA,
    flags: true,
    body: /\bAADSTS(?:700082|70008|50173|70043|700084|50132|50089)\b/,
    title: 'The Microsoft refresh token or grant has expired',
    summary:
      'Entra refused the grant: the refresh token expired through inactivity or sign-in frequency ' +
      '(AADSTS700082/70043), the authorization code was too old (AADSTS70008), or it was revoked ' +
      'by a password change (AADSTS50173).',
    fixes: [
      'Send the user through interactive sign-in again; MSAL does this when acquireTokenSilent fails with interaction_required.',
    ],
    source: AADSTS,
  },
  {
    id: 'azure.entra.client_secret_expired',
    vendor: E,
    group: EG,
    cause: 'api_key.expired',
    confidence: CONFIDENCE.likelyPlus5,
    status: ENTRA,
    flags: true,
    body: /\bAADSTS7000222\b/,
    title: "The app's client secret has expired (AADSTS7000222)",
    summary: 'The client secret used by the application is past its expiry date.',
    fixes: [
      'Create a new client secret (or certificate) in App registrations > Certificates & secrets and update the app configuration.',
    ],
    source: AADSTS,
  },
  {
    id: 'azure.entra.invalid_client',
    vendor: E,
    group: EG,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: ENTRA,
    flags: true,
    body: /\bAADSTS(?:7000215|700016|700027|90002|50034|50126)\b/,
    title: 'Entra rejected the client or user credentials',
    summary:
      'Invalid client secret (AADSTS7000215), unknown application in this tenant (AADSTS700016), ' +
      'bad client assertion (AADSTS700027), unknown tenant (AADSTS90002) or wrong user name/password ' +
      '(AADSTS50126).',
    fixes: ["Check the client id, tenant id and secret value (the secret's value, not its id) used by the app."],
    source: AADSTS,
  },
  {
    id: 'azure.entra.consent',
    vendor: E,
    group: EG,
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.likelyPlus5,
    status: ENTRA,
    flags: true,
    body: /\bAADSTS(?:65001|650057|90094|90008)\b/,
    title: 'The app has not been granted consent for these permissions',
    summary:
      'The user or an admin has not consented to the scopes the app requests (AADSTS65001), or ' +
      'the resource does not expose them (AADSTS650057).',
    fixes: [
      'Grant (admin) consent to the API permissions in App registrations, or request only scopes the API defines.',
    ],
    source: AADSTS,
  },
  {
    id: 'azure.entra.not_assigned',
    vendor: E,
    group: EG,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    status: ENTRA,
    flags: true,
    body: /\bAADSTS(?:50105|53003|53000|530003|50097)\b/,
    title: 'Entra blocked sign-in for this user or device',
    summary:
      'The user is not assigned to the application (AADSTS50105), or a Conditional Access policy blocked the sign-in (AADSTS53003/53000).',
    fixes: [
      'Assign the user or group to the enterprise application, or check the Conditional Access sign-in log for the policy that blocked it.',
    ],
    source: AADSTS,
  },
  {
    id: 'azure.graph.token_expired',
    vendor: 'Microsoft Graph',
    group: 'azure.graph',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    body: [
      /\bInvalidAuthenticationToken\b/,
      /(?:token\s+(?:is\s+)?expired|Lifetime\s+validation\s+failed|has\s+expired)/i,
    ],
    title: 'The Microsoft Graph access token has expired',
    summary:
      'Graph answered InvalidAuthenticationToken with an expiry message: the token (about an hour of lifetime) is over.',
    fixes: ['Acquire a new token silently with MSAL (it refreshes when needed) and retry.'],
    source: GRAPH,
  },
  {
    id: 'azure.graph.token_missing',
    vendor: 'Microsoft Graph',
    group: 'azure.graph',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Access\s+token\s+is\s+empty/i,
    title: 'Microsoft Graph got no access token',
    summary: 'Graph answered InvalidAuthenticationToken "Access token is empty".',
    fixes: ['Send "Authorization: Bearer <token>" acquired for https://graph.microsoft.com.'],
    source: GRAPH,
  },
  {
    id: 'azure.graph.token_invalid',
    vendor: 'Microsoft Graph',
    group: 'azure.graph',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    body: /\bInvalidAuthenticationToken\b/,
    title: 'Microsoft Graph rejected the access token',
    summary: 'The token is not for Graph (wrong audience), malformed, or signed by another tenant.',
    fixes: [
      "Acquire the token with a Graph scope (https://graph.microsoft.com/.default or User.Read…), not your own API's scope.",
    ],
    source: GRAPH,
  },
  {
    id: 'azure.graph.insufficient_privileges',
    vendor: 'Microsoft Graph',
    group: 'azure.graph',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.likely,
    body: /\bAuthorization_RequestDenied\b|Insufficient\s+privileges\s+to\s+complete\s+the\s+operation/i,
    title: 'The Graph token lacks the permission for this call',
    summary:
      "Authorization_RequestDenied: the app's delegated or application permissions (scp/roles in " +
      'the token) do not include what this Graph call needs.',
    fixes: ['Add the permission listed on the Graph API reference page, grant admin consent, and get a new token.'],
    source: GRAPH,
  },
  {
    id: 'azure.arm.authorization_failed',
    vendor: 'Azure Resource Manager',
    group: 'azure.arm',
    cause: 'permission.denied',
    confidence: CONFIDENCE.certain,
    body: /"code"\s*:\s*"AuthorizationFailed"|does\s+not\s+have\s+authorization\s+to\s+perform\s+action/i,
    title: 'Azure RBAC denies this action (AuthorizationFailed)',
    summary: 'The principal has no role assignment granting this action at this scope.',
    fixes: [
      'Assign a role that includes the action named in the message, at the scope it names (role assignments can take minutes to apply).',
    ],
    source: ARM,
  },
  {
    id: 'azure.arm.token_expired',
    vendor: 'Azure Resource Manager',
    group: 'azure.arm',
    host: ARM_HOST,
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    body: /"code"\s*:\s*"ExpiredAuthenticationToken"/i,
    title: 'The Azure management token has expired',
    summary: 'ExpiredAuthenticationToken: the access token for management.azure.com is past its expiry.',
    fixes: ['Acquire a new token (az account get-access-token, or let the SDK credential refresh).'],
    source: ARM,
  },
  {
    id: 'azure.arm.token_tenant',
    vendor: 'Azure Resource Manager',
    group: 'azure.arm',
    host: ARM_HOST,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    body: /"code"\s*:\s*"(?:InvalidAuthenticationTokenTenant|InvalidAuthenticationTokenAudience|InvalidAuthenticationToken)"/i,
    title: 'Azure Resource Manager rejected the token',
    summary:
      "The token was issued by another tenant than the subscription's, or for another audience than https://management.azure.com/.",
    fixes: ["Get a token from the subscription's tenant for the management audience."],
    source: ARM,
  },
  {
    id: 'azure.frontdoor.waf',
    vendor: 'Azure Front Door',
    group: 'azure.edge',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likely,
    status: [403, 200],
    flags: true,
    header: { name: 'x-azure-ref' },
    body: /^[\s\S]{0,2000}?The\s+request\s+is\s+blocked\./i,
    title: 'Azure Front Door WAF blocked the request',
    summary: "Azure Front Door's web application firewall policy matched this request and returned its block page.",
    fixes: [
      'Search the Front Door WAF logs (FrontDoorWebApplicationFirewallLog) by the x-azure-ref tracking ' +
        'id for the rule, then tune or exclude it.',
    ],
    source: 'https://learn.microsoft.com/en-us/azure/web-application-firewall/afds/waf-front-door-tuning',
  },
  {
    id: 'azure.appservice.ip_restricted',
    vendor: 'Azure App Service',
    group: 'azure.edge',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.likely,
    body: /web\s+app\s+you\s+have\s+attempted\s+to\s+reach\s+has\s+blocked\s+your\s+access/i,
    title: 'App Service access restrictions block the client',
    summary: "The app's access restriction rules (IP, service tag or VNet) do not allow the caller.",
    fixes: ["Add the client's IP or network to the app's Networking > Access restrictions."],
    source: 'https://learn.microsoft.com/en-us/azure/app-service/app-service-ip-restrictions',
  },
  {
    id: 'azure.appservice.stopped',
    vendor: 'Azure App Service',
    group: 'azure.edge',
    cause: 'service.disabled',
    confidence: CONFIDENCE.likely,
    body: /Error\s+403\s*-\s*This\s+web\s+app\s+is\s+stopped/i,
    title: 'The Azure web app is stopped',
    summary:
      'App Service answers "Error 403 - This web app is stopped." while the app (or its plan, over quota) is stopped.',
    fixes: ['Start the app in the portal, or check the App Service plan quota.'],
    source: 'https://learn.microsoft.com/en-us/troubleshoot/azure/app-service/web-apps-performance-faqs',
  },
];
