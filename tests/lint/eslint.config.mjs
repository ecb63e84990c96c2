// ESLint for the page's scripts in www/ (scripts/test.sh, lint tier): the
// recommended rules, with the globals of the place each file runs in.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // The built wasm-bindgen glue is generated, not ours.
  { ignores: ['www/pkg/**', 'dist/**'] },
  js.configs.recommended,
  // The page marks its build-time globals (typeof checks) for no-undef,
  // which does not need it: no warning for a directive that has no work.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['www/**/*.js', 'www/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
  },
  { files: ['www/worker.js'], languageOptions: { globals: { ...globals.worker } } },
  { files: ['www/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  { files: ['www/build-single.mjs'], languageOptions: { globals: { ...globals.node } } },
];
