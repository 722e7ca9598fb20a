// What the sandbox generator and the people it makes share: the state of one generation run and
// the payment profiles customers are drawn with.
import type { Random } from './random.js';

export type PaymentProfile =
  | 'punctual'
  | 'late'
  | 'defaulter'
  | 'manual_block'
  | 'suspended'
  | 'cancelled'
  | 'inactive'
  | 'pending'
  | 'new';

/** Next id per table; seeded ids start after the range reserved for the fixed test customers. */
export interface IdCounters {
  customer: number;
  contact: number;
  contract: number;
  bill: number;
  note: number;
  ticket: number;
  settlement: number;
  trustUnlock: number;
}

export interface GeneratorContext {
  random: Random;
  today: string;
  ids: IdCounters;
  /** Documents already taken (the fixed test customers' included); the generator adds its own. */
  documents: Set<string>;
  trustUnlockDays: number;
}
