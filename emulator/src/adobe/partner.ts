import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';

export function registerPartnerRoutes(_app: FastifyInstance, _ctx: AdobeContext): void {}
