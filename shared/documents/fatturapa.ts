// FatturaPA FPR12 (schema 1.2.2): the XML an Italian B2B/B2C invoice (TD01) or credit note
// (TD04) is sent to the exchange system (SdI) in. Pure: text in, text out.
import type { Result } from '../domain/errors';
import { fail, ok } from '../domain/errors';
import { isValidPartitaIva } from '../domain/company';
import type { EInvoice, EInvoiceAddress, EInvoiceBuyer, EInvoiceVat } from './einvoice';
import { checkConsistency } from './einvoice';
import { decimal2, decimalBetween, el, percent2 } from './xml-format';

export const FATTURAPA_NAMESPACE = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2';

export type FatturaPaFile = { fileName: string; progressivo: string; xml: string };

const latinLookalikes: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '€': 'EUR',
  '•': '-',
};

// Most text fields accept only Basic Latin and Latin-1: other letters lose their accents
// (ł → l, ő → o), what is left becomes "?".
const latin = (text: string, max: number): string => {
  const folded = [...text.normalize('NFC')]
    .map((c) => {
      if (c.charCodeAt(0) <= 0xff) return c;
      const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base.length > 0 && [...base].every((b) => b.charCodeAt(0) <= 0xff)) return base;
      return latinLookalikes[c] ?? '?';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return [...folded].slice(0, max).join('').trim();
};
// Codes and units accept plain ASCII only: accents are dropped from their letters.
const basic = (text: string, max: number): string =>
  latin(text, max * 2)
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, max)
    .trim();

/** FNV-1a of a text, as five base-36 characters: the file's progressive from its number. */
export const progressivoOf = (number: string): string => {
  let h = 0x811c9dc5;
  for (const c of number) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 5).toString(36).toUpperCase().padStart(5, '0');
};

/** SdI file name: IT + the transmitter's VAT number + _ + a five-character progressive. */
export const fatturaPaFileName = (vatNumber: string, progressivo: string): string =>
  `IT${vatNumber.replace(/^IT/i, '')}_${progressivo}.xml`;

const sede = (a: EInvoiceAddress): string => {
  const italian = a.country === 'IT';
  // Foreign postal codes do not fit the 5-digit CAP: SdI wants 00000 for them.
  const cap = /^\d{5}$/.test(a.postalCode) ? a.postalCode : '00000';
  return `<Sede>${el('Indirizzo', latin(a.street, 60) || '-')}${el('CAP', cap)}${el('Comune', latin(a.city, 60) || '-')}${italian && /^[A-Z]{2}$/.test(a.province) ? el('Provincia', a.province) : ''}${el('Nazione', a.country)}</Sede>`;
};

// The buyer's tax identity: an Italian VAT number and/or tax code, or a foreign VAT number
// (or a placeholder when a foreign private buyer has none).
const buyerIdentity = (b: EInvoiceBuyer): Result<string> => {
  const country = b.address.country;
  const vat = b.vatNumber.replace(/[^A-Z0-9]/g, '');
  if (country === 'IT') {
    const digits = vat.replace(/^IT/, '');
    // A wrong VAT number would turn a business customer into a private one: refuse it.
    if (digits !== '' && !isValidPartitaIva(digits))
      return fail(
        'fatturapa.buyer_vat_invalid',
        `The VAT number ${b.vatNumber} of ${b.name} is not a valid partita IVA: correct it on the account.`,
        `La partita IVA ${b.vatNumber} di ${b.name} non è valida: correggila nell'anagrafica dell'azienda.`,
        'vatNumber',
      );
    const idIva =
      digits !== ''
        ? `<IdFiscaleIVA>${el('IdPaese', 'IT')}${el('IdCodice', digits)}</IdFiscaleIVA>`
        : '';
    const cf = /^[A-Z0-9]{11,16}$/.test(b.taxCode) ? el('CodiceFiscale', b.taxCode) : '';
    if (idIva === '' && cf === '')
      return fail(
        'fatturapa.buyer_identity_missing',
        `${b.name} needs a valid VAT number or tax code on an Italian e-invoice.`,
        `${b.name} deve avere una partita IVA o un codice fiscale validi nella fattura elettronica.`,
        'vatNumber',
      );
    return ok(idIva + cf);
  }
  const code =
    vat
      .replace(/^(CHE|EIN)/, '')
      .replace(new RegExp(`^${country}`), '')
      .replace(/(MWST|TVA|IVA)$/, '')
      .slice(0, 28) || '99999999999';
  return ok(`<IdFiscaleIVA>${el('IdPaese', country)}${el('IdCodice', code)}</IdFiscaleIVA>`);
};

