import { describe, expect, it } from 'vitest';
import { afterLogin, paths } from './paths.js';

describe('where log-in leads', () => {
  it('back to the page that asked for it, loading the server’s own pages in full', () => {
    expect(afterLogin('/saker/1?fane=innspill')).toEqual({ path: '/saker/1?fane=innspill', serverPage: false });
    expect(afterLogin('/drift/jobber/')).toEqual({ path: '/drift/jobber/', serverPage: true });
  });

  it('never to another site, and to the start page without a page to return to', () => {
    for (const next of [null, '', 'https://angriper.example/', '//angriper.example/', '/\\angriper.example/', 'javascript:alert(1)'])
      expect(afterLogin(next)).toEqual({ path: paths.home, serverPage: false });
  });
});
