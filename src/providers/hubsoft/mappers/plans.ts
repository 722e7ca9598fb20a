// Hubsoft services (a cliente's servicos) as the contract's Plan, and the trust unlock's answer. Pure.
import { formatMoney } from '../../../brasil/money.js';
import type { Plan } from '../../../contract/index.js';
import { cents, isoDate, text } from '../../kit/edge.js';
import type { HubsoftService } from '../types.js';
import { oneLine } from './addresses.js';
import { badAnswer } from './errors.js';

/** What a service's status_prefixo means in the contract. */
export function planState(prefix: string): Pick<Plan, 'status' | 'blocked' | 'block_reason'> {
  switch (prefix) {
    case 'servico_habilitado':
    case 'franquia_excedida':
      return { status: 'active', blocked: false, block_reason: '' };
    case 'suspenso_debito':
    case 'suspenso_parcialmente':
      return { status: 'blocked', blocked: true, block_reason: 'financial' };
    case 'suspenso_pedido_cliente':
      return { status: 'suspended', blocked: false, block_reason: '' };
    case 'cancelado':
      return { status: 'cancelled', blocked: false, block_reason: '' };
    case 'inativo':
      return { status: 'inactive', blocked: false, block_reason: '' };
    default:
      // aguardando_instalacao, agendado_para_instalacao, aguardando_assinatura_contrato, ...
      return { status: 'pending', blocked: false, block_reason: '' };
  }
}

export function toPlan(service: HubsoftService): Plan {
  const id = text(service.id_cliente_servico);
  if (id === '') throw badAnswer('a serviço without id_cliente_servico');
  const name = text(service.nome);
  return {
    contract_id: id,
    // The cliente route names a service's plan but gives no id for it.
    plan_code: name,
    plan_name: name,
    ...planState(text(service.status_prefixo)),
    value: formatMoney(cents(service.valor) ?? 0),
    installation_address: oneLine(service.endereco_instalacao ?? service.endereco_cadastral),
    trust_unlock_available: null,
  };
}

/** The date in "Desbloqueio em confiança realizado com sucesso até a data 26/11/2018", or ''. */
export function unlockedUntil(message: string): string {
  const m = /at[ée]\s+(?:a\s+data\s+)?(\d{2}\/\d{2}\/\d{4})/i.exec(message);
  return m ? (isoDate(m[1]) ?? '') : '';
}
