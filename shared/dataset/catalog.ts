// The office's catalog: industrial and office products with SKUs, units and Italian VAT
// rates (22% ordinary, 10% and 4% reduced), priced in a EUR and a USD price list.
import type { PriceList, Product } from '../domain/records';
import { words } from '../domain/search';
import { audit, newId } from './common';
import type { Rng } from './prng';

// [sku, name, description, unit, family, VAT bp, EUR price in cents, active]
type CatalogEntry = readonly [string, string, string, string, string, number, number, boolean];

// prettier-ignore
const entries: readonly CatalogEntry[] = [
  ['MEC-TP-2500', 'Transpallet manuale 2500 kg', 'Forche 1150 mm, ruote in poliuretano', 'pz', 'Movimentazione', 2200, 38900, true],
  ['MEC-SCF-200', 'Scaffalatura metallica 200×100×50', 'Portata 250 kg per ripiano, 5 ripiani', 'pz', 'Magazzino', 2200, 14950, true],
  ['MEC-CAR-08', 'Carrello portautensili 8 cassetti', 'Serratura centralizzata, piano in ABS', 'pz', 'Attrezzatura', 2200, 42500, true],
  ['MEC-CHN-16', 'Chiave dinamometrica 1/2" 40–200 Nm', 'Certificato di taratura incluso', 'pz', 'Attrezzatura', 2200, 18990, true],
  ['AUT-PLC-S7', 'Controllore PLC compatto 24 I/O', 'Ethernet industriale, 24 V DC', 'pz', 'Automazione', 2200, 86000, true],
  ['AUT-SNS-IND', 'Sensore induttivo M18', 'Distanza 8 mm, PNP NA, connettore M12', 'pz', 'Automazione', 2200, 3450, true],
  ['AUT-HMI-07', 'Pannello operatore HMI 7"', 'Touch screen, Profinet', 'pz', 'Automazione', 2200, 64900, true],
  ['AUT-CAV-M12', 'Cavo M12 4 poli schermato', 'Guaina PUR, al metro', 'm', 'Automazione', 2200, 385, true],
  ['AUT-INV-22', 'Inverter 2,2 kW trifase', 'Filtro EMC integrato', 'pz', 'Automazione', 2200, 41200, true],
  ['ELE-QDR-24', 'Quadro elettrico 24 moduli IP65', 'Porta trasparente, guida DIN', 'pz', 'Elettrico', 2200, 12800, true],
  ['ELE-CAV-FG16', 'Cavo FG16OR16 3G2,5', 'Cavo per posa fissa, al metro', 'm', 'Elettrico', 2200, 245, true],
  ['ELE-LED-150', 'Plafoniera LED industriale 150 W', '21.000 lm, IP65', 'pz', 'Illuminazione', 2200, 15900, true],
  ['SIC-GNT-NIT', 'Guanti in nitrile (conf. 100)', 'Senza polvere, taglia L', 'conf.', 'Sicurezza', 2200, 1290, true],
  ['SIC-SCP-S3', 'Scarpe antinfortunistiche S3', 'Puntale in composito', 'paio', 'Sicurezza', 2200, 7900, true],
  ['SIC-ELM-01', 'Elmetto di protezione EN 397', 'Regolazione a cremagliera', 'pz', 'Sicurezza', 2200, 1650, true],
  ['CON-OLI-20', 'Olio idraulico ISO VG 46', 'Tanica da 20 litri', 'l', 'Consumabili', 2200, 420, true],
  ['CON-GRS-400', 'Grasso al litio (cartuccia 400 g)', 'Per cuscinetti e guide', 'pz', 'Consumabili', 2200, 690, true],
  ['CON-ACC-KG', 'Minuteria in acciaio inox', 'Viti e dadi assortiti, a peso', 'kg', 'Consumabili', 2200, 2890, true],
  ['UFF-SED-ERG', 'Sedia ergonomica da ufficio', 'Supporto lombare, braccioli 4D', 'pz', 'Arredo ufficio', 2200, 12990, true],
  ['UFF-SCR-160', 'Scrivania operativa 160×80', 'Gambe regolabili in altezza', 'pz', 'Arredo ufficio', 2200, 24900, true],
  ['UFF-CAS-03', 'Cassettiera su ruote 3 cassetti', 'Serratura, finitura rovere', 'pz', 'Arredo ufficio', 2200, 11900, true],
  ['UFF-CAR-A4', 'Carta A4 80 g (risma 500 fogli)', 'Certificata FSC', 'risma', 'Cancelleria', 2200, 499, true],
  ['UFF-TON-05', 'Toner nero compatibile', 'Resa 5.000 pagine', 'pz', 'Cancelleria', 2200, 5490, true],
  ['UFF-MON-27', 'Monitor 27" QHD', 'USB-C con alimentazione 65 W', 'pz', 'Informatica', 2200, 32900, true],
  ['UFF-NB-14', 'Notebook 14" professionale', '16 GB RAM, SSD 512 GB', 'pz', 'Informatica', 2200, 119000, true],
  ['LIB-MAN-SIC', 'Manuale sicurezza sul lavoro (D.Lgs. 81/08)', 'Edizione 2026, 640 pagine', 'copia', 'Editoria', 400, 4800, true],
  ['LIB-NOR-MAC', 'Guida alla Direttiva Macchine', 'Volume tecnico rilegato', 'copia', 'Editoria', 400, 6500, true],
  ['ALI-CAF-1KG', 'Caffè in grani miscela bar (1 kg)', 'Per distributori e sale break', 'kg', 'Food service', 1000, 1890, true],
  ['ALI-ACQ-24', 'Acqua minerale 0,5 l (pacco 24)', 'Per sale riunioni e fiere', 'conf.', 'Food service', 1000, 690, true],
  ['SRV-CAT-FIE', 'Servizio catering stand fiera', 'Per persona, pranzo a buffet', 'pz', 'Servizi', 1000, 2800, true],
  ['SRV-INS-H', 'Installazione e messa in servizio', 'Tecnico specializzato, a ore', 'h', 'Servizi', 2200, 6500, true],
  ['SRV-FOR-GG', 'Corso di formazione operatori', 'Giornata in aula, max 10 persone', 'gg', 'Servizi', 2200, 95000, true],
  ['SRV-MAN-ANN', 'Contratto di manutenzione annuale', 'Due visite programmate, ricambi esclusi', 'anno', 'Servizi', 2200, 180000, true],
  ['MEC-TP-2000', 'Transpallet manuale 2000 kg (fuori produzione)', 'Sostituito da MEC-TP-2500', 'pz', 'Movimentazione', 2200, 32900, false],
  ['UFF-TON-03', 'Toner nero compatibile 3.000 pagine', 'Fuori catalogo', 'pz', 'Cancelleria', 2200, 3990, false],
];

