// Replaying a request: the editor's model, credentials, presets and the page-side script.
export {
  EMPTY_AUTH,
  type AuthType,
  type ReplayAuth,
  type ReplayMode,
  type ReplayOutcome,
  type ReplayRequest,
} from './types';
export { applyAuth, extractAuth } from './credentials';
export { dropOnPrefill, isForbiddenHeader } from './forbidden';
export { queryRows, replayRequestFromEntry, withQuery } from './from-entry';
export { readReplayOutcome } from './outcome';
export { headersPageCannotSend, pagePollScript, pageReplayScript, REPLAY_BODY_CAP } from './page-script';
export { presetsFor, type EditorState, type Preset } from './presets';
export { replayToEntry } from './to-entry';
