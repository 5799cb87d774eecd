import type { Request } from 'express';
import type { Contexte } from '../contexte';
import { habilitationPour, type Principal } from '../auth/principal';
import { Probleme } from '../http/problemes';
import { journalApplicatif } from '../http/journal-applicatif';
import type { HabilitationActive } from '../registry/habilitations';
import { aujourdhui } from '../horloge';
import { CHAMPS_PAR_SCOPE } from '../registry/scopes';
import { journaliser } from './journal';
import { champsDesScopes, compilerMasque, type Masque } from './masque';
import { filtrerParOppositionEtConsentement, type ResultatFiltrage } from './opposition';
import { hacherPersonne, pseudonyme } from './pseudonyme';

export interface OptionsDivulgation {
  api: string;
  operation: string;
  /** Scopes that open the operation, by decreasing breadth. */
  scopes: string[];
  /** Only the broadest scope held applies (e.g. API mairie: obligation scolaire over restauration). */
  exclusif?: boolean;
  /** API Entreprise's cadre: why the call is made, journaled. */
  contexte?: string;
  objet?: string;
  /** SIRET the data is for, when the caller names another administration. */
  siretDestinataire?: string;
}

/** The fields and compiled mask of a set of scopes: the registry's table is constant, so each set is compiled once. */
const masquesParScopes = new Map<string, { champs: string[]; masque: Masque }>();

function champsEtMasque(scopes: readonly string[]): { champs: string[]; masque: Masque } {
  const cle = scopes.join(' ');
  let m = masquesParScopes.get(cle);
  if (!m) {
    const champs = champsDesScopes(CHAMPS_PAR_SCOPE, scopes);
    masquesParScopes.set(cle, (m = { champs, masque: compilerMasque(champs) }));
  }
  return m;
}

/**
 * The one path personal data takes out of the gateway:
 * registry (habilitation, finalité) → opposition/consent → pseudonym + mask → journal → response.
 * Controllers build their records, then hand them through an instance of this class.
 */
export class Divulgation {
  readonly habilitation: HabilitationActive;
  readonly scopes: string[];
  readonly champs: string[];
  private readonly masque: Masque;

  constructor(
    private readonly ctx: Contexte,
    readonly principal: Principal,
    private readonly requestId: string,
    private readonly options: OptionsDivulgation,
  ) {
    const detenus = options.scopes.filter((s) => principal.scopes.includes(s));
    if (detenus.length === 0) throw new Probleme('scope_insuffisant');
    this.scopes = options.exclusif ? [detenus[0]] : detenus;
    this.habilitation = habilitationPour(principal, this.scopes[0]);
    const { champs, masque } = champsEtMasque(this.scopes);
    this.champs = [...champs];
    this.masque = masque;
  }

  static depuis(ctx: Contexte, req: Request, options: OptionsDivulgation): Divulgation {
    return new Divulgation(ctx, req.user as Principal, String(req.res?.locals.requestId ?? ''), options);
  }

  get siretDestinataire(): string {
    return this.options.siretDestinataire ?? this.principal.destinataire.siret;
  }

  /** Opposition (6.1.e only) and consent (when the finalité requires it), checked now. */
  async filtrer(idsInternes: readonly string[]): Promise<ResultatFiltrage> {
    return filtrerParOppositionEtConsentement(
      this.ctx.db,
      {
        finalite: {
          code: this.habilitation.finalite_code,
          base_rgpd: this.habilitation.base_rgpd,
          opposition_applicable: this.habilitation.opposition_applicable,
          consentement_requis: this.habilitation.consentement_requis,
        },
        siret: this.siretDestinataire,
        date: aujourdhui(),
      },
      idsInternes,
    );
  }

  /** Stable for this recipient, unlinkable across recipients. */
  pseudonyme(idInterne: string): string {
    return pseudonyme(this.ctx.config.cles.pseudonyme, idInterne, this.principal.destinataire.siret);
  }

  /** Only the fields of the scopes in use; anything unlisted is dropped. */
  masquer<T>(valeur: T): Partial<T> {
    return this.masque(valeur);
  }

  /**
   * Durably records the disclosure before any byte of it is sent. A failure becomes a 503:
   * data never leaves unjournaled.
   */
  async journaliser(idsInternes: readonly string[], champs: readonly string[] = this.champs, resultat = 'communique'): Promise<void> {
    try {
      await journaliser(this.ctx.db, {
        requestId: this.requestId,
        clientId: this.principal.clientId,
        siret: this.siretDestinataire,
        api: this.options.api,
        operation: this.options.operation,
        finalite: this.habilitation.finalite_code,
        baseLegale: this.habilitation.base_legale,
        scopes: this.scopes,
        champs: [...champs],
        personnes: idsInternes.map((id) => hacherPersonne(this.ctx.config.cles.journal, id)),
        contexte: this.options.contexte ?? null,
        objet: this.options.objet ?? null,
        resultat,
      });
    } catch (err) {
      journalApplicatif.error({ requestId: this.requestId, erreur: (err as Error).name }, 'journalisation impossible : réponse refusée');
      throw new Probleme('journal_indisponible', undefined, {}, { 'Retry-After': '5' });
    }
  }
}
