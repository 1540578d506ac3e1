/**
 * The package's version, for reports and saved themes. Required rather than read from disk so
 * that the bundles carry it (esbuild inlines the manifest) and the library reads no file for it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = (require('../package.json') as { version: string }).version;
