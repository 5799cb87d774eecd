import {
  Body,
  Controller,
  Get,
  Middlewares,
  NoSecurity,
  Patch,
  Path,
  Post,
  Produces,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Principal } from '../auth/principal';
import { limiteParIp } from '../http/limites';
import { Probleme } from '../http/problemes';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import type { CodeRegistre } from '../registry/scopes';
import { trouverHabilitation, type StatutHabilitation } from '../registry/habilitations';
import {
  deposerDemande,
  lireDemande,
  listerDemandes,
  modifierDemande,
  retirerDemande,
  soumettreDemande,
  vueDemande,
  type ChampsDemande,
  type DemandeHabilitation,
  type Demandeur,
} from './demandes';
import { lienConsultation, verifierLien, type LienConsultation } from './lien';
import { pageDemande } from './page';

const SCOPE_DEMANDE = 'habilitations:demande';

/**
 * Code d'un scope du registre (voir /catalogue).
 * @maxLength 64
 */

export interface DpoCorps {
  /**
   * Nom du délégué à la protection des données du destinataire.
   * @minLength 1
   * @maxLength 200
   * @example "Claire Le Goff"
   */
  nom: string;
  /**
   * Adresse électronique du DPO (de préférence fonctionnelle).
   * @maxLength 254
   * @pattern ^[^\s@]+@[^\s@]+\.[^\s@]+$
   * @example "dpo@saint-malo.fr"
   */
  courriel: string;
}

/** Le formulaire de DataPass, rempli par le destinataire. */
export interface ChampsDemandeCorps {
  /**
   * Traitement du ministère dont relève la finalité (ONDE, SIECLE, DEPP_EFFECTIFS, EXAMENS…).
   * @maxLength 64
   * @example "EXAMENS"
   */
  traitement: string;
  /**
   * Finalité ; une règle du registre doit l'ouvrir à la catégorie du destinataire.
   * @maxLength 64
   * @example "pilotage_educatif"
   */
  finalite: string;
  /**
   * Scopes demandés : tous doivent être accordés par la règle du registre pour cette finalité et cette catégorie.
   * @minItems 1
   * @maxItems 20
   * @example ["examens:resultats"]
   */
  scopes: CodeRegistre[];
  /**
   * Intitulé du projet.
   * @minLength 1
   * @maxLength 200
   * @example "Pilotage éducatif de Saint-Malo"
   */
  intitule: string;
  /**
   * À quoi serviront les données, qui les utilisera.
   * @minLength 1
   * @maxLength 4000
   * @example "Tableau de bord des résultats au brevet des collèges de la commune, pour le service éducation."
   */
  description: string;
  /**
   * Référence de la base légale ; par défaut, celle de la règle du registre.
   * @maxLength 2000
   * @example "Conventions académiques : résultats agrégés des établissements situés dans la commune."
   */
  base_legale_texte?: string;
  /**
   * @maxLength 2048
   * @pattern ^https://\S+$
   * @example "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006524399"
   */
  base_legale_url?: string;
  /**
   * @maxLength 200
   * @example "Le maire de Saint-Malo"
   */
  responsable_traitement?: string;
  dpo: DpoCorps;
  /**
   * Durée de conservation des données chez le destinataire, en mois ; au-delà de 36, une justification est exigée.
   * @isInt
   * @minimum 1
   * @maximum 240
   * @example 12
   */
  duree_conservation_mois: number;
  /**
   * @maxLength 2000
   * @example "Séries longues pour la prospective scolaire."
   */
  justification_conservation?: string;
  /**
   * Volume attendu, en requêtes par minute.
   * @isInt
   * @minimum 0
   * @maximum 100000
   * @example 5
   */
  volume_attendu?: number;
  /**
   * Référence d'une convention recensée (`/catalogue/conventions`) qui lie le destinataire et couvre ces scopes ;
   * quand elle prend fin, l'habilitation expire.
   * @maxLength 100
   * @example "DEMO-14-DEPARTEMENT-35"
   */
  convention_reference?: string;
  /**
   * Premier jour demandé ; par défaut, le jour du dépôt.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2027-01-01"
   */
  date_debut?: string;
  /**
   * Dernier jour demandé ; par défaut, un an après le premier.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2027-12-31"
   */
  date_fin?: string;
}

