// The MK webservices Ponte calls, with the cd_servico code a webservice profile must authorize for
// each (clients.md §5.3–5.4; 9999 authorizes all). A service without a recorded code cannot be
// checked in advance: `ponte check` says so, and MK's own answer decides at call time.
import type { FunctionName } from '../../contract/index.js';

export const SERVICES = {
  auth: { name: 'WSAutenticacao', code: null },
  consultaDoc: { name: 'WSMKConsultaDoc', code: 6 },
  faturasPendentes: { name: 'WSMKFaturasPendentes', code: 7 },
  segundaVia: { name: 'WSMKSegundaViaCobranca', code: 1 },
  ldViaSms: { name: 'WSMKLDViaSMS', code: 21 },
  pix: { name: 'WSMKRetornarCopieColaPix', code: null },
  contratos: { name: 'WSMKContratosPorCliente', code: 8 },
  conexoes: { name: 'WSMKConexoesPorCliente', code: 9 },
  autoDesbloqueio: { name: 'WSMKAutoDesbloqueio', code: null },
  autoDesbloqueioV2: { name: 'WSMKAutoDesbloqueioV2', code: null },
  novoAtendimento: { name: 'WSMKNovoAtendimento', code: null },
  processos: { name: 'WSMKListaProcessos', code: 11 },
  novaLead: { name: 'WSMKNovaLead', code: null },
  novaPessoa: { name: 'WSMKNovaPessoa', code: null },
  novoContrato: { name: 'WSMKNovoContrato', code: null },
  classificacoes: { name: 'WSMKListaClassificacoesAte', code: 10 },
} as const satisfies Record<string, { name: string; code: number | null }>;

export type MkService = (typeof SERVICES)[keyof typeof SERVICES];

/** The services each supported function needs (the optional per-bill look-ups included). */
export const SERVICES_OF: Partial<Record<FunctionName, readonly MkService[]>> = {
  get_customer: [SERVICES.consultaDoc],
  get_customer_contacts: [SERVICES.consultaDoc],
  list_bills: [SERVICES.consultaDoc, SERVICES.faturasPendentes],
  get_bill: [SERVICES.consultaDoc, SERVICES.faturasPendentes],
  get_boleto_pdf: [SERVICES.segundaVia],
  list_plans: [SERVICES.consultaDoc, SERVICES.contratos, SERVICES.conexoes],
  list_blocked_plans: [SERVICES.consultaDoc, SERVICES.contratos, SERVICES.conexoes],
  trust_unlock: [SERVICES.consultaDoc, SERVICES.contratos, SERVICES.conexoes, SERVICES.autoDesbloqueio],
  create_ticket: [SERVICES.consultaDoc, SERVICES.novoAtendimento],
  create_order_existing_customer: [SERVICES.consultaDoc, SERVICES.novoAtendimento],
  create_lead: [SERVICES.consultaDoc, SERVICES.novaLead],
  create_order: [SERVICES.consultaDoc, SERVICES.novaPessoa, SERVICES.novoContrato],
};

/** Services a function does without (leaving a field empty) when the profile does not authorize them. */
export const OPTIONAL_SERVICES_OF: Partial<Record<FunctionName, readonly MkService[]>> = {
  list_bills: [SERVICES.segundaVia, SERVICES.ldViaSms, SERVICES.pix],
  get_bill: [SERVICES.segundaVia, SERVICES.ldViaSms, SERVICES.pix],
  get_boleto_pdf: [SERVICES.ldViaSms],
};

/** Whether a token whose profile authorizes `authorized` may call `service` (unknown codes: yes). */
export function authorizes(authorized: readonly number[], service: MkService): boolean {
  return service.code === null || authorized.includes(9999) || authorized.includes(service.code);
}
