// The atendimento route: opening a ticket on a customer's service.
import { br } from '../views.js';
import { fail, ok, positiveInt } from './context.js';
import type { Reply, RouteContext } from './context.js';

export function atendimento(ctx: RouteContext): Reply {
  const { data } = ctx.state;
  const b = ctx.body;
  const errors: string[] = [];
  const serviceId = positiveInt(b.id_cliente_servico);
  if (serviceId === null) errors.push('O campo id_cliente_servico é obrigatório.');
  for (const field of ['descricao', 'nome', 'telefone']) {
    if (typeof b[field] !== 'string' || b[field].trim() === '')
      errors.push(`O campo ${field} é obrigatório.`);
  }
  if (typeof b.telefone === 'string' && b.telefone !== '' && !/^\d{10,11}$/.test(b.telefone)) {
    errors.push('O campo telefone deve estar no formato DDNNNNNNNNN.');
  }
  if (
    b.email !== undefined &&
    b.email !== null &&
    !(typeof b.email === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.email))
  ) {
    errors.push('O campo email deve ser um endereço de e-mail válido.');
  }
  if (errors.length > 0) return fail('Dados inválidos', 400, errors);
  const service = data.services.find((s) => s.id_cliente_servico === serviceId);
  if (service === undefined) return fail('Serviço do cliente não encontrado.', 404);
  const typeId =
    b.id_tipo_atendimento === undefined || b.id_tipo_atendimento === null
      ? 1
      : positiveInt(b.id_tipo_atendimento);
  const type = data.tiposAtendimento.find((t) => t.id_tipo_atendimento === typeId);
  if (type === undefined) return fail('O tipo de atendimento informado não foi encontrado.', 404);
  const id = ++data.next.ticket;
  const protocolo = `${ctx.today.replace(/-/g, '')}${String(id).padStart(7, '0')}`;
  data.tickets.push({
    id_atendimento: id,
    protocolo,
    id_cliente_servico: service.id_cliente_servico,
    body: b,
    created_at: ctx.today,
  });
  const customer = data.customers.find((c) => c.id_cliente === service.id_cliente)!;
  const brief = {
    codigo_cliente: customer.codigo_cliente,
    nome_razaosocial: customer.nome_razaosocial,
    cpf_cnpj: customer.cpf_cnpj,
  };
  const description = `${String(b.descricao)} | ATENDIMENTO ABERTO VIA API`;
  const withOrder = b.abrir_os === true;
  return ok(
    `Atendimento aberto com sucesso. Anote o protocolo: ${protocolo}.${withOrder ? ' Foi aberto também uma ordem de serviço e encaminhada ao setor responsável' : ''}`,
    {
      atendimento: {
        id_atendimento: id,
        protocolo,
        descricao_abertura: description,
        descricao_fechamento: null,
        tipo_atendimento: type.descricao,
        usuario_abertura: 'Integração API',
        usuario_responsavel: 'Integração API',
        usuario_fechamento: null,
        data_cadastro: br(ctx.today),
        data_fechamento: null,
        setor_responsavel: null,
        status_fechamento: null,
        motivo_fechamento: null,
        status: 'Aguardando Análise',
        cliente: brief,
        ordens_servico: withOrder
          ? [
              {
                id_ordem_servico: id + 40,
                numero_ordem_servico: String(id + 20),
                tipo: 'ABERTURA VIA API',
                status: 'aguardando_agendamento',
                descricao_abertura: description,
                cliente: brief,
              },
            ]
          : [],
      },
    },
  );
}
