// How much a Playwright trace may inflate to by default, apart from the zip reader: the CLI's help
// states it without loading the reader and its inflater (lib/front.ts).
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