export interface DemandeCorps extends ChampsDemandeCorps {
  /** Garder la demande en brouillon au lieu de la soumettre tout de suite. */
  brouillon?: boolean;
}

export interface ModificationDemandeCorps extends Partial<Omit<ChampsDemandeCorps, 'scopes'>> {
  /**
   * Scopes demandés, en remplacement des précédents.
   * @minItems 1
   * @maxItems 20
   * @example ["examens:resultats"]
   */
  scopes?: CodeRegistre[];
  /**
   * Réponse aux opérateurs, consignée dans l'historique avec les champs modifiés.
   * @maxLength 2000
   * @example "Durée de conservation ramenée à 12 mois."
   */
  motif?: string;
}

export interface MotifDemandeCorps {
  /**
   * @maxLength 2000
   * @example "Projet abandonné"
   */
  motif?: string;
}

/** Une demande, avec le lien qui ouvre sa page dans un navigateur. */
export interface DemandeConsultable extends DemandeHabilitation {
  lien_consultation: LienConsultation;
}

function versChamps(c: Partial<ChampsDemandeCorps>): Partial<ChampsDemande> {
  return {
    traitement: c.traitement,
    finalite: c.finalite,
    scopes: c.scopes,
    intitule: c.intitule,
    description: c.description,
    baseLegaleTexte: c.base_legale_texte,
    baseLegaleUrl: c.base_legale_url,
    responsableTraitement: c.responsable_traitement,
    dpoNom: c.dpo?.nom,
    dpoCourriel: c.dpo?.courriel,
    dureeConservationMois: c.duree_conservation_mois,
    justificationConservation: c.justification_conservation,
    volumeAttendu: c.volume_attendu,
    conventionReference: c.convention_reference,
    dateDebut: c.date_debut,
    dateFin: c.date_fin,
  };
}

function demandeur(req: ExpressRequest): Demandeur {
  const p = req.user as Principal;
  return { siret: p.destinataire.siret, clientId: p.clientId };
}

/**
 * A recipient's own requests for access: each client of the recipient sees and moves only its
 * recipient's requests. Operators validate, refuse or ask for changes under /admin/habilitations.
 */
