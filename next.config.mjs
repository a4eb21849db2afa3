/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // A separate build folder lets two builds run side by side (local work only).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  experimental: {
    optimizePackageImports: ['@mantine/core', '@mantine/hooks', '@tabler/icons-react'],
  },
};
export default nextConfig;
