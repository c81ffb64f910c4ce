// Keys and tokens by their issuer's documented prefix, for the shape scan (shapes.ts).

// Documented prefixes (issuers publish them so scanners can find leaked keys):
// https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/,
// https://docs.gitlab.com/ee/security/tokens/#token-prefixes, https://docs.stripe.com/keys,
// https://api.slack.com/authentication/token-types, https://cloud.google.com/docs/authentication/api-keys,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes,
// https://huggingface.co/docs/hub/security-tokens, https://docs.npmjs.com/about-access-tokens.
const PREFIXES: readonly [prefix: string, base: string, minRest: number][] = [
  ['github_pat_', 'GITHUB_TOKEN', 20],
  ['ghp_', 'GITHUB_TOKEN', 20],
  ['gho_', 'GITHUB_TOKEN', 20],
  ['ghu_', 'GITHUB_TOKEN', 20],
  ['ghs_', 'GITHUB_TOKEN', 20],
  ['ghr_', 'GITHUB_TOKEN', 20],
  ['glpat-', 'GITLAB_TOKEN', 16],
  ['gldt-', 'GITLAB_TOKEN', 16],
  ['xoxb-', 'SLACK_TOKEN', 10],
  ['xoxp-', 'SLACK_TOKEN', 10],
  ['xoxa-', 'SLACK_TOKEN', 10],
  ['xoxr-', 'SLACK_TOKEN', 10],
  ['xoxe-', 'SLACK_TOKEN', 10],
  ['xoxs-', 'SLACK_TOKEN', 10],
  // Browser session tokens of Slack's web client (the `d` cookie and the client token).
  ['xoxc-', 'SLACK_TOKEN', 10],
  ['xoxd-', 'SLACK_TOKEN', 10],
  ['xapp-', 'SLACK_TOKEN', 10],
  ['sk_live_', 'STRIPE_KEY', 10],
  ['sk_test_', 'STRIPE_KEY', 10],
  ['rk_live_', 'STRIPE_KEY', 10],
  ['rk_test_', 'STRIPE_KEY', 10],
  ['whsec_', 'WEBHOOK_SECRET', 16],
  ['sk-ant-', 'API_KEY', 16],
  ['sk-proj-', 'API_KEY', 16],
  ['sk-', 'API_KEY', 32],
  ['AIza', 'GOOGLE_API_KEY', 30],
  ['ya29.', 'GOOGLE_TOKEN', 16],
  ['AKIA', 'AWS_ACCESS_KEY_ID', 16],
  ['ASIA', 'AWS_ACCESS_KEY_ID', 16],
  ['hf_', 'HF_TOKEN', 20],
  ['npm_', 'NPM_TOKEN', 20],
  ['pypi-', 'PYPI_TOKEN', 32],
  ['SG.', 'SENDGRID_KEY', 30],
  ['EAA', 'META_TOKEN', 40],
  ['shpat_', 'SHOPIFY_TOKEN', 20],
  ['shpss_', 'SHOPIFY_TOKEN', 20],
  ['dop_v1_', 'DIGITALOCEAN_TOKEN', 32],
  ['sq0atp-', 'SQUARE_TOKEN', 16],
];

// By first character: most runs start with a letter no prefix starts with.
const BY_FIRST = new Map<string, (typeof PREFIXES)[number][]>();
for (const row of PREFIXES) BY_FIRST.set(row[0][0]!, [...(BY_FIRST.get(row[0][0]!) ?? []), row]);

/** The placeholder base of a run that starts with an issuer's documented prefix, or null. */
export function prefixed(s: string, start: number, end: number): string | null {
  // Stryker disable next-line ArrayDeclaration: a row that is a string has no number as its length, so it matches nothing either
  for (const [p, base, minRest] of BY_FIRST.get(s[start]!) ?? []) {
    if (end - start >= p.length + minRest && s.startsWith(p, start)) return base;
  }
  return null;
}
