import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Radix ships 'use client' in every module; bundlers warn about each one. It is expected here.
    viteConfig.build ??= {};
    const build = viteConfig.build as typeof viteConfig.build & {
      rolldownOptions?: { onwarn?: (warning: { code?: string }, warn: (warning: { code?: string }) => void) => void };
    };
    build.rolldownOptions = {
      ...build.rolldownOptions,
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    };
    build.chunkSizeWarningLimit = 2000;
    return viteConfig;
  },
};

export default config;
