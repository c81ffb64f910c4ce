import type { CodeTable } from './types';

/** Salesforce REST API errors: [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]. */
export const SALESFORCE_CODES: CodeTable = {
  name: 'Salesforce API',
  families: ['code'],
  source: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm',
  rows: [
    {
      codes: ['INVALID_SESSION_ID'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the session ID (access token) is missing, expired or invalid',
      fixes: [
        'Send "Authorization: Bearer <access token>"; if one was sent, refresh it with the refresh token and retry.',
      ],
    },
    {
      codes: ['INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'API_DISABLED_FOR_ORG'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: "the user's profile or the org does not allow this",
      fixes: ["Grant the user's profile or permission set the access (API Enabled, object and field permissions)."],
    },
    {
      codes: ['REQUEST_LIMIT_EXCEEDED'],
      cause: 'quota.exceeded',
      level: 'certain',
      refusal: true,
      means: "the org's API request limit (24 hours) is used up",
      fixes: ['Wait for the rolling 24-hour limit to free up, or buy more API calls; cache and batch calls.'],
    },
  ],
};
