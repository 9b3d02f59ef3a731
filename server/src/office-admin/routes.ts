// /api/admin/…: the administration screens' endpoints. Admin role only (403 for everyone
// else); every change goes through the same checks as the command line and is audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuditEntryView,
  CatalogImportRefusal,
  CatalogImportRequest,
  CurrencyRequest,
  ExchangeRateRequest,
  NewUserRequest,
  PriceChangeRequest,
  VatRateRequest,
} from '../../../shared/office/admin-api';
import { auditPageSize } from '../../../shared/office/admin-api';
import { requirePrincipal } from '../auth/routes';
import { ApiFailure } from '../errors';
import { OfficeError } from '../office';
import type { Storage } from '../storage/types';
import type { AdminActor } from './audit';
import { adminCatalog, adminImportCatalog, adminSetPrice } from './catalog';
import { adminCompany, adminSetCompany } from './company';
import { adminRevokeDevice, listAdminDevices } from './devices';
import {
  adminRefdata,
  adminSetCurrency,
  adminSetExchangeRate,
  adminSetVatRate,
} from './reference-data';
import { adminSchemas as s } from './schemas';
import {
  adminAddTeam,
  adminAddUser,
  adminDisableTeam,
  adminResetPassword,
  adminSetRole,
  adminSetTeam,
  adminSetUserDisabled,
  listAdminTeams,
  listAdminUsers,
} from './users';

/** The signed-in admin, or 401 (not signed in) / 403 (another role). */
export const requireAdmin = async (
  storage: Storage,
  request: FastifyRequest,
): Promise<AdminActor> => {
  const { user } = await requirePrincipal(storage, request);
  if (user.role !== 'admin')
    throw new ApiFailure(403, 'forbidden', {
      en: 'Only an administrator can do this.',
      it: 'Solo un amministratore può farlo.',
    });
  return { id: user.id, email: user.email };
};

/** A refused admin action answers 400 with its plain words, never 5xx. */
const checked = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    if (err instanceof OfficeError) throw new ApiFailure(400, 'bad_request', err.messages);
    throw err;
  }
};

type Id = { Params: { id: string } };

