// What IXC's desbloqueio_confianca answered, whatever its release's shape.
import { isIsoDate } from '../../../brasil/dates.js';
import { plainText, scalar } from '../client.js';

/** The first date "dd/mm/yyyy" in a message, as yyyy-mm-dd, or ''. */
export function dateInMessage(message: string): string {
  const m = /(\d{2})\/(\d{2})\/(\d{4})/.exec(message);
  if (!m) return '';
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) ? iso : '';
}

/** Codes of refusals real installations answer (a Go client records them). */
const REFUSALS: ReadonlySet<string> = new Set(['107', '109', '113']);

export type TrustUnlockVerdict = 'unlocked' | 'refused' | 'not_found';

/**
 * v1 object {tipo, mensagem, codigo} (106 contract unknown, 107 already active, 109 not allowed,
 * 113 already used with its payment pending),
 * v2 list [{type, message}], or plain text/HTML. Codes first, then the message's words.
 */
export function trustUnlockVerdict(value: unknown): { verdict: TrustUnlockVerdict; message: string } {
  const item: unknown = Array.isArray(value) ? value[0] : value;
  let kind = '';
  let message = '';
  let code = '';
  if (typeof item === 'string') message = plainText(item);
  else if (item !== null && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    kind = scalar(o.type ?? o.tipo).toLowerCase();
    const text = o.message ?? o.mensagem ?? o.msg ?? '';
    message = plainText(typeof text === 'string' ? text : '');
    code = scalar(o.codigo ?? o.code);
  }
  if (code === '106' || /contrato\s+inexistente|n[ãa]o\s+encontrad/i.test(message))
    return { verdict: 'not_found', message };
  if (REFUSALS.has(code) || kind === 'error' || kind === 'erro') return { verdict: 'refused', message };
  if (kind === 'success' || kind === 'sucesso' || /com\s+sucesso/i.test(message))
    return { verdict: 'unlocked', message };
  return { verdict: 'refused', message };
}
