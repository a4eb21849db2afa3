import { toNextJsHandler } from 'better-auth/next-js';
import { appAuth } from '~/server/context';

const handlers = () => toNextJsHandler(appAuth());

export const GET = (req: Request) => handlers().GET(req);
export const POST = (req: Request) => handlers().POST(req);
