import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    // Radix ships 'use client' in every module; the bundler warns about each one. It is expected here.
    const build = viteConfig.build ?? {};
    viteConfig.build = {
      ...build,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        ...build.rolldownOptions,
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    };
    return viteConfig;
  },
};

export default config;
