import type { FastifyInstance } from 'fastify';
import type { AdobeContext } from './context';

export function registerSessionRoutes(_app: FastifyInstance, _ctx: AdobeContext): void {}
