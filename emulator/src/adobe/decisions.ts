import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';

export function registerDecisionRoutes(_app: FastifyInstance, _ctx: AdobeContext): void {}