export const registerOfficeAdminRoutes = (app: FastifyInstance, storage: Storage): void => {
  const admin = (request: FastifyRequest) => requireAdmin(storage, request);

  app.get('/api/admin/users', async (request) => {
    await admin(request);
    return listAdminUsers(storage);
  });
  app.post<{ Body: NewUserRequest }>(
    '/api/admin/users',
    { schema: { body: s.newUser } },
    async (request, reply) => {
      const actor = await admin(request);
      const user = await checked(() => adminAddUser(storage, actor, request.body));
      void reply.status(201);
      return (await listAdminUsers(storage)).find((u) => u.id === user.id);
    },
  );
  app.put<Id & { Body: { role: string } }>(
    '/api/admin/users/:id/role',
    { schema: { params: s.id, body: s.role } },
    async (request) => {
      const actor = await admin(request);
      await checked(() => adminSetRole(storage, actor, request.params.id, request.body.role));
      return { ok: true };
    },
  );
  app.put<Id & { Body: { team: string | null } }>(
    '/api/admin/users/:id/team',
    { schema: { params: s.id, body: s.team } },
    async (request) => {
      const actor = await admin(request);
      await checked(() => adminSetTeam(storage, actor, request.params.id, request.body.team));
      return { ok: true };
    },
  );
  app.put<Id & { Body: { password: string } }>(
    '/api/admin/users/:id/password',
    { schema: { params: s.id, body: s.password } },
    async (request) => {
      const actor = await admin(request);
      await checked(() =>
        adminResetPassword(storage, actor, request.params.id, request.body.password),
      );
      return { ok: true };
    },
  );
  app.put<Id & { Body: { disabled: boolean } }>(
    '/api/admin/users/:id/disabled',
    { schema: { params: s.id, body: s.disabled } },
    async (request) => {
      const actor = await admin(request);
      await checked(() =>
        adminSetUserDisabled(storage, actor, request.params.id, request.body.disabled),
      );
      return { ok: true };
    },
  );

  app.get('/api/admin/teams', async (request) => {
    await admin(request);
    return listAdminTeams(storage);
  });
  app.post<{ Body: { name: string } }>(
    '/api/admin/teams',
    { schema: { body: s.name } },
    async (request) => {
      const actor = await admin(request);
      return checked(() => adminAddTeam(storage, actor, request.body.name));
    },
  );
  app.post<{ Body: { name: string } }>(
    '/api/admin/teams/disable',
    { schema: { body: s.name } },
    async (request) => {
      const actor = await admin(request);
      const members = await checked(() => adminDisableTeam(storage, actor, request.body.name));
      return { disabledMembers: members.length };
    },
  );

  app.get('/api/admin/devices', async (request) => {
    await admin(request);
    return listAdminDevices(storage);
  });
  app.post<Id>('/api/admin/devices/:id/revoke', { schema: { params: s.id } }, async (request) => {
    const actor = await admin(request);
    return checked(() => adminRevokeDevice(storage, actor, request.params.id));
  });

  app.get('/api/admin/catalog', async (request) => {
    await admin(request);
    return adminCatalog(storage);
  });
  app.put<{ Body: PriceChangeRequest }>(
    '/api/admin/catalog/prices',
    { schema: { body: s.price } },
    async (request) => {
      const actor = await admin(request);
      return checked(() => adminSetPrice(storage, actor, request.body));
    },
  );
  app.post<{ Body: CatalogImportRequest }>(
    '/api/admin/catalog/import',
    { schema: { body: s.csv } },
    async (request, reply: FastifyReply) => {
      const actor = await admin(request);
      const report = await checked(() => adminImportCatalog(storage, actor, request.body.csv));
      if (report.lines.length === 0)
        return { products: report.products, priceLists: report.priceLists };
      const refusal: CatalogImportRefusal = {
        code: 'bad_request',
        message: 'Nothing was imported; fix these lines and try again.',
        messages: {
          en: 'Nothing was imported; fix these lines and try again.',
          it: 'Non è stato importato nulla; correggi queste righe e riprova.',
        },
        lines: report.lines,
      };
      return reply.status(400).send(refusal);
    },
  );

  app.get('/api/admin/refdata', async (request) => {
    await admin(request);
    return adminRefdata(storage);
  });
  app.put<{ Params: { code: string }; Body: CurrencyRequest }>(
    '/api/admin/currencies/:code',
    { schema: { params: s.code, body: s.currency } },
    async (request) => {
      const actor = await admin(request);
      return checked(() => adminSetCurrency(storage, actor, request.params.code, request.body));
    },
  );
  app.put<{ Params: { code: string }; Body: ExchangeRateRequest }>(
    '/api/admin/exchange-rates/:code',
    { schema: { params: s.code, body: s.exchangeRate } },
    async (request) => {
      const actor = await admin(request);
      return checked(() => adminSetExchangeRate(storage, actor, request.params.code, request.body));
    },
  );
  app.put<{ Params: { rate: string }; Body: VatRateRequest }>(
    '/api/admin/vat-rates/:rate',
    { schema: { params: s.rate, body: s.vatRate } },
    async (request) => {
      const actor = await admin(request);
      return checked(() =>
        adminSetVatRate(storage, actor, Number(request.params.rate), request.body),
      );
    },
  );

  app.get('/api/admin/company', async (request) => {
    await admin(request);
    return { company: await adminCompany(storage) };
  });
  app.put<{ Body: unknown }>(
    '/api/admin/company',
    { schema: { body: s.company } },
    async (request) => {
      const actor = await admin(request);
      return { company: await checked(() => adminSetCompany(storage, actor, request.body)) };
    },
  );

  app.get<{ Querystring: { before?: string } }>(
    '/api/admin/audit',
    { schema: { querystring: s.auditQuery } },
    async (request) => {
      await admin(request);
      const entries = await storage.office.listAudit({
        limit: auditPageSize,
        ...(request.query.before === undefined ? {} : { before: request.query.before }),
      });
      return entries.map((e): AuditEntryView => ({
        id: e.id,
        at: e.at,
        actorId: e.actorId,
        actorEmail: e.actorEmail,
        action: e.action as AuditEntryView['action'],
        target: e.target,
        before: e.before,
        after: e.after,
      }));
    },
  );
};
