// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The module directions of ARCHITECTURE.md, as data: which modules each module may import.
 * Everything reaches another module through its index.ts (no deep imports); the adapters
 * (store/sqlite, store/postgres, bus/nats) are reachable from app/ only.
 */
const MAY_IMPORT = {
  shared: [],
  model: ['shared'],
  store: ['shared', 'model'],
  bus: ['shared', 'model'],
  manifests: ['shared', 'model', 'store'],
  engine: ['shared', 'model', 'store', 'bus', 'manifests'],
  workflows: ['shared', 'model', 'store', 'bus', 'engine', 'manifests'],
  governance: ['shared', 'model', 'store', 'bus', 'engine', 'manifests'],
  insights: ['shared', 'model', 'store', 'bus', 'engine', 'manifests'],
  importers: ['shared', 'model', 'manifests'],
  api: ['shared', 'model', 'store', 'bus', 'manifests', 'engine', 'workflows', 'governance', 'insights'],
  app: ['shared', 'model', 'store', 'bus', 'manifests', 'engine', 'workflows', 'governance', 'insights', 'api'],
  cli: [
    'shared',
    'model',
    'store',
    'bus',
    'manifests',
    'engine',
    'workflows',
    'governance',
    'insights',
    'api',
    'app',
    'client',
    'importers',
  ],
  client: ['shared', 'model'],
};
const ADAPTERS = ['store/sqlite', 'store/postgres', 'bus/nats'];
/**
 * A module's second entry, for code a browser loads (the dashboard imports the model and the typed client): the
 * part of the module with no node: imports. Modules listed in ISOMORPHIC_ONLY may reach a module only through it.
 */
const ISOMORPHIC_ENTRY = 'isomorphic.js';
const ISOMORPHIC_ONLY = { model: ['shared'] };
const SRC = path.resolve('src');

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(SRC + path.sep)) return {};
    const fromRel = path.relative(SRC, file);
    const fromModule = fromRel.split(path.sep)[0];
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(SRC, path.resolve(path.dirname(file), source));
      if (target.startsWith('..')) return;
      const parts = target.split(path.sep);
      const toModule = parts[0];
      if (toModule === fromModule) return;
      const allowed = MAY_IMPORT[fromModule] ?? [];
      const adapter = ADAPTERS.find((a) => target === a || target.startsWith(a + path.sep));
      if (adapter) {
        if (fromModule !== 'app')
          context.report({
            node,
            message: `Only src/app may import the ${adapter} adapter; depend on the port in src/${toModule}/index.ts.`,
          });
        else if (target !== `${adapter}${path.sep}index.js`)
          context.report({
            node,
            message: `Import the ${adapter} adapter through ${adapter}/index.js, not ${target}.`,
          });
        return;
      }
      if (!allowed.includes(toModule)) {
        context.report({
          node,
          message: `src/${fromModule} may not import src/${toModule} (allowed: ${allowed.join(', ') || 'nothing'}); see ARCHITECTURE.md.`,
        });
      } else if ((ISOMORPHIC_ONLY[fromModule] ?? []).includes(toModule)) {
        if (parts.length !== 2 || parts[1] !== ISOMORPHIC_ENTRY)
          context.report({
            node,
            message: `src/${fromModule} runs in the browser too: import src/${toModule} through its ${ISOMORPHIC_ENTRY}, not ${target}.`,
          });
      } else if (parts.length !== 2 || (parts[1] !== 'index.js' && parts[1] !== ISOMORPHIC_ENTRY)) {
        context.report({
          node,
          message: `Import src/${toModule} through its index.js (or ${ISOMORPHIC_ENTRY}), not ${target}.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'web/dist/**', 'test-artifacts/**', '.cello/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    plugins: { cello: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'cello/module-boundaries': 'error',
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
    // Resolves `./x.js` to `./x.ts`, so no-cycle follows the real import graph.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
  },
  {
    // The API reaches state only through the modules' services: it never builds a query on the store's database.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='db']",
          message:
            'src/api never touches the database (`.db`): call the owning module’s service instead (e.g. the engine’s delivery admin), adding a method there if it lacks one.',
        },
        {
          selector: "ObjectPattern > Property[key.name='db']",
          message:
            'src/api never touches the database (`db`): call the owning module’s service instead (e.g. the engine’s delivery admin), adding a method there if it lacks one.',
        },
      ],
    },
  },
);
