import type { NextConfig } from 'next';

const config: NextConfig = {
  // This folder is an app of its own inside the library's repository.
  turbopack: { root: process.cwd() },
  // Source maps let the example's test attribute each byte of a client chunk to the library or not.
  productionBrowserSourceMaps: true,
};

export default config;
