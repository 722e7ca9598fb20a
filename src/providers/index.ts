// The providers Ponte ships. Adding an ERP means adding it here and nowhere else.
import { hubsoftProvider } from './hubsoft/index.js';
import { ixcProvider } from './ixc/index.js';
import { mkProvider } from './mk/index.js';
import { sandboxProvider } from './sandbox/index.js';
import { sgpProvider } from './sgp/index.js';
import { voalleProvider } from './voalle/index.js';
import type { AnyProvider } from './types.js';

export function defaultProviders(): AnyProvider[] {
  return [sandboxProvider, ixcProvider, hubsoftProvider, sgpProvider, voalleProvider, mkProvider];
}
