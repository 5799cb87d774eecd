/* tslint:disable */
/* eslint-disable */
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import type { TsoaRoute } from '@tsoa/runtime';
import {  fetchMiddlewares, ExpressTemplateService } from '@tsoa/runtime';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { SanteController } from './../supervision/sante.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { OppositionsController } from './../privacy/oppositions.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { DpoController } from './../privacy/dpo.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AbonnementsController } from './../notifications/notifications.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { NotificationsController } from './../notifications/notifications.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { DemandesHabilitationController } from './../demandes/demandes.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { RecensementController } from './../conventions/recensement.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ConventionsController } from './../conventions/conventions.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { CatalogueController } from './../catalogue/catalogue.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { OAuthController } from './../auth/oauth.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { MetadonneesOAuthController } from './../auth/oauth.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ScolariteController } from './../apis/scolarite/scolarite.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ResultatsExamensController } from './../apis/resultats-examens/resultats.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ConsentementsController } from './../apis/resultats-examens/consentements.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { MairieController } from './../apis/mairie/mairie.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { EcoleController } from './../apis/ecole/ecole.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { HabilitationsController } from './../admin/habilitations.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AdminController } from './../admin/admin.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ListesEtablissementController } from './../apis/scolarite/listes.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ObligationFormationController } from './../apis/obligation-formation/obligation-formation.controller';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ElevesAnonymisesController } from './../apis/ecole/eleves-anonymises.controller';
import { expressAuthentication } from './../auth/authentification-tsoa';
// @ts-ignore - no great way to install types from subpackage
import { iocContainer } from './../ioc';
import type { IocContainer, IocContainerFactory } from '@tsoa/runtime';
import type { Request as ExRequest, Response as ExResponse, RequestHandler, Router } from 'express';

const expressAuthenticationRecasted = expressAuthentication as (req: ExRequest, securityName: string, scopes?: string[], res?: ExResponse) => Promise<any>;


// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

