// Check digits used by FEBRABAN slips. The same mod-11 sum gives two different digits: the bank
// slip's DV geral can never be 0, while the arrecadação DV maps the awkward remainders to 0.

/** Refuses anything but a non-empty string of ASCII digits (the check digit of garbage means nothing). */
function checkDigits(digits: string): void {
  let ok = digits.length > 0;
  for (let i = 0; ok && i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    ok = c >= 48 && c <= 57;
  }
  if (!ok) throw new RangeError(`expected a non-empty string of digits, got "${digits}"`);
}

// Both sums read the characters in place: they run several times on every bill a call returns.

/** FEBRABAN modulo 10: weights 2,1,2,1… from the right, products above 9 have their digits summed. */
export function mod10(digits: string): number {
  checkDigits(digits);
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    const product = (digits.charCodeAt(i) - 48) * weight;
    sum += product > 9 ? product - 9 : product;
    weight = weight === 2 ? 1 : 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Sum with weights 2..9 from the right (restarting at 2), reduced modulo 11. */
export function mod11Remainder(digits: string): number {
  checkDigits(digits);
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  return sum % 11;
}

/** DV geral of a bank slip barcode: 11 − remainder, where 10 and 11 become 1 (the digit is never 0). */
export function mod11Boleto(digits: string): number {
  const d = 11 - mod11Remainder(digits);
  return d === 10 || d === 11 ? 1 : d;
}

/** Arrecadação mod-11 DV: remainder 0 or 1 gives 0, otherwise 11 − remainder (so 10 gives 1). */
export function mod11Arrecadacao(digits: string): number {
  const r = mod11Remainder(digits);
  return r <= 1 ? 0 : 11 - r;
}
