#!/usr/bin/env bash
# Builds the package the way Payload's own plugins are built: swc for the ES modules, tsc for
# the declarations, into dist/ (dist/src, dist/collections, dist/fields). Only the plugin is
# built: the app's folders (src/app, src/host) are never part of the package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
npx swc src collections fields -d dist --config-file .swcrc --copy-files \
  --ignore 'src/app/**' --ignore 'src/host/**' --quiet
npx tsc -p tsconfig.plugin.json
