// IXC's vd_saida (a sale with its nota fiscal) -> the contract's Invoice.
import { formatMoney } from '../../../brasil/money.js';
import type { Invoice } from '../../../contract/index.js';
import { cents, digits, isoDate } from '../../kit/edge.js';
import type { IxcRow } from '../client.js';

const MODELS: Record<string, Invoice['modelo']> = { '62': '62', '21': '21', '22': '22' };

/** A vd_saida as an Invoice; null when it is no telecom nota. */
export function toInvoice(sale: IxcRow): Invoice | null {
  const modelo = MODELS[sale.modelo_nf ?? ''];
  const issued = isoDate(sale.data_emissao) ?? '';
  if (modelo === undefined || issued === '' || (sale.numero_nf ?? '') === '') return null;
  const key = digits(sale.nfe_chave);
  return {
    id_nota: sale.id ?? '',
    numero: sale.numero_nf ?? '',
    serie: sale.serie ?? '',
    modelo,
    status: sale.status === 'C' ? 'cancelled' : 'authorized',
    valor: formatMoney(cents(sale.valor_total) ?? 0),
    data_emissao: issued,
    chave_acesso: key.length === 44 ? key : '',
    url_nota_fiscal: '',
  };
}
