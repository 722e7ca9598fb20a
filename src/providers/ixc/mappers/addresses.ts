// Addresses as IXC stores them: cities are ids (cidade -> uf), CEPs masked "13015-100".
import type { IxcRow } from '../client.js';

export interface City {
  name: string;
  uf: string;
}

export function formatCep(zip: string): string {
  return /^\d{8}$/.test(zip) ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip;
}

/** One line: "Rua X, 12 - Apto 3 - Bairro, Cidade/UF". */
export function addressLine(row: IxcRow, city: City | null): string {
  const street = [row.endereco, row.numero].filter(Boolean).join(', ');
  const place = city ? `${city.name}/${city.uf}` : '';
  return [street, row.complemento, row.bairro, place].filter((part) => part).join(' - ');
}