// Where SdI delivers: the buyer's 7-character code; 0000000 with the PEC; XXXXXXX abroad.
const recipient = (b: EInvoiceBuyer): string => {
  if (b.address.country !== 'IT') return el('CodiceDestinatario', 'XXXXXXX');
  if (/^[A-Z0-9]{7}$/.test(b.sdiCode) && b.sdiCode !== '0000000')
    return el('CodiceDestinatario', b.sdiCode);
  const pec = b.pec.trim();
  return `${el('CodiceDestinatario', '0000000')}${/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(pec) ? el('PECDestinatario', pec) : ''}`;
};

const phone = (text: string): string => {
  // The field holds 5 to 12 characters: an Italian number drops its +39.
  let compact = text.replace(/[^\d+]/g, '');
  if (compact.length > 12 && compact.startsWith('+39')) compact = compact.slice(3);
  return compact.length >= 5 && compact.length <= 12 ? compact : '';
};

const summary = (v: EInvoiceVat, currency: string, exigibility: string): string =>
  `<DatiRiepilogo>${el('AliquotaIVA', percent2(v.rate))}${v.zero ? el('Natura', v.zero.natura) : ''}${el('ImponibileImporto', decimal2(v.base, currency))}${el('Imposta', decimal2(v.tax, currency))}${v.rate > 0 ? el('EsigibilitaIVA', exigibility) : ''}${v.zero ? el('RiferimentoNormativo', latin(v.zero.legalReference, 100)) : ''}</DatiRiepilogo>`;

/**
 * The FatturaPA file of an invoice or credit note. `progressivo` (five letters or digits)
 * names the file and the transmission; by default it derives from the document number.
 */
