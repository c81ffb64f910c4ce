// Reading captures: the HAR types, the tolerant reader and the Playwright trace reader.
export { blankEntry } from './blank';
export { parseHar, toHar, readHar, readHarValue, HarError, entryReader, harWarnings, type HarRead } from './read';
export { splitHar, type HarSplit } from './split';
export { HarStreamSplitter } from './split-stream';
export { isZip, readTrace, TraceError, type TraceRead } from './trace';
export type * from './types';
export { ZipError, ZipBudgetError } from './zip';
export { DEFAULT_MAX_BYTES } from './limits';
