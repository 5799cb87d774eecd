/**
 * Common first names with relative weights ("Prénom:poids", comma-separated), loosely following
 * the INSEE birth-name files: children born 2005–2023, parents born 1965–1995.
 */

export const PRENOMS_GARCONS = `
Gabriel:120,Léo:115,Raphaël:110,Louis:105,Arthur:105,Jules:95,Lucas:95,Adam:90,Hugo:90,Maël:85,
Liam:80,Noah:80,Paul:75,Ethan:75,Tiago:60,Sacha:65,Gabin:60,Nathan:70,Mohamed:55,Aaron:50,
Tom:60,Éden:35,Théo:75,Noé:55,Mathis:55,Martin:45,Léon:50,Nolan:45,Victor:50,Timéo:45,
Enzo:55,Marius:40,Axel:40,Antoine:45,Valentin:40,Samuel:40,Baptiste:40,Mathéo:40,Isaac:35,
Clément:40,Naël:35,Rayan:40,Maxime:45,Alexandre:45,Malo:40,Evan:40,Robin:30,Ibrahim:25,
Youssef:25,Yanis:35,Augustin:30,Côme:25,Simon:30,Eliott:30,Milo:30,Ismaël:20,Amir:20,
Kylian:25,Thomas:55,Pierre:35,Aylan:15,Esteban:15,Lenny:20,Alexis:30,Mathys:25,Sohan:15,
Elio:20,Gaspard:25,Léandre:15,Marceau:15,Oscar:25,Joseph:25,Félix:25,Charles:25,Ilyes:15,
Adrien:25,Romain:25,Titouan:25,Corentin:20,Erwan:25,Killian:15,Dylan:15,Quentin:20,
Florian:10,Benjamin:25,Mattéo:20,Diego:10,Malone:10,Lyam:15,Kaïs:10,Ilan:15,Ayoub:10,
Jean-Baptiste:8,Pierre-Louis:6,Louis-Marie:4,Marc-Antoine:4,Jean:12,Yann:10,Gwendal:8,
Loïc:8,Tristan:15,Maxence:15,Aurélien:8,Bastien:10,Jérémy:6,Anthony:6,Lucien:15,Émile:30,
Auguste:12,Achille:15,Ange:6,Wassim:8,Moussa:8,Mamadou:8,Amadou:6,Ousmane:6,Lounis:8,
Rafael:10,Thiago:10,Mehdi:12,Karim:5,Sami:10,Nassim:8,Anas:8,Hamza:10,Issa:6,Ali:8,
Omar:8,Younès:8,Zakaria:6,Bilal:8,Yaël:8,Elyas:10,Sandro:6,Nino:10,Owen:10,Ewen:15,
Mael:6,Brieuc:6,Goulven:3,Tanguy:5,Timothée:10,Matthieu:8,Nicolas:8,Julien:6,Kévin:4,
Jean-Paul:2,Pierre-Antoine:2,Joachim:6,Solal:6,Aloïs:6,Basile:12,Hippolyte:5,Constant:4
`;

export const PRENOMS_FILLES = `
Jade:120,Louise:115,Emma:110,Ambre:95,Alice:95,Rose:90,Anna:80,Alba:60,Romy:60,Mia:70,
Lina:70,Léa:75,Chloé:65,Inès:60,Julia:55,Mila:60,Lou:55,Agathe:50,Iris:50,Léna:55,
Juliette:50,Zoé:55,Manon:55,Camille:55,Lucie:45,Sarah:45,Eva:45,Nina:45,Clara:45,Margaux:35,
Charlotte:40,Victoire:30,Olivia:30,Adèle:40,Léonie:35,Gabrielle:30,Apolline:30,Lola:35,
Giulia:25,Jeanne:40,Romane:35,Lya:20,Capucine:25,Maëlys:30,Lana:25,Louna:20,Mathilde:35,
Lisa:30,Margot:30,Elsa:25,Héloïse:20,Victoria:15,Suzanne:15,Lyna:20,Assia:10,Yasmine:15,
Maya:15,Nour:12,Aya:15,Sofia:15,Salomé:25,Pauline:20,Océane:15,Clémence:20,Marie:25,
Anaïs:15,Laura:12,Morgane:10,Noémie:15,Mélissa:8,Justine:10,Marine:10,Élise:15,Éloïse:15,
Constance:10,Albane:8,Bérénice:6,Cléa:10,Céleste:12,Thaïs:8,Azilis:5,Nolwenn:8,Maïwenn:8,
Enora:12,Rozenn:4,Gwenaëlle:3,Louane:15,Maëlle:15,Emmy:12,Marie-Lou:5,Anne-Sophie:3,
Lou-Ann:4,Marie-Anne:2,Fatoumata:6,Aminata:5,Mariam:6,Khadija:5,Fatima:5,Amel:4,Imane:6,
Sirine:5,Hana:6,Inaya:8,Kenza:6,Malak:6,Aïcha:5,Naïa:6,Alix:12,Ninon:10,Valentine:12,
Diane:8,Elena:10,Ella:10,Livia:8,Luna:12,Mya:8,Cassandre:5,Daphné:6,Philippine:5,Ophélie:4,
Candice:4,Faustine:4,Jasmine:5,Lilou:15,Lison:8,Mathilda:6,Nora:8,Soline:5,Anouk:6,
Marie-Jeanne:1,Anne-Laure:2,Sixtine:3,Blanche:4,Joséphine:10,Madeleine:6,Marguerite:6
`;

