// The sandbox ISP's catalogue: plans, resellers, due days and commercial origins. Fixed, whatever the
// seed, so integrators can hard-code these codes in their tests. Codes are numeric ids (as ERPs
// have them) and differ from the names on purpose: a due date's code "2" is the day "10".
import { cnpjCheckDigits, cpfCheckDigits } from '../../brasil/document.js';

export interface Product {
  code: string;
  name: string;
  priceCents: number;
  /** Punctuality discount ("desconto pontualidade"): taken off when the bill is paid by its due date. */
  discountCents: number;
  business: boolean;
}

export const PRODUCTS: readonly Product[] = [
  { code: '11', name: 'Fibra 100 Mega', priceCents: 7990, discountCents: 0, business: false },
  { code: '12', name: 'Fibra 300 Mega', priceCents: 9990, discountCents: 0, business: false },
  { code: '13', name: 'Fibra 500 Mega', priceCents: 11990, discountCents: 1000, business: false },
  { code: '14', name: 'Fibra 700 Mega', priceCents: 14990, discountCents: 0, business: false },
  { code: '15', name: 'Fibra 1 Giga', priceCents: 19990, discountCents: 2000, business: false },
  { code: '16', name: 'Rádio 20 Mega Rural', priceCents: 8990, discountCents: 0, business: false },
  { code: '21', name: 'Empresarial 600 Mega + IP Fixo', priceCents: 29990, discountCents: 0, business: true },
  { code: '22', name: 'Empresarial 1 Giga + IP Fixo', priceCents: 49990, discountCents: 0, business: true },
];

export const DUE_DAYS: readonly { code: string; day: number }[] = [
  { code: '1', day: 5 },
  { code: '2', day: 10 },
  { code: '3', day: 15 },
  { code: '4', day: 20 },
  { code: '5', day: 25 },
];

export const COMMERCIAL_ORIGINS: readonly { code: string; description: string }[] = [
  { code: '1', description: 'Indicação de cliente' },
  { code: '2', description: 'Google' },
  { code: '3', description: 'Instagram' },
  { code: '4', description: 'Facebook' },
  { code: '5', description: 'Panfleto' },
  { code: '6', description: 'Carro de som' },
  { code: '7', description: 'Site do provedor' },
  { code: '8', description: 'Loja física' },
];

export interface Reseller {
  code: string;
  name: string;
  document: string;
  email: string;
}

function cpf(base9: string): string {
  return base9 + cpfCheckDigits(base9);
}

function cnpj(base12: string): string {
  return base12 + cnpjCheckDigits(base12);
}

export const RESELLERS: readonly Reseller[] = [
  {
    code: '1',
    name: 'Loja Centro',
    document: cnpj('274619830001'),
    email: 'loja.centro@pontesandbox.com.br',
  },
  {
    code: '2',
    name: 'Marcos Vinícius Prado',
    document: cpf('384027615'),
    email: 'marcos.prado@pontesandbox.com.br',
  },
  {
    code: '3',
    name: 'Juliana Ferraz Leite',
    document: cpf('402916385'),
    email: 'juliana.leite@pontesandbox.com.br',
  },
  {
    code: '4',
    name: 'Conecta Vendas Ltda',
    document: cnpj('318275460001'),
    email: 'contato@conectavendas.com.br',
  },
  { code: '5', name: 'Televendas', document: cnpj('480372160001'), email: 'televendas@pontesandbox.com.br' },
];

export function productByCode(code: string): Product | undefined {
  return PRODUCTS.find((p) => p.code === code);
}
