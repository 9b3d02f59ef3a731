import { describe, expect, it } from 'vitest';
import { demoCompany } from '../dataset/office';
import type { Refdata } from '../domain/records';
import { eInvoiceOf, zeroRateReason } from './einvoice';
import { buildFatturaPa, progressivoOf } from './fatturapa';
import { account, audit, fatturaPa, input, invoice, line } from './test-fixtures';
import { buildUbl } from './ubl';
import { decimal2, decimalBetween, escapeXml } from './xml-format';

describe('FatturaPA', () => {
  it('routes to the SDI code, else to the PEC with 0000000, and abroad to XXXXXXX', () => {
    const inv = invoice([line('1', 10_000, 1, 2200)]);
    expect(fatturaPa(input(inv))).toContain(
      '<CodiceDestinatario>KRRH6B9</CodiceDestinatario></DatiTrasmissione>',
    );
    const pec = fatturaPa(input(inv, account({ sdiCode: '0000000', pec: 'rossi@pec.it' })));
    expect(pec).toContain(
      '<CodiceDestinatario>0000000</CodiceDestinatario><PECDestinatario>rossi@pec.it</PECDestinatario>',
    );
    const neither = fatturaPa(input(inv, account({ sdiCode: '', pec: '' })));
    expect(neither).toContain(
      '<CodiceDestinatario>0000000</CodiceDestinatario></DatiTrasmissione>',
    );
    const abroad = fatturaPa(
      input(
        inv,
        account({
          vatNumber: 'DE123456789',
          taxCode: '',
          sdiCode: '',
          address: {
            street: 'Hauptstraße 5',
            city: 'München',
            postalCode: '80331',
            province: 'BY',
            country: 'DE',
          },
        }),
      ),
    );
    expect(abroad).toContain('<CodiceDestinatario>XXXXXXX</CodiceDestinatario>');
    expect(abroad).toContain(
      '<IdFiscaleIVA><IdPaese>DE</IdPaese><IdCodice>123456789</IdCodice></IdFiscaleIVA>',
    );
    expect(abroad).toContain(
      '<Sede><Indirizzo>Hauptstraße 5</Indirizzo><CAP>80331</CAP><Comune>München</Comune><Nazione>DE</Nazione></Sede>',
    );
  });

  it("sends the customer's PO reference as DatiOrdineAcquisto, and UBL as BuyerReference", () => {
    const inv = invoice([line('1', 10_000, 1, 2200)], { customerReference: 'PO-2026/118' });
    expect(fatturaPa(input(inv))).toContain(
      '<DatiOrdineAcquisto><IdDocumento>PO-2026/118</IdDocumento></DatiOrdineAcquisto>',
    );
    const ubl = buildUbl(input(inv));
    if (!ubl.ok) throw new Error(ubl.error.message.en);
    expect(ubl.value.xml).toContain('<cbc:BuyerReference>PO-2026/118</cbc:BuyerReference>');
    const none = invoice([line('1', 10_000, 1, 2200)]);
    expect(fatturaPa(input(none))).not.toContain('DatiOrdineAcquisto');
  });

  it('escapes XML, folds letters outside Latin-1 and writes amounts with two decimals', () => {
    const inv = invoice([line('1', 1_999, 0.123456, 2200), line('2', 12_345, 3, 1000, 1_000)]);
    const xml = fatturaPa(
      input(
        inv,
        account({
          name: 'Łódź & Żywiec <Sp. z o.o.>',
          vatNumber: 'PL1234567890',
          taxCode: '',
          address: {
            street: 'ul. Piotrkowska 1',
            city: 'Łódź',
            postalCode: '90-001',
            country: 'PL',
          },
        }),
      ),
    );
    expect(xml).toContain('<Denominazione>Lódz &amp; Zywiec &lt;Sp. z o.o.&gt;</Denominazione>');
    expect(xml).toContain('<Causale>Fattura - impianto</Causale>');
    expect(xml).toContain(
      '<Quantita>0.123456</Quantita><UnitaMisura>pz</UnitaMisura><PrezzoUnitario>19.99</PrezzoUnitario><PrezzoTotale>2.47</PrezzoTotale><AliquotaIVA>22.00</AliquotaIVA>',
    );
    // A line discount per unit: (123.45 − 3.33333333) × 3 = 360.35.
    expect(xml).toContain(
      '<Quantita>3.00</Quantita><UnitaMisura>pz</UnitaMisura><PrezzoUnitario>123.45</PrezzoUnitario><ScontoMaggiorazione><Tipo>SC</Tipo><Importo>3.33333333</Importo></ScontoMaggiorazione><PrezzoTotale>360.35</PrezzoTotale><AliquotaIVA>10.00</AliquotaIVA>',
    );
    expect(escapeXml(`a"b'c\u0001`)).toBe('a&quot;b&apos;c');
    expect(decimal2(-5, 'EUR')).toBe('-0.05');
    expect(decimal2(1234, 'JPY')).toBe('1234.00');
    expect(decimalBetween(2, 8)).toBe('2.00');
    expect(decimalBetween(0.00000001, 8)).toBe('0.00000001');
  });

  it('states header discount and freight as lines of their rate, so each base is the sum of its lines', () => {
    const inv = invoice([line('1', 100_000, 1, 2200), line('2', 50_000, 1, 400)], {
      headerDiscount: { kind: 'percent', value: 1000 },
      freight: 2_500,
    });
    const xml = fatturaPa(input(inv));
    expect(inv.totals.vat).toEqual([
      { rate: 400, base: 45_000, tax: 1_800 },
      { rate: 2200, base: 92_500, tax: 20_350 },
    ]);
    expect(xml).toContain(
      '<TipoCessionePrestazione>SC</TipoCessionePrestazione><Descrizione>Sconto sul documento (IVA 4.00%)</Descrizione><PrezzoUnitario>-50.00</PrezzoUnitario><PrezzoTotale>-50.00</PrezzoTotale><AliquotaIVA>4.00</AliquotaIVA>',
    );
    expect(xml).toContain(
      '<TipoCessionePrestazione>AC</TipoCessionePrestazione><Descrizione>Spese di trasporto</Descrizione><PrezzoUnitario>25.00</PrezzoUnitario>',
    );
    expect(xml).toContain(
      '<DatiRiepilogo><AliquotaIVA>22.00</AliquotaIVA><ImponibileImporto>925.00</ImponibileImporto><Imposta>203.50</Imposta><EsigibilitaIVA>I</EsigibilitaIVA></DatiRiepilogo>',
    );
    expect(xml).toContain('<ImportoTotaleDocumento>1596.50</ImportoTotaleDocumento>');
    expect(xml).toContain(
      '<DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento><DettaglioPagamento><Beneficiario>Officine Brenta S.r.l.</Beneficiario><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-04-09</DataScadenzaPagamento><ImportoPagamento>1596.50</ImportoPagamento>',
    );
    expect(xml).toContain('<IBAN>IT60X0542811101000000123456</IBAN>');
  });

  it('gives zero-rate lines a Natura: from the VAT-rate reference data, else by the buyer country', () => {
    expect(zeroRateReason(0, [], 'IT').natura).toBe('N4');
    expect(zeroRateReason(0, [], 'FR').natura).toBe('N3.2');
    expect(zeroRateReason(0, [], 'US').natura).toBe('N3.1');
    const refdata: Refdata = {
      ...audit,
      id: 'r',
      kind: 'vat_rate',
      key: '0',
      data: { rate: 0, natura: 'N2.2', legalReference: 'Art. 15 DPR 633/72' },
    };
    expect(zeroRateReason(0, [refdata], 'US')).toEqual({
      natura: 'N2.2',
      legalReference: 'Art. 15 DPR 633/72',
    });
    const xml = fatturaPa(
      input(invoice([line('1', 10_000, 1, 2200), line('2', 5_000, 2, 0)]), account(), [refdata]),
    );
    expect(xml).toContain('<AliquotaIVA>0.00</AliquotaIVA><Natura>N2.2</Natura></DettaglioLinee>');
    expect(xml).toContain(
      '<DatiRiepilogo><AliquotaIVA>0.00</AliquotaIVA><Natura>N2.2</Natura><ImponibileImporto>100.00</ImponibileImporto><Imposta>0.00</Imposta><RiferimentoNormativo>Art. 15 DPR 633/72</RiferimentoNormativo></DatiRiepilogo>',
    );
  });

  it('names the file after the seller VAT number and a progressive derived from the number', () => {
    const built = buildFatturaPa(input(invoice([line('1', 100, 1, 2200)])));
    const progressivo = progressivoOf('INV/2026/AR01/00007');
    expect(progressivo).toMatch(/^[0-9A-Z]{5}$/);
    expect(progressivoOf('INV/2026/AR01/00008')).not.toBe(progressivo);
    expect(built).toMatchObject({
      ok: true,
      value: { fileName: `IT04128760156_${progressivo}.xml`, progressivo },
    });
    expect(built.ok && built.value.xml).toContain(
      `<ProgressivoInvio>${progressivo}</ProgressivoInvio><FormatoTrasmissione>FPR12</FormatoTrasmissione>`,
    );
    const chosen = buildFatturaPa(input(invoice([line('1', 100, 1, 2200)])), {
      progressivo: 'A0001',
    });
    expect(chosen.ok && chosen.value.fileName).toBe('IT04128760156_A0001.xml');
    expect(
      buildFatturaPa(input(invoice([line('1', 100, 1, 2200)])), { progressivo: 'TOO-LONG' }),
    ).toMatchObject({ ok: false, error: { code: 'fatturapa.progressivo_invalid' } });
  });

  it('refuses what SdI would refuse, in both languages', () => {
    const long = buildFatturaPa(
      input(invoice([line('1', 100, 1, 2200)], { number: 'INV/2026/ABCDEFGH/00001' })),
    );
    expect(long).toMatchObject({
      ok: false,
      error: {
        code: 'fatturapa.number_too_long',
        message: { it: expect.stringContaining('20 caratteri') },
      },
    });
    const nobody = buildFatturaPa(
      input(invoice([line('1', 100, 1, 2200)]), account({ vatNumber: '', taxCode: '' })),
    );
    expect(nobody).toMatchObject({
      ok: false,
      error: { code: 'fatturapa.buyer_identity_missing', field: 'vatNumber' },
    });
    const wrongVat = buildFatturaPa(
      input(invoice([line('1', 100, 1, 2200)]), account({ vatNumber: 'IT00743110158' })),
    );
    expect(wrongVat).toMatchObject({
      ok: false,
      error: {
        code: 'fatturapa.buyer_vat_invalid',
        message: { en: expect.stringContaining('IT00743110158') },
      },
    });
    const inv = invoice([line('1', 100, 1, 2200)]);
    const tampered = {
      ...inv,
      totals: { ...inv.totals, vat: [{ rate: 2200, base: 101, tax: 22 }] },
    };
    expect(buildFatturaPa(input(tampered))).toMatchObject({
      ok: false,
      error: { code: 'einvoice.totals_inconsistent' },
    });
    expect(
      eInvoiceOf({
        invoice: { ...inv, currency: 'KWD' },
        account: account(),
        company: demoCompany,
        vatRates: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'einvoice.currency_unsupported' } });
  });

  it('writes a credit note as TD04 with the corrected invoice, positive amounts and nothing to pay', () => {
    const lines = [line('1', 10_000, 2, 2200)];
    const credit = {
      ...invoice(
        lines.map((l) => ({ ...l, quantity: -2, amount: -20_000 })),
        { number: 'NC/2026/AR01/00001' },
      ),
      documentType: 'creditNote' as const,
      correctedInvoiceId: 'inv',
      correctedInvoiceNumber: 'INV/2026/AR01/00007',
      correctedInvoiceDate: '2026-03-10',
    };
    const e = input(credit);
    expect(e.document).toMatchObject({
      kind: 'creditNote',
      grandTotal: 24_400,
      lines: [{ quantity: 2, amount: 20_000 }],
    });
    const xml = fatturaPa(e);
    expect(xml).toContain(
      '<TipoDocumento>TD04</TipoDocumento><Divisa>EUR</Divisa><Data>2026-03-10</Data><Numero>NC/2026/AR01/00001</Numero><ImportoTotaleDocumento>244.00</ImportoTotaleDocumento>',
    );
    expect(xml).toContain(
      '<DatiFattureCollegate><IdDocumento>INV/2026/AR01/00007</IdDocumento><Data>2026-03-10</Data></DatiFattureCollegate>',
    );
    expect(xml).not.toContain('<DatiPagamento>');
    const ubl = buildUbl(e);
    expect(ubl.ok && ubl.value.xml).toContain(
      '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV/2026/AR01/00007</cbc:ID><cbc:IssueDate>2026-03-10</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>',
    );
    expect(ubl.ok && ubl.value.xml).toContain(
      '<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>',
    );
    expect(buildUbl({ ...e, document: { ...e.document, corrects: null } })).toMatchObject({
      ok: false,
      error: { code: 'ubl.credit_note_without_invoice' },
    });
  });
});
