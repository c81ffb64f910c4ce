// The engine's public surface: what the CLI, the panel and the tests import.
export { parseHar, toHar, readHar, readHarValue, HarError, type HarRead } from './har/read';
export type * from './har/types';
export { diagnose, diagnoseExchange } from './diagnose/diagnose';
export { whySentence } from './diagnose/why';
export { LogIndex } from './core/log-index';
export { CAUSE_IDS, isCauseId } from './core/causes';
export type { Cause, CauseId, Evidence, EntryDiagnosis } from './core/causes';
export { isFlagged, isBrowserBlocked, netErrorBlocks } from './diagnose/flag';
export { bodyMayFlag } from './diagnose/stated-refusal';
export { toExchange, endpointKey, refreshBody, type Exchange } from './model/exchange';
export { parseViolations, violationEntry, CSP_DRAIN_SCRIPT, type PageViolation } from './inspect/csp-violation';
