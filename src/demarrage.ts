import { FICHIER_ANNUAIRE_DEMO, importerAnnuaire } from './import/annuaire';
import { genererConstatsEtCapacites } from './synthetique/constats-capacites';
import { annoncerDernieresPublications } from './apis/mairie/annonces';
import { genererObligationFormation } from './synthetique/obligation-formation';
import { genererResultatsExamens } from './synthetique/resultats-examens';
import type { Config } from './config';
import { createDb, migrate, type Db } from './db/knex';
import { clientsDemoPresents, semerConventionsDemo, semerRegistreDemo } from './demo/demo';
import { aujourdhui } from './horloge';
import { journalApplicatif } from './http/journal-applicatif';
import { genererDonnees } from './synthetique/generer-donnees';
import { chargerPolitique } from './registry/politique';

export interface PerimetreDemo {
  departements?: string[];
  /** A subset of communes (tests). */
  communes?: string[];
  /** Scale factor on the number of children (tests). */
  echelle?: number;
}

export interface OptionsDemarrage {
  /** Seed the demo registry and data on an empty database (never in production). Default true. */
  demo?: boolean;
  /** Synthetic pupils of the demo; default: all of Ille-et-Vilaine. */
  perimetreDemo?: PerimetreDemo;
}

export const GRAINE_DEMO = 42;

/** The real open annuaire of Ille-et-Vilaine, then synthetic pupils living there, each generated once. */
async function semerDonneesDemo(db: Db, config: Config, perimetre: PerimetreDemo): Promise<void> {
  if (!(await db('etablissements').first('uai'))) {
    const rapport = await importerAnnuaire(db, FICHIER_ANNUAIRE_DEMO);
    journalApplicatif.info({ importes: rapport.importes, rejetes: rapport.rejetes }, 'annuaire de démonstration importé');
  }
  if (!(await db('generations').first('id'))) {
    const debut = Date.now();
    const bilan = await genererDonnees(db, {
      departements: perimetre.communes ? undefined : (perimetre.departements ?? ['35']),
      communes: perimetre.communes,
      echelle: perimetre.echelle,
      seed: GRAINE_DEMO,
      aujourdhui: aujourdhui(),
    });
    // Head-count history and capacities derive from the pupils just generated.
    await genererConstatsEtCapacites(db, { graine: GRAINE_DEMO });
    // Exam candidates of the generated pupils, and demo consents for Région Bretagne's merit grant.
    await genererResultatsExamens(db, { seed: GRAINE_DEMO });
    // The young people aged 16–18 out of school and training, and their monthly lists.
    await genererObligationFormation(db, { seed: GRAINE_DEMO });
    // Mairies subscribed to notifications learn that their list was published.
    await annoncerDernieresPublications({ db, config });
    journalApplicatif.info({ eleves: bilan.eleves, communes: bilan.communes, dureeMs: Date.now() - debut }, 'élèves synthétiques de démonstration générés');
  }
}

/** Schema, then policy, then (outside production, on an empty census and registry) the demo data. */
export async function preparerBase(config: Config, options: OptionsDemarrage = {}): Promise<Db> {
  const db = createDb(config.databaseUrl);
  try {
    await migrate(db);
    await chargerPolitique(db);
    if (config.production) {
      const demo = await clientsDemoPresents(db);
      if (demo.length > 0) {
        throw new Error(
          `Refus de démarrer en production : des clients de démonstration sont actifs (${demo.join(', ')}). Renouvelez leur secret ou désactivez-les.`,
        );
      }
    } else if (options.demo !== false) {
      if (await semerConventionsDemo(db)) journalApplicatif.info('recensement fictif des conventions de démonstration créé (src/demo/conventions.json)');
      if (await semerRegistreDemo(db)) journalApplicatif.info('registre de démonstration créé (identifiants dans README.md)');
      await semerDonneesDemo(db, config, options.perimetreDemo ?? {});
    }
    return db;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
