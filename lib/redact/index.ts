// One redaction engine for everything that leaves the panel: exports, HAR, reports.
export { Vault, type SecretInfo, type SecretKind, type SecretHint } from './vault';
export { joinText, plainOf, refsOf, displayText, docRef, isRef, type Piece, type Text, type SecretRef } from './pieces';
export { redactHeader } from './header';
export { redactUrl } from './url';
export { redactBody } from './body';
export { redactEncodedBody, type EncodedBody } from './encoded';
export { sweep, sweepString } from './sweep';
export { redactHar, redactEntry, redactEntries, secretsComment } from './redact-har';
export { learnEntries } from './learn';
export { sealText, sealDeep } from './seal';
export { renderDoc, redactedJwt } from './spell';
export { describeSecret, keptJwtParts, KEPT_CLAIMS } from './describe';
export { isSecretHeader, isSecretParam, isSecretField } from './names';
export { decodeBase64Bytes, latin1 } from './bytes';
export { clip } from '../inspect/mask';