export const buildFatturaPa = (
  input: EInvoice,
  options: { progressivo?: string } = {},
): Result<FatturaPaFile> => {
  const { seller: s, buyer: b, document: d } = input;
  const consistent = checkConsistency(d);
  if (!consistent.ok) return consistent;
  if (d.number.length > 20 || !/^[\x20-\x7e]+$/.test(d.number))
    return fail(
      'fatturapa.number_too_long',
      `The document number ${d.number} does not fit FatturaPA (at most 20 plain characters).`,
      `Il numero ${d.number} non è ammesso in FatturaPA (al massimo 20 caratteri semplici).`,
      'number',
    );
  if (d.lines.length + d.allowances.length + d.charges.length > 9999)
    return fail(
      'fatturapa.too_many_lines',
      'FatturaPA allows at most 9999 lines.',
      'FatturaPA ammette al massimo 9999 righe.',
      'lines',
    );
  const identity = buyerIdentity(b);
  if (!identity.ok) return identity;
  const progressivo = options.progressivo ?? progressivoOf(d.number);
  if (!/^[A-Za-z0-9]{1,5}$/.test(progressivo))
    return fail(
      'fatturapa.progressivo_invalid',
      'The file progressive has one to five letters or digits.',
      'Il progressivo del file ha da una a cinque lettere o cifre.',
      'progressivo',
    );
  const vatDigits = s.vatNumber.replace(/^IT/, '');
  const c = d.currency;
  const zeroOf = new Map(d.vat.map((v) => [v.rate, v.zero]));
  const natura = (rate: number) => {
    const zero = zeroOf.get(rate);
    return rate === 0 && zero ? el('Natura', zero.natura) : '';
  };

  const rea = s.rea
    ? `<IscrizioneREA>${el('Ufficio', s.rea.office)}${el('NumeroREA', basic(s.rea.number, 20))}${s.rea.shareCapital !== null ? el('CapitaleSociale', decimal2(s.rea.shareCapital, 'EUR')) : ''}${s.rea.soleShareholder ? el('SocioUnico', s.rea.soleShareholder) : ''}${el('StatoLiquidazione', s.rea.liquidation)}</IscrizioneREA>`
    : '';
  const contacts =
    phone(s.phone) || s.email
      ? `<Contatti>${el('Telefono', phone(s.phone))}${el('Email', s.email)}</Contatti>`
      : '';
  const cedente = `<CedentePrestatore><DatiAnagrafici><IdFiscaleIVA>${el('IdPaese', 'IT')}${el('IdCodice', vatDigits)}</IdFiscaleIVA>${el('CodiceFiscale', s.taxCode)}<Anagrafica>${el('Denominazione', latin(s.name, 80))}</Anagrafica>${el('RegimeFiscale', s.taxRegime)}</DatiAnagrafici><Sede>${el('Indirizzo', latin(s.address.street, 60))}${el('NumeroCivico', basic(s.address.streetNumber, 8))}${el('CAP', s.address.postalCode)}${el('Comune', latin(s.address.city, 60))}${el('Provincia', s.address.province)}${el('Nazione', 'IT')}</Sede>${rea}${contacts}</CedentePrestatore>`;
  const cessionario = `<CessionarioCommittente><DatiAnagrafici>${identity.value}<Anagrafica>${el('Denominazione', latin(b.name, 80) || '-')}</Anagrafica></DatiAnagrafici>${sede(b.address)}</CessionarioCommittente>`;

  const causali = d.note.trim() === '' ? '' : el('Causale', latin(d.note, 200));
  const collegate = d.corrects
    ? `<DatiFattureCollegate>${el('IdDocumento', basic(d.corrects.number, 20))}${el('Data', d.corrects.issueDate)}</DatiFattureCollegate>`
    : '';
  const ordine = d.buyerReference.trim()
    ? `<DatiOrdineAcquisto>${el('IdDocumento', basic(d.buyerReference, 20))}</DatiOrdineAcquisto>`
    : '';
  const generali = `<DatiGenerali><DatiGeneraliDocumento>${el('TipoDocumento', d.kind === 'creditNote' ? 'TD04' : 'TD01')}${el('Divisa', c)}${el('Data', d.issueDate)}${el('Numero', d.number)}${el('ImportoTotaleDocumento', decimal2(d.grandTotal, c))}${causali}</DatiGeneraliDocumento>${ordine}${collegate}</DatiGenerali>`;

  let n = 0;
  const lines = d.lines.map((l) => {
    n++;
    // A line discount is stated per unit so PrezzoTotale = (PrezzoUnitario − sconto) × Quantita.
    const perUnit = l.discount !== 0 ? l.discount / 100 / l.quantity : 0;
    const sconto =
      l.discount !== 0
        ? `<ScontoMaggiorazione>${el('Tipo', l.discount > 0 ? 'SC' : 'MG')}${el('Importo', decimalBetween(Math.abs(perUnit), 8))}</ScontoMaggiorazione>`
        : '';
    const article = l.sku.trim()
      ? `<CodiceArticolo>${el('CodiceTipo', 'SKU')}${el('CodiceValore', basic(l.sku, 35))}</CodiceArticolo>`
      : '';
    const description = [l.name, l.description].filter((t) => t.trim() !== '').join(' - ');
    return `<DettaglioLinee>${el('NumeroLinea', String(n))}${article}${el('Descrizione', latin(description, 1000) || '-')}${el('Quantita', decimalBetween(l.quantity, 8))}${el('UnitaMisura', basic(l.unit, 10))}${el('PrezzoUnitario', decimal2(l.unitPrice, c))}${sconto}${el('PrezzoTotale', decimal2(l.amount, c))}${el('AliquotaIVA', percent2(l.vatRate))}${natura(l.vatRate)}</DettaglioLinee>`;
  });
  // The header discount and freight as lines of their own rate, so each rate's taxable base
  // is the sum of its lines, as SdI checks.
  const extra = (kind: 'SC' | 'AC', description: string, rate: number, amount: number): string => {
    n++;
    return `<DettaglioLinee>${el('NumeroLinea', String(n))}${el('TipoCessionePrestazione', kind)}${el('Descrizione', description)}${el('PrezzoUnitario', decimal2(amount, c))}${el('PrezzoTotale', decimal2(amount, c))}${el('AliquotaIVA', percent2(rate))}${natura(rate)}</DettaglioLinee>`;
  };
  const discountLines = d.allowances.map((a) =>
    extra('SC', `Sconto sul documento (IVA ${percent2(a.rate)}%)`, a.rate, -a.amount),
  );
  const freightLines = d.charges.map((ch) => extra('AC', 'Spese di trasporto', ch.rate, ch.amount));
  const riepilogo = d.vat.map((v) => summary(v, c, d.vatExigibility)).join('');
  const beni = `<DatiBeniServizi>${lines.join('')}${discountLines.join('')}${freightLines.join('')}${riepilogo}</DatiBeniServizi>`;

  // Bank transfer (MP05) of the whole amount by the due date; a credit note asks for nothing.
  const pagamento =
    d.kind === 'invoice'
      ? `<DatiPagamento>${el('CondizioniPagamento', 'TP02')}<DettaglioPagamento>${el('Beneficiario', latin(s.name, 200))}${el('ModalitaPagamento', 'MP05')}${d.dueDate ? el('DataScadenzaPagamento', d.dueDate) : ''}${el('ImportoPagamento', decimal2(d.grandTotal, c))}${el('IstitutoFinanziario', latin(s.bank, 80))}${el('IBAN', s.iban)}${el('BIC', s.bic)}</DettaglioPagamento></DatiPagamento>`
      : '';

  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="FPR12" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:p="${FATTURAPA_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><FatturaElettronicaHeader><DatiTrasmissione><IdTrasmittente>${el('IdPaese', 'IT')}${el('IdCodice', vatDigits)}</IdTrasmittente>${el('ProgressivoInvio', progressivo)}${el('FormatoTrasmissione', 'FPR12')}${recipient(b)}</DatiTrasmissione>${cedente}${cessionario}</FatturaElettronicaHeader><FatturaElettronicaBody>${generali}${beni}${pagamento}</FatturaElettronicaBody></p:FatturaElettronica>
`;
  return ok({ fileName: fatturaPaFileName(vatDigits, progressivo), progressivo, xml });
};
