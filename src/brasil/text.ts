// Text for ASCII-only channels (Pix BR Code fields, boleto and bank files, logs).

/**
 * "São Paulo ção" → "Sao Paulo cao": diacritics are stripped (NFD, then the combining marks go),
 * any whitespace becomes a plain space so that a tab or no-break space never glues two words
 * together, and every other character outside printable ASCII (0x20–0x7E) is dropped. Case is kept.
 */
export function foldAscii(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\s/gu, ' ')
    .replace(/[^\x20-\x7E]/gu, '');
}

/** Trims and turns each internal run of whitespace (including no-break spaces) into one space. */
export function collapseSpaces(input: string): string {
  return input.trim().replace(/\s+/gu, ' ');
}
