import { describe, expect, it } from 'vitest';
import {
  dateInputPattern,
  formatDate,
  formatDateInput,
  formatMoney,
  formatRate,
  inputToMinor,
  minorToInput,
  parseDateInput,
} from './format';

// Intl output uses non-breaking spaces; normalise them for readable expectations.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatMoney', () => {
  it('formats euro cents in Italian and English', () => {
    // Italian groups thousands only from five digits (CLDR minimum grouping).
    expect(plain(formatMoney(1234567, 'EUR', 'it'))).toBe('12.345,67 €');
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
  });
  it('uses the currency own digits', () => {
    expect(plain(formatMoney(1500, 'JPY', 'en'))).toBe('JP¥1,500');
    expect(formatMoney(1234, 'KWD', 'en')).toContain('1.234');
  });
});

describe('amount input', () => {
  it('reads a typed amount with comma or dot into minor units', () => {
    expect(inputToMinor('12,34', 'EUR')).toBe(1234);
    expect(inputToMinor('12.3', 'EUR')).toBe(1230);
    expect(inputToMinor('1.005', 'EUR')).toBe(101);
    expect(inputToMinor('abc', 'EUR')).toBeNull();
    expect(minorToInput(1234, 'EUR')).toBe('12.34');
  });
});

describe('dates and rates', () => {
  it('formats a calendar date without shifting the day', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
    expect(formatDate('2026-03-01', 'it')).toBe('1 mar 2026');
  });
  it('formats basis points as a percentage', () => {
    expect(formatRate(2200, 'en')).toBe('22%');
  });
});

describe('date input', () => {
  it('shows and reads days first in both languages, like the lists', () => {
    expect(formatDateInput('2027-03-31')).toBe('31/03/2027');
    expect(formatDateInput(null)).toBe('');
    expect(dateInputPattern('en')).toBe('dd/mm/yyyy');
    expect(dateInputPattern('it')).toBe('gg/mm/aaaa');
    // The list shows the same day, month and year order.
    expect(formatDate('2027-03-31', 'en')).toBe('31 Mar 2027');
  });

  it('reads typed days and refuses days that do not exist', () => {
    expect(parseDateInput('31/03/2027')).toBe('2027-03-31');
    expect(parseDateInput(' 1/3/2027 ')).toBe('2027-03-01');
    expect(parseDateInput('01.03.2027')).toBe('2027-03-01');
    expect(parseDateInput('2027-03-01')).toBe('2027-03-01');
    expect(parseDateInput('')).toBe('');
    expect(parseDateInput('03/31/2027')).toBeNull();
    expect(parseDateInput('29/02/2027')).toBeNull();
    expect(parseDateInput('tomorrow')).toBeNull();
  });
});
