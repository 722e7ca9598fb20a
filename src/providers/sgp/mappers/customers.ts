// SGP consultacliente entries -> the contract's Customer, Contacts and Plans. One entry per
// contract, the customer's fields repeated in each; phones and e-mails come as strings or as
// `{tipoContato, contato}` objects depending on the install; registration dates are
// dd/mm/yyyy HH:MM:SS, birth dates ISO; the status display is padded (" Ativo ").
import { normalisePhone, UFS } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { formatMoney } from '../../../brasil/money.js';
import { badResponse, cents, digits, isoDate, text } from '../../kit/index.js';
import { ERP_NAME } from '../client.js';

/** One consultacliente `contratos[]` entry (only the fields Ponte reads are named). */
export interface SgpContractEntry {
  contratoId?: unknown;
  clienteId?: unknown;
  contratoStatus?: unknown;
  contratoStatusDisplay?: unknown;
  motivo_status?: unknown;
  razaoSocial?: unknown;
  cpfCnpj?: unknown;
  dataCadastro?: unknown;
  dataNascimento?: unknown;
  emails?: unknown;
  telefones?: unknown;
  telefones_cargos?: unknown;
  endereco_logradouro?: unknown;
  endereco_numero?: unknown;
  endereco_complemento?: unknown;
  endereco_bairro?: unknown;
  endereco_cidade?: unknown;
  endereco_uf?: unknown;
  endereco_cep?: unknown;
  planointernet?: unknown;
  planointernet_id?: unknown;
  planointernet_valor?: unknown;
  servico_plano?: unknown;
  promessasPagamentoMes?: unknown;
  [key: string]: unknown;
}

type Customer = FunctionOutput<'get_customer'>;
type Contact = FunctionOutput<'get_customer_contacts'>[number];
type Plan = FunctionOutput<'list_plans'>[number];

/** Strings or `{contato}` objects, as SGP prints contact lists. */
function contactValues(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((item: unknown) =>
      item !== null && typeof item === 'object' ? text((item as { contato?: unknown }).contato) : text(item),
    )
    .filter((v) => v !== '');
}

const LIVE = new Set([1, 4, 6, 7]);

export function statusCode(entry: SgpContractEntry): number {
  return Number(text(entry.contratoStatus)) || 0;
}

function emailsOf(entries: SgpContractEntry[]): string[] {
  return entries.flatMap((e) => contactValues(e.emails)).filter((v) => v.includes('@'));
}

function phonesOf(entries: SgpContractEntry[]): string[] {
  return entries
    .flatMap((e) => [...contactValues(e.telefones), ...contactValues(e.telefones_cargos)])
    .map((p) => normalisePhone(p))
    .filter((p): p is string => p !== null);
}

/**
 * The customer from its contract entries. email is the last e-mail SGP lists (contato/add appends,
 * so the newest); telefone the first phone.
 */
export function toCustomer(entries: SgpContractEntry[], raw = ''): Customer {
  const e = entries[0]!;
  const registered = isoDate(e.dataCadastro) ?? isoDate(e.dataAlteracao);
  if (registered === null) throw badResponse(ERP_NAME, 'a customer without a registration date', 200, raw);
  const cep = digits(e.endereco_cep);
  const uf = text(e.endereco_uf).toUpperCase();
  const emails = emailsOf(entries.slice(0, 1));
  return {
    nome_completo: text(e.razaoSocial),
    aniversario: isoDate(e.dataNascimento) ?? '',
    data_registro: registered,
    ativo: entries.some((x) => LIVE.has(statusCode(x))),
    id_remoto: text(e.clienteId),
    rua_endereco: text(e.endereco_logradouro),
    numero_endereco: text(e.endereco_numero),
    cep_endereco: cep.length === 8 ? cep : '',
    cidade_endereco: text(e.endereco_cidade),
    complemento_endereco: text(e.endereco_complemento),
    bairro_endereco: text(e.endereco_bairro),
    estado_endereco: (UFS as readonly string[]).includes(uf) ? (uf as Customer['estado_endereco']) : '',
    email: emails[emails.length - 1] ?? '',
    telefone: phonesOf(entries.slice(0, 1))[0] ?? '',
  };
}

/** E-mails (lower-cased) then phones (normalised), each once. */
export function toContacts(entries: SgpContractEntry[]): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const email of emailsOf(entries)) {
    const value = email.toLowerCase();
    if (!seen.has(`e:${value}`)) {
      seen.add(`e:${value}`);
      out.push({ type: 'email', value });
    }
  }
  for (const value of phonesOf(entries)) {
    if (!seen.has(`p:${value}`)) {
      seen.add(`p:${value}`);
      out.push({ type: 'phone', value });
    }
  }
  return out;
}

const PLAN_STATUS: Readonly<Record<number, Plan['status']>> = {
  1: 'active',
  2: 'inactive',
  3: 'cancelled',
  4: 'blocked',
  5: 'inactive',
  6: 'pending',
  7: 'blocked',
};

function blockReason(entry: SgpContractEntry): string {
  const code = statusCode(entry);
  if (code === 7) return 'reduced_speed';
  if (code !== 4) return '';
  const reason = text(entry.motivo_status);
  return /financ|d[ée]bito|inadimpl/i.test(reason) || reason === '' ? 'financial' : 'manual';
}

function addressLine(e: SgpContractEntry): string {
  const street = [text(e.endereco_logradouro), text(e.endereco_numero)].filter(Boolean).join(', ');
  const city = [text(e.endereco_cidade), text(e.endereco_uf)].filter(Boolean).join('/');
  return [street, text(e.endereco_complemento), text(e.endereco_bairro), city, text(e.endereco_cep)]
    .filter(Boolean)
    .join(' - ');
}

/**
 * A contract as a Plan, from SGP's status codes (1 Ativo, 2 Inativo, 3 Cancelado, 4 Suspenso,
 * 5 Inviab. técnica, 6 Novo, 7 Ativo V. Reduzida). `planOf` finds the plan's id and monthly
 * price when the entry has none (consultaplano's, by name).
 */
export function toPlan(
  e: SgpContractEntry,
  planOf: (id: string, name: string) => { id: string; price: number | null } | null,
): Plan {
  const code = statusCode(e);
  const blocked = code === 4 || code === 7;
  const name = text(e.planointernet) || text(e.servico_plano);
  const plan = planOf(text(e.planointernet_id), name);
  const id = text(e.planointernet_id) || (plan?.id ?? '');
  const price = cents(e.planointernet_valor) ?? plan?.price ?? 0;
  const used = Number(text(e.promessasPagamentoMes));
  return {
    contract_id: text(e.contratoId),
    plan_code: id,
    plan_name: name,
    status: PLAN_STATUS[code] ?? 'inactive',
    blocked,
    block_reason: blockReason(e),
    value: formatMoney(price),
    installation_address: addressLine(e),
    // SGP tells the unlocks used this month, not the tenant's limit: none used is "available".
    trust_unlock_available: blocked ? (used === 0 ? true : null) : false,
  };
}
