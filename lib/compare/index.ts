// Comparison of a failing request with the last successful call to the same endpoint.
export { compareRequests, compareWithLastSuccess } from './compare';
export { isVolatileHeader } from './noise';
export type { DiffArea, DiffItem, RequestComparison } from './types';