@Route('demandes-habilitation')
@Tags('Demandes d’habilitation')
@Security('oauth2', [SCOPE_DEMANDE])
@Response<ProblemeHttp>(400, 'Paramètre ou corps mal formé (le champ erreurs nomme chaque champ, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope habilitations:demande')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class DemandesHabilitationController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  private consultable(d: DemandeHabilitation): DemandeConsultable {
    return { ...d, lien_consultation: lienConsultation(this.ctx.config, d.id) };
  }

  /**
   * Les demandes et habilitations du destinataire du client, avec leur statut, ce qui est attendu
   * ensuite et leur historique ; jamais celles d'un autre destinataire.
   * @summary Mes demandes d'habilitation
   */
  @Get()
  public async mesDemandes(@Request() req: ExpressRequest, @Query() statut?: StatutHabilitation): Promise<DemandeHabilitation[]> {
    return listerDemandes(this.ctx.db, demandeur(req).siret, statut);
  }

  /**
   * Soumise aux opérateurs du ministère, ou gardée en brouillon (`brouillon: true`). Les scopes doivent
   * être accordés par une règle du registre à la catégorie du destinataire pour cette finalité
   * (`422 scopes_non_autorises` sinon) ; le territoire est celui du destinataire. La réponse donne
   * `lien_consultation`, l'adresse de la page de la demande à ouvrir dans un navigateur (une heure).
   * @summary Déposer une demande d'habilitation
   */
  @Post()
  @SuccessResponse(201, 'Déposée')
  @Response<ProblemeHttp>(
    422,
    'Scopes non accordés par le registre, traitement incohérent avec la finalité, convention inconnue ou qui ne lie pas le destinataire',
  )
  public async deposerDemande(@Body() corps: DemandeCorps, @Request() req: ExpressRequest): Promise<DemandeConsultable> {
    const d = await deposerDemande(this.ctx.db, demandeur(req), versChamps(corps) as ChampsDemande, corps.brouillon ?? false);
    this.setStatus(201);
    this.setHeader('Location', `/demandes-habilitation/${d.id}`);
    return this.consultable(d);
  }

  /**
   * Statut, motif de la dernière décision, ce qui est attendu et de qui, historique des transitions,
   * et un lien de consultation frais. Une demande d'un autre destinataire répond 404.
   * @summary Lire une de mes demandes
   * @maxLength id 64
   */
  @Get('{id}')
  @Response<ProblemeHttp>(404, "Demande inconnue, ou d'un autre destinataire")
  public async lireDemande(@Path() id: string, @Request() req: ExpressRequest): Promise<DemandeConsultable> {
    return this.consultable(await lireDemande(this.ctx.db, demandeur(req).siret, id));
  }

  /**
   * Seulement en brouillon ou quand les opérateurs ont demandé des modifications (`409 conflit` sinon) ;
   * les champs modifiés et le motif sont consignés dans l'historique. La demande reste dans son état :
   * la soumettre ensuite.
   * @summary Modifier une de mes demandes
   * @maxLength id 64
   */
  @Patch('{id}')
  @Response<ProblemeHttp>(409, "La demande n'est ni en brouillon ni en attente de modifications")
  public async modifierDemande(@Path() id: string, @Body() corps: ModificationDemandeCorps, @Request() req: ExpressRequest): Promise<DemandeConsultable> {
    const { motif, ...champs } = corps;
    const changements = Object.fromEntries(Object.entries(versChamps(champs)).filter(([, v]) => v !== undefined));
    return this.consultable(await modifierDemande(this.ctx.db, demandeur(req), id, changements, motif));
  }

  /**
   * Un brouillon, ou une demande modifiée à la demande des opérateurs ; elle passe à « soumise ».
   * @summary Soumettre une de mes demandes
   * @maxLength id 64
   */
  @Post('{id}/soumission')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async soumettreDemande(@Path() id: string, @Body() corps: MotifDemandeCorps, @Request() req: ExpressRequest): Promise<DemandeConsultable> {
    return this.consultable(await soumettreDemande(this.ctx.db, demandeur(req), id, corps.motif));
  }

  /**
   * Un brouillon, ou une demande à laquelle des modifications ont été demandées ; elle est close
   * (« retiree ») et reste consultable avec son historique.
   * @summary Retirer une de mes demandes
   * @maxLength id 64
   */
  @Post('{id}/retrait')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async retirerDemande(@Path() id: string, @Body() corps: MotifDemandeCorps, @Request() req: ExpressRequest): Promise<DemandeConsultable> {
    return this.consultable(await retirerDemande(this.ctx.db, demandeur(req), id, corps.motif));
  }

  /**
   * La page HTML d'une demande : statut, ce qui est attendu et de qui, motif, champs, historique. Elle
   * s'ouvre sans jeton, par le lien signé `lien_consultation` que donnent les opérations de la demande
   * (et `GET /admin/habilitations/{id}/lien-consultation` pour les opérateurs), valable une heure ;
   * `403 lien_consultation_invalide` pour un lien altéré, `410 lien_consultation_expire` passé ce délai.
   * @summary Page d'une demande (lien de consultation)
   * @maxLength id 64
   * @param jusqua Fin de validité du lien (secondes Unix), signée.
   * @isLong jusqua
   * @minimum jusqua 0
   * @maximum jusqua 99999999999
   * @param signature Signature du lien.
   * @maxLength signature 100
   */
  @Get('{id}/page')
  @NoSecurity()
  @Middlewares(limiteParIp)
  @Produces('text/html')
  @SuccessResponse<Entetes['debit']>(200, 'La page HTML de la demande', 'text/html')
  @Response<ProblemeHttp, Entetes['debit']>(403, 'Lien altéré ou non émis par la passerelle')
  @Response<ProblemeHttp, Entetes['debit']>(410, "Lien expiré : en obtenir un nouveau par l'API")
  @Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de pages ouvertes depuis cette adresse IP')
  public async pageDemande(@Path() id: string, @Query() jusqua: number, @Query() signature: string, @Request() req: ExpressRequest): Promise<string> {
    verifierLien(this.ctx.config, id, jusqua, signature);
    const h = await trouverHabilitation(this.ctx.db, id);
    if (!h) throw new Probleme('ressource_introuvable', 'Demande d’habilitation inconnue.');
    const html = pageDemande(await vueDemande(this.ctx.db, h), { expire_le: new Date(jusqua * 1000).toISOString() });
    req.res!.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' }).type('html').send(html);
    return undefined as never; // sent: tsoa sees the headers sent and writes nothing more
  }
}
