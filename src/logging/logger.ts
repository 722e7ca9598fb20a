// The one logger factory: pino, with credentials redacted and personal data masked in every
// string a log line carries.
import pino, { type Logger } from 'pino';
import { maskDeep, maskPersonalData } from './mask.js';

type ChildFn = (this: unknown, bindings: pino.Bindings, options?: unknown) => unknown;

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const logger = pino(
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
  // A child's bindings (request_id, tenant...) never meet formatters.log, and pino gives a child
  // no formatters.bindings of its parent: they are masked on their way in. Children inherit this
  // `child`, so grandchildren are masked too.
  const pinoChild = Reflect.get(logger, 'child') as ChildFn;
  const maskedChild: ChildFn = function (this: unknown, bindings, childOptions) {
    return pinoChild.call(this, maskDeep(bindings) as pino.Bindings, childOptions);
  };
  logger.child = maskedChild as unknown as Logger['child'];
  return logger;
}

export type { Logger };
