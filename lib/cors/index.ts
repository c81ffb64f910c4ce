// The CORS evaluator: the Fetch standard's CORS protocol in Chromium's order, HAR in, verdict out.
export { evaluateCors, type CorsInput } from './evaluate';
export { checkAccess } from './access';
export { checkPreflight, disallowedHeaders, methodAllowed, redirectTarget } from './preflight';
export { reasonFirst } from './reason-first';
export { preflightNeed, rawMethod } from './need';
export { failsCorsUnrecorded, preflightFails, recordsVerdict } from './unrecorded';
export { pageOriginOf, isCrossOrigin, isCorsMode, httpOrigin } from './origin';
export { isSafelistedMethod, isSafelistedHeader, unsafeHeaderNames, isBrowserOwnedHeader } from './safelist';
export { hostSpace, ipSpace, isMorePrivate, type AddressSpace } from './address-space';
export { spaceCrossing, LNA_ERROR } from './local-network';
export type { CorsCheck, CorsFailure, CorsKind, CorsVerdict, PreflightNeed, CredentialsMode } from './types';
