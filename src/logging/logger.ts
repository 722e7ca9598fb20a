// The one logger factory: pino, with credentials redacted and personal data masked in every
// string a log line carries.
import pino, { type Logger } from 'pino';
import { maskDeep, maskPersonalData } from './mask.js';

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', '*.api_key', '*.password', '*.token'],
        censor: '***',
      },
      formatters: {
        log: (object) => maskDeep(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // An error given first becomes the message too (pino reads it before the log formatter runs).
          const masked = args.map((a) =>
            typeof a === 'string' ? maskPersonalData(a) : a instanceof Error ? maskDeep(a) : a,
          ) as typeof args;
          method.apply(this, masked);
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
