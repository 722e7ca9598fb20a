// An address on one line, as ERPs print it on contracts and boletos.

export interface AddressParts {
  street: string;
  number: string;
  complement: string;
  neighborhood: string;
  city: string;
  state: string;
  zip_code: string;
}

/** "Rua X, 12, Apto 3 - Centro, Campinas/SP, CEP 13010-111" */
export function addressLine(a: AddressParts): string {
  const complement = a.complement === '' ? '' : `, ${a.complement}`;
  const zip = a.zip_code.length === 8 ? `${a.zip_code.slice(0, 5)}-${a.zip_code.slice(5)}` : a.zip_code;
  return `${a.street}, ${a.number}${complement} - ${a.neighborhood}, ${a.city}/${a.state}, CEP ${zip}`;
}
