import type { FastifyInstance } from 'fastify';
import {
  createAgencyInput,
  updateAgencyInput,
  type CreateAgencyInput,
  type UpdateAgencyInput,
} from '../../services/agencies/agency-input.js';
import { createAgency } from '../../services/agencies/create-agency.js';
import { getAgency } from '../../services/agencies/get-agency.js';
import { listAgencies } from '../../services/agencies/list-agencies.js';
import type { Platform } from '../../services/platform/platform.js';
import { updateAgency } from '../../services/agencies/update-agency.js';
import { staffOf } from '../auth.js';
import { docSchema, idParam, replies, secured } from '../openapi.js';
import { z } from 'zod';
import { agencyReply } from '../schemas/agencies.js';
import { presentAgency } from '../presenters/agency.js';

/** Agencies: list (what the caller may see), read, create under a parent, update. */
export function registerAgencyRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['agencies'];
  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags,
        summary: '可见的机关 / agencies the caller may see',
        security: secured,
        response: replies({ 200: z.object({ agencies: z.array(agencyReply) }) }),
      },
    },
    async (request) => ({
      agencies: (await listAgencies(platform, staffOf(request))).map(presentAgency),
    }),
  );
  app.get<{ Params: { id: string } }>(
    '/api/v1/agencies/:id',
    {
      schema: {
        tags,
        summary: '机关详情 / one agency',
        params: idParam,
        security: secured,
        response: replies({ 200: agencyReply }),
      },
    },
    async (request) => presentAgency(await getAgency(platform, staffOf(request), request.params.id)),
  );
  app.post(
    '/api/v1/agencies',
    {
      schema: {
        tags,
        summary: '创建机关 / create an agency',
        body: docSchema(createAgencyInput),
        security: secured,
        response: replies({ 201: agencyReply }),
      },
    },
    async (request, reply) => {
      const agency = await createAgency(platform, staffOf(request), request.body as CreateAgencyInput);
      return reply.code(201).send(presentAgency(agency));
    },
  );
  app.patch<{ Params: { id: string } }>(
    '/api/v1/agencies/:id',
    {
      schema: {
        tags,
        summary: '修改机关 / update an agency',
        params: idParam,
        body: docSchema(updateAgencyInput),
        security: secured,
        response: replies({ 200: agencyReply }),
      },
    },
    async (request) =>
      presentAgency(
        await updateAgency(platform, staffOf(request), request.params.id, request.body as UpdateAgencyInput),
      ),
  );
}
