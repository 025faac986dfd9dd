import type { FastifyInstance } from 'fastify';
import { checkHealth } from '../../services/platform/check-health.js';
import type { Platform } from '../../services/platform/platform.js';
import { replies } from '../openapi.js';
import { healthReply } from '../schemas/platform.js';

/** GET /api/v1/health: 200 when the server and its database answer. */
export function registerHealthRoutes(app: FastifyInstance, platform: Platform): void {
  app.get(
    '/api/v1/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: '健康检查 / health check',
        response: replies({ 200: healthReply }),
      },
    },
    async () => {
      await checkHealth(platform);
      return { status: 'ok' as const };
    },
  );
}
