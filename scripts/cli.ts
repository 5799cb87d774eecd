/**
 * Operators' command line: `npm run cli -- <commande> [options]`. Same services as the admin API.
 * The first administrator client is created here (`operateur:initialiser`).
 */
import { parseArgs } from 'node:util';
import { chargerConfig } from '../src/config';
import { creerClient, renouvelerSecret, listerClients } from '../src/auth/clients';
import { createDb, migrate } from '../src/db/knex';
import { Probleme } from '../src/http/problemes';
import { creerDestinataire, listerDestinataires, type CategorieDestinataire } from '../src/registry/destinataires';
import { changerStatut, listerHabilitations, soumettreHabilitation } from '../src/registry/habilitations';
import { chargerPolitique } from '../src/registry/politique';

const AIDE = `Usage : npm run cli -- <commande> [options]

  destinataires                                   liste les destinataires
  destinataire:creer --siret S --nom N --categorie commune|departement|region|administration|editeur|ministere
                     [--commune 35238] [--departement 35] [--region 53] [--pour-compte-de SIRET]
  habilitations [--siret S]                       liste les habilitations
  habilitation:soumettre --siret S --finalite F --scopes a,b --intitule T --debut AAAA-MM-JJ --fin AAAA-MM-JJ
  habilitation:valider|refuser|revoquer --id ID [--motif M]
  clients                                         liste les clients OAuth2
  client:creer --siret S --nom N                  crée un client (le secret n'est affiché qu'une fois)
  client:rotation --client-id C [--recouvrement 24]
  operateur:initialiser --siret S --nom N --fin AAAA-MM-JJ
                                                  crée le premier client administrateur (scopes admin et dpo)
`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    siret: { type: 'string' }, nom: { type: 'string' }, categorie: { type: 'string' }, commune: { type: 'string' },
    departement: { type: 'string' }, region: { type: 'string' }, 'pour-compte-de': { type: 'string' },
    finalite: { type: 'string' }, scopes: { type: 'string' }, intitule: { type: 'string' }, debut: { type: 'string' },
    fin: { type: 'string' }, id: { type: 'string' }, motif: { type: 'string' }, 'client-id': { type: 'string' },
    recouvrement: { type: 'string' }, aide: { type: 'boolean' },
  },
});

function requis(nom: keyof typeof values): string {
  const v = values[nom];
  if (typeof v !== 'string' || v === '') throw new Error(`option --${nom} obligatoire`);
  return v;
}

const ACTEUR = `cli:${process.env.USER ?? 'operateur'}`;

async function main(): Promise<void> {
  const commande = positionals[0];
  if (!commande || values.aide) {
    console.log(AIDE);
    return;
  }
  const db = createDb(chargerConfig().databaseUrl);
  try {
    await migrate(db);
    await chargerPolitique(db);
    const afficher = (x: unknown) => console.log(JSON.stringify(x, null, 2));
    switch (commande) {
      case 'destinataires':
        return afficher(await listerDestinataires(db));
      case 'destinataire:creer':
        return afficher(await creerDestinataire(db, {
          siret: requis('siret'), nom: requis('nom'), categorie: requis('categorie') as CategorieDestinataire,
          codeCommune: values.commune, codeDepartement: values.departement, codeRegion: values.region,
          pourCompteDeSiret: values['pour-compte-de'],
        }));
      case 'habilitations':
        return afficher(await listerHabilitations(db, { siret: values.siret }));
      case 'habilitation:soumettre':
        return afficher(await soumettreHabilitation(db, {
          siret: requis('siret'), finalite: requis('finalite'), scopes: requis('scopes').split(','),
          intitule: requis('intitule'), dateDebut: requis('debut'), dateFin: requis('fin'),
        }, ACTEUR));
      case 'habilitation:valider':
        return afficher(await changerStatut(db, requis('id'), 'validee', ACTEUR, values.motif));
      case 'habilitation:refuser':
        return afficher(await changerStatut(db, requis('id'), 'refusee', ACTEUR, values.motif));
      case 'habilitation:revoquer':
        return afficher(await changerStatut(db, requis('id'), 'revoquee', ACTEUR, values.motif));
      case 'clients':
        return afficher(await listerClients(db));
      case 'client:creer':
        return afficher(await creerClient(db, { siret: requis('siret'), nom: requis('nom') }));
      case 'client:rotation':
        return afficher(await renouvelerSecret(db, requis('client-id'), Number(values.recouvrement ?? 24)));
      case 'operateur:initialiser': {
        const siret = requis('siret');
        await creerDestinataire(db, { siret, nom: requis('nom'), categorie: 'ministere' });
        const h = await soumettreHabilitation(db, {
          siret, finalite: 'administration_passerelle', scopes: ['admin', 'dpo'], intitule: 'Opérateurs de la passerelle',
          dateDebut: new Date().toISOString().slice(0, 10), dateFin: requis('fin'),
        }, ACTEUR);
        await changerStatut(db, h.id, 'validee', ACTEUR, 'Initialisation de la passerelle');
        return afficher(await creerClient(db, { siret, nom: requis('nom') }));
      }
      default:
        console.error(`Commande inconnue : ${commande}\n\n${AIDE}`);
        process.exitCode = 2;
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  if (err instanceof Probleme) {
    console.error(`Refusé (${err.code}) : ${err.detail ?? err.message}${Object.keys(err.extensions).length ? ` ${JSON.stringify(err.extensions)}` : ''}`);
  } else {
    console.error(`Erreur : ${(err as Error).message}`);
  }
  process.exit(1);
});