const models: TsoaRoute.Models = {
    "ChampInvalide": {
        "dataType": "refObject",
        "properties": {
            "champ": {"dataType":"string","required":true},
            "message": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ProblemeHttp": {
        "dataType": "refObject",
        "properties": {
            "type": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "status": {"dataType":"integer","required":true,"validators":{"minimum":{"value":400},"maximum":{"value":599}}},
            "detail": {"dataType":"string","required":true},
            "instance": {"dataType":"string"},
            "code": {"dataType":"string","required":true},
            "request_id": {"dataType":"string"},
            "erreurs": {"dataType":"array","array":{"dataType":"refObject","ref":"ChampInvalide"}},
            "error": {"dataType":"string"},
            "error_description": {"dataType":"string"},
        },
        "additionalProperties": {"dataType":"any"},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtatSante": {
        "dataType": "refObject",
        "properties": {
            "statut": {"dataType":"enum","enums":["ok"],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Opposition": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"double","required":true},
            "id_interne": {"dataType":"string","required":true},
            "finalite": {"dataType":"string","required":true},
            "date_debut": {"dataType":"string","required":true},
            "date_fin": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "origine": {"dataType":"string","required":true},
            "enregistree_le": {"dataType":"string","required":true},
            "en_cours": {"dataType":"boolean","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OppositionCorps": {
        "dataType": "refObject",
        "properties": {
            "ine": {"dataType":"string","validators":{"pattern":{"value":"^[0-9A-Za-z]{11}$"},"maxLength":{"value":11}}},
            "id_interne": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "finalite": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "date_debut": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "origine": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":128}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OppositionsLevees": {
        "dataType": "refObject",
        "properties": {
            "oppositions_levees": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LeveeOppositionCorps": {
        "dataType": "refObject",
        "properties": {
            "ine": {"dataType":"string","validators":{"pattern":{"value":"^[0-9A-Za-z]{11}$"},"maxLength":{"value":11}}},
            "id_interne": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "finalite": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "date": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PageOppositionsDpo": {
        "dataType": "refObject",
        "properties": {
            "oppositions": {"dataType":"array","array":{"dataType":"refObject","ref":"Opposition"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListeCommuniquee": {
        "dataType": "refObject",
        "properties": {
            "type": {"dataType":"string","required":true},
            "cle": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "generation": {"dataType":"double","required":true},
            "perimetre": {"dataType":"string","required":true},
            "nombre_exclus": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CommunicationJournalisee": {
        "dataType": "refObject",
        "properties": {
            "sequence": {"dataType":"double","required":true},
            "horodatage": {"dataType":"string","required":true},
            "request_id": {"dataType":"string","required":true},
            "client_id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "destinataire_nom": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "api": {"dataType":"string","required":true},
            "operation": {"dataType":"string","required":true},
            "finalite": {"dataType":"string","required":true},
            "finalite_libelle": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale": {"dataType":"string","required":true},
            "scopes": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "champs": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "nombre_personnes": {"dataType":"double","required":true},
            "contexte": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "objet": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "resultat": {"dataType":"string","required":true},
            "liste": {"ref":"ListeCommuniquee"},
            "hash_precedent": {"dataType":"string","required":true},
            "hash": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PageJournalDpo": {
        "dataType": "refObject",
        "properties": {
            "entrees": {"dataType":"array","array":{"dataType":"refObject","ref":"CommunicationJournalisee"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SyntheseDestinataire": {
        "dataType": "refObject",
        "properties": {
            "siret": {"dataType":"string","required":true},
            "nom": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "finalites": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "nombre_communications": {"dataType":"double","required":true},
            "derniere_communication": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OppositionJournalisee": {
        "dataType": "refObject",
        "properties": {
            "sequence": {"dataType":"double","required":true},
            "horodatage": {"dataType":"string","required":true},
            "operation": {"dataType":"string","required":true},
            "finalite": {"dataType":"string","required":true},
            "finalite_libelle": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "client_id": {"dataType":"string","required":true},
            "resultat": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListeNonVerifiable": {
        "dataType": "refObject",
        "properties": {
            "type": {"dataType":"string","required":true},
            "cle": {"dataType":"string","required":true},
            "generation": {"dataType":"double","required":true},
            "dates_reference": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "destinataires": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "nombre_communications": {"dataType":"double","required":true},
            "premiere_communication": {"dataType":"string","required":true},
            "derniere_communication": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RapportPersonne": {
        "dataType": "refObject",
        "properties": {
            "id_interne": {"dataType":"string","required":true},
            "du": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "au": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "nombre_communications": {"dataType":"double","required":true},
            "destinataires": {"dataType":"array","array":{"dataType":"refObject","ref":"SyntheseDestinataire"},"required":true},
            "communications": {"dataType":"array","array":{"dataType":"refObject","ref":"CommunicationJournalisee"},"required":true},
            "oppositions": {"dataType":"array","array":{"dataType":"refObject","ref":"OppositionJournalisee"},"required":true},
            "listes_non_verifiables": {"dataType":"array","array":{"dataType":"refObject","ref":"ListeNonVerifiable"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "VerificationJournalDpo": {
        "dataType": "refObject",
        "properties": {
            "ok": {"dataType":"boolean","required":true},
            "entrees": {"dataType":"double"},
            "sequence": {"dataType":"double"},
            "raison": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["altere"]},{"dataType":"enum","enums":["manquant"]},{"dataType":"enum","enums":["ordre"]}]},
            "message": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TypeEvenement": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["liste_modifiee"]},{"dataType":"enum","enums":["habilitation_modifiee"]},{"dataType":"enum","enums":["convention_modifiee"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Abonnement": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "url": {"dataType":"string","required":true},
            "types": {"dataType":"union","subSchemas":[{"dataType":"array","array":{"dataType":"refAlias","ref":"TypeEvenement"}},{"dataType":"enum","enums":[null]}],"required":true},
            "actif": {"dataType":"boolean","required":true},
            "cree_le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AbonnementCree": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "url": {"dataType":"string","required":true},
            "types": {"dataType":"union","subSchemas":[{"dataType":"array","array":{"dataType":"refAlias","ref":"TypeEvenement"}},{"dataType":"enum","enums":[null]}],"required":true},
            "actif": {"dataType":"boolean","required":true},
            "cree_le": {"dataType":"string","required":true},
            "secret": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AbonnementCorps": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2048}}},
            "types": {"dataType":"array","array":{"dataType":"refAlias","ref":"TypeEvenement"},"validators":{"maxItems":{"value":10}}},
            "secret": {"dataType":"string","validators":{"minLength":{"value":32},"maxLength":{"value":256}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AbonnementOperateurCorps": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2048}}},
            "types": {"dataType":"array","array":{"dataType":"refAlias","ref":"TypeEvenement"},"validators":{"maxItems":{"value":10}}},
            "secret": {"dataType":"string","validators":{"minLength":{"value":32},"maxLength":{"value":256}}},
            "siret": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Livraison": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"double","required":true},
            "evenement_id": {"dataType":"string","required":true},
            "type": {"dataType":"string","required":true},
            "abonnement_id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "statut": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["en_attente"]},{"dataType":"enum","enums":["livree"]},{"dataType":"enum","enums":["abandonnee"]}],"required":true},
            "tentatives": {"dataType":"double","required":true},
            "prochaine_tentative_le": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "livree_le": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "cree_le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Tentative": {
        "dataType": "refObject",
        "properties": {
            "le": {"dataType":"string","required":true},
            "statut_http": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "erreur": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "duree_ms": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LivraisonDetaillee": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"double","required":true},
            "evenement_id": {"dataType":"string","required":true},
            "type": {"dataType":"string","required":true},
            "abonnement_id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "statut": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["en_attente"]},{"dataType":"enum","enums":["livree"]},{"dataType":"enum","enums":["abandonnee"]}],"required":true},
            "tentatives": {"dataType":"double","required":true},
            "prochaine_tentative_le": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "livree_le": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "cree_le": {"dataType":"string","required":true},
            "journal": {"dataType":"array","array":{"dataType":"refObject","ref":"Tentative"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "StatutHabilitation": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["brouillon"]},{"dataType":"enum","enums":["soumise"]},{"dataType":"enum","enums":["modifications_demandees"]},{"dataType":"enum","enums":["validee"]},{"dataType":"enum","enums":["refusee"]},{"dataType":"enum","enums":["revoquee"]},{"dataType":"enum","enums":["expiree"]},{"dataType":"enum","enums":["obsolete"]},{"dataType":"enum","enums":["retiree"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Intervenant": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["destinataire"]},{"dataType":"enum","enums":["ministere"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ProchaineEtape": {
        "dataType": "refObject",
        "properties": {
            "par": {"dataType":"union","subSchemas":[{"ref":"Intervenant"},{"dataType":"enum","enums":[null]}],"required":true},
            "action": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NatureGroupement": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["metropole"]},{"dataType":"enum","enums":["communaute_urbaine"]},{"dataType":"enum","enums":["communaute_agglomeration"]},{"dataType":"enum","enums":["communaute_communes"]},{"dataType":"enum","enums":["sivu"]},{"dataType":"enum","enums":["sivom"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CommuneMembre": {
        "dataType": "refObject",
        "properties": {
            "code_commune": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TerritoireDemande": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["commune"]},{"dataType":"enum","enums":["groupement"]},{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]},{"dataType":"enum","enums":["national"]}],"required":true},
            "code": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "nature": {"ref":"NatureGroupement"},
            "communes": {"dataType":"array","array":{"dataType":"refObject","ref":"CommuneMembre"}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtapeDemande": {
        "dataType": "refObject",
        "properties": {
            "de": {"dataType":"union","subSchemas":[{"ref":"StatutHabilitation"},{"dataType":"enum","enums":[null]}],"required":true},
            "vers": {"ref":"StatutHabilitation","required":true},
            "par": {"ref":"Intervenant","required":true},
            "client_id": {"dataType":"string"},
            "motif": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DemandeHabilitation": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "version": {"dataType":"double","required":true},
            "statut": {"ref":"StatutHabilitation","required":true},
            "libelle_statut": {"dataType":"string","required":true},
            "prochaine_etape": {"ref":"ProchaineEtape","required":true},
            "motif": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "destinataire": {"dataType":"nestedObjectLiteral","nestedProperties":{"nom":{"dataType":"string","required":true},"siret":{"dataType":"string","required":true}},"required":true},
            "traitement": {"dataType":"string","required":true},
            "finalite": {"dataType":"string","required":true},
            "scopes": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "intitule": {"dataType":"string","required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale_texte": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale_url": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "responsable_traitement": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "dpo": {"dataType":"nestedObjectLiteral","nestedProperties":{"courriel":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"nom":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true}},"required":true},
            "duree_conservation_mois": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "justification_conservation": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "volume_attendu": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "convention_reference": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "territoire": {"ref":"TerritoireDemande","required":true},
            "date_debut": {"dataType":"string","required":true},
            "date_fin": {"dataType":"string","required":true},
            "date_fin_effective": {"dataType":"string","required":true},
            "historique": {"dataType":"array","array":{"dataType":"refObject","ref":"EtapeDemande"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LienConsultation": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string","required":true},
            "expire_le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DemandeConsultable": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "version": {"dataType":"double","required":true},
            "statut": {"ref":"StatutHabilitation","required":true},
            "libelle_statut": {"dataType":"string","required":true},
            "prochaine_etape": {"ref":"ProchaineEtape","required":true},
            "motif": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "destinataire": {"dataType":"nestedObjectLiteral","nestedProperties":{"nom":{"dataType":"string","required":true},"siret":{"dataType":"string","required":true}},"required":true},
            "traitement": {"dataType":"string","required":true},
            "finalite": {"dataType":"string","required":true},
            "scopes": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "intitule": {"dataType":"string","required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale_texte": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale_url": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "responsable_traitement": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "dpo": {"dataType":"nestedObjectLiteral","nestedProperties":{"courriel":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"nom":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true}},"required":true},
            "duree_conservation_mois": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "justification_conservation": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "volume_attendu": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "convention_reference": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "territoire": {"ref":"TerritoireDemande","required":true},
            "date_debut": {"dataType":"string","required":true},
            "date_fin": {"dataType":"string","required":true},
            "date_fin_effective": {"dataType":"string","required":true},
            "historique": {"dataType":"array","array":{"dataType":"refObject","ref":"EtapeDemande"},"required":true},
            "lien_consultation": {"ref":"LienConsultation","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeRegistre": {
        "dataType": "refAlias",
        "type": {"dataType":"string","validators":{"maxLength":{"value":64}}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DpoCorps": {
        "dataType": "refObject",
        "properties": {
            "nom": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":200}}},
            "courriel": {"dataType":"string","required":true,"validators":{"maxLength":{"value":254},"pattern":{"value":"^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$"}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DemandeCorps": {
        "dataType": "refObject",
        "properties": {
            "traitement": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "finalite": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "scopes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"required":true,"validators":{"minItems":{"value":1},"maxItems":{"value":20}}},
            "intitule": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":200}}},
            "description": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":4000}}},
            "base_legale_texte": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "base_legale_url": {"dataType":"string","validators":{"maxLength":{"value":2048},"pattern":{"value":"^https://\\S+$"}}},
            "responsable_traitement": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "dpo": {"ref":"DpoCorps","required":true},
            "duree_conservation_mois": {"dataType":"integer","required":true,"validators":{"minimum":{"value":1},"maximum":{"value":240}}},
            "justification_conservation": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "volume_attendu": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":100000}}},
            "convention_reference": {"dataType":"string","validators":{"maxLength":{"value":100}}},
            "date_debut": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_fin": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "brouillon": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModificationDemandeCorps": {
        "dataType": "refObject",
        "properties": {
            "traitement": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "finalite": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "intitule": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":200}}},
            "description": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":4000}}},
            "base_legale_texte": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "base_legale_url": {"dataType":"string","validators":{"maxLength":{"value":2048},"pattern":{"value":"^https://\\S+$"}}},
            "responsable_traitement": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "dpo": {"ref":"DpoCorps"},
            "duree_conservation_mois": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":240}}},
            "justification_conservation": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "volume_attendu": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":100000}}},
            "convention_reference": {"dataType":"string","validators":{"maxLength":{"value":100}}},
            "date_debut": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_fin": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "scopes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"validators":{"minItems":{"value":1},"maxItems":{"value":20}}},
            "motif": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MotifDemandeCorps": {
        "dataType": "refObject",
        "properties": {
            "motif": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TypeConvention": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["cadre_national"]},{"dataType":"enum","enums":["convention_locale"]},{"dataType":"enum","enums":["tripartite"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "StatutConvention": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["a_venir"]},{"dataType":"enum","enums":["en_vigueur"]},{"dataType":"enum","enums":["denoncee"]},{"dataType":"enum","enums":["expiree"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CelluleRecensement": {
        "dataType": "refObject",
        "properties": {
            "academie_code": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "academie": {"dataType":"string","required":true},
            "type": {"ref":"TypeConvention","required":true},
            "statut": {"ref":"StatutConvention","required":true},
            "nombre": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NatureCollectivite": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["commune"]},{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]},{"dataType":"enum","enums":["groupement"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtablissementPartie": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true,"validators":{"maxLength":{"value":8}}},
            "chef_etablissement": {"dataType":"string","required":true,"validators":{"maxLength":{"value":200}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PerimetreConvention": {
        "dataType": "refObject",
        "properties": {
            "traitements": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"required":true,"validators":{"maxItems":{"value":50}}},
            "apis": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"required":true,"validators":{"maxItems":{"value":50}}},
            "scopes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"required":true,"validators":{"maxItems":{"value":50}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PartieConvention": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["academie"]},{"dataType":"enum","enums":["collectivite"]},{"dataType":"enum","enums":["etablissement"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Convention": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "reference": {"dataType":"string","required":true},
            "type": {"ref":"TypeConvention","required":true},
            "academie": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"nom":{"dataType":"string","required":true},"code":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
            "collectivite": {"dataType":"nestedObjectLiteral","nestedProperties":{"nature":{"ref":"NatureCollectivite","required":true},"nom":{"dataType":"string","required":true},"siret":{"dataType":"string","required":true}},"required":true},
            "etablissements": {"dataType":"array","array":{"dataType":"refObject","ref":"EtablissementPartie"},"required":true},
            "objet": {"dataType":"string","required":true},
            "perimetre": {"ref":"PerimetreConvention","required":true},
            "date_signature": {"dataType":"string","required":true},
            "date_effet": {"dataType":"string","required":true},
            "duree_mois": {"dataType":"double","required":true},
            "reconduction_tacite": {"dataType":"boolean","required":true},
            "preavis_mois": {"dataType":"double","required":true},
            "date_denonciation": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "partie_denoncante": {"dataType":"union","subSchemas":[{"ref":"PartieConvention"},{"dataType":"enum","enums":[null]}],"required":true},
            "statut": {"ref":"StatutConvention","required":true},
            "dernier_jour": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "fin_periode_en_cours": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "document": {"dataType":"nestedObjectLiteral","nestedProperties":{"sha256":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"url":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true}},"required":true},
            "version": {"dataType":"double","required":true},
            "cree_le": {"dataType":"string","required":true},
            "modifie_le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Recensement": {
        "dataType": "refObject",
        "properties": {
            "vue": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["publique"]},{"dataType":"enum","enums":["detaillee"]}],"required":true},
            "date": {"dataType":"string","required":true},
            "total": {"dataType":"double","required":true},
            "agregats": {"dataType":"array","array":{"dataType":"refObject","ref":"CelluleRecensement"},"required":true},
            "conventions": {"dataType":"array","array":{"dataType":"refObject","ref":"Convention"}},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PerimetreConventionSaisi": {
        "dataType": "refObject",
        "properties": {
            "traitements": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"validators":{"maxItems":{"value":50}}},
            "apis": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"validators":{"maxItems":{"value":50}}},
            "scopes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"validators":{"maxItems":{"value":50}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EnregistrementConventionCorps": {
        "dataType": "refObject",
        "properties": {
            "reference": {"dataType":"string","required":true,"validators":{"maxLength":{"value":100}}},
            "type": {"ref":"TypeConvention","required":true},
            "academie_code": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"validators":{"maxLength":{"value":3}}},
            "collectivite_siret": {"dataType":"string","required":true,"validators":{"maxLength":{"value":14}}},
            "collectivite_nom": {"dataType":"string","required":true,"validators":{"maxLength":{"value":200}}},
            "collectivite_nature": {"ref":"NatureCollectivite","required":true},
            "etablissements": {"dataType":"array","array":{"dataType":"refObject","ref":"EtablissementPartie"},"validators":{"maxItems":{"value":500}}},
            "objet": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2000}}},
            "perimetre": {"ref":"PerimetreConventionSaisi"},
            "date_signature": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_effet": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "duree_mois": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":120}}},
            "reconduction_tacite": {"dataType":"boolean"},
            "preavis_mois": {"dataType":"integer","required":true,"validators":{"minimum":{"value":0},"maximum":{"value":24}}},
            "document_url": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"validators":{"maxLength":{"value":2048}}},
            "document_sha256": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"validators":{"pattern":{"value":"^[0-9a-f]{64}$"},"maxLength":{"value":64}}},
            "motif": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Record_string.unknown_": {
        "dataType": "refAlias",
        "type": {"dataType":"nestedObjectLiteral","nestedProperties":{},"additionalProperties":{"dataType":"any"},"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EntreeHistorique": {
        "dataType": "refObject",
        "properties": {
            "version": {"dataType":"double","required":true},
            "action": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["enregistrement"]},{"dataType":"enum","enums":["modification"]},{"dataType":"enum","enums":["denonciation"]}],"required":true},
            "champs_modifies": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "acteur": {"dataType":"string","required":true},
            "motif": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "le": {"dataType":"string","required":true},
            "etat": {"ref":"Record_string.unknown_","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AvenantCorps": {
        "dataType": "refObject",
        "properties": {
            "reference": {"dataType":"string","validators":{"maxLength":{"value":100}}},
            "type": {"ref":"TypeConvention"},
            "academie_code": {"dataType":"string","validators":{"maxLength":{"value":3}}},
            "collectivite_siret": {"dataType":"string","validators":{"maxLength":{"value":14}}},
            "collectivite_nom": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "collectivite_nature": {"ref":"NatureCollectivite"},
            "etablissements": {"dataType":"array","array":{"dataType":"refObject","ref":"EtablissementPartie"},"validators":{"maxItems":{"value":500}}},
            "objet": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "perimetre": {"ref":"PerimetreConventionSaisi"},
            "date_signature": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_effet": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "duree_mois": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":120}}},
            "reconduction_tacite": {"dataType":"boolean"},
            "preavis_mois": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":24}}},
            "document_url": {"dataType":"string","validators":{"maxLength":{"value":2048}}},
            "document_sha256": {"dataType":"string","validators":{"pattern":{"value":"^[0-9a-f]{64}$"},"maxLength":{"value":64}}},
            "motif": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DenonciationCorps": {
        "dataType": "refObject",
        "properties": {
            "date_denonciation": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "partie": {"ref":"PartieConvention","required":true},
            "motif": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ScopeCatalogue": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
            "description": {"dataType":"string","required":true},
            "champs": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "destinataires": {"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"base_legale":{"dataType":"string","required":true},"territoire":{"dataType":"string","required":true},"finalite":{"dataType":"string","required":true},"categorie":{"dataType":"string","required":true}}},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ApiCatalogue": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "titre": {"dataType":"string","required":true},
            "description": {"dataType":"string","required":true},
            "direction_responsable": {"dataType":"string","required":true},
            "statut": {"dataType":"string","required":true},
            "version": {"dataType":"string","required":true},
            "chemin_base": {"dataType":"string","required":true},
            "traitement": {"dataType":"nestedObjectLiteral","nestedProperties":{"duree_conservation_mois":{"dataType":"double","required":true},"base_legale_url":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"base_legale":{"dataType":"string","required":true},"responsable_traitement":{"dataType":"string","required":true},"nom":{"dataType":"string","required":true},"code":{"dataType":"string","required":true}},"required":true},
            "scopes": {"dataType":"array","array":{"dataType":"refObject","ref":"ScopeCatalogue"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Catalogue": {
        "dataType": "refObject",
        "properties": {
            "apis": {"dataType":"array","array":{"dataType":"refObject","ref":"ApiCatalogue"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "JetonAcces": {
        "dataType": "refObject",
        "properties": {
            "access_token": {"dataType":"string","required":true},
            "token_type": {"dataType":"enum","enums":["Bearer"],"required":true},
            "expires_in": {"dataType":"integer","required":true},
            "scope": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DemandeJeton": {
        "dataType": "refObject",
        "properties": {
            "grant_type": {"dataType":"string","required":true,"validators":{"maxLength":{"value":4096}}},
            "scope": {"dataType":"string","validators":{"maxLength":{"value":4096}}},
            "client_id": {"dataType":"string","validators":{"maxLength":{"value":4096}}},
            "client_secret": {"dataType":"string","validators":{"maxLength":{"value":4096}}},
        },
        "additionalProperties": {"dataType":"any"},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Introspection": {
        "dataType": "refObject",
        "properties": {
            "active": {"dataType":"boolean","required":true},
            "scope": {"dataType":"string"},
            "client_id": {"dataType":"string"},
            "token_type": {"dataType":"enum","enums":["Bearer"]},
            "exp": {"dataType":"integer"},
            "iat": {"dataType":"integer"},
            "sub": {"dataType":"string"},
            "iss": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DesignationJeton": {
        "dataType": "refObject",
        "properties": {
            "token": {"dataType":"string","required":true,"validators":{"maxLength":{"value":4096}}},
            "token_type_hint": {"dataType":"string","validators":{"maxLength":{"value":4096}}},
            "client_id": {"dataType":"string","validators":{"maxLength":{"value":4096}}},
            "client_secret": {"dataType":"string","validators":{"maxLength":{"value":4096}}},
        },
        "additionalProperties": {"dataType":"any"},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MetadonneesServeurAutorisation": {
        "dataType": "refObject",
        "properties": {
            "issuer": {"dataType":"string","required":true},
            "token_endpoint": {"dataType":"string","required":true},
            "introspection_endpoint": {"dataType":"string","required":true},
            "revocation_endpoint": {"dataType":"string","required":true},
            "grant_types_supported": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "response_types_supported": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "token_endpoint_auth_methods_supported": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "introspection_endpoint_auth_methods_supported": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "revocation_endpoint_auth_methods_supported": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "scopes_supported": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "service_documentation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Sexe": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["M"]},{"dataType":"enum","enums":["F"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "IdentiteEleve": {
        "dataType": "refObject",
        "properties": {
            "nom": {"dataType":"string","required":true},
            "prenoms": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "sexe": {"ref":"Sexe","required":true},
            "date_naissance": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtablissementScolarite": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "code_ministere_tutelle": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModuleElementaireFormation": {
        "dataType": "refObject",
        "properties": {
            "code_mef_stat": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeNomenclatureSiecle": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "StatutEleve": {
        "dataType": "refObject",
        "properties": {
            "identite": {"ref":"IdentiteEleve"},
            "est_scolarise": {"dataType":"boolean"},
            "etablissement": {"ref":"EtablissementScolarite"},
            "module_elementaire_formation": {"dataType":"union","subSchemas":[{"ref":"ModuleElementaireFormation"},{"dataType":"enum","enums":[null]}]},
            "statut_eleve": {"dataType":"union","subSchemas":[{"ref":"CodeNomenclatureSiecle"},{"dataType":"enum","enums":[null]}]},
            "annee_scolaire": {"dataType":"string"},
            "est_boursier": {"dataType":"boolean"},
            "echelon_bourse": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}]},
            "regime_pensionnat": {"dataType":"union","subSchemas":[{"ref":"CodeNomenclatureSiecle"},{"dataType":"enum","enums":[null]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Prenom": {
        "dataType": "refAlias",
        "type": {"dataType":"string","validators":{"maxLength":{"value":100}}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeTerritoire": {
        "dataType": "refAlias",
        "type": {"dataType":"string","validators":{"maxLength":{"value":3}}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeExamen": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["dnb"]},{"dataType":"enum","enums":["bac"]},{"dataType":"enum","enums":["cap"]},{"dataType":"enum","enums":["bts"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ExamenPublie": {
        "dataType": "refObject",
        "properties": {
            "code": {"ref":"CodeExamen","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtablissementExamen": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "code_commune": {"dataType":"string","required":true},
            "nom_commune": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NiveauTerritoire": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["commune"]},{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TerritoireExamen": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"ref":"NiveauTerritoire","required":true},
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
            "nombre_etablissements": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeVoie": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["generale"]},{"dataType":"enum","enums":["technologique"]},{"dataType":"enum","enums":["professionnelle"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CelluleStatistique": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"valeur":{"dataType":"double","required":true}}},{"dataType":"nestedObjectLiteral","nestedProperties":{"secret":{"dataType":"enum","enums":[true],"required":true},"valeur":{"dataType":"enum","enums":[null],"required":true}}}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MentionsResultats": {
        "dataType": "refObject",
        "properties": {
            "sans_mention": {"ref":"CelluleStatistique","required":true},
            "assez_bien": {"ref":"CelluleStatistique"},
            "bien": {"ref":"CelluleStatistique"},
            "tres_bien": {"ref":"CelluleStatistique"},
            "tres_bien_felicitations": {"ref":"CelluleStatistique"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ResultatsSerie": {
        "dataType": "refObject",
        "properties": {
            "inscrits": {"ref":"CelluleStatistique","required":true},
            "presents": {"ref":"CelluleStatistique","required":true},
            "admis": {"ref":"CelluleStatistique","required":true},
            "taux_reussite": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "mentions": {"ref":"MentionsResultats"},
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ResultatsVoie": {
        "dataType": "refObject",
        "properties": {
            "inscrits": {"ref":"CelluleStatistique","required":true},
            "presents": {"ref":"CelluleStatistique","required":true},
            "admis": {"ref":"CelluleStatistique","required":true},
            "taux_reussite": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "mentions": {"ref":"MentionsResultats"},
            "code": {"ref":"CodeVoie","required":true},
            "libelle": {"dataType":"string","required":true},
            "series": {"dataType":"array","array":{"dataType":"refObject","ref":"ResultatsSerie"}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ResultatsExamen": {
        "dataType": "refObject",
        "properties": {
            "inscrits": {"ref":"CelluleStatistique","required":true},
            "presents": {"ref":"CelluleStatistique","required":true},
            "admis": {"ref":"CelluleStatistique","required":true},
            "taux_reussite": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "mentions": {"ref":"MentionsResultats"},
            "session": {"dataType":"double","required":true},
            "examen": {"ref":"ExamenPublie","required":true},
            "etablissement": {"ref":"EtablissementExamen"},
            "territoire": {"ref":"TerritoireExamen"},
            "source": {"dataType":"string","required":true},
            "secret_statistique": {"dataType":"nestedObjectLiteral","nestedProperties":{"regle":{"dataType":"string","required":true},"seuil":{"dataType":"double","required":true}},"required":true},
            "voies": {"dataType":"array","array":{"dataType":"refObject","ref":"ResultatsVoie"}},
            "series": {"dataType":"array","array":{"dataType":"refObject","ref":"ResultatsSerie"}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeMention": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["AB"]},{"dataType":"enum","enums":["B"]},{"dataType":"enum","enums":["TB"]},{"dataType":"enum","enums":["TBF"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdresseContact": {
        "dataType": "refObject",
        "properties": {
            "ligne": {"dataType":"string","required":true},
            "code_postal": {"dataType":"string","required":true},
            "code_commune": {"dataType":"string","required":true},
            "commune": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Laureat": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "prenoms": {"dataType":"string","required":true},
            "date_naissance": {"dataType":"string","required":true},
            "etablissement": {"ref":"EtablissementExamen","required":true},
            "serie": {"dataType":"nestedObjectLiteral","nestedProperties":{"libelle":{"dataType":"string","required":true},"code":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"voie":{"ref":"CodeVoie","required":true}},"required":true},
            "mention": {"dataType":"nestedObjectLiteral","nestedProperties":{"libelle":{"dataType":"string","required":true},"code":{"ref":"CodeMention","required":true}},"required":true},
            "adresse_contact": {"ref":"AdresseContact"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListeLaureats": {
        "dataType": "refObject",
        "properties": {
            "session": {"dataType":"double","required":true},
            "mention_minimale": {"ref":"CodeMention","required":true},
            "nombre_exclus_sans_consentement": {"dataType":"double","required":true},
            "laureats": {"dataType":"array","array":{"dataType":"refObject","ref":"Laureat"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConsentementEnregistre": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"double","required":true},
            "id_interne": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConsentementCorps": {
        "dataType": "refObject",
        "properties": {
            "ine": {"dataType":"string","validators":{"pattern":{"value":"^[0-9A-Za-z]{11}$"},"maxLength":{"value":11}}},
            "id_interne": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "finalite": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "siret": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
            "portee": {"dataType":"nestedObjectLiteral","nestedProperties":{"adresse_contact":{"dataType":"boolean"}}},
            "date_recueil": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_expiration": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "origine": {"dataType":"string","required":true,"validators":{"maxLength":{"value":128}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ConsentementsRetires": {
        "dataType": "refObject",
        "properties": {
            "consentements_retires": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RetraitCorps": {
        "dataType": "refObject",
        "properties": {
            "ine": {"dataType":"string","validators":{"pattern":{"value":"^[0-9A-Za-z]{11}$"},"maxLength":{"value":11}}},
            "id_interne": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "finalite": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "siret": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
            "date": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LieuNaissance": {
        "dataType": "refObject",
        "properties": {
            "code_insee": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Adresse": {
        "dataType": "refObject",
        "properties": {
            "ligne": {"dataType":"string","required":true},
            "code_postal": {"dataType":"string","required":true},
            "code_insee": {"dataType":"string","required":true},
            "commune": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeLibelle": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtablissementFrequente": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "nom": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_insee": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Scolarite": {
        "dataType": "refObject",
        "properties": {
            "annee_scolaire": {"dataType":"string","required":true},
            "mode_instruction": {"dataType":"union","subSchemas":[{"ref":"CodeLibelle"},{"dataType":"enum","enums":[null]}]},
            "etablissement": {"dataType":"union","subSchemas":[{"ref":"EtablissementFrequente"},{"dataType":"enum","enums":[null]}],"required":true},
            "niveau": {"dataType":"union","subSchemas":[{"ref":"CodeLibelle"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Responsable": {
        "dataType": "refObject",
        "properties": {
            "nom": {"dataType":"string","required":true},
            "prenoms": {"dataType":"string","required":true},
            "lien": {"ref":"CodeLibelle","required":true},
            "adresse": {"ref":"Adresse","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EnfantSoumisObligation": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "nom": {"dataType":"string"},
            "prenoms": {"dataType":"string"},
            "sexe": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["F"]},{"dataType":"enum","enums":["M"]}]},
            "date_naissance": {"dataType":"string"},
            "lieu_naissance": {"ref":"LieuNaissance"},
            "adresse": {"ref":"Adresse"},
            "mode_instruction": {"ref":"CodeLibelle"},
            "scolarite_actuelle": {"ref":"Scolarite"},
            "scolarite_precedente": {"ref":"Scolarite"},
            "responsables": {"dataType":"array","array":{"dataType":"refObject","ref":"Responsable"}},
            "date_mise_a_jour": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListeEnfantsSoumisObligation": {
        "dataType": "refObject",
        "properties": {
            "code_commune": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "annee_scolaire": {"dataType":"string","required":true},
            "nombre_total": {"dataType":"double","required":true},
            "nombre_exclus": {"dataType":"double"},
            "enfants": {"dataType":"array","array":{"dataType":"refObject","ref":"EnfantSoumisObligation"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModificationEnfant": {
        "dataType": "refObject",
        "properties": {
            "champs_modifies": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "enfant": {"ref":"EnfantSoumisObligation","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MotifRetrait": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["demenagement"]},{"dataType":"enum","enums":["fin_obligation"]},{"dataType":"enum","enums":["correction"]},{"dataType":"enum","enums":["hors_perimetre"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RetraitEnfant": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "motif": {"ref":"MotifRetrait","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ChangementsEnfantsSoumisObligation": {
        "dataType": "refObject",
        "properties": {
            "code_commune": {"dataType":"string","required":true},
            "depuis": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "ajouts": {"dataType":"array","array":{"dataType":"refObject","ref":"EnfantSoumisObligation"},"required":true},
            "modifications": {"dataType":"array","array":{"dataType":"refObject","ref":"ModificationEnfant"},"required":true},
            "retraits": {"dataType":"array","array":{"dataType":"refObject","ref":"RetraitEnfant"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TypeEtablissement": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["ecole"]},{"dataType":"enum","enums":["college"]},{"dataType":"enum","enums":["lycee"]},{"dataType":"enum","enums":["erea"]},{"dataType":"enum","enums":["medico_social"]},{"dataType":"enum","enums":["information_orientation"]},{"dataType":"enum","enums":["service_administratif"]},{"dataType":"enum","enums":["autre"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "StatutEtablissement": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["public"]},{"dataType":"enum","enums":["prive"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EtatEtablissement": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["OUVERT"]},{"dataType":"enum","enums":["FERME"]},{"dataType":"enum","enums":["A OUVRIR"]},{"dataType":"enum","enums":["A FERMER"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Etablissement": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "type": {"ref":"TypeEtablissement","required":true},
            "type_libelle": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "statut": {"dataType":"union","subSchemas":[{"ref":"StatutEtablissement"},{"dataType":"enum","enums":[null]}],"required":true},
            "type_contrat_prive": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "nature_code": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "nature_libelle": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "adresse_1": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "adresse_2": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "adresse_3": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_postal": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_commune": {"dataType":"string","required":true},
            "nom_commune": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_departement": {"dataType":"string","required":true},
            "code_academie": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_region": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "ecole_maternelle": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "ecole_elementaire": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "voie_generale": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "voie_technologique": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "voie_professionnelle": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "restauration": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "hebergement": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "ulis": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "segpa": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "education_prioritaire": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "siret": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "nombre_eleves": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "latitude": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "longitude": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "etat": {"ref":"EtatEtablissement","required":true},
            "date_ouverture": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "date_fermeture": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "date_maj": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "ministere_tutelle": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "PageEtablissements": {
        "dataType": "refObject",
        "properties": {
            "etablissements": {"dataType":"array","array":{"dataType":"refObject","ref":"Etablissement"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SecretStatistique": {
        "dataType": "refObject",
        "properties": {
            "seuil": {"dataType":"double","required":true},
            "regle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "LigneEffectifs": {
        "dataType": "refObject",
        "properties": {
            "effectif": {"ref":"CelluleStatistique","required":true},
            "filles": {"ref":"CelluleStatistique","required":true},
            "garcons": {"ref":"CelluleStatistique","required":true},
            "boursiers": {"ref":"CelluleStatistique"},
            "non_boursiers": {"ref":"CelluleStatistique"},
            "externes": {"ref":"CelluleStatistique"},
            "demi_pensionnaires": {"ref":"CelluleStatistique"},
            "internes": {"ref":"CelluleStatistique"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EffectifsFormation": {
        "dataType": "refObject",
        "properties": {
            "effectif": {"ref":"CelluleStatistique","required":true},
            "filles": {"ref":"CelluleStatistique","required":true},
            "garcons": {"ref":"CelluleStatistique","required":true},
            "boursiers": {"ref":"CelluleStatistique"},
            "non_boursiers": {"ref":"CelluleStatistique"},
            "externes": {"ref":"CelluleStatistique"},
            "demi_pensionnaires": {"ref":"CelluleStatistique"},
            "internes": {"ref":"CelluleStatistique"},
            "code_mef_stat": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EffectifsNiveau": {
        "dataType": "refObject",
        "properties": {
            "effectif": {"ref":"CelluleStatistique","required":true},
            "filles": {"ref":"CelluleStatistique","required":true},
            "garcons": {"ref":"CelluleStatistique","required":true},
            "boursiers": {"ref":"CelluleStatistique"},
            "non_boursiers": {"ref":"CelluleStatistique"},
            "externes": {"ref":"CelluleStatistique"},
            "demi_pensionnaires": {"ref":"CelluleStatistique"},
            "internes": {"ref":"CelluleStatistique"},
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
            "formations": {"dataType":"array","array":{"dataType":"refObject","ref":"EffectifsFormation"}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EffectifsEtablissement": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "annee_scolaire": {"dataType":"string","required":true},
            "source": {"dataType":"string","required":true},
            "secret_statistique": {"ref":"SecretStatistique","required":true},
            "total": {"ref":"LigneEffectifs","required":true},
            "niveaux": {"dataType":"array","array":{"dataType":"refObject","ref":"EffectifsNiveau"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CapaciteNiveau": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
            "divisions": {"dataType":"double","required":true},
            "places_par_division": {"dataType":"double","required":true},
            "places": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CapacitesAnnee": {
        "dataType": "refObject",
        "properties": {
            "annee_scolaire": {"dataType":"string","required":true},
            "nature": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["structure"]},{"dataType":"enum","enums":["prevision"]}],"required":true},
            "niveaux": {"dataType":"array","array":{"dataType":"refObject","ref":"CapaciteNiveau"},"required":true},
            "divisions": {"dataType":"double","required":true},
            "places": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CapacitesEtablissement": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "annee_scolaire": {"dataType":"string","required":true},
            "source": {"dataType":"string","required":true},
            "annees": {"dataType":"array","array":{"dataType":"refObject","ref":"CapacitesAnnee"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TerritoirePrevisions": {
        "dataType": "refObject",
        "properties": {
            "code_commune": {"dataType":"string"},
            "code_departement": {"dataType":"string"},
            "code_region": {"dataType":"string"},
            "types_etablissement": {"dataType":"union","subSchemas":[{"dataType":"array","array":{"dataType":"refAlias","ref":"TypeEtablissement"}},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TauxPublie": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"dataType":"string","required":true},
            "depuis": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "taux": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "entree_moyenne": {"dataType":"union","subSchemas":[{"ref":"CelluleStatistique"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EffectifNiveau": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
            "effectif": {"ref":"CelluleStatistique","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EffectifsAnnee": {
        "dataType": "refObject",
        "properties": {
            "annee_scolaire": {"dataType":"string","required":true},
            "niveaux": {"dataType":"array","array":{"dataType":"refObject","ref":"EffectifNiveau"},"required":true},
            "total": {"ref":"CelluleStatistique","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MethodePrevision": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"enum","enums":["matrice_de_passage"],"required":true},
            "description": {"dataType":"string","required":true},
            "annees_historique": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "taux": {"dataType":"array","array":{"dataType":"refObject","ref":"TauxPublie"},"required":true},
            "constat": {"ref":"EffectifsAnnee","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Previsions": {
        "dataType": "refObject",
        "properties": {
            "territoire": {"ref":"TerritoirePrevisions","required":true},
            "annee_reference": {"dataType":"string","required":true},
            "horizon": {"dataType":"double","required":true},
            "source": {"dataType":"string","required":true},
            "methode": {"ref":"MethodePrevision","required":true},
            "previsions": {"dataType":"array","array":{"dataType":"refObject","ref":"EffectifsAnnee"},"required":true},
            "secret_statistique": {"ref":"SecretStatistique","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Habilitation": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "api_id": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "regle_code": {"dataType":"string","required":true},
            "finalite_code": {"dataType":"string","required":true},
            "scopes": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "intitule": {"dataType":"string","required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale_texte": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "base_legale_url": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "duree_conservation_mois": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "justification_conservation": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "responsable_traitement": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "dpo": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "dpo_nom": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "volume_attendu": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "convention_id": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "version": {"dataType":"double","required":true},
            "remplace_id": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "date_debut": {"dataType":"string","required":true},
            "date_fin": {"dataType":"string","required":true},
            "date_fin_effective": {"dataType":"string","required":true},
            "statut": {"ref":"StatutHabilitation","required":true},
            "motif": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "HabilitationCorps": {
        "dataType": "refObject",
        "properties": {
            "finalite": {"dataType":"string","required":true,"validators":{"maxLength":{"value":64}}},
            "scopes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"required":true,"validators":{"maxItems":{"value":50}}},
            "intitule": {"dataType":"string","required":true,"validators":{"maxLength":{"value":200}}},
            "date_debut": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_fin": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "description": {"dataType":"string","validators":{"maxLength":{"value":4000}}},
            "base_legale_texte": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "base_legale_url": {"dataType":"string","validators":{"maxLength":{"value":2048}}},
            "duree_conservation_mois": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":1200}}},
            "justification_conservation": {"dataType":"string","validators":{"maxLength":{"value":4000}}},
            "responsable_traitement": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "dpo": {"dataType":"string","validators":{"maxLength":{"value":320}}},
            "dpo_nom": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "volume_attendu": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":10000000}}},
            "convention_id": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "siret": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
            "brouillon": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Transition": {
        "dataType": "refObject",
        "properties": {
            "de": {"dataType":"union","subSchemas":[{"ref":"StatutHabilitation"},{"dataType":"enum","enums":[null]}],"required":true},
            "vers": {"ref":"StatutHabilitation","required":true},
            "acteur": {"dataType":"string","required":true},
            "motif": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModificationHabilitationCorps": {
        "dataType": "refObject",
        "properties": {
            "finalite": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "scopes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeRegistre"},"validators":{"maxItems":{"value":50}}},
            "intitule": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "date_debut": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "date_fin": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "description": {"dataType":"string","validators":{"maxLength":{"value":4000}}},
            "base_legale_texte": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
            "base_legale_url": {"dataType":"string","validators":{"maxLength":{"value":2048}}},
            "duree_conservation_mois": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":1200}}},
            "justification_conservation": {"dataType":"string","validators":{"maxLength":{"value":4000}}},
            "responsable_traitement": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "dpo": {"dataType":"string","validators":{"maxLength":{"value":320}}},
            "dpo_nom": {"dataType":"string","validators":{"maxLength":{"value":200}}},
            "volume_attendu": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":10000000}}},
            "convention_id": {"dataType":"string","validators":{"maxLength":{"value":64}}},
            "motif": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MotifCorps": {
        "dataType": "refObject",
        "properties": {
            "motif": {"dataType":"string","validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MotifObligatoireCorps": {
        "dataType": "refObject",
        "properties": {
            "motif": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CategorieDestinataire": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["commune"]},{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]},{"dataType":"enum","enums":["mission_locale"]},{"dataType":"enum","enums":["epci"]},{"dataType":"enum","enums":["syndicat_scolaire"]},{"dataType":"enum","enums":["administration"]},{"dataType":"enum","enums":["editeur"]},{"dataType":"enum","enums":["ministere"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Groupement": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "nature": {"ref":"NatureGroupement","required":true},
            "libelle_nature": {"dataType":"string","required":true},
            "source_membres": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["decoupage_administratif"]},{"dataType":"enum","enums":["registre"]}],"required":true},
            "communes": {"dataType":"array","array":{"dataType":"refObject","ref":"CommuneMembre"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Destinataire": {
        "dataType": "refObject",
        "properties": {
            "siret": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "categorie_code": {"ref":"CategorieDestinataire","required":true},
            "code_commune": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_departement": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_region": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "pour_compte_de_siret": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "groupement": {"dataType":"union","subSchemas":[{"ref":"Groupement"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeInsee": {
        "dataType": "refAlias",
        "type": {"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{5}|2[AB]\\d{3})$"},"maxLength":{"value":5}}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DestinataireCorps": {
        "dataType": "refObject",
        "properties": {
            "siret": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
            "nom": {"dataType":"string","required":true,"validators":{"maxLength":{"value":200}}},
            "categorie": {"ref":"CategorieDestinataire","required":true},
            "code_commune": {"dataType":"string","validators":{"maxLength":{"value":5}}},
            "code_departement": {"dataType":"string","validators":{"maxLength":{"value":3}}},
            "code_region": {"dataType":"string","validators":{"maxLength":{"value":3}}},
            "pour_compte_de_siret": {"dataType":"string","validators":{"maxLength":{"value":14}}},
            "code_epci": {"dataType":"string","validators":{"pattern":{"value":"^\\d{9}$"},"maxLength":{"value":9}}},
            "nature": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["sivu"]},{"dataType":"enum","enums":["sivom"]}]},
            "communes": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeInsee"},"validators":{"minItems":{"value":2},"maxItems":{"value":500}}},
            "date_effet": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "TypeMouvement": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["adhesion"]},{"dataType":"enum","enums":["retrait"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MouvementAdhesion": {
        "dataType": "refObject",
        "properties": {
            "code_commune": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "mouvement": {"ref":"TypeMouvement","required":true},
            "date_effet": {"dataType":"string","required":true},
            "acteur": {"dataType":"string","required":true},
            "motif": {"dataType":"string","required":true},
            "enregistre_le": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "HistoriqueGroupement": {
        "dataType": "refObject",
        "properties": {
            "siret": {"dataType":"string","required":true},
            "groupement": {"ref":"Groupement","required":true},
            "mouvements": {"dataType":"array","array":{"dataType":"refObject","ref":"MouvementAdhesion"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdhesionCorps": {
        "dataType": "refObject",
        "properties": {
            "code_commune": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^(?:\\d{5}|2[AB]\\d{3})$"},"maxLength":{"value":5}}},
            "date_effet": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "motif": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":500}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RetraitCommuneCorps": {
        "dataType": "refObject",
        "properties": {
            "date_effet": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
            "motif": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":500}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientListe": {
        "dataType": "refObject",
        "properties": {
            "client_id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "demo": {"dataType":"boolean","required":true},
            "actif": {"dataType":"boolean","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientCree": {
        "dataType": "refObject",
        "properties": {
            "client_id": {"dataType":"string","required":true},
            "siret": {"dataType":"string","required":true},
            "nom": {"dataType":"string","required":true},
            "demo": {"dataType":"boolean","required":true},
            "client_secret": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientCorps": {
        "dataType": "refObject",
        "properties": {
            "siret": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
            "nom": {"dataType":"string","required":true,"validators":{"maxLength":{"value":200}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RotationCorps": {
        "dataType": "refObject",
        "properties": {
            "recouvrement_heures": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":720}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClasseEleve": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"dataType":"union","subSchemas":[{"ref":"CodeLibelle"},{"dataType":"enum","enums":[null]}],"required":true},
            "mef": {"dataType":"union","subSchemas":[{"ref":"CodeLibelle"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ResponsableEleve": {
        "dataType": "refObject",
        "properties": {
            "nom": {"dataType":"string","required":true},
            "prenoms": {"dataType":"string","required":true},
            "lien": {"ref":"CodeLibelle","required":true},
            "adresse": {"ref":"Adresse","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EleveListeEtablissement": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "nom": {"dataType":"string"},
            "prenoms": {"dataType":"string"},
            "date_naissance": {"dataType":"string"},
            "classe": {"ref":"ClasseEleve"},
            "regime": {"ref":"CodeLibelle"},
            "echelon_bourse": {"dataType":"double"},
            "responsables": {"dataType":"array","array":{"dataType":"refObject","ref":"ResponsableEleve"}},
            "date_mise_a_jour": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListeElevesEtablissement": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "annee_scolaire": {"dataType":"string","required":true},
            "nombre_total": {"dataType":"double","required":true},
            "nombre_exclus": {"dataType":"double"},
            "eleves": {"dataType":"array","array":{"dataType":"refObject","ref":"EleveListeEtablissement"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModificationEleve": {
        "dataType": "refObject",
        "properties": {
            "champs_modifies": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "eleve": {"ref":"EleveListeEtablissement","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MotifRetraitEleve": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["demenagement"]},{"dataType":"enum","enums":["changement_etablissement"]},{"dataType":"enum","enums":["changement_regime"]},{"dataType":"enum","enums":["fin_bourse"]},{"dataType":"enum","enums":["correction"]},{"dataType":"enum","enums":["hors_perimetre"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RetraitEleve": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "motif": {"ref":"MotifRetraitEleve","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ChangementsElevesEtablissement": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "depuis": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "ajouts": {"dataType":"array","array":{"dataType":"refObject","ref":"EleveListeEtablissement"},"required":true},
            "modifications": {"dataType":"array","array":{"dataType":"refObject","ref":"ModificationEleve"},"required":true},
            "retraits": {"dataType":"array","array":{"dataType":"refObject","ref":"RetraitEleve"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NiveauTerritoireFormation": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CommuneResidence": {
        "dataType": "refObject",
        "properties": {
            "code_insee": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AdresseJeune": {
        "dataType": "refObject",
        "properties": {
            "ligne": {"dataType":"string","required":true},
            "code_postal": {"dataType":"string","required":true},
            "code_insee": {"dataType":"string","required":true},
            "commune": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DernierEtablissement": {
        "dataType": "refObject",
        "properties": {
            "uai": {"dataType":"string","required":true},
            "nom": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "code_insee": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeLibelleFormation": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DerniereClasse": {
        "dataType": "refObject",
        "properties": {
            "annee_scolaire": {"dataType":"string","required":true},
            "niveau": {"ref":"CodeLibelleFormation","required":true},
            "mef": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"libelle":{"dataType":"string","required":true},"code_mef_stat":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "JeuneObligationFormation": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "nom": {"dataType":"string"},
            "prenoms": {"dataType":"string"},
            "sexe": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["F"]},{"dataType":"enum","enums":["M"]}]},
            "date_naissance": {"dataType":"string"},
            "commune_residence": {"ref":"CommuneResidence"},
            "adresse": {"ref":"AdresseJeune"},
            "dernier_etablissement": {"dataType":"union","subSchemas":[{"ref":"DernierEtablissement"},{"dataType":"enum","enums":[null]}]},
            "derniere_classe": {"ref":"DerniereClasse"},
            "date_sortie": {"dataType":"string"},
            "motif_entree": {"ref":"CodeLibelleFormation"},
            "date_mise_a_jour": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ListeJeunesObligationFormation": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"ref":"NiveauTerritoireFormation","required":true},
            "code": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "annee_scolaire": {"dataType":"string","required":true},
            "nombre_total": {"dataType":"double","required":true},
            "jeunes": {"dataType":"array","array":{"dataType":"refObject","ref":"JeuneObligationFormation"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModificationJeune": {
        "dataType": "refObject",
        "properties": {
            "champs_modifies": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "jeune": {"ref":"JeuneObligationFormation","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MotifRetraitFormation": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["fin_obligation"]},{"dataType":"enum","enums":["retour_formation"]},{"dataType":"enum","enums":["apprentissage"]},{"dataType":"enum","enums":["emploi_ou_service_civique"]},{"dataType":"enum","enums":["demenagement"]},{"dataType":"enum","enums":["correction"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RetraitJeune": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "motif": {"ref":"MotifRetraitFormation","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ChangementsJeunesObligationFormation": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"ref":"NiveauTerritoireFormation","required":true},
            "code": {"dataType":"string","required":true},
            "depuis": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "ajouts": {"dataType":"array","array":{"dataType":"refObject","ref":"JeuneObligationFormation"},"required":true},
            "modifications": {"dataType":"array","array":{"dataType":"refObject","ref":"ModificationJeune"},"required":true},
            "retraits": {"dataType":"array","array":{"dataType":"refObject","ref":"RetraitJeune"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ZoneResidence": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["commune"]},{"dataType":"enum","enums":["epci"]},{"dataType":"enum","enums":["departement_autres"]},{"dataType":"enum","enums":["autres"]},{"dataType":"enum","enums":["departement"]}],"required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FormationAnonymisee": {
        "dataType": "refObject",
        "properties": {
            "niveau": {"ref":"CodeLibelle","required":true},
            "mef": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"libelle":{"dataType":"string","required":true},"code_mef_stat":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeOrigineSociale": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["tres_favorisee"]},{"dataType":"enum","enums":["favorisee"]},{"dataType":"enum","enums":["moyenne"]},{"dataType":"enum","enums":["defavorisee"]},{"dataType":"enum","enums":["non_renseignee"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OrigineSociale": {
        "dataType": "refObject",
        "properties": {
            "code": {"ref":"CodeOrigineSociale","required":true},
            "libelle": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CodeGeneralisation": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["echelon_masque"]},{"dataType":"enum","enums":["mef_vers_niveau"]},{"dataType":"enum","enums":["zone_elargie"]},{"dataType":"enum","enums":["regime_masque"]},{"dataType":"enum","enums":["boursier_masque"]},{"dataType":"enum","enums":["formation_masquee"]},{"dataType":"enum","enums":["zone_masquee"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EleveAnonymise": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "zone_residence": {"dataType":"union","subSchemas":[{"ref":"ZoneResidence"},{"dataType":"enum","enums":[null]}],"required":true},
            "uai": {"dataType":"string","required":true},
            "formation": {"dataType":"union","subSchemas":[{"ref":"FormationAnonymisee"},{"dataType":"enum","enums":[null]}],"required":true},
            "regime": {"dataType":"union","subSchemas":[{"ref":"CodeLibelle"},{"dataType":"enum","enums":[null]}],"required":true},
            "boursier": {"dataType":"union","subSchemas":[{"dataType":"boolean"},{"dataType":"enum","enums":[null]}],"required":true},
            "echelon_bourse": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}]},
            "origine_sociale": {"ref":"OrigineSociale","required":true},
            "generalisations": {"dataType":"array","array":{"dataType":"refAlias","ref":"CodeGeneralisation"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Record_string.number_": {
        "dataType": "refAlias",
        "type": {"dataType":"nestedObjectLiteral","nestedProperties":{},"additionalProperties":{"dataType":"double"},"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SecretDuFichier": {
        "dataType": "refObject",
        "properties": {
            "seuil": {"dataType":"double","required":true},
            "quasi_identifiants": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "lignes_generalisees": {"ref":"Record_string.number_","required":true},
            "lignes_retenues": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ZoneDuFichier": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["commune"]},{"dataType":"enum","enums":["epci"]},{"dataType":"enum","enums":["departement_autres"]},{"dataType":"enum","enums":["autres"]},{"dataType":"enum","enums":["departement"]}],"required":true},
            "libelle": {"dataType":"string","required":true},
            "communes": {"dataType":"array","array":{"dataType":"string"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FichierElevesAnonymises": {
        "dataType": "refObject",
        "properties": {
            "code_territoire": {"dataType":"string","required":true},
            "niveau_territoire": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]}],"required":true},
            "types_etablissement": {"dataType":"array","array":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["college"]},{"dataType":"enum","enums":["lycee"]}]},"required":true},
            "annee_scolaire": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "nombre_eleves": {"dataType":"double","required":true},
            "secret_statistique": {"ref":"SecretDuFichier","required":true},
            "zones": {"dataType":"array","array":{"dataType":"refObject","ref":"ZoneDuFichier"},"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
            "eleves": {"dataType":"array","array":{"dataType":"refObject","ref":"EleveAnonymise"},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ModificationEleveAnonymise": {
        "dataType": "refObject",
        "properties": {
            "champs_modifies": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "eleve": {"ref":"EleveAnonymise","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ChangementsElevesAnonymises": {
        "dataType": "refObject",
        "properties": {
            "code_territoire": {"dataType":"string","required":true},
            "niveau_territoire": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["departement"]},{"dataType":"enum","enums":["region"]}],"required":true},
            "depuis": {"dataType":"string","required":true},
            "date_reference": {"dataType":"string","required":true},
            "ajouts": {"dataType":"array","array":{"dataType":"refObject","ref":"EleveAnonymise"},"required":true},
            "modifications": {"dataType":"array","array":{"dataType":"refObject","ref":"ModificationEleveAnonymise"},"required":true},
            "retraits": {"dataType":"array","array":{"dataType":"nestedObjectLiteral","nestedProperties":{"id":{"dataType":"string","required":true}}},"required":true},
            "curseur_suivant": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "jeton_synchronisation": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
};
const templateService = new ExpressTemplateService(models, {"noImplicitAdditionalProperties":"throw-on-extras","bodyCoercion":true});

// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa




export function RegisterRoutes(app: Router) {

    // ###########################################################################################################
    //  NOTE: If you do not see routes for all of your controllers in this file, then you might not have informed tsoa of where to look
    //      Please look into the "controllerPathGlobs" config option described in the readme: https://github.com/lukeautry/tsoa
    // ###########################################################################################################


    
        const argsSanteController_vivacite: Record<string, TsoaRoute.ParameterSchema> = {
        };
        app.get('/health',
            ...(fetchMiddlewares<RequestHandler>(SanteController)),
            ...(fetchMiddlewares<RequestHandler>(SanteController.prototype.vivacite)),

            async function SanteController_vivacite(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsSanteController_vivacite, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<SanteController>(SanteController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'vivacite',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsSanteController_disponibilite: Record<string, TsoaRoute.ParameterSchema> = {
        };
        app.get('/health/ready',
            ...(fetchMiddlewares<RequestHandler>(SanteController)),
            ...(fetchMiddlewares<RequestHandler>(SanteController.prototype.disponibilite)),

            async function SanteController_disponibilite(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsSanteController_disponibilite, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<SanteController>(SanteController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'disponibilite',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOppositionsController_enregistrerOpposition: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                corps: {"in":"body","name":"corps","required":true,"ref":"OppositionCorps"},
        };
        app.post('/dpo/oppositions',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(OppositionsController)),
            ...(fetchMiddlewares<RequestHandler>(OppositionsController.prototype.enregistrerOpposition)),

            async function OppositionsController_enregistrerOpposition(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOppositionsController_enregistrerOpposition, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<OppositionsController>(OppositionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'enregistrerOpposition',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOppositionsController_leverOpposition: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                corps: {"in":"body","name":"corps","required":true,"ref":"LeveeOppositionCorps"},
        };
        app.post('/dpo/oppositions/levees',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(OppositionsController)),
            ...(fetchMiddlewares<RequestHandler>(OppositionsController.prototype.leverOpposition)),

            async function OppositionsController_leverOpposition(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOppositionsController_leverOpposition, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<OppositionsController>(OppositionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'leverOpposition',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOppositionsController_oppositions: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                ine: {"in":"query","name":"ine","dataType":"string","validators":{"pattern":{"value":"^[0-9A-Za-z]{11}$"},"maxLength":{"value":11}}},
                idInterne: {"in":"query","name":"idInterne","dataType":"string","validators":{"maxLength":{"value":64}}},
                finalite: {"in":"query","name":"finalite","dataType":"string","validators":{"maxLength":{"value":64}}},
                enCours: {"in":"query","name":"enCours","dataType":"boolean"},
                limit: {"default":100,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":512}}},
        };
        app.get('/dpo/oppositions',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(OppositionsController)),
            ...(fetchMiddlewares<RequestHandler>(OppositionsController.prototype.oppositions)),

            async function OppositionsController_oppositions(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOppositionsController_oppositions, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<OppositionsController>(OppositionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'oppositions',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDpoController_journal: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                siret: {"in":"query","name":"siret","dataType":"string","validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
                api: {"in":"query","name":"api","dataType":"string","validators":{"maxLength":{"value":64}}},
                finalite: {"in":"query","name":"finalite","dataType":"string","validators":{"maxLength":{"value":64}}},
                du: {"in":"query","name":"du","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)?$"},"maxLength":{"value":24}}},
                au: {"in":"query","name":"au","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)?$"},"maxLength":{"value":24}}},
                limit: {"default":100,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/dpo/journal',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(DpoController)),
            ...(fetchMiddlewares<RequestHandler>(DpoController.prototype.journal)),

            async function DpoController_journal(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDpoController_journal, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DpoController>(DpoController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'journal',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDpoController_journalCsv: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                siret: {"in":"query","name":"siret","dataType":"string","validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
                api: {"in":"query","name":"api","dataType":"string","validators":{"maxLength":{"value":64}}},
                finalite: {"in":"query","name":"finalite","dataType":"string","validators":{"maxLength":{"value":64}}},
                du: {"in":"query","name":"du","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)?$"},"maxLength":{"value":24}}},
                au: {"in":"query","name":"au","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)?$"},"maxLength":{"value":24}}},
        };
        app.get('/dpo/journal.csv',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(DpoController)),
            ...(fetchMiddlewares<RequestHandler>(DpoController.prototype.journalCsv)),

            async function DpoController_journalCsv(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDpoController_journalCsv, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DpoController>(DpoController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'journalCsv',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDpoController_divulgationsPersonne: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                idInterne: {"in":"query","name":"idInterne","dataType":"string","validators":{"maxLength":{"value":64}}},
                nom: {"in":"query","name":"nom","dataType":"string","validators":{"maxLength":{"value":100}}},
                prenoms: {"in":"query","name":"prenoms","dataType":"string","validators":{"maxLength":{"value":200}}},
                dateNaissance: {"in":"query","name":"dateNaissance","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
                du: {"in":"query","name":"du","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)?$"},"maxLength":{"value":24}}},
                au: {"in":"query","name":"au","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)?$"},"maxLength":{"value":24}}},
        };
        app.get('/dpo/personnes/divulgations',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(DpoController)),
            ...(fetchMiddlewares<RequestHandler>(DpoController.prototype.divulgationsPersonne)),

            async function DpoController_divulgationsPersonne(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDpoController_divulgationsPersonne, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DpoController>(DpoController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'divulgationsPersonne',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDpoController_verification: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/dpo/journal/verification',
            authenticateMiddleware([{"oauth2":["dpo"]}]),
            ...(fetchMiddlewares<RequestHandler>(DpoController)),
            ...(fetchMiddlewares<RequestHandler>(DpoController.prototype.verification)),

            async function DpoController_verification(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDpoController_verification, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DpoController>(DpoController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'verification',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAbonnementsController_mesAbonnements: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/notifications/abonnements',
            authenticateMiddleware([{"oauth2":[]}]),
            ...(fetchMiddlewares<RequestHandler>(AbonnementsController)),
            ...(fetchMiddlewares<RequestHandler>(AbonnementsController.prototype.mesAbonnements)),

            async function AbonnementsController_mesAbonnements(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAbonnementsController_mesAbonnements, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AbonnementsController>(AbonnementsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'mesAbonnements',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAbonnementsController_sAbonner: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"AbonnementCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/notifications/abonnements',
            authenticateMiddleware([{"oauth2":[]}]),
            ...(fetchMiddlewares<RequestHandler>(AbonnementsController)),
            ...(fetchMiddlewares<RequestHandler>(AbonnementsController.prototype.sAbonner)),

            async function AbonnementsController_sAbonner(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAbonnementsController_sAbonner, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AbonnementsController>(AbonnementsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'sAbonner',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAbonnementsController_seDesabonner: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.delete('/notifications/abonnements/:id',
            authenticateMiddleware([{"oauth2":[]}]),
            ...(fetchMiddlewares<RequestHandler>(AbonnementsController)),
            ...(fetchMiddlewares<RequestHandler>(AbonnementsController.prototype.seDesabonner)),

            async function AbonnementsController_seDesabonner(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAbonnementsController_seDesabonner, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AbonnementsController>(AbonnementsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'seDesabonner',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_abonnements: Record<string, TsoaRoute.ParameterSchema> = {
                siret: {"in":"query","name":"siret","dataType":"string","validators":{"maxLength":{"value":14}}},
        };
        app.get('/admin/notifications/abonnements',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.abonnements)),

            async function NotificationsController_abonnements(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_abonnements, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<NotificationsController>(NotificationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'abonnements',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_abonner: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"AbonnementOperateurCorps"},
        };
        app.post('/admin/notifications/abonnements',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.abonner)),

            async function NotificationsController_abonner(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_abonner, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<NotificationsController>(NotificationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'abonner',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_desactiver: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.delete('/admin/notifications/abonnements/:id',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.desactiver)),

            async function NotificationsController_desactiver(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_desactiver, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<NotificationsController>(NotificationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'desactiver',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_livraisons: Record<string, TsoaRoute.ParameterSchema> = {
                statut: {"in":"query","name":"statut","dataType":"union","subSchemas":[{"dataType":"enum","enums":["en_attente"]},{"dataType":"enum","enums":["livree"]},{"dataType":"enum","enums":["abandonnee"]}]},
                siret: {"in":"query","name":"siret","dataType":"string","validators":{"maxLength":{"value":14}}},
                abonnementId: {"in":"query","name":"abonnementId","dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/notifications/livraisons',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.livraisons)),

            async function NotificationsController_livraisons(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_livraisons, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<NotificationsController>(NotificationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'livraisons',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_livraison: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"double","validators":{"minimum":{"value":1},"maximum":{"value":2147483647}}},
        };
        app.get('/admin/notifications/livraisons/:id',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.livraison)),

            async function NotificationsController_livraison(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_livraison, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<NotificationsController>(NotificationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'livraison',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationsController_rejouer: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"double","validators":{"minimum":{"value":1},"maximum":{"value":2147483647}}},
        };
        app.post('/admin/notifications/livraisons/:id/rejeu',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationsController.prototype.rejouer)),

            async function NotificationsController_rejouer(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationsController_rejouer, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<NotificationsController>(NotificationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'rejouer',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_mesDemandes: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                statut: {"in":"query","name":"statut","ref":"StatutHabilitation"},
        };
        app.get('/demandes-habilitation',
            authenticateMiddleware([{"oauth2":["habilitations:demande"]}]),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.mesDemandes)),

            async function DemandesHabilitationController_mesDemandes(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_mesDemandes, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'mesDemandes',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_deposerDemande: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"DemandeCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/demandes-habilitation',
            authenticateMiddleware([{"oauth2":["habilitations:demande"]}]),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.deposerDemande)),

            async function DemandesHabilitationController_deposerDemande(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_deposerDemande, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'deposerDemande',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_lireDemande: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/demandes-habilitation/:id',
            authenticateMiddleware([{"oauth2":["habilitations:demande"]}]),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.lireDemande)),

            async function DemandesHabilitationController_lireDemande(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_lireDemande, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'lireDemande',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_modifierDemande: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"ModificationDemandeCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.patch('/demandes-habilitation/:id',
            authenticateMiddleware([{"oauth2":["habilitations:demande"]}]),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.modifierDemande)),

            async function DemandesHabilitationController_modifierDemande(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_modifierDemande, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'modifierDemande',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_soumettreDemande: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifDemandeCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/demandes-habilitation/:id/soumission',
            authenticateMiddleware([{"oauth2":["habilitations:demande"]}]),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.soumettreDemande)),

            async function DemandesHabilitationController_soumettreDemande(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_soumettreDemande, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'soumettreDemande',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_retirerDemande: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifDemandeCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/demandes-habilitation/:id/retrait',
            authenticateMiddleware([{"oauth2":["habilitations:demande"]}]),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.retirerDemande)),

            async function DemandesHabilitationController_retirerDemande(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_retirerDemande, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'retirerDemande',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDemandesHabilitationController_pageDemande: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                jusqua: {"in":"query","name":"jusqua","required":true,"dataType":"long","validators":{"isLong":{"errorMsg":"jusqua"},"minimum":{"value":0},"maximum":{"value":99999999999}}},
                signature: {"in":"query","name":"signature","required":true,"dataType":"string","validators":{"maxLength":{"value":100}}},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/demandes-habilitation/:id/page',
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController)),
            ...(fetchMiddlewares<RequestHandler>(DemandesHabilitationController.prototype.pageDemande)),

            async function DemandesHabilitationController_pageDemande(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDemandesHabilitationController_pageDemande, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<DemandesHabilitationController>(DemandesHabilitationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'pageDemande',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsRecensementController_recensement: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                academie: {"in":"query","name":"academie","dataType":"string","validators":{"maxLength":{"value":3}}},
                region: {"in":"query","name":"region","dataType":"string","validators":{"maxLength":{"value":3}}},
                type: {"in":"query","name":"type","ref":"TypeConvention"},
                statut: {"in":"query","name":"statut","ref":"StatutConvention"},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]}]},
                limit: {"default":100,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/catalogue/conventions',
            ...(fetchMiddlewares<RequestHandler>(RecensementController)),
            ...(fetchMiddlewares<RequestHandler>(RecensementController.prototype.recensement)),

            async function RecensementController_recensement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsRecensementController_recensement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<RecensementController>(RecensementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'recensement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConventionsController_lister: Record<string, TsoaRoute.ParameterSchema> = {
                academie: {"in":"query","name":"academie","dataType":"string","validators":{"maxLength":{"value":3}}},
                region: {"in":"query","name":"region","dataType":"string","validators":{"maxLength":{"value":3}}},
                type: {"in":"query","name":"type","ref":"TypeConvention"},
                statut: {"in":"query","name":"statut","ref":"StatutConvention"},
        };
        app.get('/admin/conventions',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController)),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController.prototype.lister)),

            async function ConventionsController_lister(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConventionsController_lister, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConventionsController>(ConventionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'lister',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConventionsController_enregistrer: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"EnregistrementConventionCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/conventions',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController)),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController.prototype.enregistrer)),

            async function ConventionsController_enregistrer(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConventionsController_enregistrer, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConventionsController>(ConventionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'enregistrer',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConventionsController_convention: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/conventions/:id',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController)),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController.prototype.convention)),

            async function ConventionsController_convention(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConventionsController_convention, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConventionsController>(ConventionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'convention',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConventionsController_historique: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/conventions/:id/historique',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController)),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController.prototype.historique)),

            async function ConventionsController_historique(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConventionsController_historique, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConventionsController>(ConventionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'historique',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConventionsController_modifier: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"AvenantCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.patch('/admin/conventions/:id',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController)),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController.prototype.modifier)),

            async function ConventionsController_modifier(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConventionsController_modifier, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConventionsController>(ConventionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'modifier',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConventionsController_denoncer: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"DenonciationCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/conventions/:id/denonciation',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController)),
            ...(fetchMiddlewares<RequestHandler>(ConventionsController.prototype.denoncer)),

            async function ConventionsController_denoncer(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConventionsController_denoncer, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConventionsController>(ConventionsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'denoncer',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCatalogueController_catalogue: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/catalogue',
            ...(fetchMiddlewares<RequestHandler>(CatalogueController)),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController.prototype.catalogue)),

            async function CatalogueController_catalogue(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCatalogueController_catalogue, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<CatalogueController>(CatalogueController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'catalogue',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOAuthController_obtenirJeton: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                _demande: {"in":"body","name":"_demande","required":true,"ref":"DemandeJeton"},
        };
        app.post('/oauth/token',
            ...(fetchMiddlewares<RequestHandler>(OAuthController)),
            ...(fetchMiddlewares<RequestHandler>(OAuthController.prototype.obtenirJeton)),

            async function OAuthController_obtenirJeton(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOAuthController_obtenirJeton, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<OAuthController>(OAuthController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'obtenirJeton',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOAuthController_introspecterJeton: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                designation: {"in":"body","name":"designation","required":true,"ref":"DesignationJeton"},
        };
        app.post('/oauth/introspect',
            ...(fetchMiddlewares<RequestHandler>(OAuthController)),
            ...(fetchMiddlewares<RequestHandler>(OAuthController.prototype.introspecterJeton)),

            async function OAuthController_introspecterJeton(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOAuthController_introspecterJeton, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<OAuthController>(OAuthController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'introspecterJeton',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOAuthController_revoquerJeton: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                designation: {"in":"body","name":"designation","required":true,"ref":"DesignationJeton"},
        };
        app.post('/oauth/revoke',
            ...(fetchMiddlewares<RequestHandler>(OAuthController)),
            ...(fetchMiddlewares<RequestHandler>(OAuthController.prototype.revoquerJeton)),

            async function OAuthController_revoquerJeton(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOAuthController_revoquerJeton, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<OAuthController>(OAuthController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'revoquerJeton',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsMetadonneesOAuthController_metadonnees: Record<string, TsoaRoute.ParameterSchema> = {
        };
        app.get('/.well-known/oauth-authorization-server',
            ...(fetchMiddlewares<RequestHandler>(MetadonneesOAuthController)),
            ...(fetchMiddlewares<RequestHandler>(MetadonneesOAuthController.prototype.metadonnees)),

            async function MetadonneesOAuthController_metadonnees(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsMetadonneesOAuthController_metadonnees, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<MetadonneesOAuthController>(MetadonneesOAuthController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'metadonnees',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsScolariteController_statutEleve: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                nomNaissance: {"in":"query","name":"nomNaissance","required":true,"dataType":"string","validators":{"maxLength":{"value":100}}},
                prenoms: {"in":"query","name":"prenoms","required":true,"dataType":"array","array":{"dataType":"refAlias","ref":"Prenom"},"validators":{"minItems":{"value":1},"maxItems":{"value":3}}},
                sexeEtatCivil: {"in":"query","name":"sexeEtatCivil","required":true,"ref":"Sexe"},
                anneeDateNaissance: {"in":"query","name":"anneeDateNaissance","required":true,"dataType":"integer","validators":{"isInt":{"errorMsg":"anneeDateNaissance"},"minimum":{"value":1900},"maximum":{"value":2100}}},
                moisDateNaissance: {"in":"query","name":"moisDateNaissance","required":true,"dataType":"integer","validators":{"isInt":{"errorMsg":"moisDateNaissance"},"minimum":{"value":1},"maximum":{"value":12}}},
                jourDateNaissance: {"in":"query","name":"jourDateNaissance","required":true,"dataType":"integer","validators":{"isInt":{"errorMsg":"jourDateNaissance"},"minimum":{"value":1},"maximum":{"value":31}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"maxLength":{"value":9}}},
                codeEtablissement: {"in":"query","name":"codeEtablissement","dataType":"string","validators":{"maxLength":{"value":8}}},
                codesDepartements: {"in":"query","name":"codesDepartements","dataType":"array","array":{"dataType":"refAlias","ref":"CodeTerritoire"},"validators":{"maxItems":{"value":101}}},
                codesRegions: {"in":"query","name":"codesRegions","dataType":"array","array":{"dataType":"refAlias","ref":"CodeTerritoire"},"validators":{"maxItems":{"value":18}}},
                recipient: {"in":"query","name":"recipient","dataType":"string","validators":{"maxLength":{"value":14}}},
                context: {"in":"query","name":"context","dataType":"string","validators":{"maxLength":{"value":50}}},
                object: {"in":"query","name":"object","dataType":"string","validators":{"maxLength":{"value":50}}},
        };
        app.get('/api-scolarite/v1/eleves/statut',
            authenticateMiddleware([{"oauth2":["scolarite:statut"]},{"oauth2":["scolarite:boursier"]},{"oauth2":["scolarite:echelon-bourse"]},{"oauth2":["scolarite:regime"]},{"oauth2":["scolarite:identite"]}]),
            ...(fetchMiddlewares<RequestHandler>(ScolariteController)),
            ...(fetchMiddlewares<RequestHandler>(ScolariteController.prototype.statutEleve)),

            async function ScolariteController_statutEleve(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsScolariteController_statutEleve, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ScolariteController>(ScolariteController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'statutEleve',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsResultatsExamensController_resultatsEtablissement: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                session: {"in":"path","name":"session","required":true,"dataType":"integer","validators":{"isInt":{"errorMsg":"session"},"minimum":{"value":1990},"maximum":{"value":2100}}},
                examen: {"in":"path","name":"examen","required":true,"ref":"CodeExamen"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"maxLength":{"value":8}}},
        };
        app.get('/api-resultats-examens/v1/sessions/:session/examens/:examen/etablissements/:uai',
            authenticateMiddleware([{"oauth2":["examens:resultats"]}]),
            ...(fetchMiddlewares<RequestHandler>(ResultatsExamensController)),
            ...(fetchMiddlewares<RequestHandler>(ResultatsExamensController.prototype.resultatsEtablissement)),

            async function ResultatsExamensController_resultatsEtablissement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsResultatsExamensController_resultatsEtablissement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ResultatsExamensController>(ResultatsExamensController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'resultatsEtablissement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsResultatsExamensController_resultatsTerritoire: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                session: {"in":"path","name":"session","required":true,"dataType":"integer","validators":{"isInt":{"errorMsg":"session"},"minimum":{"value":1990},"maximum":{"value":2100}}},
                examen: {"in":"path","name":"examen","required":true,"ref":"CodeExamen"},
                niveau: {"in":"path","name":"niveau","required":true,"ref":"NiveauTerritoire"},
                code: {"in":"path","name":"code","required":true,"dataType":"string","validators":{"maxLength":{"value":5}}},
        };
        app.get('/api-resultats-examens/v1/sessions/:session/examens/:examen/territoires/:niveau/:code',
            authenticateMiddleware([{"oauth2":["examens:resultats"]}]),
            ...(fetchMiddlewares<RequestHandler>(ResultatsExamensController)),
            ...(fetchMiddlewares<RequestHandler>(ResultatsExamensController.prototype.resultatsTerritoire)),

            async function ResultatsExamensController_resultatsTerritoire(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsResultatsExamensController_resultatsTerritoire, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ResultatsExamensController>(ResultatsExamensController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'resultatsTerritoire',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsResultatsExamensController_laureatsBac: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                session: {"in":"path","name":"session","required":true,"dataType":"integer","validators":{"isInt":{"errorMsg":"session"},"minimum":{"value":1990},"maximum":{"value":2100}}},
                mentionMinimale: {"default":"AB","in":"query","name":"mentionMinimale","ref":"CodeMention"},
                limit: {"default":100,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-resultats-examens/v1/sessions/:session/examens/bac/laureats',
            authenticateMiddleware([{"oauth2":["examens:laureats-bourse-merite"]}]),
            ...(fetchMiddlewares<RequestHandler>(ResultatsExamensController)),
            ...(fetchMiddlewares<RequestHandler>(ResultatsExamensController.prototype.laureatsBac)),

            async function ResultatsExamensController_laureatsBac(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsResultatsExamensController_laureatsBac, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ResultatsExamensController>(ResultatsExamensController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'laureatsBac',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConsentementsController_enregistrerConsentement: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"ConsentementCorps"},
        };
        app.post('/admin/consentements',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConsentementsController)),
            ...(fetchMiddlewares<RequestHandler>(ConsentementsController.prototype.enregistrerConsentement)),

            async function ConsentementsController_enregistrerConsentement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConsentementsController_enregistrerConsentement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConsentementsController>(ConsentementsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'enregistrerConsentement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsConsentementsController_retirerConsentement: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"RetraitCorps"},
        };
        app.post('/admin/consentements/retraits',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(ConsentementsController)),
            ...(fetchMiddlewares<RequestHandler>(ConsentementsController.prototype.retirerConsentement)),

            async function ConsentementsController_retirerConsentement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsConsentementsController_retirerConsentement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ConsentementsController>(ConsentementsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'retirerConsentement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsMairieController_enfantsSoumisObligation: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeInsee: {"in":"path","name":"codeInsee","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{5}|2[AB]\\d{3})$"},"maxLength":{"value":5}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{4}$"},"maxLength":{"value":9}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-mairie/v1/communes/:codeInsee/enfants-soumis-obligation',
            authenticateMiddleware([{"oauth2":["mairie:obligation-scolaire"]},{"oauth2":["mairie:restauration-scolaire"]}]),
            ...(fetchMiddlewares<RequestHandler>(MairieController)),
            ...(fetchMiddlewares<RequestHandler>(MairieController.prototype.enfantsSoumisObligation)),

            async function MairieController_enfantsSoumisObligation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsMairieController_enfantsSoumisObligation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<MairieController>(MairieController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'enfantsSoumisObligation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsMairieController_changementsEnfantsSoumisObligation: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeInsee: {"in":"path","name":"codeInsee","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{5}|2[AB]\\d{3})$"},"maxLength":{"value":5}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-mairie/v1/communes/:codeInsee/enfants-soumis-obligation/changements',
            authenticateMiddleware([{"oauth2":["mairie:obligation-scolaire"]},{"oauth2":["mairie:restauration-scolaire"]}]),
            ...(fetchMiddlewares<RequestHandler>(MairieController)),
            ...(fetchMiddlewares<RequestHandler>(MairieController.prototype.changementsEnfantsSoumisObligation)),

            async function MairieController_changementsEnfantsSoumisObligation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsMairieController_changementsEnfantsSoumisObligation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<MairieController>(MairieController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsEnfantsSoumisObligation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsEcoleController_etablissements: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeCommune: {"in":"query","name":"codeCommune","dataType":"string","validators":{"maxLength":{"value":5}}},
                codeDepartement: {"in":"query","name":"codeDepartement","dataType":"string","validators":{"maxLength":{"value":3}}},
                codeRegion: {"in":"query","name":"codeRegion","dataType":"string","validators":{"maxLength":{"value":3}}},
                type: {"in":"query","name":"type","ref":"TypeEtablissement"},
                statut: {"in":"query","name":"statut","ref":"StatutEtablissement"},
                etat: {"in":"query","name":"etat","ref":"EtatEtablissement"},
                q: {"in":"query","name":"q","dataType":"string","validators":{"maxLength":{"value":200}}},
                limit: {"default":100,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-ecole/v1/etablissements',
            ...(fetchMiddlewares<RequestHandler>(EcoleController)),
            ...(fetchMiddlewares<RequestHandler>(EcoleController.prototype.etablissements)),

            async function EcoleController_etablissements(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsEcoleController_etablissements, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<EcoleController>(EcoleController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'etablissements',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsEcoleController_etablissement: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"maxLength":{"value":8}}},
        };
        app.get('/api-ecole/v1/etablissements/:uai',
            ...(fetchMiddlewares<RequestHandler>(EcoleController)),
            ...(fetchMiddlewares<RequestHandler>(EcoleController.prototype.etablissement)),

            async function EcoleController_etablissement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsEcoleController_etablissement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<EcoleController>(EcoleController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'etablissement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsEcoleController_effectifs: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"maxLength":{"value":8}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"maxLength":{"value":9}}},
        };
        app.get('/api-ecole/v1/etablissements/:uai/effectifs',
            authenticateMiddleware([{"oauth2":["ecole:effectifs"]}]),
            ...(fetchMiddlewares<RequestHandler>(EcoleController)),
            ...(fetchMiddlewares<RequestHandler>(EcoleController.prototype.effectifs)),

            async function EcoleController_effectifs(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsEcoleController_effectifs, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<EcoleController>(EcoleController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'effectifs',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsEcoleController_capacites: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"maxLength":{"value":8}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"maxLength":{"value":9}}},
        };
        app.get('/api-ecole/v1/etablissements/:uai/capacites',
            authenticateMiddleware([{"oauth2":["ecole:capacites"]}]),
            ...(fetchMiddlewares<RequestHandler>(EcoleController)),
            ...(fetchMiddlewares<RequestHandler>(EcoleController.prototype.capacites)),

            async function EcoleController_capacites(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsEcoleController_capacites, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<EcoleController>(EcoleController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'capacites',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsEcoleController_previsions: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeCommune: {"in":"query","name":"codeCommune","dataType":"string","validators":{"maxLength":{"value":5}}},
                codeDepartement: {"in":"query","name":"codeDepartement","dataType":"string","validators":{"maxLength":{"value":3}}},
                codeRegion: {"in":"query","name":"codeRegion","dataType":"string","validators":{"maxLength":{"value":3}}},
                horizon: {"default":5,"in":"query","name":"horizon","dataType":"integer","validators":{"isInt":{"errorMsg":"horizon"},"minimum":{"value":1},"maximum":{"value":5}}},
        };
        app.get('/api-ecole/v1/previsions',
            authenticateMiddleware([{"oauth2":["ecole:previsions"]}]),
            ...(fetchMiddlewares<RequestHandler>(EcoleController)),
            ...(fetchMiddlewares<RequestHandler>(EcoleController.prototype.previsions)),

            async function EcoleController_previsions(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsEcoleController_previsions, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<EcoleController>(EcoleController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'previsions',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_habilitations: Record<string, TsoaRoute.ParameterSchema> = {
                siret: {"in":"query","name":"siret","dataType":"string","validators":{"maxLength":{"value":14}}},
                statut: {"in":"query","name":"statut","ref":"StatutHabilitation"},
                expirantAvant: {"in":"query","name":"expirantAvant","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"},"maxLength":{"value":10}}},
                conventionId: {"in":"query","name":"conventionId","dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/habilitations',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.habilitations)),

            async function HabilitationsController_habilitations(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_habilitations, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'habilitations',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_soumettre: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"HabilitationCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.soumettre)),

            async function HabilitationsController_soumettre(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_soumettre, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'soumettre',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_habilitation: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/habilitations/:id',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.habilitation)),

            async function HabilitationsController_habilitation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_habilitation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'habilitation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_lienConsultation: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/habilitations/:id/lien-consultation',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.lienConsultation)),

            async function HabilitationsController_lienConsultation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_lienConsultation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'lienConsultation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_transitions: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
        };
        app.get('/admin/habilitations/:id/transitions',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.transitions)),

            async function HabilitationsController_transitions(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_transitions, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'transitions',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_modifier: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"ModificationHabilitationCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.patch('/admin/habilitations/:id',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.modifier)),

            async function HabilitationsController_modifier(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_modifier, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'modifier',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_soumission: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations/:id/soumission',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.soumission)),

            async function HabilitationsController_soumission(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_soumission, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'soumission',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_demanderModifications: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifObligatoireCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations/:id/demande-modifications',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.demanderModifications)),

            async function HabilitationsController_demanderModifications(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_demanderModifications, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'demanderModifications',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_valider: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations/:id/validation',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.valider)),

            async function HabilitationsController_valider(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_valider, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'valider',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_refuser: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifObligatoireCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations/:id/refus',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.refuser)),

            async function HabilitationsController_refuser(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_refuser, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'refuser',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_revoquer: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"MotifObligatoireCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations/:id/revocation',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.revoquer)),

            async function HabilitationsController_revoquer(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_revoquer, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'revoquer',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsHabilitationsController_renouveler: Record<string, TsoaRoute.ParameterSchema> = {
                id: {"in":"path","name":"id","required":true,"dataType":"string","validators":{"maxLength":{"value":64}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"ModificationHabilitationCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/habilitations/:id/renouvellement',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController)),
            ...(fetchMiddlewares<RequestHandler>(HabilitationsController.prototype.renouveler)),

            async function HabilitationsController_renouveler(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsHabilitationsController_renouveler, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<HabilitationsController>(HabilitationsController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'renouveler',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_destinataires: Record<string, TsoaRoute.ParameterSchema> = {
        };
        app.get('/admin/destinataires',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.destinataires)),

            async function AdminController_destinataires(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_destinataires, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'destinataires',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_creerDestinataire: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"DestinataireCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/destinataires',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.creerDestinataire)),

            async function AdminController_creerDestinataire(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_creerDestinataire, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'creerDestinataire',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_communesDuGroupement: Record<string, TsoaRoute.ParameterSchema> = {
                siret: {"in":"path","name":"siret","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
        };
        app.get('/admin/destinataires/:siret/communes',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.communesDuGroupement)),

            async function AdminController_communesDuGroupement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_communesDuGroupement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'communesDuGroupement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_adhesion: Record<string, TsoaRoute.ParameterSchema> = {
                siret: {"in":"path","name":"siret","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"AdhesionCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/destinataires/:siret/communes',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.adhesion)),

            async function AdminController_adhesion(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_adhesion, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'adhesion',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_retraitCommune: Record<string, TsoaRoute.ParameterSchema> = {
                siret: {"in":"path","name":"siret","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{14}$"},"maxLength":{"value":14}}},
                codeInsee: {"in":"path","name":"codeInsee","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{5}|2[AB]\\d{3})$"},"maxLength":{"value":5}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"RetraitCommuneCorps"},
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/admin/destinataires/:siret/communes/:codeInsee/retrait',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.retraitCommune)),

            async function AdminController_retraitCommune(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_retraitCommune, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'retraitCommune',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_clients: Record<string, TsoaRoute.ParameterSchema> = {
        };
        app.get('/admin/clients',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.clients)),

            async function AdminController_clients(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_clients, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'clients',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_creerClient: Record<string, TsoaRoute.ParameterSchema> = {
                corps: {"in":"body","name":"corps","required":true,"ref":"ClientCorps"},
        };
        app.post('/admin/clients',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.creerClient)),

            async function AdminController_creerClient(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_creerClient, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'creerClient',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAdminController_rotation: Record<string, TsoaRoute.ParameterSchema> = {
                clientId: {"in":"path","name":"clientId","required":true,"dataType":"string","validators":{"maxLength":{"value":100}}},
                corps: {"in":"body","name":"corps","required":true,"ref":"RotationCorps"},
        };
        app.post('/admin/clients/:clientId/rotation',
            authenticateMiddleware([{"oauth2":["admin"]}]),
            ...(fetchMiddlewares<RequestHandler>(AdminController)),
            ...(fetchMiddlewares<RequestHandler>(AdminController.prototype.rotation)),

            async function AdminController_rotation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAdminController_rotation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<AdminController>(AdminController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'rotation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsListesEtablissementController_demiPensionnaires: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{7}[A-Z]$"},"maxLength":{"value":8}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{4}$"},"maxLength":{"value":9}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-scolarite/v1/etablissements/:uai/demi-pensionnaires',
            authenticateMiddleware([{"oauth2":["scolarite:restauration"]}]),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController)),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController.prototype.demiPensionnaires)),

            async function ListesEtablissementController_demiPensionnaires(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsListesEtablissementController_demiPensionnaires, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ListesEtablissementController>(ListesEtablissementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'demiPensionnaires',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsListesEtablissementController_changementsDemiPensionnaires: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{7}[A-Z]$"},"maxLength":{"value":8}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-scolarite/v1/etablissements/:uai/demi-pensionnaires/changements',
            authenticateMiddleware([{"oauth2":["scolarite:restauration"]}]),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController)),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController.prototype.changementsDemiPensionnaires)),

            async function ListesEtablissementController_changementsDemiPensionnaires(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsListesEtablissementController_changementsDemiPensionnaires, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ListesEtablissementController>(ListesEtablissementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsDemiPensionnaires',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsListesEtablissementController_internes: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{7}[A-Z]$"},"maxLength":{"value":8}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{4}$"},"maxLength":{"value":9}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-scolarite/v1/etablissements/:uai/internes',
            authenticateMiddleware([{"oauth2":["scolarite:hebergement"]}]),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController)),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController.prototype.internes)),

            async function ListesEtablissementController_internes(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsListesEtablissementController_internes, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ListesEtablissementController>(ListesEtablissementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'internes',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsListesEtablissementController_changementsInternes: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{7}[A-Z]$"},"maxLength":{"value":8}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-scolarite/v1/etablissements/:uai/internes/changements',
            authenticateMiddleware([{"oauth2":["scolarite:hebergement"]}]),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController)),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController.prototype.changementsInternes)),

            async function ListesEtablissementController_changementsInternes(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsListesEtablissementController_changementsInternes, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ListesEtablissementController>(ListesEtablissementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsInternes',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsListesEtablissementController_boursiersCollectivite: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{7}[A-Z]$"},"maxLength":{"value":8}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{4}$"},"maxLength":{"value":9}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-scolarite/v1/etablissements/:uai/boursiers',
            authenticateMiddleware([{"oauth2":["scolarite:bourse-collectivite"]}]),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController)),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController.prototype.boursiersCollectivite)),

            async function ListesEtablissementController_boursiersCollectivite(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsListesEtablissementController_boursiersCollectivite, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ListesEtablissementController>(ListesEtablissementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'boursiersCollectivite',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsListesEtablissementController_changementsBoursiersCollectivite: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                uai: {"in":"path","name":"uai","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{7}[A-Z]$"},"maxLength":{"value":8}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-scolarite/v1/etablissements/:uai/boursiers/changements',
            authenticateMiddleware([{"oauth2":["scolarite:bourse-collectivite"]}]),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController)),
            ...(fetchMiddlewares<RequestHandler>(ListesEtablissementController.prototype.changementsBoursiersCollectivite)),

            async function ListesEtablissementController_changementsBoursiersCollectivite(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsListesEtablissementController_changementsBoursiersCollectivite, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ListesEtablissementController>(ListesEtablissementController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsBoursiersCollectivite',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsObligationFormationController_jeunesObligationFormation: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                niveau: {"in":"path","name":"niveau","required":true,"ref":"NiveauTerritoireFormation"},
                code: {"in":"path","name":"code","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{2,3}|2[AB])$"},"maxLength":{"value":3}}},
                anneeScolaire: {"in":"query","name":"anneeScolaire","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{4}$"},"maxLength":{"value":9}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-scolarite/v1/obligation-formation/:niveau/:code',
            authenticateMiddleware([{"oauth2":["scolarite:obligation-formation-contact"]},{"oauth2":["scolarite:obligation-formation"]}]),
            ...(fetchMiddlewares<RequestHandler>(ObligationFormationController)),
            ...(fetchMiddlewares<RequestHandler>(ObligationFormationController.prototype.jeunesObligationFormation)),

            async function ObligationFormationController_jeunesObligationFormation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsObligationFormationController_jeunesObligationFormation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ObligationFormationController>(ObligationFormationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'jeunesObligationFormation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsObligationFormationController_changementsJeunesObligationFormation: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                niveau: {"in":"path","name":"niveau","required":true,"ref":"NiveauTerritoireFormation"},
                code: {"in":"path","name":"code","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{2,3}|2[AB])$"},"maxLength":{"value":3}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-scolarite/v1/obligation-formation/:niveau/:code/changements',
            authenticateMiddleware([{"oauth2":["scolarite:obligation-formation-contact"]},{"oauth2":["scolarite:obligation-formation"]}]),
            ...(fetchMiddlewares<RequestHandler>(ObligationFormationController)),
            ...(fetchMiddlewares<RequestHandler>(ObligationFormationController.prototype.changementsJeunesObligationFormation)),

            async function ObligationFormationController_changementsJeunesObligationFormation(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsObligationFormationController_changementsJeunesObligationFormation, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ObligationFormationController>(ObligationFormationController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsJeunesObligationFormation',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsElevesAnonymisesController_elevesAnonymisesDepartement: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeDepartement: {"in":"path","name":"codeDepartement","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{2}|2[AB]|97\\d)$"},"maxLength":{"value":3}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-ecole/v1/departements/:codeDepartement/eleves-anonymises',
            authenticateMiddleware([{"oauth2":["ecole:eleves-anonymises-echelon"]},{"oauth2":["ecole:eleves-anonymises"]}]),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController)),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController.prototype.elevesAnonymisesDepartement)),

            async function ElevesAnonymisesController_elevesAnonymisesDepartement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsElevesAnonymisesController_elevesAnonymisesDepartement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ElevesAnonymisesController>(ElevesAnonymisesController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'elevesAnonymisesDepartement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsElevesAnonymisesController_changementsElevesAnonymisesDepartement: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeDepartement: {"in":"path","name":"codeDepartement","required":true,"dataType":"string","validators":{"pattern":{"value":"^(?:\\d{2}|2[AB]|97\\d)$"},"maxLength":{"value":3}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-ecole/v1/departements/:codeDepartement/eleves-anonymises/changements',
            authenticateMiddleware([{"oauth2":["ecole:eleves-anonymises-echelon"]},{"oauth2":["ecole:eleves-anonymises"]}]),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController)),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController.prototype.changementsElevesAnonymisesDepartement)),

            async function ElevesAnonymisesController_changementsElevesAnonymisesDepartement(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsElevesAnonymisesController_changementsElevesAnonymisesDepartement, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ElevesAnonymisesController>(ElevesAnonymisesController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsElevesAnonymisesDepartement',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsElevesAnonymisesController_elevesAnonymisesRegion: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeRegion: {"in":"path","name":"codeRegion","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{2}$"},"maxLength":{"value":2}}},
                dateReference: {"in":"query","name":"dateReference","dataType":"string","validators":{"pattern":{"value":"^\\d{4}-(?:0[1-9]|1[0-2])-01$"},"maxLength":{"value":10}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
                format: {"in":"query","name":"format","dataType":"union","subSchemas":[{"dataType":"enum","enums":["json"]},{"dataType":"enum","enums":["csv"]},{"dataType":"enum","enums":["ndjson"]}]},
        };
        app.get('/api-ecole/v1/regions/:codeRegion/eleves-anonymises',
            authenticateMiddleware([{"oauth2":["ecole:eleves-anonymises-echelon"]},{"oauth2":["ecole:eleves-anonymises"]}]),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController)),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController.prototype.elevesAnonymisesRegion)),

            async function ElevesAnonymisesController_elevesAnonymisesRegion(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsElevesAnonymisesController_elevesAnonymisesRegion, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ElevesAnonymisesController>(ElevesAnonymisesController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'elevesAnonymisesRegion',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsElevesAnonymisesController_changementsElevesAnonymisesRegion: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                codeRegion: {"in":"path","name":"codeRegion","required":true,"dataType":"string","validators":{"pattern":{"value":"^\\d{2}$"},"maxLength":{"value":2}}},
                depuis: {"in":"query","name":"depuis","required":true,"dataType":"string","validators":{"maxLength":{"value":1024}}},
                limit: {"default":1000,"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":1000}}},
                curseur: {"in":"query","name":"curseur","dataType":"string","validators":{"maxLength":{"value":1024}}},
        };
        app.get('/api-ecole/v1/regions/:codeRegion/eleves-anonymises/changements',
            authenticateMiddleware([{"oauth2":["ecole:eleves-anonymises-echelon"]},{"oauth2":["ecole:eleves-anonymises"]}]),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController)),
            ...(fetchMiddlewares<RequestHandler>(ElevesAnonymisesController.prototype.changementsElevesAnonymisesRegion)),

            async function ElevesAnonymisesController_changementsElevesAnonymisesRegion(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsElevesAnonymisesController_changementsElevesAnonymisesRegion, request, response });

                const container: IocContainer = typeof iocContainer === 'function' ? (iocContainer as IocContainerFactory)(request) : iocContainer;

                const controller: any = await container.get<ElevesAnonymisesController>(ElevesAnonymisesController);
                if (typeof controller['setStatus'] === 'function') {
                controller.setStatus(undefined);
                }

              await templateService.apiHandler({
                methodName: 'changementsElevesAnonymisesRegion',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa


    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

    function authenticateMiddleware(security: TsoaRoute.Security[] = []) {
        return async function runAuthenticationMiddleware(request: any, response: any, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            // keep track of failed auth attempts so we can hand back the most
            // recent one.  This behavior was previously existing so preserving it
            // here
            const failedAttempts: any[] = [];
            const pushAndRethrow = (error: any) => {
                failedAttempts.push(error);
                throw error;
            };

            const secMethodOrPromises: Promise<any>[] = [];
            for (const secMethod of security) {
                if (Object.keys(secMethod).length > 1) {
                    const secMethodAndPromises: Promise<any>[] = [];

                    for (const name in secMethod) {
                        secMethodAndPromises.push(
                            expressAuthenticationRecasted(request, name, secMethod[name], response)
                                .catch(pushAndRethrow)
                        );
                    }

                    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

                    secMethodOrPromises.push(Promise.all(secMethodAndPromises)
                        .then(users => { return users[0]; }));
                } else {
                    for (const name in secMethod) {
                        secMethodOrPromises.push(
                            expressAuthenticationRecasted(request, name, secMethod[name], response)
                                .catch(pushAndRethrow)
                        );
                    }
                }
            }

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            try {
                request['user'] = await Promise.any(secMethodOrPromises);

                // Response was sent in middleware, abort
                if (response.writableEnded) {
                    return;
                }

                next();
            }
            catch(err) {
                // Show most recent error as response
                const error = failedAttempts.pop();
                error.status = error.status || 401;

                // Response was sent in middleware, abort
                if (response.writableEnded) {
                    return;
                }
                next(error);
            }

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        }
    }

    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
}

// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
