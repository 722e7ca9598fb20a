// What a running simulator holds: the tables, the counters tests read to prove a write was sent
// once, a log of requests, and the answer variants that differ between IXC releases.
import { createTables, type Tables } from './schema.js';
import { seedTables, type SeedOptions } from './seed.js';

export interface RequestRecord {
  method: string;
  resource: string;
  id: string;
  /** True when the request carried `ixcsoft: listar`. */
  listing: boolean;
  /** The fault that shaped the answer, if any. */
  fault: string;
}

export interface Counters {
  requests: number;
  listings: number;
  /** Rows inserted per table (POST without `ixcsoft: listar`). */
  inserts: Record<string, number>;
  /** Full-record updates per table (PUT). */
  updates: Record<string, number>;
  deletes: Record<string, number>;
  /** Calls per action endpoint (get_boleto, get_pix, desbloqueio_confianca, ...). */
  actions: Record<string, number>;
  /** Settlements posted to fn_areceber_recebimentos_baixas_novo and accepted. */
  baixas: number;
  /** Requests received and not yet answered (or abandoned), and the most there ever were at once. */
  inFlight: number;
  maxInFlight: number;
}

export interface Variants {
  /** desbloqueio_confianca answers an object (`v1`: tipo/mensagem/codigo) or a list (`v2`). */
  trustUnlock: 'v1' | 'v2';
  /** get_boleto base64: the raw text, the text in JSON quotes, or a data: URI. */
  boletoBase64: 'raw' | 'quoted' | 'data-uri';
  /**
   * Columns an update silently leaves as they were while answering success (real IXC drops fields
   * it will not write without saying so); none by default.
   */
  ignoredOnUpdate: string[];
}

export interface IxcState {
  tables: Tables;
  today: string;
  counters: Counters;
  log: RequestRecord[];
  variants: Variants;
}

export function createState(seed: SeedOptions | null, today: string): IxcState {
  const tables = createTables();
  if (seed !== null) seedTables(tables, seed);
  return {
    tables,
    today,
    counters: {
      requests: 0,
      listings: 0,
      inserts: {},
      updates: {},
      deletes: {},
      actions: {},
      baixas: 0,
      inFlight: 0,
      maxInFlight: 0,
    },
    log: [],
    variants: { trustUnlock: 'v1', boletoBase64: 'raw', ignoredOnUpdate: [] },
  };
}

export function bump(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}
