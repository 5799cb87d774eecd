/** Street types and names as found in French addresses, with relative weights ("libellé:poids"). */

export const TYPES_VOIE = `
rue:55,avenue:7,allée:10,impasse:9,chemin:5,boulevard:3,place:2,square:2,route:4,résidence:3
`;

/** Complements written after the type: "rue de la Mairie", "allée des Tilleuls". */
export const NOMS_VOIE = `
de la Mairie:8,de l'Église:8,des Écoles:7,du Stade:6,de la Gare:6,du Moulin:7,de la Fontaine:6,
des Lilas:6,des Tilleuls:6,des Chênes:6,des Peupliers:4,des Acacias:4,des Rosiers:4,
des Hortensias:5,des Camélias:4,des Mimosas:3,du Général de Gaulle:7,Jean Jaurès:7,
Victor Hugo:7,Pasteur:6,Jules Ferry:6,Jean Moulin:6,Émile Zola:5,de la République:6,
de la Liberté:4,de la Paix:4,du 8 Mai 1945:4,du 11 Novembre:3,Gambetta:4,Anatole France:4,
Paul Bert:3,Aristide Briand:4,Georges Clemenceau:3,Jacques Prévert:4,Pierre et Marie Curie:4,
Alexandre Dumas:3,Jean de la Fontaine:3,Antoine de Saint-Exupéry:3,Guy Môquet:2,
du Maréchal Leclerc:3,Lamartine:3,Voltaire:3,Molière:3,Jean Monnet:3,Robert Schuman:3,
Simone Veil:2,Nelson Mandela:2,Martin Luther King:2,de Bretagne:4,de Normandie:2,de Rennes:4,
de Nantes:3,de Paris:3,du Château:5,du Bourg:5,du Presbytère:3,du Calvaire:3,de la Croix:4,
de la Lande:4,des Landes:3,du Bois:4,des Bois:3,de la Forêt:3,des Prés:4,du Verger:3,
des Vergers:3,des Jardins:4,du Clos:3,des Champs:3,de la Vallée:3,du Val:2,du Lavoir:3,
du Four:2,de la Forge:3,des Sources:3,de la Rivière:2,du Canal:2,du Port:2,de la Plage:1,
des Mouettes:2,des Goélands:2,des Bruyères:3,des Genêts:4,des Ajoncs:3,de la Chapelle:3,
du Prieuré:2,de l'Abbaye:2,des Tanneurs:2,des Vignes:2,des Cerisiers:3,des Pommiers:3,
des Noisetiers:3,des Érables:3,des Bouleaux:3,des Saules:3,des Frênes:3,des Charmes:2,
du Pré Vert:2,de la Garenne:2,de la Motte:2,du Manoir:3,de la Ferme:2,des Fauvettes:3,
des Hirondelles:3,des Alouettes:3,des Mésanges:3,du Soleil Levant:2,des Primevères:3,
des Violettes:3,des Marguerites:3,des Coquelicots:3,des Bleuets:3,des Glycines:2,
des Magnolias:2,Surcouf:2,Duguay-Trouin:2,Jacques Cartier:3,Chateaubriand:3,
Anne de Bretagne:3,du Guesclin:3,de la Tour d'Auvergne:2,d'Armor:2,de l'Hôtel de Ville:2,
de la Poste:3,du Commerce:2,des Artisans:2,des Tisserands:2,du Pont:3,des Douves:2,
de la Libération:4,des Déportés:2,des Anciens Combattants:2,Saint-Pierre:2,Saint-Michel:2,
Sainte-Anne:2,Saint-Martin:2,Notre-Dame:2,des Ormes:2,des Platanes:2,des Marronniers:3
`;
