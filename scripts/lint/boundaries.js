// An ESLint rule that keeps the plugin and the app apart, the way a published package and the
// app that installs it are apart:
// - the plugin (collections/, fields/, src/ outside the app's folders) never imports the app;
// - the app (payload.config.ts, src/app/, src/host/, scripts/) reaches the plugin only through
//   the package's public entry points, by package name, as any other host would.
// Tests may import either side: they test the plugin's parts and the app alike.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { name: packageName } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))

const appPaths = ['payload.config.ts', 'src/app/', 'src/host/', 'scripts/', 'migrations/']
const pluginPaths = ['collections/', 'fields/', 'src/']

/** 'app', 'plugin' or null (tests, configs), for a path relative to the repository. */
export const sideOf = (relative) => {
  const posix = relative.split(path.sep).join('/')
  if (appPaths.some((prefix) => posix === prefix || posix.startsWith(prefix))) return 'app'
  if (pluginPaths.some((prefix) => posix.startsWith(prefix))) return 'plugin'
  return null
}

const specifiersOf = (node) => {
  if (node.type === 'ImportExpression') return node.source
  return node.source ?? null
}

export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'The plugin never imports the app; the app imports the plugin by name.' },
    messages: {
      appFromPlugin:
        'The plugin must not import the app ({{target}}): pass what it needs as a plugin option.',
      pluginFromApp: `The app reaches the plugin only through '${packageName}' and its entry points, not {{target}}.`,
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename)
    const side = sideOf(file)
    if (!side) return {}
    const check = (node) => {
      const source = specifiersOf(node)
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source.value))
      const targetSide = sideOf(target)
      if (side === 'plugin' && targetSide === 'app') {
        context.report({ data: { target: source.value }, messageId: 'appFromPlugin', node: source })
      }
      if (side === 'app' && targetSide === 'plugin') {
        context.report({ data: { target: source.value }, messageId: 'pluginFromApp', node: source })
      }
    }
    return {
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportDeclaration: check,
      ImportExpression: check,
    }
  },
}

export default { rules: { boundaries } }
