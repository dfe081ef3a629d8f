import path from 'node:path';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

/** Every setting the platform reads from the environment, with its default. Documented in README.md. */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '0.0.0.0' }),
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  TRUST_PROXY: Type.Union([Type.Boolean(), Type.String()], { default: false }),
  COOKIE_SECURE: Type.Optional(Type.Boolean()),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, default: 30 }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, default: 12 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, default: 15 }),
  LOGIN_SOURCE_MAX_FAILURES: Type.Integer({ minimum: 1, default: 20 }),
  PASSWORD_MIN_LENGTH: Type.Integer({ minimum: 6, maximum: 128, default: 8 }),
  PASSWORD_MIN_CLASSES: Type.Integer({ minimum: 1, maximum: 4, default: 3 }),
  SERVE_WEB: Type.Boolean({ default: true }),
  DATA_KEYS_FILE: Type.Optional(Type.String({ minLength: 1 })),
});
export type Config = Static<typeof ConfigSchema> & {
  dataDir: string;
  keysFile: string;
  cookieSecure: boolean;
};

/** Reads the environment, converts and validates it; throws one readable list of every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(ConfigSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, converted)];
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const key = e.instancePath.replace(/^\//, '') || '(config)';
      return `  - ${key}: ${e.message} (got ${JSON.stringify(raw[key])})`;
    });
    throw new Error(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`);
  }
  const config = converted as Static<typeof ConfigSchema>;
  return {
    ...config,
    dataDir: path.resolve(config.DATA_DIR),
    keysFile: path.resolve(config.DATA_KEYS_FILE ?? path.join(config.DATA_DIR, 'keys.json')),
    cookieSecure: config.COOKIE_SECURE ?? config.NODE_ENV !== 'development',
  };
}
