// CSV as spreadsheets and CRMs write it (RFC 4180): quoted fields with doubled quotes and line
// breaks inside, CRLF or LF, a byte-order mark, and "," ";" or tab chosen by the header line.

export type CsvRow = {
  /** The file's line number where this row starts (the header is line 1). */
  line: number;
  cells: string[];
};

export type CsvTable = { delimiter: string; headers: string[]; rows: CsvRow[] };

/** The delimiter used most outside quotes on the first line. */
export const detectDelimiter = (text: string): string => {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === candidate && !quoted) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
};

/** Every record of a CSV text, with the line it starts on. Blank lines are skipped. */
export const parseCsvRecords = (input: string, delimiter = detectDelimiter(input)): CsvRow[] => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let touched = false;
  const endRow = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      touched = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0 || touched) endRow();
  return rows;
};

/** A CSV file as headers and data rows. */
export const parseCsv = (text: string): CsvTable => {
  const delimiter = detectDelimiter(text);
  const [header, ...rows] = parseCsvRecords(text, delimiter);
  return { delimiter, headers: (header?.cells ?? []).map((h) => h.trim()), rows };
};

const needsQuotes = (value: string, delimiter: string) =>
  value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value);

// A spreadsheet runs a cell starting with = + - @ as a formula: prefix it so it stays text
// (a phone number such as "+39 02 1234" is left as it is).
const defused = (value: string) =>
  /^[=+\-@\t\r]/.test(value) && !/^[+-]?[\d\s()./-]+$/.test(value) ? `'${value}` : value;

/** Writes rows as CSV with CRLF line ends, quoting only where needed. */
export const formatCsv = (rows: readonly (readonly string[])[], delimiter = ','): string =>
  rows
    .map((row) =>
      row
        .map((raw) => {
          const value = defused(raw);
          return needsQuotes(value, delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
        })
        .join(delimiter),
    )
    .join('\r\n') + '\r\n';
