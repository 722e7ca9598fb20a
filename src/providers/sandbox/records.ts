// Ids, protocols and answers as the sandbox ERP writes them.

/** A numeric id from the contract's string ids; anything else matches no row. */
export function rowId(id: string): number {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : 0;
}

/** An ERP-style JSON answer, as the text api_response carries. */
export function erpAnswer(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}

/** A protocol number as ISP ERPs print them: the day and the record's id. */
export function protocolFor(day: string, id: number): string {
  return `${day.replace(/-/g, '')}${String(id).padStart(6, '0')}`;
}
