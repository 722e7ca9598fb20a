// Interleaved 2 of 5 (ITF), the symbology of the FEBRABAN boleto barcode. Written by hand rather than
// through a barcode library so the 44 digits are encoded exactly as given (no added check character)
// and the bars can be drawn as vector rectangles whose widths a test can read back.

/** Wide elements are three times the narrow width, the FEBRABAN ratio. */
export const WIDE_TO_NARROW = 3;

// For each digit, which of its five elements are wide (1) and which narrow (0).
const DIGIT_PATTERNS: readonly (readonly number[])[] = [
  [0, 0, 1, 1, 0],
  [1, 0, 0, 0, 1],
  [0, 1, 0, 0, 1],
  [1, 1, 0, 0, 0],
  [0, 0, 1, 0, 1],
  [1, 0, 1, 0, 0],
  [0, 1, 1, 0, 0],
  [0, 0, 0, 1, 1],
  [1, 0, 0, 1, 0],
  [0, 1, 0, 1, 0],
];

const START = [1, 1, 1, 1];
const STOP = [WIDE_TO_NARROW, 1, 1];

function patternOf(digit: string): readonly number[] {
  const pattern = DIGIT_PATTERNS[Number(digit)];
  if (pattern === undefined) throw new RangeError(`not a digit: ${digit}`);
  return pattern;
}

/**
 * Element widths in narrow units (1 or 3), alternating bar and space and starting with a bar; start and
 * stop patterns included. In each digit pair the first digit is carried by the bars, the second by the
 * spaces.
 */
export function itfWidths(digits: string): number[] {
  if (!/^(\d\d)+$/.test(digits)) {
    throw new RangeError('ITF needs a non-empty, even number of digits');
  }
  const widths = [...START];
  for (let i = 0; i < digits.length; i += 2) {
    const bars = patternOf(digits.charAt(i));
    const spaces = patternOf(digits.charAt(i + 1));
    for (let k = 0; k < 5; k++) {
      widths.push(bars[k] ? WIDE_TO_NARROW : 1, spaces[k] ? WIDE_TO_NARROW : 1);
    }
  }
  widths.push(...STOP);
  return widths;
}

export interface Bar {
  /** Offset of the bar's left edge from the symbol's left edge. */
  x: number;
  width: number;
}

/** The bars (spaces are the gaps between them) of the symbol when the narrow element is `narrow` wide. */
export function itfBars(digits: string, narrow: number): Bar[] {
  const bars: Bar[] = [];
  let x = 0;
  itfWidths(digits).forEach((units, index) => {
    const width = units * narrow;
    if (index % 2 === 0) bars.push({ x, width });
    x += width;
  });
  return bars;
}

/**
 * Reads the digits back from measured element widths (bar, space, bar, … in any unit), classifying each
 * element as narrow or wide against twice the narrowest width. Throws when the widths are not a valid
 * symbol.
 */
export function decodeItf(widths: readonly number[]): string {
  if (widths.length < 17 || (widths.length - START.length - STOP.length) % 10 !== 0) {
    throw new RangeError(`not an ITF symbol: ${widths.length} elements`);
  }
  const threshold = 2 * Math.min(...widths);
  const wide = widths.map((w) => (w > threshold ? 1 : 0));
  const expectedEdges = [...START, ...STOP].map((w) => (w > 1 ? 1 : 0));
  const edges = [...wide.slice(0, START.length), ...wide.slice(-STOP.length)];
  if (edges.some((w, i) => w !== expectedEdges[i])) throw new RangeError('bad ITF start or stop pattern');

  let digits = '';
  for (let i = START.length; i < widths.length - STOP.length; i += 10) {
    const group = wide.slice(i, i + 10);
    const bars = group.filter((_, k) => k % 2 === 0);
    const spaces = group.filter((_, k) => k % 2 === 1);
    digits += digitOf(bars) + digitOf(spaces);
  }
  return digits;
}

function digitOf(pattern: readonly number[]): string {
  const digit = DIGIT_PATTERNS.findIndex((p) => p.every((w, k) => w === pattern[k]));
  if (digit < 0) throw new RangeError(`not an ITF digit pattern: ${pattern.join('')}`);
  return String(digit);
}
