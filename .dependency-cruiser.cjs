/** Layering of engineering guide §1: four folders, four runtimes. Run by `npm test` (and so CI). */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'shared/ runs anywhere: it may not import renderer/, electron/ or test/',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|test)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ uses no Node built-ins (no fs, path, …)',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'renderer/ (the page) may import shared/ only',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|test)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'the page uses no Node built-ins (its Vite build config runs in Node and is not page code)',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-not-glue',
      comment: 'services are plain Node: they never import the Electron glue or the renderer',
      severity: 'error',
      from: { path: '^electron/(main/services|cli)/' },
      to: { path: '^(renderer/|electron/main/[^/]+\\.ts$|electron/preload/)' },
    },
    {
      name: 'electron-value-import-only-in-glue',
      comment: "require('electron') outside Electron tries to download the binary: only the glue value-imports it",
      severity: 'error',
      from: { pathNot: '^electron/(main/[^/]+\\.ts$|preload/)' },
      to: { path: '^node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
