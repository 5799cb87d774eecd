import type { Knex } from 'knex';
import * as registre from './001_registre';
import * as oauth from './002_oauth';
import * as journal from './010_journal';
import * as oppositionConsentement from './011_opposition_consentement';
import * as scopesDonneesPersonnelles from './012_scopes_donnees_personnelles';
import * as etablissements from './020_etablissements';
import * as eleves from './030_eleves';
import * as conventionsNotifications from './040_conventions_notifications';
import * as ecoleConstatsCapacites from './050_ecole_constats_capacites';
import * as resultatsExamens from './070_resultats_examens';
import * as limitesDebit from './080_limites_debit';
import * as etablissementsSynthetiques from './090_etablissements_synthetiques';
import * as listeMairieCouvrante from './091_liste_mairie_couvrante';
import * as journalIndexPersonnes from './092_journal_index_personnes';
import * as habilitationsDpoNom from './095_habilitations_dpo_nom';
import * as requetesEnCours from './096_requetes_en_cours';
import * as listes from './100_listes';
import * as groupements from './120_groupements';
import * as pcsResponsables from './130_pcs_responsables';
import * as journalListes from './140_journal_listes';
import * as compteursSansWal from './150_compteurs_sans_wal';

export interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Migrations are imported statically so the same list runs from ts-jest, tsx and compiled JS. */
const migrations: Record<string, Migration> = {
  '001_registre': registre,
  '002_oauth': oauth,
  '010_journal': journal,
  '011_opposition_consentement': oppositionConsentement,
  '012_scopes_donnees_personnelles': scopesDonneesPersonnelles,
  '020_etablissements': etablissements,
  '030_eleves': eleves,
  '040_conventions_notifications': conventionsNotifications,
  '050_ecole_constats_capacites': ecoleConstatsCapacites,
  '070_resultats_examens': resultatsExamens,
  '080_limites_debit': limitesDebit,
  '090_etablissements_synthetiques': etablissementsSynthetiques,
  '091_liste_mairie_couvrante': listeMairieCouvrante,
  '092_journal_index_personnes': journalIndexPersonnes,
  '095_habilitations_dpo_nom': habilitationsDpoNom,
  '096_requetes_en_cours': requetesEnCours,
  '100_listes': listes,
  '120_groupements': groupements,
  '130_pcs_responsables': pcsResponsables,
  '140_journal_listes': journalListes,
  '150_compteurs_sans_wal': compteursSansWal,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};
