// Read by `nest build` (builder rspack) over the Nest CLI's defaults. Those compile TypeScript with swc to es2021,
// where each class field becomes an Object.defineProperty call per instance (swc's `_define_property` helper);
// Node 24 runs ES2022 class fields natively, and Jest's swc already targets es2022 (jest.config.js), so tests and
// the bundle now run the same code. Same define semantics either way. docs/adr/0081.
const TARGET = 'es2022';

export default function showrunnerRspackConfig(defaults) {
  let swcLoaders = 0;
  const rules = defaults.module.rules.map((rule) => ({
    ...rule,
    use: (rule.use ?? []).map((use) => {
      if (use.loader !== 'builtin:swc-loader') return use;
      swcLoaders++;
      return { ...use, options: { ...use.options, jsc: { ...use.options.jsc, target: TARGET } } };
    }),
  }));
  // The defaults' shape is the CLI's: fail the build rather than silently keep es2021 if it changes.
  if (swcLoaders !== 1) throw new Error(`rspack.config.js: expected one builtin:swc-loader rule, found ${swcLoaders}`);
  return { module: { ...defaults.module, rules } };
}
