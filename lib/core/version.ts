// The version, from package.json (the one place it is written). The bundlers (WXT/Vite for the
// panel, esbuild for the CLI) inline it; lib/ stays free of runtime file access. The import
// attribute is what Node's own ESM loader requires for JSON (Playwright's test loader runs the
// engine's sources through it), and a default import is the only form Node allows for JSON.
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
