// `npm test` drives Debian's Chromium. On a fresh machine where we are root and apt is there, this
// installs it (the same package CI installs); anywhere else a missing browser stops the run
// with the command to install it. It never lets the browser tests pass by skipping.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH) {
    console.log('Chromium is missing: installing Debian\'s chromium with apt-get (about 20 s)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`Chromium was not found at ${path}. Install it with \`sudo apt-get update && sudo apt-get install -y chromium\`, or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}