/** Dollar prices: converted from the euro list at a round commercial rate. */
const USD_PER_EUR_LIST = 1.1;

export type Catalog = { products: Product[]; priceLists: PriceList[] };

export const generateCatalog = (rng: Rng, officeUserId: string, nowMs: number): Catalog => {
  const createdMs = nowMs - 330 * 86_400_000;
  const products = entries.map(
    ([sku, name, description, unit, family, vatRate, , active]): Product => ({
      ...audit(newId(rng, createdMs), officeUserId, createdMs),
      sku,
      name,
      description,
      unit,
      family,
      vatRate,
      active,
      searchTerms: [...new Set([...words(sku), ...words(name), ...words(family)])].slice(0, 40),
    }),
  );
  const year = new Date(nowMs).getUTCFullYear();
  const list = (name: string, currency: string, factor: number): PriceList => ({
    ...audit(newId(rng, createdMs), officeUserId, createdMs),
    name,
    currency,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    items: products.map((product, i) => ({
      id: newId(rng, createdMs),
      productId: product.id,
      unit: product.unit,
      // Round list prices to whole ten cents: price lists are typed by people.
      unitPrice: Math.round(((entries[i]?.[6] ?? 0) * factor) / 10) * 10,
    })),
  });
  return {
    products,
    priceLists: [
      list(`Listino Italia ${year}`, 'EUR', 1),
      list(`Export Price List ${year} (USD)`, 'USD', USD_PER_EUR_LIST),
      list(`Listino Rivenditori ${year}`, 'EUR', 0.85),
    ],
  };
};
