import type { Config } from './config';
import type { Db } from './db/knex';

/** What every controller and service needs, built once by the app and handed through the IoC container. */
export interface Contexte {
  db: Db;
  config: Config;
}
