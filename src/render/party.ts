import { formatDocument } from '../brasil/document.js';

export interface Party {
  name: string;
  /** Normalised CPF (11 digits) or CNPJ (14 characters). */
  document: string;
  address?: string;
}

/** "CPF 529.982.247-25" / "CNPJ 12.ABC.345/01DE-35"; a document of another length is shown as received. */
export function labelDocument(document: string): string {
  if (document.length === 11) return `CPF ${formatDocument(document)}`;
  if (document.length === 14) return `CNPJ ${formatDocument(document)}`;
  return document;
}

/** "FULANO DE TAL - CPF 529.982.247-25", as printed in the boxes that identify a person or company. */
export function describeParty(party: Party): string {
  const document = labelDocument(party.document);
  return document === '' ? party.name : `${party.name} - ${document}`;
}
