// @vitest-environment happy-dom
import { isBaselineError } from '@baseline/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDashboard } from '../../src/app/dashboard-context.js';
import { ApiRequestError } from '../../src/client/api-request-error.js';
import { WEB_KIT_ERROR_CODES, WebKitError } from '../../src/errors/web-kit-error.js';
import { defineWebPlugin } from '../../src/plugins/define-web-plugin.js';

const load = () => Promise.resolve({ default: () => null });

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('web-kit errors: coded BaselineErrors from the exported table', () => {
  it('GIVEN a route outside /guilds/$guildId/ and /admin/ THEN defineWebPlugin throws BL_ERR_WEB_PLUGIN_INVALID naming the route', () => {
    // @ts-expect-error the type refuses the path too; a plugin written in JavaScript reaches the runtime check
    const error = errorOf(() => defineWebPlugin({ routes: [{ path: '/elsewhere/page', title: 'Elsewhere', load }] }));
    expect(error).toBeInstanceOf(WebKitError);
    expect(isBaselineError(error, WEB_KIT_ERROR_CODES.pluginInvalid)).toBe(true);
    expect((error as Error).message).toContain('/elsewhere/page');
  });

  it('GIVEN a nav item pointing to none of the routes THEN defineWebPlugin throws BL_ERR_WEB_PLUGIN_INVALID', () => {
    const error = errorOf(() =>
      defineWebPlugin({ routes: [{ path: '/admin/waves', title: 'Waves', load }], navItems: [{ label: 'Lost', to: '/admin/lost' }] }),
    );
    expect(isBaselineError(error, 'BL_ERR_WEB_PLUGIN_INVALID')).toBe(true);
  });

  it('GIVEN useDashboard() rendered outside mountDashboard() THEN it throws BL_ERR_WEB_CONTEXT_MISSING', () => {
    function Page() {
      useDashboard();
      return null;
    }
    const original = console.error;
    console.error = () => {}; // React reports the render error on the console as well; the throw is what is asserted
    try {
      expect(() => render(<Page />)).toThrow(expect.objectContaining({ code: WEB_KIT_ERROR_CODES.contextMissing }));
    } finally {
      console.error = original;
    }
  });

  it("GIVEN an API answer with an error body THEN ApiRequestError is a BaselineError with the API's code; without one, BL_ERR_API_UNKNOWN", () => {
    const refused = new ApiRequestError(403, { error: { code: 'BL_ERR_API_FORBIDDEN', message: 'no access' } });
    expect(isBaselineError(refused, 'BL_ERR_API_FORBIDDEN')).toBe(true);
    expect(refused.status).toBe(403);
    const bare = new ApiRequestError(502, '<html>Bad Gateway</html>');
    expect(bare.code).toBe(WEB_KIT_ERROR_CODES.apiUnknown);
    expect(bare.message).toBe('request failed with status 502');
  });
});
