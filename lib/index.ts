// The engine's public surface: what the CLI, the panel and the tests import.
export { parseHar, toHar, HarError } from './har/read';
export type * from './har/types';
export { diagnose, diagnoseExchange } from './diagnose/diagnose';
export { LogIndex } from './diagnose/log-index';
export { CAUSE_IDS, isCauseId } from './diagnose/causes';
export type { Cause, CauseId, Evidence, EntryDiagnosis } from './diagnose/causes';
export { isFlagged, isBrowserBlocked } from './diagnose/flag';
export { toExchange, endpointKey, refreshBody, type Exchange } from './model/exchange';
