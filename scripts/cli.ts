/**
 * Operators' command line: `npm run cli -- <commande> [options]`. Same services as the admin API.
 * The first administrator client is created here (`operateur:initialiser`).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { chargerConfig } from '../src/config';
import { creerClient, renouvelerSecret, listerClients } from '../src/auth/clients';
import { createDb, migrate } from '../src/db/knex';
import { Probleme } from '../src/http/problemes';
import { creerDestinataire, listerDestinataires, type CategorieDestinataire } from '../src/registry/destinataires';
import { enregistrerMouvement, historiqueGroupement, type NatureGroupement } from '../src/registry/groupements';
import {
  denoncerConvention,
  enregistrerConvention,
  historiqueConvention,
  listerConventions,
  modifierConvention,
  type DonneesConvention,
  type PartieConvention,
  type TypeConvention,
} from '../src/conventions/conventions';
import type { StatutConvention } from '../src/conventions/termes';
import { creerAbonnement, listerAbonnements } from '../src/notifications/abonnements';
import { listerLivraisons, rejouerLivraison } from '../src/notifications/distributeur';
import type { TypeEvenement } from '../src/notifications/evenements';
import {
  changerStatut,
  listerHabilitations,
  renouvelerHabilitation,
  soumettreHabilitation,
  transitionsHabilitation,
  type ChampsHabilitation,
  type StatutHabilitation,
} from '../src/registry/habilitations';
import { chargerPolitique } from '../src/registry/politique';
import { aujourdhui } from '../src/horloge';
import { recueillirConsentement, retirer } from '../src/apis/resultats-examens/consentements';
import { type Auteur, leverOppositionDe, listerOppositions, recevoirOpposition } from '../src/privacy/oppositions';

const AIDE = `Usage : npm run cli -- <commande> [options]

  destinataires                                   liste les destinataires
  destinataire:creer --siret S --nom N --categorie commune|departement|region|epci|syndicat_scolaire|administration|editeur|ministere
                     [--commune 35238] [--departement 35] [--region 53] [--pour-compte-de SIRET]
                     [--epci 243500139]               EPCI : son code (SIREN) ; ses communes viennent du découpage officiel
                     [--nature sivu|sivom --communes 35146,35274 [--date AAAA-MM-JJ]]
                                                  syndicat scolaire : ses communes membres, adhérentes depuis --date (aujourd'hui)
  groupement:communes --siret S                   communes membres d'un groupement et historique des mouvements
  groupement:adhesion --siret S --commune C [--date AAAA-MM-JJ] --motif M
  groupement:retrait --siret S --commune C [--date AAAA-MM-JJ] --motif M
                                                  adhésion ou retrait daté d'une commune d'un syndicat scolaire
  habilitations [--siret S] [--statut S] [--expirant-avant AAAA-MM-JJ] [--convention ID]
                                                  liste les habilitations
  habilitation:soumettre --siret S --finalite F --scopes a,b --intitule T --debut AAAA-MM-JJ --fin AAAA-MM-JJ
                     [--convention ID] [--conservation MOIS --justification J] [--brouillon]
  habilitation:soumission|valider --id ID [--motif M]
  habilitation:demande-modifications|refuser|revoquer --id ID --motif M
  habilitation:renouveler --id ID --fin AAAA-MM-JJ [--debut AAAA-MM-JJ] [--motif M]
                                                  nouvelle version soumise ; l'actuelle devient obsolète à sa validation
  habilitation:transitions --id ID                journal des transitions
  conventions [--academie 14] [--region 53] [--type T] [--statut en_vigueur|denoncee|expiree|a_venir]
  convention:enregistrer --fichier convention.json [--motif M]
                                                  champs JSON comme POST /admin/conventions
  convention:modifier --id ID --fichier changements.json --motif M
  convention:denoncer --id ID --partie academie|collectivite|etablissement [--date AAAA-MM-JJ] --motif M
  convention:historique --id ID
  consentement:enregistrer --ine INE|--id-interne ID --finalite F --siret S --recueil AAAA-MM-JJ --expiration AAAA-MM-JJ
                     --origine O [--adresse-contact]   consentement d'un élève (bourse régionale au mérite…)
  consentement:retirer --ine INE|--id-interne ID --finalite F --siret S [--date AAAA-MM-JJ]
                                                  le destinataire ne reçoit plus l'élève dès son appel suivant
  opposition:enregistrer --ine INE|--id-interne ID --finalite F --origine O [--debut AAAA-MM-JJ]
                                                  opposition reçue (courrier…) à une finalité fondée sur l'art. 6.1.e
                                                  (restauration_scolaire…) : l'élève sort des listes dès --debut (aujourd'hui)
  opposition:lever --ine INE|--id-interne ID --finalite F [--date AAAA-MM-JJ]
                                                  l'élève revient dans les listes dès --date (aujourd'hui)
  oppositions [--ine INE|--id-interne ID] [--finalite F] [--en-cours|--levees] [--limite 100]
                                                  oppositions enregistrées, les plus récentes d'abord
  notifications:abonnements [--siret S]
  notification:abonner --siret S --url https://… [--types liste_modifiee,habilitation_modifiee,convention_modifiee]
                                                  le secret de signature n'est affiché qu'une fois
  notifications:livraisons [--statut en_attente|livree|abandonnee] [--siret S]
  notification:rejouer --id N                     remet une livraison en file
  clients                                         liste les clients OAuth2
  client:creer --siret S --nom N                  crée un client (le secret n'est affiché qu'une fois)
  client:rotation --client-id C [--recouvrement 24]
  operateur:initialiser --siret S --nom N --fin AAAA-MM-JJ
                                                  crée le premier client administrateur (scopes admin, dpo, conventions:lecture)
`;

const OPTIONS = {
  siret: { type: 'string' },
  nom: { type: 'string' },
  categorie: { type: 'string' },
  commune: { type: 'string' },
  departement: { type: 'string' },
  region: { type: 'string' },
  'pour-compte-de': { type: 'string' },
  epci: { type: 'string' },
  nature: { type: 'string' },
  communes: { type: 'string' },
  finalite: { type: 'string' },
  scopes: { type: 'string' },
  intitule: { type: 'string' },
  debut: { type: 'string' },
  fin: { type: 'string' },
  id: { type: 'string' },
  motif: { type: 'string' },
  'client-id': { type: 'string' },
  recouvrement: { type: 'string' },
  aide: { type: 'boolean' },
  statut: { type: 'string' },
  'expirant-avant': { type: 'string' },
  convention: { type: 'string' },
  conservation: { type: 'string' },
  justification: { type: 'string' },
  brouillon: { type: 'boolean' },
  academie: { type: 'string' },
  type: { type: 'string' },
  fichier: { type: 'string' },
  partie: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
  types: { type: 'string' },
  ine: { type: 'string' },
  'id-interne': { type: 'string' },
  recueil: { type: 'string' },
  expiration: { type: 'string' },
  origine: { type: 'string' },
  'adresse-contact': { type: 'boolean' },
  'en-cours': { type: 'boolean' },
  levees: { type: 'boolean' },
  limite: { type: 'string' },
} as const;

function lireJson<T>(fichier: string): T {
  return JSON.parse(fs.readFileSync(fichier, 'utf8')) as T;
}

const ACTEUR = `cli:${process.env.USER ?? 'operateur'}`;

/** The command line acts for no organisation: its journal entries name the operator's account only. */
function auteurCli(): Auteur {
  return { clientId: ACTEUR, siret: '-', requestId: `cli-${randomUUID()}`, scopes: [] };
}

