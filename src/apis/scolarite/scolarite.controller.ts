import { Controller, Example, Get, Middlewares, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { limiteParHabilitation } from '../../http/limites';
import { Divulgation } from '../../privacy/divulgation';
import type { CodeTerritoire, Prenom, Sexe, StatutEleve } from './models';
import { statutEleve } from './service';

@Route('api-scolarite/v1')
@Tags('API données de scolarité')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données ou journal momentanément indisponible : aucune donnée transmise')
export class ScolariteController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Statut de scolarité d'un élève du second degré (collège, lycée, BTS ; établissements publics
   * et privés sous contrat), recherché par son identité — l'équivalent de
   * `GET /v5/men/scolarites/identite` d'API Particulier, pour ne plus demander de certificat de
   * scolarité aux familles (« Dites-le-nous une fois »).
   *
   * **Correspondance** : le nom ignore accents, casse, tirets, apostrophes et espaces multiples ;
   * la date de naissance et le sexe sont exacts ; les prénoms donnés doivent être, dans l'ordre
   * de l'état civil, les premiers prénoms enregistrés, comparés en entier (« Jean Baptiste »
   * trouve « Jean-Baptiste Louis », « Jean » ne le trouve pas).
   *
   * **Périmètre** : exactement un parmi `codeEtablissement`, `codesDepartements`,
   * `codesRegions` (établissement de l'élève pour l'année scolaire demandée). Si plusieurs élèves
   * correspondent, la réponse est `422 identite_ambigue` : jamais plusieurs personnes.
   *
   * **Champs** : chacun n'apparaît qu'avec son scope — `scolarite:statut` (est_scolarise,
   * etablissement, module_elementaire_formation, statut_eleve, annee_scolaire),
   * `scolarite:boursier` (est_boursier), `scolarite:echelon-bourse` (echelon_bourse),
   * `scolarite:regime` (regime_pensionnat), `scolarite:identite` (identite).
   *
   * **Traçabilité** : `recipient`, `context` et `object` sont obligatoires et journalisés avec
   * chaque réponse ; une recherche sans résultat est journalisée sans personne. Débit limité par
   * habilitation (20 requêtes/s par défaut, en-têtes `RateLimit-*`) ; une requête identique du
   * même client encore en cours reçoit `409 requete_en_cours`.
   *
   * @summary Statut de scolarité d'un élève, recherché par son identité
   * @param nomNaissance Nom de naissance. @example nomNaissance "Jégou"
   * @maxLength nomNaissance 100
   * @param prenoms Un à trois prénoms, dans l'ordre de l'état civil (`prenoms=Louise&prenoms=Anne` ou `prenoms[]=Louise`). @example prenoms ["Gabriel"]
   * @minItems prenoms 1
   * @maxItems prenoms 3
   * @param sexeEtatCivil Sexe à l'état civil. @example sexeEtatCivil "M"
   * @param anneeDateNaissance @example anneeDateNaissance 2012
   * @isInt anneeDateNaissance
   * @minimum anneeDateNaissance 1900
   * @maximum anneeDateNaissance 2100
   * @param moisDateNaissance @example moisDateNaissance 7
   * @isInt moisDateNaissance
   * @minimum moisDateNaissance 1
   * @maximum moisDateNaissance 12
   * @param jourDateNaissance @example jourDateNaissance 15
   * @isInt jourDateNaissance
   * @minimum jourDateNaissance 1
   * @maximum jourDateNaissance 31
   * @param anneeScolaire Année de la rentrée (`2026`) ou année scolaire (`2026-2027`) ; par défaut l'année scolaire en cours.
   * @maxLength anneeScolaire 9
   * @param codeEtablissement UAI de l'établissement de l'élève (par exemple `0352260S`).
   * @maxLength codeEtablissement 8
   * @param codesDepartements Départements des établissements où chercher (répétable). @example codesDepartements ["35"]
   * @maxItems codesDepartements 101
   * @param codesRegions Régions des établissements où chercher (répétable ; par exemple `53` pour la Bretagne).
   * @maxItems codesRegions 18
   * @param recipient Obligatoire : SIRET de l'administration destinataire des données, celui du titulaire du client (sinon 403). @example recipient "53408918800013"
   * @maxLength recipient 14
   * @param context Obligatoire : cadre de l'appel (50 caractères au plus), journalisé. @example context "Allocation de rentrée scolaire"
   * @maxLength context 50
   * @param object Obligatoire : objet de l'appel (50 caractères au plus), journalisé, par exemple la référence du dossier. @example object "Dossier ARS 2026-004211"
   * @maxLength object 50
   */
  @Get('eleves/statut')
  @Security('oauth2', ['scolarite:statut'])
  @Security('oauth2', ['scolarite:boursier'])
  @Security('oauth2', ['scolarite:echelon-bourse'])
  @Security('oauth2', ['scolarite:regime'])
  @Security('oauth2', ['scolarite:identite'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @Example<StatutEleve>({
    annee_scolaire: '2026-2027',
    echelon_bourse: 2,
    est_boursier: true,
    est_scolarise: true,
    etablissement: { uai: '0352260S', nom: 'Collège François Truffaut', code_ministere_tutelle: '06' },
    module_elementaire_formation: { code_mef_stat: '10310019110', libelle: '3EME' },
    statut_eleve: { code: 'ST', libelle: 'Scolaire' },
  })
  @SuccessResponse<Entetes['debit']>(200, 'Le statut, réduit aux champs des scopes du jeton')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Paramètre mal formé (le champ erreurs nomme chaque paramètre, jamais sa valeur)')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(
    403,
    "Aucun scope de l'API (scope_insuffisant) ou recipient autre que le titulaire du client (destinataire_non_autorise)",
  )
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Aucun élève ne correspond (eleve_introuvable)')
  @Response<ProblemeHttp, Entetes['debit']>(409, 'La même requête de ce client est déjà en cours (requete_en_cours)')
  @Response<ProblemeHttp, Entetes['debit']>(
    422,
    'recipient, context ou object absent, aucun ou plusieurs périmètres (entite_non_traitable), ou plusieurs élèves correspondent (identite_ambigue)',
  )
  @Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
  public async statutEleve(
    @Request() req: ExpressRequest,
    @Query() nomNaissance: string,
    @Query() prenoms: Prenom[],
    @Query() sexeEtatCivil: Sexe,
    @Query() anneeDateNaissance: number,
    @Query() moisDateNaissance: number,
    @Query() jourDateNaissance: number,
    @Query() anneeScolaire?: string,
    @Query() codeEtablissement?: string,
    @Query() codesDepartements?: CodeTerritoire[],
    @Query() codesRegions?: CodeTerritoire[],
    @Query() recipient?: string,
    @Query() context?: string,
    @Query() object?: string,
  ): Promise<StatutEleve> {
    return statutEleve(this.ctx, Divulgation.depuis(this.ctx, req, 'StatutEleve'), {
      nomNaissance,
      prenoms,
      sexeEtatCivil,
      anneeDateNaissance,
      moisDateNaissance,
      jourDateNaissance,
      anneeScolaire,
      codeEtablissement,
      codesDepartements,
      codesRegions,
      recipient,
      context,
      object,
    });
  }
}
