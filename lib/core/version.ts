// The version, from package.json (the one place it is written). The bundlers (WXT/Vite for the
// panel, esbuild for the CLI) inline the one field; lib/ stays free of runtime file access.
import { version } from '../../package.json';

export const VERSION: string = version;