export const PRENOMS_HOMMES = `
Nicolas:80,Julien:75,Sébastien:70,Christophe:60,Stéphane:55,David:60,Frédéric:50,Guillaume:55,
Jérôme:45,Olivier:45,Laurent:40,Thomas:55,Mathieu:50,Cédric:40,Vincent:45,Anthony:40,
Alexandre:45,Romain:40,Benjamin:35,Jérémy:35,Maxime:30,Pierre:30,Arnaud:30,Fabrice:25,
Damien:35,Yannick:25,Franck:25,Éric:30,Philippe:20,Ludovic:25,Grégory:25,Mickaël:25,
Sylvain:25,Xavier:20,Emmanuel:20,Jean-Philippe:6,Jean-François:6,Pierre-Yves:5,Jean-Marc:4,
Loïc:20,Erwan:15,Gwénaël:6,Yann:15,Samir:8,Karim:10,Mohamed:15,Rachid:8,Mamadou:5,
Ahmed:6,Kevin:20,Florian:25,Antoine:30,Aurélien:25,Benoît:20,Bruno:10,Cyril:20,Denis:8,
Didier:6,Fabien:25,Gilles:6,Hervé:8,Joël:4,Patrice:6,Pascal:8,Régis:6,Thierry:8,Tony:8,
Lionel:10,Rodolphe:4,Marc:10,Mathias:10,Adrien:20,Clément:20,Quentin:15,João:4,Paulo:3,
Carlos:4,Mustapha:4,Youssef:5,Hakim:5,Jean:10,Simon:10,Guillaume-Alexandre:1,Johann:8
`;

export const PRENOMS_FEMMES = `
Stéphanie:60,Aurélie:60,Céline:55,Sandrine:45,Nathalie:40,Émilie:60,Julie:65,Élodie:50,
Sophie:45,Virginie:40,Laetitia:35,Karine:30,Caroline:40,Anne:30,Audrey:40,Marie:45,
Camille:30,Laure:20,Mélanie:40,Sarah:30,Pauline:25,Claire:30,Isabelle:25,Valérie:20,
Delphine:30,Christelle:20,Séverine:20,Jennifer:20,Amandine:30,Anaïs:20,Charlotte:20,
Élise:10,Hélène:20,Laurence:12,Magali:15,Marion:30,Morgane:20,Nadia:10,Ophélie:8,
Sabrina:15,Samia:6,Fatima:8,Yasmina:5,Leïla:8,Nadège:8,Gwenaëlle:8,Katell:4,Soizic:3,
Nolwenn:8,Maud:12,Lucie:15,Manon:10,Mathilde:15,Coralie:15,Cécile:20,Agnès:8,Estelle:15,
Fanny:15,Florence:12,Géraldine:10,Ingrid:6,Jessica:15,Justine:12,Anne-Laure:5,
Marie-Laure:4,Anne-Sophie:6,Marie-Hélène:2,Aminata:4,Fatoumata:4,Ana:4,Maria:5,Sonia:8,
Vanessa:15,Sylvie:8,Corinne:6,Peggy:4,Tiphaine:6,Gaëlle:15,Armelle:5,Solène:8,Alexandra:10
`;
