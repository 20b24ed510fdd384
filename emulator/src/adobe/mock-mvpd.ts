import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';

export async function registerMockMvpdRoutes(_app: FastifyInstance, _ctx: AdobeContext): Promise<void> {}