/** Runs one command; the exit code is returned (0 done, 1 refused or failed, 2 unknown command). */
export async function main(args: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await executer(args, env);
  } catch (err) {
    if (err instanceof Probleme) {
      console.error(`Refusé (${err.code}) : ${err.detail ?? err.message}${Object.keys(err.extensions).length ? ` ${JSON.stringify(err.extensions)}` : ''}`);
    } else {
      console.error(`Erreur : ${(err as Error).message}`);
    }
    return 1;
  }
}

async function executer(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const requis = (nom: keyof typeof values): string => {
    const v = values[nom];
    if (typeof v !== 'string' || v === '') throw new Error(`option --${nom} obligatoire`);
    return v;
  };
  const commande = positionals[0];
  if (!commande || values.aide) {
    console.log(AIDE);
    return 0;
  }
  const config = chargerConfig(env);
  const db = createDb(config.databaseUrl);
  try {
    await migrate(db);
    await chargerPolitique(db);
    const afficher = (x: unknown) => {
      console.log(JSON.stringify(x, null, 2));
      return 0;
    };
    switch (commande) {
      case 'destinataires':
        return afficher(await listerDestinataires(db));
      case 'destinataire:creer':
        return afficher(
          await creerDestinataire(
            db,
            {
              siret: requis('siret'),
              nom: requis('nom'),
              categorie: requis('categorie') as CategorieDestinataire,
              codeCommune: values.commune,
              codeDepartement: values.departement,
              codeRegion: values.region,
              pourCompteDeSiret: values['pour-compte-de'],
              codeEpci: values.epci,
              nature: values.nature as NatureGroupement | undefined,
              communes: values.communes?.split(',').map((c) => c.trim()),
              dateEffet: values.date,
            },
            ACTEUR,
          ),
        );
      case 'groupement:communes':
        return afficher(await historiqueGroupement(db, requis('siret')));
      case 'groupement:adhesion':
      case 'groupement:retrait':
        return afficher(
          await enregistrerMouvement(
            db,
            requis('siret'),
            {
              codeCommune: requis('commune'),
              mouvement: commande === 'groupement:adhesion' ? 'adhesion' : 'retrait',
              dateEffet: values.date,
              motif: requis('motif'),
            },
            ACTEUR,
          ),
        );
      case 'habilitations':
        return afficher(
          await listerHabilitations(db, {
            siret: values.siret,
            statut: values.statut as StatutHabilitation | undefined,
            expirantAvant: values['expirant-avant'],
            conventionId: values.convention,
          }),
        );
      case 'habilitation:soumettre':
        return afficher(
          await soumettreHabilitation(
            db,
            {
              siret: requis('siret'),
              finalite: requis('finalite'),
              scopes: requis('scopes').split(','),
              intitule: requis('intitule'),
              dateDebut: requis('debut'),
              dateFin: requis('fin'),
              conventionId: values.convention,
              dureeConservationMois: values.conservation ? Number(values.conservation) : undefined,
              justificationConservation: values.justification,
              brouillon: values.brouillon,
            },
            ACTEUR,
          ),
        );
      case 'habilitation:soumission':
        return afficher(await changerStatut(db, requis('id'), 'soumise', ACTEUR, values.motif));
      case 'habilitation:demande-modifications':
        return afficher(await changerStatut(db, requis('id'), 'modifications_demandees', ACTEUR, requis('motif')));
      case 'habilitation:valider':
        return afficher(await changerStatut(db, requis('id'), 'validee', ACTEUR, values.motif));
      case 'habilitation:refuser':
        return afficher(await changerStatut(db, requis('id'), 'refusee', ACTEUR, requis('motif')));
      case 'habilitation:revoquer':
        return afficher(await changerStatut(db, requis('id'), 'revoquee', ACTEUR, requis('motif')));
      case 'habilitation:renouveler': {
        const changements: Partial<ChampsHabilitation> = { dateFin: requis('fin') };
        if (values.debut) changements.dateDebut = values.debut;
        return afficher(await renouvelerHabilitation(db, requis('id'), changements, ACTEUR, values.motif));
      }
      case 'habilitation:transitions':
        return afficher(await transitionsHabilitation(db, requis('id')));
      case 'conventions':
        return afficher(
          await listerConventions(db, {
            academie: values.academie,
            region: values.region,
            type: values.type as TypeConvention | undefined,
            statut: values.statut as StatutConvention | undefined,
          }),
        );
      case 'convention:enregistrer':
        return afficher(await enregistrerConvention(db, lireJson<DonneesConvention>(requis('fichier')), ACTEUR, values.motif));
      case 'convention:modifier':
        return afficher(await modifierConvention(db, requis('id'), lireJson<Partial<DonneesConvention>>(requis('fichier')), ACTEUR, requis('motif')));
      case 'convention:denoncer':
        return afficher(
          await denoncerConvention(
            db,
            requis('id'),
            {
              date: values.date ?? aujourdhui(),
              partie: requis('partie') as PartieConvention,
            },
            ACTEUR,
            requis('motif'),
          ),
        );
      case 'convention:historique':
        return afficher(await historiqueConvention(db, requis('id')));
      case 'consentement:enregistrer':
        return afficher(
          await recueillirConsentement(db, {
            ine: values.ine,
            idInterne: values['id-interne'],
            finalite: requis('finalite'),
            siret: requis('siret'),
            portee: { adresse_contact: values['adresse-contact'] === true },
            dateRecueil: requis('recueil'),
            dateExpiration: requis('expiration'),
            origine: requis('origine'),
          }),
        );
      case 'consentement:retirer':
        return afficher(
          await retirer(db, {
            ine: values.ine,
            idInterne: values['id-interne'],
            finalite: requis('finalite'),
            siret: requis('siret'),
            date: values.date,
          }),
        );
      case 'opposition:enregistrer':
        return afficher(
          await recevoirOpposition(db, config.cles.journal, auteurCli(), {
            ine: values.ine,
            idInterne: values['id-interne'],
            finalite: requis('finalite'),
            dateDebut: values.debut,
            origine: requis('origine'),
          }),
        );
      case 'opposition:lever':
        return afficher(
          await leverOppositionDe(db, config.cles.journal, auteurCli(), {
            ine: values.ine,
            idInterne: values['id-interne'],
            finalite: requis('finalite'),
            date: values.date,
          }),
        );
      case 'oppositions': {
        const limite = Number(values.limite ?? 100);
        if (!Number.isInteger(limite) || limite < 1 || limite > 1000) throw new Error('--limite attend un entier de 1 à 1000');
        return afficher(
          (
            await listerOppositions(db, {
              ine: values.ine,
              idInterne: values['id-interne'],
              finalite: values.finalite,
              enCours: values['en-cours'] ? true : values.levees ? false : undefined,
              limit: limite,
            })
          ).oppositions,
        );
      }
      case 'notifications:abonnements':
        return afficher(await listerAbonnements(db, { siret: values.siret }));
      case 'notification:abonner':
        return afficher(
          await creerAbonnement(
            db,
            {
              siret: requis('siret'),
              url: requis('url'),
              types: values.types?.split(',') as TypeEvenement[] | undefined,
            },
            config.production,
          ),
        );
      case 'notifications:livraisons':
        return afficher(await listerLivraisons(db, { statut: values.statut as 'en_attente' | 'livree' | 'abandonnee' | undefined, siret: values.siret }));
      case 'notification:rejouer':
        return afficher(await rejouerLivraison(db, Number(requis('id'))));
      case 'clients':
        return afficher(await listerClients(db));
      case 'client:creer':
        return afficher(await creerClient(db, { siret: requis('siret'), nom: requis('nom') }));
      case 'client:rotation':
        return afficher(await renouvelerSecret(db, requis('client-id'), Number(values.recouvrement ?? 24)));
      case 'operateur:initialiser': {
        const siret = requis('siret');
        await creerDestinataire(db, { siret, nom: requis('nom'), categorie: 'ministere' });
        const h = await soumettreHabilitation(
          db,
          {
            siret,
            finalite: 'administration_passerelle',
            scopes: ['admin', 'dpo', 'conventions:lecture'],
            intitule: 'Opérateurs de la passerelle',
            dateDebut: aujourdhui(),
            dateFin: requis('fin'),
          },
          ACTEUR,
        );
        await changerStatut(db, h.id, 'validee', ACTEUR, 'Initialisation de la passerelle');
        return afficher(await creerClient(db, { siret, nom: requis('nom') }));
      }
      default:
        console.error(`Commande inconnue : ${commande}\n\n${AIDE}`);
        return 2;
    }
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
