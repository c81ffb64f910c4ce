import { AKAMAI } from './akamai';
import { AKAMAI_EDGEGRID } from './akamai-edgegrid';
import { AZURE_DATA_FIREWALLS } from './azure-data-firewalls';
import { BILLING_WORDING } from './billing-wording';
import { PUSH_SERVICES } from './push-services';
import { REALTIME } from './realtime';
import { SAAS_APIS } from './saas-apis';
import { SELF_HOSTED_DATA } from './self-hosted-data';
import { TRADING_APIS } from './trading-apis';
import { ATLASSIAN } from './atlassian';
import { APIGEE } from './apigee';
import { AWS_EDGE } from './aws-edge';
import { AWS_GATEWAY } from './aws-gateway';
import { AWS_APPS } from './aws-apps';
import { AWS_SERVICES } from './aws-services';
import { AZURE } from './azure';
import { AZURE_IDENTITY } from './azure-identity';
import { CLOUDFLARE } from './cloudflare';
import { F5 } from './f5';
import { JAVA_PHP_FRAMEWORKS } from './frameworks-java-php';
import { NODE_RUBY_FRAMEWORKS } from './frameworks-node-ruby';
import { PYTHON_FRAMEWORKS } from './frameworks-python';
import { BOT_WORDING } from './bot-wording';
import { CORROBORATED_WORDING, GENERIC } from './generic';
import { GITHUB_SIGNATURES } from './github';
import { GOOGLE } from './google';
import { GOOGLE_MAPS } from './google-maps';
import { IMPERVA_SIGNATURES } from './imperva';
import { KONG_SIGNATURES } from './kong';
import { MEDIAWIKI } from './mediawiki';
import { OTHER_WAF } from './other-waf';
import { PROXIES } from './proxies';
import { CSRF_BLOCKS } from './csrf-blocks';
import { SAAS } from './saas';
import { SAAS_CONSUMER } from './saas-consumer';
import { SAAS_DEV } from './saas-dev';
import { SAAS_PLATFORMS } from './saas-platforms';
import { SELF_HOSTED } from './self-hosted';
import { SELF_HOSTED_APPS } from './self-hosted-apps';
import { SELF_HOSTED_DAEMONS } from './self-hosted-daemons';
import type { Signature } from './types';
import { WEB_SERVERS } from './web-servers';

/**
 * Every vendor signature, most specific first (the first match of a group wins). Named
 * APIs and gateways come before edge products, then web servers and frameworks, and the
 * shared wording of lib/vendors/generic.ts last.
 */
export const SIGNATURES: readonly Signature[] = [
  ...AWS_GATEWAY,
  ...AWS_SERVICES,
  ...AWS_APPS,
  ...GOOGLE,
  ...GOOGLE_MAPS,
  ...AZURE,
  ...AZURE_IDENTITY,
  ...AZURE_DATA_FIREWALLS,
  ...APIGEE,
  ...KONG_SIGNATURES,
  ...GITHUB_SIGNATURES,
  ...ATLASSIAN,
  ...SAAS,
  ...SAAS_CONSUMER,
  ...SAAS_DEV,
  ...SAAS_PLATFORMS,
  ...SAAS_APIS,
  ...TRADING_APIS,
  ...PUSH_SERVICES,
  ...REALTIME,
  ...AKAMAI_EDGEGRID,
  ...SELF_HOSTED,
  ...MEDIAWIKI,
  ...SELF_HOSTED_APPS,
  ...SELF_HOSTED_DAEMONS,
  ...SELF_HOSTED_DATA,
  ...AWS_EDGE,
  ...CLOUDFLARE,
  ...AKAMAI,
  ...IMPERVA_SIGNATURES,
  ...F5,
  ...OTHER_WAF,
  ...PROXIES,
  ...WEB_SERVERS,
  ...PYTHON_FRAMEWORKS,
  ...JAVA_PHP_FRAMEWORKS,
  ...NODE_RUBY_FRAMEWORKS,
  ...CSRF_BLOCKS,
  ...CORROBORATED_WORDING,
  ...BILLING_WORDING,
  // Shared wording after every vendor row (a vendor's own reading speaks first).
  ...BOT_WORDING,
  ...GENERIC,
];
