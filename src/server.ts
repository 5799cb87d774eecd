import type { Server } from 'node:http';
import { creerApp } from './app';
import { chargerConfig } from './config';
import { preparerBase } from './demarrage';
import { journalApplicatif } from './http/journal-applicatif';
import { demarrerDistributeur } from './notifications/distributeur';
import { demarrerPurgePeriodique } from './privacy/retention';

async function main(): Promise<void> {
  const config = chargerConfig();
  const db = await preparerBase(config);
  const app = creerApp({ db, config });
  const distributeur = demarrerDistributeur(db);
  const arreterPurge = demarrerPurgePeriodique(db);
  const serveur: Server = app.listen(config.port, () => {
    journalApplicatif.info({ port: config.port, url: config.urlPublique }, `passerelle à l'écoute sur ${config.urlPublique} (documentation : /docs)`);
  });

  // Graceful stop: in-flight requests finish, new connections are refused, then the pool closes.
  let arret = false;
  const arreter = (signal: string) => {
    if (arret) return;
    arret = true;
    journalApplicatif.info({ signal }, 'arrêt demandé');
    arreterPurge();
    serveur.close(async () => {
      await distributeur.arreter();
      await db.destroy();
      process.exit(0);
    });
    serveur.closeIdleConnections?.();
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', () => arreter('SIGTERM'));
  process.on('SIGINT', () => arreter('SIGINT'));
}

main().catch((err: Error) => {
  journalApplicatif.fatal({ erreur: err.message }, 'démarrage impossible');
  process.exit(1);
});
