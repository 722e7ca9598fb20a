// The prospecto routes: the plans sold at a CEP, recording a prospect (a CPF/CNPJ once), and the list.
import type { HubsoftData } from '../seed.js';
import { br, moneyNumber } from '../views.js';
import { digits, fail, money, ok, positiveInt, scalar } from './context.js';
import type { Reply, RouteContext } from './context.js';

function cityOfCep(data: HubsoftData, cep: string) {
  return data.cities.find((c) => cep >= c.cepFrom && cep <= c.cepTo);
}

export function prospectoCreate(ctx: RouteContext): Reply {
  const cep = digits(ctx.query.get('cep'));
  if (cep === '') return fail('CEP não informado.');
  const city = cityOfCep(ctx.state.data, cep);
  if (city === undefined) return fail('Nenhuma cidade foi encontrada com esse CEP.');
  const servicos = ctx.state.data.plans
    .filter((p) => city.servicos.includes(p.id_servico))
    .map((p) => ({
      id_servico: p.id_servico,
      descricao: p.descricao,
      valor: moneyNumber(p.valorCents),
      nome_radius: `HUBSOFT-SERVICE-${p.id_servico}`,
      display: `${p.descricao} - (R$ ${(p.valorCents / 100).toFixed(2)})`,
      velocidade_download: p.download,
      velocidade_upload: p.upload,
    }));
  return ok('Dados consultados com sucesso', { servicos });
}

const PROSPECT_REQUIRED = [
  'cep',
  'nome_razaosocial',
  'telefone',
  'tipo_pessoa',
  'bairro',
  'endereco',
  'numero',
];

export function prospecto(ctx: RouteContext): Reply {
  const { data } = ctx.state;
  const b = ctx.body;
  const errors = PROSPECT_REQUIRED.filter((f) => scalar(b[f]) === '').map(
    (f) => `O campo ${f} é obrigatório.`,
  );
  const servico = (b.servico ?? {}) as Record<string, unknown>;
  if (positiveInt(servico.id_servico) === null) errors.push('O campo servico.id_servico é obrigatório.');
  if (money(servico.valor) === null) errors.push('O campo servico.valor é obrigatório.');
  if (b.tipo_pessoa !== undefined && b.tipo_pessoa !== 'pf' && b.tipo_pessoa !== 'pj')
    errors.push('O campo tipo_pessoa deve ser pf ou pj.');
  if (errors.length > 0) return fail('Dados inválidos', 400, errors);
  const document =
    b.cpf_cnpj === undefined || b.cpf_cnpj === null || b.cpf_cnpj === '' ? null : digits(b.cpf_cnpj);
  const duplicate = document === null ? undefined : data.prospects.find((p) => p.cpf_cnpj === document);
  if (duplicate !== undefined)
    return fail(`O CPF/CNPJ já foi cadastrado antes no prospecto ${duplicate.nome_razaosocial}`);
  if (cityOfCep(data, digits(b.cep)) === undefined)
    return fail('Nenhuma cidade foi encontrada com esse CEP.');
  if (!data.plans.some((p) => p.id_servico === positiveInt(servico.id_servico)))
    return fail('O serviço informado não foi encontrado.', 404);
  const refs: [string, (id: number) => boolean, string][] = [
    [
      'id_vencimento',
      (id) => data.vencimentos.some((v) => v.id_vencimento === id),
      'O vencimento informado não foi encontrado.',
    ],
    [
      'id_vendedor',
      (id) => data.vendedores.some((v) => v.id === id),
      'O vendedor informado não foi encontrado.',
    ],
    [
      'id_origem_cliente',
      (id) => data.origens.some((o) => o.id_origem_cliente === id),
      'A origem do cliente informada não foi encontrada.',
    ],
    ['id_crm', (id) => data.crms.some((c) => c.id_crm === id), 'O CRM informado não foi encontrado.'],
  ];
  for (const [field, exists, message] of refs) {
    if (b[field] === undefined || b[field] === null || b[field] === '') continue;
    const id = positiveInt(b[field]);
    if (id === null || !exists(id)) return fail(message, 404);
  }
  const id = ++data.next.prospect;
  const name = String(b.nome_razaosocial).toUpperCase();
  const now = `${ctx.today} 10:27:56`;
  data.prospects.push({
    id_prospecto: id,
    body: b,
    nome_razaosocial: name,
    cpf_cnpj: document,
    created_at: now,
  });
  return ok('Prospecto adicionado com sucesso', {
    prospecto: {
      nome_razaosocial: name,
      telefone: String(b.telefone),
      email: b.email ?? null,
      observacao: b.observacao ?? null,
      id_endereco_numero: 33000 + id,
      tipo_pessoa: b.tipo_pessoa,
      cpf_cnpj: document,
      id_usuario: 1,
      origem: 'API',
      updated_at: now,
      created_at: now,
      id_prospecto: id,
      created_at_br: br(ctx.today),
      prospecto_servico: {
        id_prospecto_servico: id - 1,
        id_prospecto: id,
        id_servico: positiveInt(servico.id_servico),
        valor: String(servico.valor),
      },
    },
  });
}

export function prospectoAll(ctx: RouteContext): Reply {
  return ok('Dados consultados com sucesso', {
    prospectos: ctx.state.data.prospects.map((p) => ({
      id_prospecto: p.id_prospecto,
      nome_razaosocial: p.nome_razaosocial,
      cpf_cnpj: p.cpf_cnpj,
      email: p.body.email ?? null,
      telefone: p.body.telefone ?? null,
      observacao: p.body.observacao ?? null,
      created_at: p.created_at,
      origem: 'API',
      created_at_br: br(p.created_at.slice(0, 10)),
    })),
  });
}
