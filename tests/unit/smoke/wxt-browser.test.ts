import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// A config regression (lost WxtVitest plugin, wrong polyfill alias) shows up here as one clear failure.
describe('test set-up', () => {
  it('aliases wxt/browser to the fake browser', () => {
    expect(browser.runtime).toBe(fakeBrowser.runtime);
  });
});
