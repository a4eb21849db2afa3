'use client';

import { createAuthClient } from 'better-auth/react';

/** Sign-in, sign-out and password change talk to better-auth's own routes (/api/auth/*). */
export const authClient = createAuthClient();
