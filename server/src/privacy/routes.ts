// The office's GDPR requests over the API (admin role only): erasure and subject access
// export. Bodies, not query strings, carry the person's identifiers, so they stay out of
// access logs.
import type { FastifyInstance } from 'fastify';
import { adminEndpoints as api } from '../../../shared/sync/api-endpoints';
import { apiRoute } from '../api-route';
import { requirePrincipal } from '../auth/routes';
import { describeErasure, erasePerson } from '../erase';
import { ApiFailure } from '../errors';
import type { Storage } from '../storage/types';
import { PrivacyRequestError } from './person';
import { collectSubjectRecords, renderSubjectExport } from './subject-export';

const requireAdmin = async (storage: Storage, request: Parameters<typeof requirePrincipal>[1]) => {
  const principal = await requirePrincipal(storage, request);
  if (principal.user.role !== 'admin')
    throw new ApiFailure(403, 'forbidden', {
      en: 'Only an administrator may handle personal-data requests.',
      it: 'Solo un amministratore può gestire le richieste sui dati personali.',
    });
  return principal;
};

const asApiFailure = (error: unknown): unknown =>
  error instanceof PrivacyRequestError
    ? new ApiFailure(error.reason === 'not_found' ? 404 : 400, error.reason, error.messages)
    : error;

export const registerPrivacyRoutes = (app: FastifyInstance, storage: Storage): void => {
  apiRoute(app, api.erasure, async (request) => {
    const principal = await requireAdmin(storage, request);
    try {
      const report = await erasePerson(storage, request.body);
      request.log.info({ userId: principal.user.id, report }, 'gdpr erasure');
      return { ...report, message: describeErasure(report) };
    } catch (error) {
      throw asApiFailure(error);
    }
  });

  apiRoute(app, api.subjectExport, async (request, reply) => {
    const principal = await requireAdmin(storage, request);
    const { format = 'json', ...query } = request.body;
    try {
      const data = await collectSubjectRecords(storage, query);
      request.log.info({ userId: principal.user.id }, 'gdpr subject export');
      const day = data.exportedAt.slice(0, 10);
      void reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json')
        .header('content-disposition', `attachment; filename="subject-export-${day}.${format}"`);
      return renderSubjectExport(data, format);
    } catch (error) {
      throw asApiFailure(error);
    }
  });
};
