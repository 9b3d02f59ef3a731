// /api/admin/…: the administration screens' endpoints. Admin role only (403 for everyone
// else); every change goes through the same checks as the command line and is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditEntryView, CatalogImportRefusal } from '../../../shared/office/admin-api';
import { auditPageSize } from '../../../shared/office/admin-api';
import { adminEndpoints as api } from '../../../shared/sync/api-endpoints';
import { apiRoute } from '../api-route';
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

export const registerOfficeAdminRoutes = (app: FastifyInstance, storage: Storage): void => {
  const admin = (request: FastifyRequest) => requireAdmin(storage, request);

  apiRoute(app, api.users, async (request) => {
    await admin(request);
    return listAdminUsers(storage);
  });
  apiRoute(app, api.addUser, async (request, reply) => {
    const actor = await admin(request);
    const user = await checked(() => adminAddUser(storage, actor, request.body));
    const added = (await listAdminUsers(storage)).find((u) => u.id === user.id);
    if (added === undefined) throw new Error(`The user ${user.id} was added but is not listed.`);
    void reply.status(201);
    return added;
  });
  apiRoute(app, api.setRole, async (request) => {
    const actor = await admin(request);
    await checked(() => adminSetRole(storage, actor, request.params.id, request.body.role));
    return { ok: true as const };
  });
  apiRoute(app, api.setTeam, async (request) => {
    const actor = await admin(request);
    await checked(() => adminSetTeam(storage, actor, request.params.id, request.body.team));
    return { ok: true as const };
  });
  apiRoute(app, api.resetPassword, async (request) => {
    const actor = await admin(request);
    await checked(() =>
      adminResetPassword(storage, actor, request.params.id, request.body.password),
    );
    return { ok: true as const };
  });
  apiRoute(app, api.setDisabled, async (request) => {
    const actor = await admin(request);
    await checked(() =>
      adminSetUserDisabled(storage, actor, request.params.id, request.body.disabled),
    );
    return { ok: true as const };
  });

  apiRoute(app, api.teams, async (request) => {
    await admin(request);
    return listAdminTeams(storage);
  });
  apiRoute(app, api.addTeam, async (request) => {
    const actor = await admin(request);
    return checked(() => adminAddTeam(storage, actor, request.body.name));
  });
  apiRoute(app, api.disableTeam, async (request) => {
    const actor = await admin(request);
    const members = await checked(() => adminDisableTeam(storage, actor, request.body.name));
    return { disabledMembers: members.length };
  });

  apiRoute(app, api.devices, async (request) => {
    await admin(request);
    return listAdminDevices(storage);
  });
  apiRoute(app, api.revokeDevice, async (request) => {
    const actor = await admin(request);
    return checked(() => adminRevokeDevice(storage, actor, request.params.id));
  });

  apiRoute(app, api.catalog, async (request) => {
    await admin(request);
    return adminCatalog(storage);
  });
  apiRoute(app, api.setPrice, async (request) => {
    const actor = await admin(request);
    return checked(() => adminSetPrice(storage, actor, request.body));
  });
  apiRoute(app, api.importCatalog, async (request, reply) => {
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
  });

  apiRoute(app, api.refdata, async (request) => {
    await admin(request);
    return adminRefdata(storage);
  });
  apiRoute(app, api.setCurrency, async (request) => {
    const actor = await admin(request);
    return checked(() => adminSetCurrency(storage, actor, request.params.code, request.body));
  });
  apiRoute(app, api.setExchangeRate, async (request) => {
    const actor = await admin(request);
    return checked(() => adminSetExchangeRate(storage, actor, request.params.code, request.body));
  });
  apiRoute(app, api.setVatRate, async (request) => {
    const actor = await admin(request);
    return checked(() =>
      adminSetVatRate(storage, actor, Number(request.params.rate), request.body),
    );
  });

  apiRoute(app, api.company, async (request) => {
    await admin(request);
    return { company: await adminCompany(storage) };
  });
  apiRoute(app, api.setCompany, async (request) => {
    const actor = await admin(request);
    return { company: await checked(() => adminSetCompany(storage, actor, request.body)) };
  });

  apiRoute(app, api.audit, async (request) => {
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
  });
};
