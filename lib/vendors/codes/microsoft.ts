import type { CodeTable } from './types';

const TOKEN_FIXES = ['Acquire a new token for this resource (MSAL acquireTokenSilent) and retry.'];
const ROLE_FIXES = [
  'Grant the identity a role that allows this action at this scope (Access control (IAM)), then sign in again ' +
    'so a fresh token carries it.',
];
const GRAPH_PERMISSION_FIXES = [
  "Add the Microsoft Graph permission the method's reference page lists (delegated or application) to the app " +
    'registration, grant admin consent, and acquire a new token.',
];

/**
 * Microsoft Graph (OData error.code with innerError) and Azure Resource Manager (error.code with
 * details[]). Inner and detail codes are tried before the outer code.
 */
export const MICROSOFT_CODES: CodeTable = {
  name: 'Microsoft Graph / Azure',
  families: ['odata'],
  source: 'https://learn.microsoft.com/en-us/graph/errors',
  rows: [
    {
      codes: ['InvalidAuthenticationToken', 'AuthenticationFailed', 'Authentication_MissingOrMalformed'],
      message: /token\s+is\s+empty|token\s+missing|no\s+(?:access\s+)?token|missing\s+authoriz/i,
      cause: 'auth.missing',
      level: 'certain',
      refusal: true,
      means: 'no access token was sent',
      fixes: ['Send "Authorization: Bearer <token>" acquired for this resource.'],
    },
    {
      codes: ['ExpiredAuthenticationToken', 'Authentication_ExpiredToken'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the access token expired',
      fixes: TOKEN_FIXES,
    },
    {
      codes: [
        'InvalidAuthenticationTokenAudience',
        'InvalidAuthenticationTokenTenant',
        'InvalidAuthenticationTokenTenantV2',
      ],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'the token was issued for another resource (audience) or another tenant',
      fixes: [
        'Request the token for this resource (scope https://management.azure.com/.default or https://graph.microsoft.com/.default) ' +
          "in the resource's tenant.",
      ],
    },
    {
      codes: [
        'InvalidAuthenticationToken',
        'AuthenticationFailed',
        'Authentication_MissingOrMalformed',
        'unauthenticated',
      ],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the access token is missing, malformed, or not valid for this resource',
      fixes: TOKEN_FIXES,
    },
    {
      codes: ['Authorization_IdentityNotFound'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: "the calling application's identity could not be established (no service principal in this tenant)",
      fixes: [
        'Consent to (or provision) the application in the tenant being called, and request the token from that tenant.',
      ],
    },
    {
      codes: ['Authentication_MSGraphPermissionMissing'],
      cause: 'permission.insufficient_scope',
      level: 'certain',
      refusal: true,
      means: 'the token lacks the Microsoft Graph permission this call needs',
      fixes: GRAPH_PERMISSION_FIXES,
    },
    {
      codes: ['Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'Authentication_UnsupportedTenant'],
      // A paid tier the tenant lacks: the account's plan, not an identity's role, is what refuses.
      cause: 'billing.disabled',
      level: 'certain',
      refusal: true,
      means: "the tenant's licence tier (e.g. Microsoft Entra ID P1/P2) does not include this API",
      fixes: [
        'This API needs a premium licence on the tenant (or a supported role): use a licensed tenant, or assign the role.',
      ],
    },
    {
      codes: ['Authorization_RequestDenied', 'Forbidden', 'accessDenied', 'ErrorAccessDenied'],
      message: /licen[cs]e|premium|subscription\s+(?:plan|tier|level)/i,
      cause: 'billing.disabled',
      level: 'likely',
      refusal: true,
      means: "the tenant's licence does not include this feature",
      fixes: ['Assign a licence that includes this feature to the tenant or user, then retry.'],
    },
    {
      codes: ['Authorization_RequestDenied'],
      cause: 'permission.denied',
      level: 'certain',
      refusal: true,
      means: 'insufficient privileges: the app or user lacks the permission or directory role',
      fixes: [
        ...GRAPH_PERMISSION_FIXES,
        'For directory writes, also give the user or app the directory role required.',
      ],
    },
    {
      codes: ['AuthorizationFailed', 'LinkedAuthorizationFailed', 'RequestDisallowedByPolicy', 'ScopeLocked'],
      cause: 'permission.denied',
      level: 'certain',
      refusal: true,
      means: 'the identity lacks the role assignment (or a policy or lock forbids the action) at this scope',
      fixes: ROLE_FIXES,
    },
    {
      codes: ['ErrorAccessDenied', 'accessDenied', 'Forbidden', 'Authentication_RequestFromUnsupportedUserRole'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'access is denied: the app lacks a permission or the user lacks access to this resource',
      fixes: GRAPH_PERMISSION_FIXES,
    },
    {
      codes: ['MissingSubscriptionRegistration'],
      cause: 'service.disabled',
      level: 'certain',
      refusal: true,
      means: 'the resource provider is not registered for the subscription',
      fixes: ['Register the resource provider: az provider register --namespace <Namespace>.'],
    },
    {
      codes: ['ReadOnlyDisabledSubscription', 'DisabledSubscription', 'SubscriptionNotRegistered'],
      cause: 'billing.disabled',
      level: 'likely',
      refusal: true,
      means: 'the subscription is disabled (billing, expiry or a spending limit)',
      fixes: ['Re-activate the subscription in Cost Management + Billing.'],
    },
    {
      codes: ['TooManyRequests', 'activityLimitReached', 'throttledRequest', 'RequestThrottled'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: 'the caller is being throttled',
      fixes: ['Honour Retry-After and back off exponentially; batch requests ($batch) where you can.'],
    },
    {
      codes: ['quotaLimitReached', 'QuotaExceeded'],
      cause: 'quota.exceeded',
      level: 'likely',
      refusal: true,
      means: 'a quota is used up',
      fixes: ['Free space or raise the quota, then retry.'],
    },
  ],
};
