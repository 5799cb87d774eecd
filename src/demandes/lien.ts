import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { Probleme } from '../http/problemes';

/**
 * A browser cannot send a bearer token when a person opens a link: the page of a request is
 * reached through a capability link instead — signed (HMAC), bound to one request, read-only,
 * valid one hour. It carries no OAuth token, so a leaked link opens one page, briefly, and nothing else.
 */
const DUREE_LIEN_SECONDES = 3600;

export interface LienConsultation {
  /** Adresse de la page, à ouvrir dans un navigateur ; ne pas la transmettre au-delà des personnes concernées. */
  url: string;
  /** Fin de validité du lien (une heure après son émission). */
  expire_le: string;
}

const cheminPage = (id: string): string => `/demandes-habilitation/${encodeURIComponent(id)}/page`;

function signer(config: Config, id: string, jusqua: number): string {
  return createHmac('sha256', config.cles.liens).update(`demande-habilitation\n${id}\n${jusqua}`).digest('base64url');
}

/** Technical expiry, like a token's: machine time, not the business day. */
export function lienConsultation(config: Config, id: string, maintenantMs = Date.now()): LienConsultation {
  const jusqua = Math.floor(maintenantMs / 1000) + DUREE_LIEN_SECONDES;
  const requete = new URLSearchParams({ jusqua: String(jusqua), signature: signer(config, id, jusqua) });
  return { url: `${config.urlPublique}${cheminPage(id)}?${requete}`, expire_le: new Date(jusqua * 1000).toISOString() };
}

/** The signature is checked before the expiry, so a forged date says nothing about the request. */
export function verifierLien(config: Config, id: string, jusqua: number, signature: string, maintenantMs = Date.now()): void {
  const attendue = Buffer.from(signer(config, id, jusqua));
  const recue = Buffer.from(signature);
  if (recue.length !== attendue.length || !timingSafeEqual(recue, attendue)) throw new Probleme('lien_consultation_invalide');
  if (jusqua * 1000 <= maintenantMs) throw new Probleme('lien_consultation_expire');
}
