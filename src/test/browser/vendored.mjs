// The QR encoder shipped in the jar is exactly the pinned npm package (qrcode-generator), unchanged.
import fs from 'node:fs';

import { assert, run } from './lib.mjs';

// The package exports neither package.json nor dist/: read them from node_modules directly.
const PACKAGE = new URL('./node_modules/qrcode-generator/', import.meta.url);

await run({
  'the vendored QR encoder equals the pinned npm package': async () => {
    const pinned = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url))).dependencies['qrcode-generator'];
    const installed = JSON.parse(fs.readFileSync(new URL('package.json', PACKAGE))).version;
    assert.equal(installed, pinned);
    const shipped = fs.readFileSync(new URL(
      `../../main/resources/META-INF/resources/assets/vendor/qrcode-generator-${pinned}/qrcode.mjs`, import.meta.url));
    const npm = fs.readFileSync(new URL('dist/qrcode.mjs', PACKAGE));
    assert.ok(shipped.equals(npm), 'assets/vendor/qrcode-generator holds dist/qrcode.mjs of the pinned version');
  },
});
