// The error a mapper throws when a Hubsoft record lacks what the contract cannot do without.
import { PonteError } from '../../../contract/index.js';

export function badAnswer(message: string): PonteError {
  return new PonteError('ERP_BAD_RESPONSE', `Hubsoft answered ${message}`);
}
