/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // A separate build folder lets two builds run side by side (local work only).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  // Types are checked once, by `npm run typecheck` (part of `npm run test:all`), not again here.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    optimizePackageImports: ['@mantine/core', '@mantine/hooks', '@tabler/icons-react'],
  },
};
// Security headers for every response (the Content-Security-Policy, with its per-request
// nonce, is set in proxy.ts).
nextConfig.headers = async () => [
  {
    source: '/:path*',
    headers: [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ],
  },
];

export default nextConfig;
