import { AWS_SAMPLES } from './aws';
import { AZURE_SAMPLES } from './azure';
import { DOCUMENTED_API_SAMPLES } from './documented-apis';
import { EDGE_SAMPLES } from './edge';
import { FRAMEWORK_SAMPLES } from './frameworks';
import { GENERIC_SAMPLES } from './generic';
import { GATEWAY_SAMPLES } from './gateways';
import { SAAS_SAMPLES } from './saas';
import { SAAS_CONSUMER_SAMPLES } from './saas-consumer';
import { SAAS_DEV_SAMPLES } from './saas-dev';
import { SAAS_PLATFORM_SAMPLES } from './saas-platforms';
import { GOOGLE_SAMPLES } from './google';
import { LAB_SAMPLES } from './lab';
import { SELF_HOSTED_SAMPLES } from './self-hosted';
import type { SampleTable } from './types';
import { WEB_SERVER_SAMPLES } from './web-servers';

export type { SampleTable, SignatureSample } from './types';

/** Every signature row's sample, keyed by signature id (not bundled: only tests import it). */
export const SIGNATURE_SAMPLES: SampleTable = {
  ...AWS_SAMPLES,
  ...GOOGLE_SAMPLES,
  ...AZURE_SAMPLES,
  ...GATEWAY_SAMPLES,
  ...SAAS_SAMPLES,
  ...SAAS_CONSUMER_SAMPLES,
  ...SAAS_DEV_SAMPLES,
  ...SAAS_PLATFORM_SAMPLES,
  ...SELF_HOSTED_SAMPLES,
  ...EDGE_SAMPLES,
  ...WEB_SERVER_SAMPLES,
  ...FRAMEWORK_SAMPLES,
  ...GENERIC_SAMPLES,
  ...LAB_SAMPLES,
  ...DOCUMENTED_API_SAMPLES,
};
