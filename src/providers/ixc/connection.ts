// A tenant's handle on its IXC, and the lookups several functions share (customer by document,
// contracts, plans, cities, bills valued for today).
import { todayInBrazil } from '../../brasil/dates.js';
import { PonteError } from '../../contract/index.js';
import type { Bill } from '../../contract/index.js';
import type { TenantOptions } from '../../gateway/tenant-options.js';
import type { CallContext, ConnectEnv } from '../types.js';
import { IxcClient } from './client.js';
import type { IxcRow } from './client.js';
import {
  addressLine,
  byDueDate,
  documentForms,
  pickCustomer,
  pixCodeOf,
  pixFeeRule,
  toBill,
  toPlan,
} from './mappers.js';
import type { City, FeeRule } from './mappers.js';
import type { IdSetting, IxcSettings } from './settings.js';
import type { Plan } from '../../contract/index.js';

export interface IxcConnection {
  client: IxcClient;
  settings: IxcSettings;
  options: TenantOptions;
  /** City id -> name and UF; cities do not change, so they are read once per connection. */
  cities: Map<string, Promise<City | null>>;
}

export function connectIxc(env: ConnectEnv<IxcSettings>): IxcConnection {
  return {
    client: new IxcClient({
      baseUrl: env.settings.base_url,
      token: env.settings.token,
      pageSize: env.settings.page_size,
    }),
    settings: env.settings,
    options: env.options,
    cities: new Map(),
  };
}

/** The id a write needs; NOT_SUPPORTED naming the setting while the tenant has not chosen it. */
export function requireSetting(conn: IxcConnection, name: IdSetting): string {
  const value = conn.settings[name];
  if (value === undefined) {
    throw new PonteError(
      'NOT_SUPPORTED',
      `IXC tenant setting ${name} is not set: run \`ponte check <tenant>\` to list the values found in the ERP`,
      {
        details: { setting: name },
      },
    );
  }
  return value;
}

export interface CustomerRecord {
  row: IxcRow;
  /** The document as the contract answers it (normalised). */
  document: string;
}

/** The customer with this document (searched masked, as IXC stores it, then as digits), or undefined. */
export async function findCustomer(
  conn: IxcConnection,
  document: string,
  call: CallContext,
): Promise<IxcRow | undefined> {
  for (const form of documentForms(document)) {
    const rows = await conn.client.list('cliente', [{ column: 'cnpj_cpf', value: form }], call);
    const found = pickCustomer(rows);
    if (found !== undefined) return found;
  }
  return undefined;
}

export async function requireCustomer(
  conn: IxcConnection,
  document: string,
  call: CallContext,
): Promise<CustomerRecord> {
  const row = await findCustomer(conn, document, call);
  if (row === undefined) throw new PonteError('CUSTOMER_NOT_FOUND', 'IXC has no customer with this CPF/CNPJ');
  return { row, document };
}

export async function cityOf(
  conn: IxcConnection,
  id: string | undefined,
  call: CallContext,
): Promise<City | null> {
  if (id === undefined || !/^[1-9]\d*$/.test(id)) return null;
  let cached = conn.cities.get(id);
  if (cached === undefined) {
    cached = (async () => {
      const city = await conn.client.byId('cidade', id, call);
      if (city === undefined) return null;
      const uf = await conn.client.byId('uf', city.uf ?? '', call);
      return { name: city.nome ?? '', uf: uf?.sigla ?? '' };
    })();
    conn.cities.set(id, cached);
    // A failed lookup is not remembered.
    cached.catch(() => conn.cities.delete(id));
  }
  return cached;
}

export function contractsOf(conn: IxcConnection, customerId: string, call: CallContext): Promise<IxcRow[]> {
  return conn.client.list('cliente_contrato', [{ column: 'id_cliente', value: customerId }], call);
}

/** The customer's contracts as Plans, with their product's name and price. */
export async function plansOf(
  conn: IxcConnection,
  customer: IxcRow,
  call: CallContext,
): Promise<{ contracts: IxcRow[]; plans: Plan[] }> {
  const contracts = await contractsOf(conn, customer.id ?? '', call);
  const productIds = [
    ...new Set(contracts.map((c) => c.id_vd_contrato ?? '').filter((id) => /^\d+$/.test(id))),
  ];
  const products =
    productIds.length === 0
      ? []
      : await conn.client.list(
          'vd_contratos',
          [{ column: 'id', op: 'IN', value: productIds.join(',') }],
          call,
        );
  const byId = new Map(products.map((p) => [p.id, p]));
  const customerCity = await cityOf(conn, customer.cidade, call);
  const plans = await Promise.all(
    contracts.map(async (c) => {
      const own = c.endereco_padrao_cliente === 'N' && (c.endereco ?? '') !== '';
      const address = own
        ? addressLine(c, await cityOf(conn, c.cidade, call))
        : addressLine(customer, customerCity);
      return toPlan(c, byId.get(c.id_vd_contrato), address);
    }),
  );
  return { contracts, plans };
}

export function today(call: CallContext): string {
  return todayInBrazil(call.now);
}

/** The tenant's late-fee rule, for bills whose wallet reports none through get_pix. */
function tenantRule(conn: IxcConnection): FeeRule {
  return {
    fineBasisPoints: conn.options.late_fees.fine_basis_points,
    monthlyInterestBasisPoints: conn.options.late_fees.monthly_interest_basis_points,
  };
}

/**
 * Bills valued for today. For each open bill get_pix gives its Pix code and the wallet's fee
 * rates; a bill get_pix refuses (no Pix on its wallet) keeps no Pix code and the tenant's rule.
 */
export async function valuedBills(
  conn: IxcConnection,
  rows: IxcRow[],
  customer: CustomerRecord,
  call: CallContext,
): Promise<Bill[]> {
  const day = today(call);
  const sorted = [...rows].sort(byDueDate);
  return Promise.all(
    sorted.map(async (row) => {
      let rule = tenantRule(conn);
      let pixCode = '';
      if (row.status === 'A' || row.status === 'P') {
        const pix = await conn.client.readJson('get_pix', { id_areceber: row.id ?? '' }, call);
        if ('value' in pix) {
          rule = pixFeeRule(pix.value) ?? rule;
          pixCode = pixCodeOf(pix.value);
        } else {
          call.log.info({ bill: row.id, reason: pix.error }, 'IXC gave no Pix for this bill');
        }
      }
      return toBill(row, {
        today: day,
        document: customer.document,
        customerName: customer.row.razao ?? '',
        consumer: customer.row.tipo_pessoa !== 'J',
        rule,
        interestFrom: conn.options.late_fees.interest_from,
        pixCode,
      });
    }),
  );
}

/** A bill of this customer by id, or undefined (someone else's bill is as good as absent). */
export async function billOf(
  conn: IxcConnection,
  customer: IxcRow,
  billId: string,
  call: CallContext,
): Promise<IxcRow | undefined> {
  const row = await conn.client.byId('fn_areceber', billId, call);
  return row !== undefined && row.id_cliente === customer.id ? row : undefined;
}
