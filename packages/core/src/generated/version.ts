// Generated from package.json by scripts/generate.mjs. Do not edit.
export const VERSION = '0.0.0';
