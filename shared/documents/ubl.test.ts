import { describe, expect, it } from 'vitest';
import { demoCompany } from '../dataset/office';
import type { Account } from '../domain/records';
import { eInvoiceFiles, invoiceExportFiles } from './export';
import { progressivoOf } from './fatturapa';
import { account, input, invoice, line } from './test-fixtures';
import { buildUbl, ublCategory } from './ubl';

describe('UBL', () => {
  it('maps rates to EN 16931 VAT categories with exemption reasons', () => {
    expect(ublCategory(2200, null).id).toBe('S');
    expect(ublCategory(0, { natura: 'N3.1', legalReference: 'art. 8' })).toEqual({
      id: 'G',
      code: 'VATEX-EU-G',
      reason: 'art. 8',
    });
    expect(ublCategory(0, { natura: 'N3.2', legalReference: 'art. 41' }).id).toBe('K');
    expect(ublCategory(0, { natura: 'N6.2', legalReference: 'x' }).id).toBe('AE');
    expect(ublCategory(0, { natura: 'N4', legalReference: 'art. 10' })).toEqual({
      id: 'E',
      code: '',
      reason: 'art. 10',
    });
  });

  it('writes a Peppol BIS 3 invoice with the buyer endpoint, IBAN and the totals of the domain', () => {
    const acc = account({
      name: 'Müller GmbH',
      vatNumber: 'DE123456789',
      taxCode: '',
      address: {
        street: 'Hauptstraße 5',
        city: 'München',
        postalCode: '80331',
        province: 'BY',
        country: 'DE',
      },
    });
    const inv = invoice([line('1', 100_000, 1, 0), line('2', 3_000, 2.5, 0, 500)], {
      headerDiscount: { kind: 'amount', value: 1_000 },
      freight: 2_000,
      freightVatRate: 0,
    });
    const built = buildUbl(input(inv, acc));
    if (!built.ok) throw new Error(built.error.message.en);
    const xml = built.value.xml;
    expect(built.value.fileName).toBe('INV_2026_AR01_00007.xml');
    expect(xml).toContain(
      '<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>',
    );
    expect(xml).toContain('<cbc:EndpointID schemeID="9930">DE123456789</cbc:EndpointID>');
    expect(xml).toContain(
      '<cac:PayeeFinancialAccount><cbc:ID>IT60X0542811101000000123456</cbc:ID>',
    );
    expect(xml).toContain(
      '<cbc:InvoicedQuantity unitCode="H87">2.50</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">70.00</cbc:LineExtensionAmount>',
    );
    expect(xml).toContain(
      '<cbc:ID>K</cbc:ID><cbc:Percent>0.00</cbc:Percent><cbc:TaxExemptionReasonCode>VATEX-EU-IC</cbc:TaxExemptionReasonCode>',
    );
    expect(xml).toContain(
      '<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">1070.00</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="EUR">1080.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">1080.00</cbc:TaxInclusiveAmount><cbc:AllowanceTotalAmount currencyID="EUR">10.00</cbc:AllowanceTotalAmount><cbc:ChargeTotalAmount currencyID="EUR">20.00</cbc:ChargeTotalAmount><cbc:PayableAmount currencyID="EUR">1080.00</cbc:PayableAmount>',
    );
    const us = buildUbl(
      input(
        inv,
        account({
          vatNumber: 'EIN 12-3456789',
          address: { street: '1 Main St', city: 'Boston', postalCode: '02110', country: 'US' },
        }),
      ),
    );
    expect(us.ok && us.value.xml).toContain(
      '<cbc:EndpointID schemeID="EM">info@rossi.example</cbc:EndpointID>',
    );
    expect(us.ok && us.value.xml).not.toContain('EIN');
  });
});

describe('export files', () => {
  it('gives FatturaPA for every customer and UBL too for a foreign one, in their language', () => {
    const inv = invoice([line('1', 10_000, 1, 2200)]);
    const italian = eInvoiceFiles({
      invoice: inv,
      account: account(),
      company: demoCompany,
      vatRates: [],
    });
    expect(italian.ok && italian.value.map((f) => [f.format, f.fileName])).toEqual([
      ['fatturapa', `IT04128760156_${progressivoOf(inv.number)}.xml`],
    ]);
    const french = account({
      vatNumber: 'FR12345678901',
      taxCode: '',
      address: { street: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' },
    });
    const both = eInvoiceFiles({
      invoice: inv,
      account: french,
      company: demoCompany,
      vatRates: [],
    });
    expect(both.ok && both.value.map((f) => f.format)).toEqual(['fatturapa', 'ubl']);
    expect(both.ok && both.value[1]?.xml).toContain(
      `<cbc:Note>${demoCompany.paymentTerms.en}</cbc:Note>`,
    );
    const inItalian = eInvoiceFiles({
      invoice: inv,
      account: { ...french, documentLanguage: 'it' } as Account,
      company: demoCompany,
      vatRates: [],
    });
    expect(inItalian.ok && inItalian.value[1]?.xml).toContain(
      `<cbc:Note>${demoCompany.paymentTerms.it}</cbc:Note>`,
    );
    expect(
      eInvoiceFiles({
        invoice: inv,
        account: account({ vatNumber: '', taxCode: '' }),
        company: demoCompany,
        vatRates: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'fatturapa.buyer_identity_missing' } });
  });

  it('says in plain words why an invoice cannot be exported yet', () => {
    const inv = invoice([line('1', 10_000, 1, 2200)]);
    const noCompany = invoiceExportFiles({
      invoice: inv,
      account: account(),
      company: null,
      vatRates: [],
    });
    expect(noCompany).toMatchObject({
      ok: false,
      error: {
        code: 'einvoice.company_missing',
        message: { en: expect.stringContaining('company set') },
      },
    });
    const noAccount = invoiceExportFiles({
      invoice: inv,
      account: null,
      company: demoCompany,
      vatRates: [],
    });
    expect(noAccount).toMatchObject({ ok: false, error: { code: 'einvoice.account_missing' } });
    const files = invoiceExportFiles({
      invoice: inv,
      account: account(),
      company: demoCompany,
      vatRates: [],
    });
    expect(files.ok && files.value.map((f) => f.format)).toEqual(['fatturapa']);
  });
});
