// @baseline/web-kit: the dashboard kit. Sections are filled in as the kit grows.

/** The kit's version, for diagnostics. */
export const WEB_KIT_VERSION = '0.1.0';
