// What the simulators' nota fiscal PDFs share: one line of "Serviço de Comunicação Multimídia"
// for the whole amount (the renderer is src/render/invoice-pdf.ts).

/** The `items` and `totalCents` of a one-service nota fiscal of `cents`. */
export const scmInvoiceLines = (cents: number) => ({
  items: [
    {
      description: 'Serviço de Comunicação Multimídia',
      quantity: 1,
      unitCents: cents,
      totalCents: cents,
    },
  ],
  totalCents: cents,
});
