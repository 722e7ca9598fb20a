// Hubsoft addresses (a service's endereco_cadastral / endereco_instalacao) as contract text. Pure.
import { text } from '../../kit/edge.js';
import type { HubsoftAddress } from '../types.js';

/** The street with its kind ("RUA" + "DONA MARIA" -> "RUA DONA MARIA"), once. */
export function street(address: HubsoftAddress | null | undefined): string {
  const kind = text(address?.logradouro);
  const name = text(address?.endereco);
  return kind !== '' && !name.toUpperCase().startsWith(kind.toUpperCase()) ? `${kind} ${name}`.trim() : name;
}

/** The whole address on one line: Hubsoft's `completo` when it gives one. */
export function oneLine(address: HubsoftAddress | null | undefined): string {
  const full = text(address?.completo);
  if (full !== '') return full;
  return [
    street(address),
    text(address?.numero),
    text(address?.bairro),
    text(address?.cidade),
    text(address?.estado),
  ]
    .filter((p) => p !== '')
    .join(', ');
}
