/* global process */
// The package.json that is published: what a site installing the plugin needs (name, entry
// points, peers, dependencies) and nothing of this app. The repository's own package.json also
// runs the app, its tests and its benchmarks; its scripts and devDependencies name files the
// package does not ship, so they are left out here rather than stripped from it at pack time.
import fs from 'node:fs'

const PUBLISHED = [
  'name',
  'version',
  'description',
  'keywords',
  'license',
  'author',
  'repository',
  'homepage',
  'bugs',
  'type',
  'sideEffects',
  'exports',
  'main',
  'types',
  'files',
  'engines',
  'dependencies',
  'peerDependencies',
  'peerDependenciesMeta',
]

const [source, target] = process.argv.slice(2)
const root = JSON.parse(fs.readFileSync(source, 'utf8'))
const manifest = Object.fromEntries(
  PUBLISHED.filter((key) => key in root).map((key) => [key, root[key]]),
)
fs.writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`)
