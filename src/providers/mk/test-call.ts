// A CallContext for the MK provider's own tests, collecting warnings.
import pino from 'pino';
import type { CallContext } from '../kit/index.js';

export function testCall(now: Date = new Date()): CallContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    requestId: 'test',
    tenantId: 'test',
    signal: new AbortController().signal,
    now,
    log: pino({ level: 'silent' }),
    warn: (m) => warnings.push(m),
    warnings,
  };
}
