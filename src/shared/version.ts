/** Nimbus's version, from package.json. */
import { readFileSync } from 'node:fs';

export const NIMBUS_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
