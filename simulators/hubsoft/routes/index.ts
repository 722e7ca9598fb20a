// The simulated Hubsoft's routes, by method and path: what each one validates and answers follows
// the official docs' request and response examples (one file per resource beside this one).
import { atendimento } from './atendimento.js';
import { clienteFinanceiro, clienteNotaFiscal, cliente, desbloqueioConfianca } from './cliente.js';
import { configuracaoRoutes } from './configuracao.js';
import type { Handler } from './context.js';
import { financeiroFatura, liquidar } from './financeiro.js';
import { prospecto, prospectoAll, prospectoCreate } from './prospecto.js';

export type { Handler, Reply, RouteContext } from './context.js';

export const routes: Record<string, Handler> = {
  'GET /api/v1/integracao/cliente': cliente,
  'GET /api/v1/integracao/cliente/financeiro': clienteFinanceiro,
  'GET /api/v1/integracao/cliente/nota_fiscal': clienteNotaFiscal,
  'POST /api/v1/integracao/cliente/desbloqueio_confianca': desbloqueioConfianca,
  'GET /api/v1/integracao/financeiro/fatura': financeiroFatura,
  'POST /api/v1/integracao/financeiro/fatura/liquidar': liquidar,
  'POST /api/v1/integracao/atendimento': atendimento,
  'GET /api/v1/integracao/prospecto/create': prospectoCreate,
  'GET /api/v1/integracao/prospecto/all': prospectoAll,
  'POST /api/v1/integracao/prospecto': prospecto,
  ...configuracaoRoutes,
};
