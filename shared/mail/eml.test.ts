import { describe, expect, it } from 'vitest';
import { parseAddress, parseEml } from './eml';

const bytes = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('parseEml', () => {
  it('reads a plain message with an RFC 2047 sender and subject', () => {
    const mail = parseEml(
      bytes(
        [
          'From: =?UTF-8?Q?Nicol=C3=B2_Bianchi?= <Nicolo.Bianchi@Example.IT>',
          'Subject: =?UTF-8?B?UmljaGllc3RhIGluZm9ybWF6aW9uaSDigJMgY2FmZsOo?=',
          'Date: Mon, 30 Nov 2026 10:15:00 +0100',
          'Message-ID: <abc@example.it>',
          '',
          'Buongiorno,',
          'vorrei un preventivo.',
        ].join('\r\n'),
      ),
    );
    expect(mail.from).toEqual({ name: 'Nicolò Bianchi', address: 'nicolo.bianchi@example.it' });
    expect(mail.subject).toBe('Richiesta informazioni – caffè');
    expect(mail.date).toBe('2026-11-30T09:15:00.000Z');
    expect(mail.messageId).toBe('abc@example.it');
    expect(mail.body).toBe('Buongiorno,\nvorrei un preventivo.');
  });

  it('prefers text/plain in multipart/alternative and decodes quoted-printable in its charset', () => {
    const mail = parseEml(
      latin1(
        [
          'From: "Rossi, Maria" <maria@rossi.example>',
          'Subject: =?iso-8859-1?Q?Offerta_per_la_fiera?=',
          'Content-Type: multipart/alternative; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<p>HTML version</p>',
          '--b1',
          'Content-Type: text/plain; charset=iso-8859-1',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'Perch=E9 no? Un caff=E8 =',
          'insieme.',
          '--b1--',
        ].join('\r\n'),
      ),
    );
    expect(mail.from).toEqual({ name: 'Rossi, Maria', address: 'maria@rossi.example' });
    expect(mail.subject).toBe('Offerta per la fiera');
    expect(mail.body).toBe('Perché no? Un caffè insieme.');
  });

  it('finds a base64 HTML body inside multipart/mixed and skips attachments', () => {
    const html = btoa('<html><body><p>Hello &amp; welcome</p><p>Line two</p></body></html>');
    const mail = parseEml(
      bytes(
        [
          'From: sales@example.com',
          'Subject: Enquiry',
          'Content-Type: multipart/mixed; boundary=outer',
          '',
          '--outer',
          'Content-Type: multipart/alternative; boundary=inner',
          '',
          '--inner',
          'Content-Type: text/html; charset=utf-8',
          'Content-Transfer-Encoding: base64',
          '',
          html,
          '--inner--',
          '--outer',
          'Content-Type: text/plain',
          'Content-Disposition: attachment; filename="a.txt"',
          '',
          'attachment text',
          '--outer--',
        ].join('\n'),
      ),
    );
    expect(mail.from).toEqual({ name: '', address: 'sales@example.com' });
    expect(mail.body).toBe('Hello & welcome\nLine two');
    expect(mail.date).toBeNull();
  });

  it('unfolds long headers and joins adjacent encoded words', () => {
    const mail = parseEml(
      bytes('From: a@b.it\r\nSubject: =?utf-8?q?Prima?=\r\n =?utf-8?q?_parte?= e seconda\r\n\r\nx'),
    );
    expect(mail.subject).toBe('Prima parte e seconda');
  });

  it('gives no sender for a file that is not a message', () => {
    expect(parseEml(bytes('just some text')).from).toBeNull();
  });
});

describe('parseAddress', () => {
  it('reads the usual forms', () => {
    expect(parseAddress('Anna <anna@x.it>')).toEqual({ name: 'Anna', address: 'anna@x.it' });
    expect(parseAddress('anna@x.it (Anna Verdi)')).toEqual({
      name: 'Anna Verdi',
      address: 'anna@x.it',
    });
    expect(parseAddress('no address here')).toBeNull();
  });
});
