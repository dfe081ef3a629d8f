/** Org codes: letters, digits, _ and - (e.g. the administrative division code 320600); the server's rule. */
export const ORG_CODE_PATTERN = /^[0-9A-Za-z_-]{0,32}$/;
