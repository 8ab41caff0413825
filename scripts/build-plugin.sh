#!/usr/bin/env bash
# Builds the package the way Payload's own plugins are built: swc for the ES modules, tsc for
# the declarations, into dist/ (dist/src, dist/collections, dist/fields). Only the plugin is
# built: the app's folders (src/app, src/host) are never part of the package.
#
# Then assembles what is published in dist/package: that build, README.md, LICENSE and a
# package.json of its own (scripts/publishManifest.js) without this app's scripts and
# devDependencies. Pack or publish that folder, never the repository itself (which is private):
#   npm run pack:plugin            # or: npm run build:plugin && npm publish ./dist/package
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
npx swc src collections fields -d dist --config-file .swcrc --copy-files \
  --ignore 'src/app/**' --ignore 'src/host/**' --quiet
npx tsc -p tsconfig.plugin.json

PACKAGE=dist/package
mkdir -p "$PACKAGE/dist"
mv dist/src dist/collections dist/fields "$PACKAGE/dist/"
cp README.md LICENSE "$PACKAGE/"
node scripts/publishManifest.js package.json "$PACKAGE/package.json"
