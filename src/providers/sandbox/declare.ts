// How sandbox functions are declared: with the kit's helper (the name carries the contract types),
// each body run in one SQLite transaction, read or write.
import type { FunctionInput, FunctionName, FunctionOutput } from '../../contract/index.js';
import { functionsFor, type DeclaredFunction } from '../kit/index.js';
import type { CallContext } from '../types.js';
import { callDay } from './connection.js';
import type { SandboxConnection } from './connection.js';
import type { SandboxSettings } from './settings.js';

/** Declares a sandbox function (see functionsFor). */
export const sandboxFunction = functionsFor<SandboxConnection, SandboxSettings>();

/** What a function body knows about its call: the context, and the day it is in Brazil. */
export interface CallScope {
  call: CallContext;
  today: string;
}

type Body<N extends FunctionName> = (
  conn: SandboxConnection,
  input: FunctionInput<N>,
  scope: CallScope,
) => FunctionOutput<N>;

function settled<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** A function whose body runs in one transaction of the given kind. */
function transactional<N extends FunctionName>(
  name: N,
  kind: 'inRead' | 'inWrite',
  body: Body<N>,
): DeclaredFunction<SandboxConnection, N> {
  return sandboxFunction(name, (conn, input, call) =>
    settled(() => {
      const scope = { call, today: callDay(conn, call) };
      return conn[kind](() => body(conn, input, scope));
    }),
  );
}

/**
 * A reading function: its statements share one read transaction, which costs about what a
 * single statement does on its own (SQLite takes its locks once per transaction).
 */
export function readFunction<N extends FunctionName>(
  name: N,
  body: Body<N>,
): DeclaredFunction<SandboxConnection, N> {
  return transactional(name, 'inRead', body);
}

/** A writing function: the whole body runs in one immediate (write-locked) transaction. */
export function writeFunction<N extends FunctionName>(
  name: N,
  body: Body<N>,
): DeclaredFunction<SandboxConnection, N> {
  return transactional(name, 'inWrite', body);
}
