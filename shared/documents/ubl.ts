// EN 16931 invoice and credit note in UBL 2.1, Peppol BIS Billing 3.0 flavour: what a
// foreign customer's accounting system reads. Pure: text in, text out.
import type { Result } from '../domain/errors';
import { fail, ok } from '../domain/errors';
import type { EInvoice, EInvoiceAddress, EInvoiceBuyer, ZeroRateReason } from './einvoice';
import { checkConsistency, isEuCountry } from './einvoice';
import { decimal2, decimalBetween, el, escapeXml, percent2 } from './xml-format';

export const PEPPOL_CUSTOMIZATION =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

export type UblFile = { fileName: string; xml: string };

/** VAT category (UNCL 5305) of a rate: standard, or why a zero rate carries no VAT. */
export type UblCategory = { id: 'S' | 'Z' | 'E' | 'G' | 'K' | 'AE'; code: string; reason: string };

export const ublCategory = (rate: number, zero: ZeroRateReason | null): UblCategory => {
  if (rate > 0) return { id: 'S', code: '', reason: '' };
  const natura = zero?.natura ?? '';
  const reason = zero?.legalReference || 'Exempt';
  if (natura === 'N3.1') return { id: 'G', code: 'VATEX-EU-G', reason };
  if (natura === 'N3.2') return { id: 'K', code: 'VATEX-EU-IC', reason };
  if (natura.startsWith('N6')) return { id: 'AE', code: 'VATEX-EU-AE', reason };
  return { id: 'E', code: '', reason };
};

// UN/ECE Recommendation 20 unit codes for the units the catalog uses.
const unitCodes: Readonly<Record<string, string>> = {
  pz: 'H87',
  pc: 'H87',
  m: 'MTR',
  kg: 'KGM',
  l: 'LTR',
  h: 'HUR',
  gg: 'DAY',
  anno: 'ANN',
  paio: 'PR',
};
const unitCode = (unit: string): string => unitCodes[unit.trim().toLowerCase()] ?? 'C62';

// Peppol electronic address schemes (EAS) of national VAT numbers; e-mail otherwise.
const vatSchemes: Readonly<Record<string, string>> = {
  IT: '0211',
  AT: '9914',
  ES: '9920',
  DE: '9930',
  GB: '9932',
  PL: '9945',
  FR: '9957',
  BE: '9925',
  NL: '9944',
};

const isVatId = (vat: string, country: string) =>
  new RegExp(`^${country}[A-Z0-9]{2,13}$`).test(vat);

const endpoint = (b: EInvoiceBuyer): string => {
  const country = b.address.country;
  const scheme = vatSchemes[country];
  if (scheme && isVatId(b.vatNumber, country))
    return el('cbc:EndpointID', b.vatNumber, ` schemeID="${scheme}"`);
  return el('cbc:EndpointID', b.email || 'unknown@invalid', ' schemeID="EM"');
};

const address = (a: EInvoiceAddress, tag = 'cac:PostalAddress'): string =>
  `<${tag}>${el('cbc:StreetName', a.street)}${el('cbc:CityName', a.city)}${el('cbc:PostalZone', a.postalCode)}${el('cbc:CountrySubentity', a.province)}<cac:Country>${el('cbc:IdentificationCode', a.country)}</cac:Country></${tag}>`;

const taxScheme = '<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>';

const category = (rate: number, cat: UblCategory, withReason: boolean, tag = 'cac:TaxCategory') =>
  `<${tag}>${el('cbc:ID', cat.id)}${el('cbc:Percent', percent2(rate))}${withReason ? el('cbc:TaxExemptionReasonCode', cat.code) + el('cbc:TaxExemptionReason', cat.reason) : ''}${taxScheme}</${tag}>`;

