import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // GitHub-flavoured Markdown, so the guides' tables render as tables, not as `| ... |` text.
    { name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
  ],
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
