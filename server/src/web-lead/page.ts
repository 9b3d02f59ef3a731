// The opt-in page as plain HTML: no script at all, one same-origin stylesheet, every value
// escaped. The consent box is never pre-ticked, not even when the form comes back with an error.
import type { Locale } from '../../../shared/domain/errors';
import type { PageError } from './texts';
import { pageTexts } from './texts';

export type FormValues = {
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  phone: string;
  message: string;
};

export const emptyValues: FormValues = {
  firstName: '',
  lastName: '',
  company: '',
  email: '',
  phone: '',
  message: '',
};

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const shell = (locale: Locale, title: string, body: string): string => `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/optin/form.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

export type FormPage = {
  locale: Locale;
  companyName: string | null;
  wording: string;
  wordingVersion: string;
  values: FormValues;
  error: PageError | null;
  /** Passed through from the link, e.g. the campaign page the form sits on. */
  sourceDetail: string;
};

export const renderForm = (p: FormPage): string => {
  const t = pageTexts[p.locale];
  const other: Locale = p.locale === 'it' ? 'en' : 'it';
  const field = (name: keyof FormValues, label: string, type: string, required = false) => `
<p class="field">
<label for="${name}">${escapeHtml(label)}${required ? ` <small>(${t.required})</small>` : ''}</label>
<input id="${name}" name="${name}" type="${type}" value="${escapeHtml(p.values[name])}" maxlength="${name === 'company' ? 200 : name === 'email' ? 254 : name === 'phone' ? 40 : 100}"${required ? ' required' : ''}${type === 'email' ? ' autocomplete="email"' : ''}>
</p>`;
  const heading = p.companyName ? `${escapeHtml(p.companyName)} · ${t.title}` : t.title;
  const body = `<p class="lang"><a href="/optin?lang=${other}" hreflang="${other}" lang="${other}">${t.otherLanguage}</a></p>
<h1>${heading}</h1>
<p>${t.intro}</p>
${p.error ? `<p class="error" role="alert">${escapeHtml(t.errors[p.error])}</p>` : ''}
<form method="post" action="/optin" accept-charset="utf-8" aria-label="${escapeHtml(t.title)}">
<input type="hidden" name="lang" value="${p.locale}">
<input type="hidden" name="v" value="${escapeHtml(p.wordingVersion)}">
<input type="hidden" name="src" value="${escapeHtml(p.sourceDetail)}">
${field('firstName', t.firstName, 'text')}
${field('lastName', t.lastName, 'text')}
${field('company', t.company, 'text')}
${field('email', t.email, 'email', true)}
${field('phone', t.phone, 'tel')}
<p class="field">
<label for="message">${escapeHtml(t.message)}</label>
<textarea id="message" name="message" rows="4" maxlength="2000">${escapeHtml(p.values.message)}</textarea>
</p>
<p class="trap" aria-hidden="true">
<label for="homepage">${escapeHtml(t.honeypot)}</label>
<input id="homepage" name="homepage" type="text" tabindex="-1" autocomplete="off" value="">
</p>
<fieldset>
<legend>${escapeHtml(t.consentHeading)}</legend>
<p class="consent"><input id="consent" name="consent" type="checkbox" value="yes" required>
<label for="consent">${escapeHtml(p.wording)}</label></p>
</fieldset>
<p><button type="submit">${escapeHtml(t.submit)}</button></p>
</form>`;
  return shell(p.locale, t.title, body);
};

export const renderThanks = (locale: Locale, companyName: string | null): string => {
  const t = pageTexts[locale];
  const heading = companyName ? `${escapeHtml(companyName)} · ${t.thanksTitle}` : t.thanksTitle;
  return shell(locale, t.thanksTitle, `<h1>${heading}</h1>\n<p role="status">${t.thanks}</p>`);
};

export const formCss = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f5f6f8;color:#1b2330}
main{max-width:34rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem}.lang{float:right;margin:0}
.field label{display:block;font-weight:600;font-size:.9rem;margin-bottom:.2rem}
input[type=text],input[type=email],input[type=tel],textarea{width:100%;box-sizing:border-box;padding:.45rem;border:1px solid #b8c0cc;border-radius:4px;font:inherit}
fieldset{border:1px solid #d5dae1;border-radius:4px}.consent{display:flex;gap:.5rem;align-items:flex-start}
button{background:#1d5fc8;color:#fff;border:0;border-radius:4px;padding:.55rem 1.3rem;font:inherit;cursor:pointer}
.error{background:#fdecec;color:#8a1c1c;padding:.6rem;border-radius:4px}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
small{font-weight:400;color:#5b6677}
`;