/** The UBL 2.1 invoice (380) or credit note (381) of an e-invoice input. */
export const buildUbl = (input: EInvoice): Result<UblFile> => {
  const { seller: s, buyer: b, document: d } = input;
  const consistent = checkConsistency(d);
  if (!consistent.ok) return consistent;
  if (d.kind === 'creditNote' && d.corrects === null)
    return fail(
      'ubl.credit_note_without_invoice',
      'A credit note must name the invoice it corrects.',
      'Una nota di credito deve indicare la fattura che rettifica.',
      'correctedInvoiceId',
    );
  const credit = d.kind === 'creditNote';
  const c = d.currency;
  const money = (tag: string, minor: number) =>
    `<${tag} currencyID="${escapeXml(c)}">${decimal2(minor, c)}</${tag}>`;
  const categories = new Map(d.vat.map((v) => [v.rate, ublCategory(v.rate, v.zero)]));
  const categoryOf = (rate: number) => categories.get(rate) ?? ublCategory(rate, null);

  const legalForm = s.rea
    ? `REA ${s.rea.office}-${s.rea.number}${s.rea.shareCapital !== null ? `, share capital EUR ${decimal2(s.rea.shareCapital, 'EUR')}` : ''}${s.rea.soleShareholder === 'SU' ? ', sole shareholder' : ''}${s.rea.liquidation === 'LS' ? ', in liquidation' : ''}`
    : '';
  const sellerAddress: EInvoiceAddress = {
    street: [s.address.street, s.address.streetNumber].filter((p) => p !== '').join(' '),
    postalCode: s.address.postalCode,
    city: s.address.city,
    province: s.address.province,
    country: 'IT',
  };
  const supplier = `<cac:AccountingSupplierParty><cac:Party>${el('cbc:EndpointID', s.vatNumber, ` schemeID="${vatSchemes['IT'] ?? '0211'}"`)}<cac:PartyName>${el('cbc:Name', s.name)}</cac:PartyName>${address(sellerAddress)}<cac:PartyTaxScheme>${el('cbc:CompanyID', s.vatNumber)}${taxScheme}</cac:PartyTaxScheme><cac:PartyLegalEntity>${el('cbc:RegistrationName', s.name)}${el('cbc:CompanyID', s.taxCode)}${el('cbc:CompanyLegalForm', legalForm)}</cac:PartyLegalEntity><cac:Contact>${el('cbc:Telephone', s.phone)}${el('cbc:ElectronicMail', s.email)}</cac:Contact></cac:Party></cac:AccountingSupplierParty>`;
  // Only a VAT number in the EU form (country prefix) is a VAT identifier (BT-48).
  const buyerVat =
    /^[A-Z]{2}[A-Z0-9]{2,13}$/.test(b.vatNumber) && b.vatNumber.startsWith(b.address.country)
      ? b.vatNumber
      : '';
  const buyerContact =
    b.email || b.phone
      ? `<cac:Contact>${el('cbc:Telephone', b.phone)}${el('cbc:ElectronicMail', b.email)}</cac:Contact>`
      : '';
  const customer = `<cac:AccountingCustomerParty><cac:Party>${endpoint(b)}<cac:PartyName>${el('cbc:Name', b.name)}</cac:PartyName>${address(b.address)}${buyerVat ? `<cac:PartyTaxScheme>${el('cbc:CompanyID', buyerVat)}${taxScheme}</cac:PartyTaxScheme>` : ''}<cac:PartyLegalEntity>${el('cbc:RegistrationName', b.name)}</cac:PartyLegalEntity>${buyerContact}</cac:Party></cac:AccountingCustomerParty>`;
  // Intra-EU supplies need the delivery date and country (BR-IC-11, BR-IC-12): always given.
  const deliverTo = b.shippingAddress ?? b.address;
  const delivery = `<cac:Delivery>${el('cbc:ActualDeliveryDate', d.issueDate)}<cac:DeliveryLocation>${address(deliverTo, 'cac:Address')}</cac:DeliveryLocation></cac:Delivery>`;
  // SEPA credit transfer (58) to the office's IBAN; a credit note refunds the same way.
  const payment = `<cac:PaymentMeans>${el('cbc:PaymentMeansCode', isEuCountry(b.address.country) ? '58' : '30')}${credit && d.dueDate ? el('cbc:PaymentDueDate', d.dueDate) : ''}${el('cbc:PaymentID', d.number)}<cac:PayeeFinancialAccount>${el('cbc:ID', s.iban)}${el('cbc:Name', s.name)}${s.bic ? `<cac:FinancialInstitutionBranch>${el('cbc:ID', s.bic)}</cac:FinancialInstitutionBranch>` : ''}</cac:PayeeFinancialAccount></cac:PaymentMeans>`;
  const terms = `<cac:PaymentTerms>${el('cbc:Note', s.paymentTerms[d.language])}</cac:PaymentTerms>`;
  const adjustments = [
    ...d.allowances.map(
      (a) =>
        `<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode><cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${money('cbc:Amount', a.amount)}${category(a.rate, categoryOf(a.rate), false)}</cac:AllowanceCharge>`,
    ),
    ...d.charges.map(
      (ch) =>
        `<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode><cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason>${money('cbc:Amount', ch.amount)}${category(ch.rate, categoryOf(ch.rate), false)}</cac:AllowanceCharge>`,
    ),
  ].join('');
  const subtotals = d.vat
    .map(
      (v) =>
        `<cac:TaxSubtotal>${money('cbc:TaxableAmount', v.base)}${money('cbc:TaxAmount', v.tax)}${category(v.rate, categoryOf(v.rate), true)}</cac:TaxSubtotal>`,
    )
    .join('');
  const taxTotal = `<cac:TaxTotal>${money('cbc:TaxAmount', d.vatTotal)}${subtotals}</cac:TaxTotal>`;
  const allowanceTotal = d.allowances.reduce((sum, a) => sum + a.amount, 0);
  const chargeTotal = d.charges.reduce((sum, ch) => sum + ch.amount, 0);
  const totals = `<cac:LegalMonetaryTotal>${money('cbc:LineExtensionAmount', d.linesTotal)}${money('cbc:TaxExclusiveAmount', d.taxableTotal)}${money('cbc:TaxInclusiveAmount', d.grandTotal)}${allowanceTotal !== 0 ? money('cbc:AllowanceTotalAmount', allowanceTotal) : ''}${chargeTotal !== 0 ? money('cbc:ChargeTotalAmount', chargeTotal) : ''}${money('cbc:PayableAmount', d.grandTotal)}</cac:LegalMonetaryTotal>`;

  const lineTag = credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const quantityTag = credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  const lines = d.lines
    .map((l, i) => {
      const discount =
        l.discount !== 0
          ? `<cac:AllowanceCharge><cbc:ChargeIndicator>${l.discount < 0}</cbc:ChargeIndicator>${l.discount > 0 ? '<cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>' : ''}<cbc:AllowanceChargeReason>${l.discount > 0 ? 'Discount' : 'Surcharge'}</cbc:AllowanceChargeReason>${money('cbc:Amount', Math.abs(l.discount))}</cac:AllowanceCharge>`
          : '';
      const item = `<cac:Item>${el('cbc:Description', l.description)}${el('cbc:Name', l.name)}${l.sku ? `<cac:SellersItemIdentification>${el('cbc:ID', l.sku)}</cac:SellersItemIdentification>` : ''}${category(l.vatRate, categoryOf(l.vatRate), false, 'cac:ClassifiedTaxCategory')}</cac:Item>`;
      return `<${lineTag}>${el('cbc:ID', String(i + 1))}${el(quantityTag, decimalBetween(l.quantity, 8), ` unitCode="${unitCode(l.unit)}"`)}${money('cbc:LineExtensionAmount', l.amount)}${discount}${item}<cac:Price>${money('cbc:PriceAmount', l.unitPrice)}</cac:Price></${lineTag}>`;
    })
    .join('');

  const root = credit ? 'CreditNote' : 'Invoice';
  const head = `${el('cbc:CustomizationID', PEPPOL_CUSTOMIZATION)}${el('cbc:ProfileID', PEPPOL_PROFILE)}${el('cbc:ID', d.number)}${el('cbc:IssueDate', d.issueDate)}${!credit && d.dueDate ? el('cbc:DueDate', d.dueDate) : ''}${credit ? el('cbc:CreditNoteTypeCode', '381') : el('cbc:InvoiceTypeCode', '380')}${el('cbc:Note', d.note)}${el('cbc:DocumentCurrencyCode', c)}${el('cbc:BuyerReference', d.buyerReference || d.number)}`;
  const billing = d.corrects
    ? `<cac:BillingReference><cac:InvoiceDocumentReference>${el('cbc:ID', d.corrects.number)}${el('cbc:IssueDate', d.corrects.issueDate)}</cac:InvoiceDocumentReference></cac:BillingReference>`
    : '';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="${NS[credit ? 'creditNote' : 'invoice']}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}">${head}${billing}${supplier}${customer}${delivery}${payment}${terms}${adjustments}${taxTotal}${totals}${lines}</${root}>
`;
  return ok({ fileName: `${d.number.replace(/[^A-Za-z0-9-]+/g, '_')}.xml`, xml });
};
