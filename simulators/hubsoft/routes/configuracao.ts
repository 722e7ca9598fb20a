// The lists the simulated Hubsoft serves as they are (CRMs and configuração: caixas, meios de
// pagamento, tipos de atendimento, vencimentos, vendedores, origens, serviços, empresa).
import type { HubsoftData } from '../seed.js';
import { ok } from './context.js';
import type { Handler } from './context.js';

function list(
  msg: string,
  key: string,
  pick: (data: HubsoftData) => unknown[],
  extra: Record<string, unknown> = {},
): Handler {
  return (ctx) => ok(msg, { [key]: pick(ctx.state.data), ...extra });
}

export const configuracaoRoutes: Record<string, Handler> = {
  'GET /api/v1/integracao/crm/all': list('Dados consultados com sucesso', 'crms', (d) => d.crms),
  'GET /api/v1/integracao/configuracao/caixa_financeiro': list(
    'Caixas Finaceiros consultados com sucesso',
    'caixas_financeiro',
    (d) => d.caixas,
  ),
  'GET /api/v1/integracao/configuracao/meio_pagamento': list(
    'Meios de Pagamento consultados com sucesso',
    'meios_pagamento',
    (d) => d.meiosPagamento,
  ),
  'GET /api/v1/integracao/configuracao/tipo_atendimento': list(
    'Dados consultados com sucesso',
    'tipos_atendimento',
    (d) => d.tiposAtendimento,
  ),
  'GET /api/v1/integracao/configuracao/vencimento': list(
    'Vencimentos consultados com sucesso',
    'vencimentos',
    (d) => d.vencimentos,
  ),
  'GET /api/v1/integracao/configuracao/vendedor': list(
    'Vendedores consultados com sucesso',
    'vendedores',
    (d) => d.vendedores,
  ),
  'GET /api/v1/integracao/configuracao/origem_cliente': list(
    'Dados consultados com sucesso',
    'origens_cliente',
    (d) => d.origens,
    { encrypted: false },
  ),
  'GET /api/v1/integracao/configuracao/motivo_contratacao': list(
    'Dados consultados com sucesso',
    'motivos_contratacao',
    (d) => d.motivos,
    { encrypted: false },
  ),
  'GET /api/v1/integracao/configuracao/servico': list(
    'Serviços Ativos consultados com sucesso',
    'servicos',
    (d) =>
      d.plans.map((p) => ({
        id_servico: p.id_servico,
        descricao: p.descricao,
        id_servico_tecnologia: p.tecnologia.id,
        servico_tecnologia: { id_servico_tecnologia: p.tecnologia.id, descricao: p.tecnologia.descricao },
      })),
  ),
  'GET /api/v1/integracao/configuracao/empresa': list('Empresas consultados com sucesso', 'empresas', (d) => [
    {
      id_empresa: d.company.id_empresa,
      nome_razaosocial: d.company.nome_razaosocial,
      cnpj: d.company.cnpj,
      display: `${d.company.nome_razaosocial} (CNPJ: ${d.company.cnpj})`,
    },
  ]),
};
