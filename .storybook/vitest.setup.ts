import { beforeEach } from 'vitest';

// Each story test is a first visit: no decision left over from the story before it.
beforeEach(() => {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
});
