// Settings of the sandbox provider. Every one is optional, so a fresh install can point a tenant at
// the sandbox with `{}` and get a seeded dataset named after the tenant.
import { z } from 'zod';
import { parseCnpj } from '../../brasil/document.js';
import { foldAscii } from '../../brasil/text.js';

const UF = [
  'AC',
  'AL',
  'AM',
  'AP',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MG',
  'MS',
  'MT',
  'PA',
  'PB',
  'PE',
  'PI',
  'PR',
  'RJ',
  'RN',
  'RO',
  'RR',
  'RS',
  'SC',
  'SE',
  'SP',
  'TO',
] as const;

/** A dataset name becomes a file name, so it is restricted to characters that are safe in one. */
const DATASET = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function foldedLength(max: number) {
  return (value: string) => {
    const folded = foldAscii(value).trim();
    return folded.length >= 1 && folded.length <= max;
  };
}

export const sandboxSettingsSchema = z
  .object({
    /** Name of the SQLite file under `<dataDir>/sandbox/`; defaults to the tenant id. */
    dataset: z.string().regex(DATASET, 'letters, digits, "_" and "-" only, up to 64').optional(),
    /** Seed of the generator: the same seed and the same seeding day give the same data. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** Customers generated when the dataset is empty (the fixed test customers come on top). */
    customers: z.number().int().min(0).max(1_000_000).default(1000),
    /** How long a trust unlock releases a contract, in days. */
    trust_unlock_days: z.number().int().min(1).max(30).default(3),
    /** A contract can be trust-unlocked once per this many days. */
    trust_unlock_period_days: z.number().int().min(1).max(365).default(30),
    beneficiary_name: z
      .string()
      .refine(foldedLength(25), 'must be 1 to 25 characters once folded to ASCII (Pix limit)')
      .default('Ponte Sandbox Telecom'),
    /** The ISP's CNPJ, numeric (it goes into NFCom access keys, which are digits only). */
    beneficiary_document: z
      .string()
      .refine((v) => /^\d{14}$/.test(v) && parseCnpj(v).ok, 'must be a valid numeric CNPJ, 14 digits')
      .default('48037216000158'),
    beneficiary_city: z
      .string()
      .refine(foldedLength(15), 'must be 1 to 15 characters once folded to ASCII (Pix limit)')
      .default('Sao Paulo'),
    beneficiary_state: z.enum(UF).default('SP'),
    /** Pix key printed in the bills' static Pix codes; defaults to the beneficiary CNPJ. */
    pix_key: z
      .string()
      .regex(/^[\x21-\x7e]{1,77}$/, 'must be 1 to 77 printable ASCII characters')
      .optional(),
    /** COMPE code of the bank that issues the sandbox's boletos. */
    bank_code: z
      .string()
      .regex(/^\d{3}$/, 'must be 3 digits')
      .default('341'),
  })
  .strict();

export type SandboxSettings = z.output<typeof sandboxSettingsSchema>;
export type SandboxSettingsInput = z.input<typeof sandboxSettingsSchema>;

export const defaultSandboxSettings: SandboxSettings = sandboxSettingsSchema.parse({});

/** The file name for a tenant's dataset: the setting, or the tenant id made safe for a file name. */
export function datasetName(settings: SandboxSettings, tenantId: string): string {
  if (settings.dataset !== undefined) return settings.dataset;
  const safe = tenantId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return /^[A-Za-z0-9]/.test(safe) ? safe : `t${safe}`.slice(0, 64);
}
