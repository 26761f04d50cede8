import { describe, expect, it } from 'vitest';
import * as stories from '../../stories/pages/cookie-policy.stories';

describe('The Connexx page story, as a visitor meets it in Storybook', () => {
  it('runs no play function, so the first visit is the visitor’s own', () => {
    expect(stories.Connexx.play).toBeUndefined();
  });

  it('keeps the scripted walk through it as a test, out of the sidebar and the docs', () => {
    expect(stories.ConnexxScriptedWalk.play).toBeTypeOf('function');
    expect(stories.ConnexxScriptedWalk.tags).toEqual(expect.arrayContaining(['!dev', '!autodocs']));
  });
});
