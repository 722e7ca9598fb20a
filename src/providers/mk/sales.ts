// Sales through MK's paid "APIs especiais": WSMKNovaLead (cd_cliente, info: documented),
// WSMKNovaPessoa (parameters and answer recorded nowhere: unverified, see docs/erp/mk.md) and
// WSMKNovoContrato (parameters from the vendor's page; answer unverified). Behind the tenant
// setting apis_especiais: without it these functions answer NOT_SUPPORTED naming it.
import { PonteError } from '../../contract/index.js';
import type { Order } from '../../contract/objects.js';
import { brDate, badResponse, rejected, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { MkConnection } from './connect.js';
import { SERVICES } from './services.js';

export function requireSpecialApis(conn: MkConnection, fn: string): void {
  if (!conn.settings.apis_especiais) {
    throw new PonteError(
      'NOT_SUPPORTED',
      `${fn} needs MK's paid "APIs especiais": set 'apis_especiais' to true once the ISP has them`,
      { details: { settings: ['apis_especiais'] } },
    );
  }
}

/** An id from the first of `keys` the answer has; null when none. */
export function idFrom(body: unknown, keys: readonly string[]): string | null {
  if (body === null || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  for (const k of keys) {
    const id = text(b[k]);
    if (id !== '') return id;
  }
  return null;
}

/** A lead on registration `cdCliente`; its id, or null when MK answers none. */
export async function openLead(
  conn: MkConnection,
  cdCliente: string,
  info: string,
  call: CallContext,
): Promise<string | null> {
  const answer = await conn.client.call(SERVICES.novaLead, { cd_cliente: cdCliente, info }, call, {
    write: true,
  });
  if (answer.error !== null)
    throw rejected(ERP_NAME, answer.error.message || answer.error.code, answer.status, answer.text);
  return idFrom(answer.body, ['CodigoLead', 'cd_lead', 'Codigo', 'codigo']);
}

/** A new registration for the order's customer; its CodigoPessoa. */
export async function createPessoa(
  conn: MkConnection,
  order: Order,
  message: string,
  call: CallContext,
): Promise<string> {
  const c = order.customer;
  const a = order.address;
  const answer = await conn.client.call(
    SERVICES.novaPessoa,
    {
      nome: c.name,
      cpf_cnpj: c.document_number,
      tipo_pessoa: c.person_type,
      data_nascimento: c.birth_date === undefined ? undefined : brDate(c.birth_date),
      rg: c.rg,
      email: c.email,
      celular: c.phone,
      fone: c.phone_secondary,
      cep: a.zip_code,
      logradouro: a.street,
      numero: a.number,
      complemento: a.complement,
      bairro: a.neighborhood,
      cidade: a.city,
      uf: a.state,
      obs: message,
    },
    call,
    { write: true },
  );
  if (answer.error !== null)
    throw rejected(ERP_NAME, answer.error.message || answer.error.code, answer.status, answer.text);
  const id = idFrom(answer.body, ['CodigoPessoa', 'CodigoCliente', 'cd_pessoa']);
  if (id === null)
    throw badResponse(ERP_NAME, 'WSMKNovaPessoa without a CodigoPessoa', answer.status, answer.text);
  return id;
}

/** A contract for registration `cdCliente`; its id, and MK's message when it gives one. */
export async function createContract(
  conn: MkConnection,
  cdCliente: string,
  order: Order,
  call: CallContext,
): Promise<{ id: string; message: string | null }> {
  const codes = conn.settings.contract_codes;
  const answer = await conn.client.call(
    SERVICES.novoContrato,
    {
      CodigoCliente: cdCliente,
      CodigoTipoPlano: codes.plan_type_id,
      CodigoPlanoAcesso: order.items[0]!.product_code,
      CodigoRegraVencimento: order.due_date_code,
      CodigoSLA: codes.sla_id,
      CodigoRegraBloqueio: codes.blocking_rule_id,
      CodigoFormaPagamento: codes.payment_form_id,
      CodigoProfilePagamento: codes.payment_profile_id,
      CodigoMetodoFaturamento: codes.billing_method_id,
      CodigoPlanoContas: codes.chart_of_accounts_id,
    },
    call,
    { write: true },
  );
  if (answer.error !== null)
    throw rejected(ERP_NAME, answer.error.message || answer.error.code, answer.status, answer.text);
  const id = idFrom(answer.body, ['CodigoContrato', 'codcontrato', 'cd_contrato']);
  if (id === null)
    throw badResponse(ERP_NAME, 'WSMKNovoContrato without a contract code', answer.status, answer.text);
  const message = text((answer.body as Record<string, unknown>).Mensagem);
  return { id, message: message === '' ? null : message };
}
