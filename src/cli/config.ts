import { type DatabaseConfig, databaseConfigFromEnv } from '../db/database.ts';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  seedDemo: boolean;
  timeZone: string;
  logLevel: string;
};

const isOff = (v: string | undefined) => v !== undefined && ['0', 'false', 'no', 'off'].includes(v.toLowerCase());

/** Configuration from the environment; every variable is listed in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.DATA_DIR ?? './data';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    database: databaseConfigFromEnv(env, dataDir),
    seedDemo: !isOff(env.PACER_SEED_DEMO),
    timeZone: env.PACER_TIME_ZONE ?? 'Asia/Shanghai',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
