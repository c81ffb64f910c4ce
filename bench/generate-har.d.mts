// Types for generate-har.mjs, which the e2e suite also uses to make a large HAR.
export function generateHar(count: number): { log: { entries: unknown[] } };
