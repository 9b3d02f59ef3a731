// The public web opt-in page (DESIGN.md §1 server): GET /optin shows the form, POST /optin
// takes it. No sign-in; a strict CSP of its own with no script; a honeypot and a per-address
// rate limit instead of a third-party captcha; bad input gets the form back with a 4xx, never a 5xx.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/domain/errors';
import { FloodGuard } from './flood-guard';
import type { FloodLimit } from './flood-guard';
import type { Storage } from '../storage/types';
import { captureWebLead } from './capture';
import type { FormValues } from './page';
import { emptyValues, formCss, renderForm, renderThanks } from './page';
import { readWebFormSettings } from './settings';
import type { PageError } from './texts';
import { identityFor } from './texts';

export type WebLeadOptions = {
  storage: Storage;
  dataDir: string;
  rateLimit: FloodLimit;
};

const limits: Record<keyof FormValues, number> = {
  firstName: 100,
  lastName: 100,
  company: 200,
  email: 254,
  phone: 40,
  message: 2000,
};

const versionOf = (wording: string) =>
  createHash('sha256').update(wording).digest('hex').slice(0, 16);

const localeOf = (request: FastifyRequest, asked: unknown): Locale => {
  if (asked === 'it' || asked === 'en') return asked;
  return /^it\b/i.test(request.headers['accept-language'] ?? '') ? 'it' : 'en';
};

const formFields = (body: unknown): URLSearchParams =>
  typeof body === 'string' ? new URLSearchParams(body) : new URLSearchParams();

// Control characters (other than line breaks in the message) never belong in a contact's data.
const clean = (value: string, multiline: boolean) =>
  Array.from(value.replace(/\r\n/g, '\n'), (ch) => {
    const code = ch.charCodeAt(0);
    const control = code < 0x20 || code === 0x7f;
    return control && !(multiline && ch === '\n') ? ' ' : ch;
  })
    .join('')
    .trim();

export const registerWebLeadRoutes = (app: FastifyInstance, options: WebLeadOptions): void => {
  const limiter = new FloodGuard(options.rateLimit);

  const send = (reply: FastifyReply, status: number, html: string) => {
    const embed = readWebFormSettings(options.dataDir).embedOrigins;
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'${embed.map((o) => ` ${o}`).join('')}`,
      )
      .header('referrer-policy', 'no-referrer')
      .send(html);
  };

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, done) => done(null, body),
    );

    scope.get('/optin/form.css', async (_request, reply) =>
      reply.header('content-type', 'text/css; charset=utf-8').send(formCss),
    );

    scope.get('/optin', async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const locale = localeOf(request, query.lang);
      const identity = await identityFor(options.storage, locale);
      const src = typeof query.source === 'string' ? clean(query.source, false).slice(0, 200) : '';
      return send(
        reply,
        200,
        renderForm({
          locale,
          companyName: identity.name,
          wording: identity.wording,
          wordingVersion: versionOf(identity.wording),
          values: emptyValues,
          error: null,
          sourceDetail: src,
        }),
      );
    });

    scope.post('/optin', async (request, reply) => {
      const form = formFields(request.body);
      const locale = localeOf(request, form.get('lang'));
      const identity = await identityFor(options.storage, locale);
      const values = Object.fromEntries(
        (Object.keys(limits) as (keyof FormValues)[]).map((k) => [
          k,
          clean(form.get(k) ?? '', k === 'message'),
        ]),
      ) as FormValues;
      const sourceDetail = clean(form.get('src') ?? '', false).slice(0, 200);
      const again = (status: number, error: PageError) =>
        send(
          reply,
          status,
          renderForm({
            locale,
            companyName: identity.name,
            wording: identity.wording,
            wordingVersion: versionOf(identity.wording),
            values,
            error,
            sourceDetail,
          }),
        );

      // Every submission counts, so a flood is stopped whatever it sends.
      const address = request.ip;
      const wait = limiter.retryAfter(address);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        return again(429, 'tooMany');
      }
      limiter.fail(address);
      // A filled honeypot is a robot: it is thanked and nothing is kept.
      if ((form.get('homepage') ?? '') !== '')
        return send(reply, 200, renderThanks(locale, identity.name));
      if ((Object.keys(limits) as (keyof FormValues)[]).some((k) => values[k].length > limits[k]))
        return again(400, 'tooLong');
      if (form.get('consent') !== 'yes') return again(400, 'consent');
      // The visitor agreed to the text they saw: if it changed since, they must see the new one.
      if (form.get('v') !== versionOf(identity.wording)) return again(409, 'changed');
      if (values.email === '') return again(400, 'email');
      if (!values.firstName && !values.lastName && !values.company) return again(400, 'name');
      const settings = readWebFormSettings(options.dataDir);
      const captured = await captureWebLead(options.storage, settings, {
        values,
        locale,
        wording: identity.wording,
        sourceDetail,
        address,
        userAgent: request.headers['user-agent'] ?? '',
      });
      if (!captured.ok) {
        if (captured.error.code === 'web_form.unavailable') return again(503, 'unavailable');
        return again(400, captured.error.code === 'input.email_invalid' ? 'emailInvalid' : 'name');
      }
      return send(reply, 200, renderThanks(locale, identity.name));
    });
  });
};
