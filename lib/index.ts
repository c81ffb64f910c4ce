// The engine's public surface: what the CLI and the panel import (ESLint forbids them any path
// below a layer's index, see eslint.config.js "frontEnds"). Per-layer indexes are re-exported
// here whole, so `../lib` and `../lib/<layer>` name the same things.
export * from './har';
export { diagnose, diagnoseExchange } from './diagnose/diagnose';
export { unreadableCause } from './diagnose/unknown';
export { whySentence } from './diagnose/why';
export { LogIndex } from './core/log-index';
export { unreachable } from './core/unreachable';
export { REFUSAL_STATUSES, isRefusalStatus } from './core/statuses';
export { VERSION } from './core/version';
export { CAUSE_IDS, isCauseId } from './core/causes';
export type { Cause, CauseId, Evidence, EntryDiagnosis } from './core/causes';
export { isFlagged, isBrowserBlocked, netErrorBlocks } from './diagnose/flag';
export { bodyCanFlag, bodyMayFlag } from './diagnose/stated-refusal';
export { toExchange, endpointKey, refreshBody, type Exchange } from './model/exchange';
export { parseViolations, violationEntry, CSP_DRAIN_SCRIPT, type PageViolation } from './inspect/csp-violation';
export * from './inspect';
export * from './compare';
export * from './cors';
export * from './export';
export * from './redact';
export * from './replay';
export * from './report';
export { ciSafe, type CiOutputKind } from './core/ci-safe';
export { showSeconds, showTime, INVALID_DATE } from './core/dates';
