import { Body, Controller, Post, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import type { DesignationEleveCorps } from '../../privacy/designation';
import { recueillirConsentement, retirer } from './consentements';

/** Un consentement recueilli par le destinataire, pour une finalité qui l'exige. */
export interface ConsentementCorps extends DesignationEleveCorps {
  /**
   * @maxLength 64
   * @example "bourse_merite_regionale"
   */
  finalite: string;
  /**
   * SIRET du destinataire auquel l'élève consent.
   * @pattern ^\d{14}$
   * @maxLength 14
   * @example "23350001600016"
   */
  siret: string;
  /** Ce que couvre le consentement au-delà des champs du scope, par exemple l'adresse de contact. */
  portee?: { adresse_contact?: boolean };
  /**
   * Jour du recueil.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2026-07-08"
   */
  date_recueil: string;
  /**
   * Dernier jour de validité.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2027-07-07"
   */
  date_expiration: string;
  /**
   * Comment il a été recueilli.
   * @maxLength 128
   * @example "formulaire_demande_bourse"
   */
  origine: string;
}

/** Le retrait d'un consentement. */
export interface RetraitCorps extends DesignationEleveCorps {
  /**
   * @maxLength 64
   * @example "bourse_merite_regionale"
   */
  finalite: string;
  /**
   * @pattern ^\d{14}$
   * @maxLength 14
   * @example "23350001600016"
   */
  siret: string;
  /**
   * Premier jour où le consentement ne vaut plus ; par défaut aujourd'hui.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   */
  date?: string;
}

export interface ConsentementEnregistre {
  id: number;
  /** Identifiant interne de l'élève. */
  id_interne: string;
}

export interface ConsentementsRetires {
  /** Consentements en cours retirés (d'ordinaire un). */
  consentements_retires: number;
}

@Route('admin/consentements')
@Tags('Administration')
@Security('oauth2', ['admin'])
@Response<ProblemeHttp>(400, 'Champ mal formé (le champ erreurs le nomme, jamais sa valeur), finalité ou destinataire inconnus')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope admin')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class ConsentementsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Enregistrer le consentement d'un élève à la transmission de ses données à un destinataire,
   * pour une finalité qui l'exige (bourse régionale au mérite) : il vaut de sa date de recueil à
   * son expiration, jusqu'à un retrait éventuel.
   * @summary Enregistrer un consentement
   */
  @Post()
  @SuccessResponse(201, 'Enregistré')
  @Response<ProblemeHttp>(404, 'Élève inconnu')
  @Response<ProblemeHttp>(422, 'Élève désigné deux fois ou pas du tout, ou finalité sans consentement')
  public async enregistrerConsentement(@Body() corps: ConsentementCorps): Promise<ConsentementEnregistre> {
    const enregistre = await recueillirConsentement(this.ctx.db, {
      ine: corps.ine,
      idInterne: corps.id_interne,
      finalite: corps.finalite,
      siret: corps.siret,
      portee: { adresse_contact: corps.portee?.adresse_contact === true },
      dateRecueil: corps.date_recueil,
      dateExpiration: corps.date_expiration,
      origine: corps.origine,
    });
    this.setStatus(201);
    return enregistre;
  }

  /**
   * Retirer un consentement : le destinataire ne reçoit plus l'élève dès son appel suivant.
   * @summary Retirer un consentement
   */
  @Post('retraits')
  @Response<ProblemeHttp>(404, 'Élève inconnu ou aucun consentement en cours')
  @Response<ProblemeHttp>(422, 'Élève désigné deux fois ou pas du tout')
  public async retirerConsentement(@Body() corps: RetraitCorps): Promise<ConsentementsRetires> {
    return retirer(this.ctx.db, { ine: corps.ine, idInterne: corps.id_interne, finalite: corps.finalite, siret: corps.siret, date: corps.date });
  }
}
