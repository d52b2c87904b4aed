"""Starter course: « Élus 2.0 : réseaux sociaux et e-réputation ».

Plain data only (no Django or Wagtail imports), for the code that seeds the starter course.
Body blocks and quiz questions are (block_type, value) tuples. Towns, people and accounts are
fictional; figures and the anonymous testimonies come from the agency's Élus 2.0 source
article and are credited to the sources it reports.
"""

STARTER_COURSE = {
    "title": "Élus 2.0 : réseaux sociaux et e-réputation",
    "slug": "elus-2-0",
    "summary": (
        "Une formation pratique pour aider les élus locaux à utiliser X et Facebook, à dialoguer "
        "avec les habitants, à surveiller leur e-réputation et à répondre aux mobilisations "
        "citoyennes en ligne."
    ),
    "audience": (
        "Maires, adjoints, conseillers municipaux et communautaires, ainsi que leurs "
        "collaborateurs de cabinet, débutants ou peu à l'aise avec les réseaux sociaux."
    ),
    "level": "debutant",
    "estimated_minutes": 55,
    "objectives": [
        (
            "Comprendre pourquoi les réseaux sociaux font passer la politique de la diffusion au "
            "dialogue, chiffres à l'appui."
        ),
        (
            "Utiliser X pour informer, travailler avec la presse locale et raconter le conseil "
            "municipal."
        ),
        (
            "Animer une page Facebook d'élu avec une charte de modération et des réponses utiles "
            "aux habitants."
        ),
        (
            "Connaître son e-réputation, organiser une veille quotidienne et réagir avec méthode "
            "à un contenu négatif."
        ),
        "Écouter et répondre aux pétitions, collectifs et crises qui naissent en ligne.",
    ],
    "lessons_unlock_in_order": False,
    "modules": [
        {
            "title": "Pourquoi le web social change la pratique politique",
            "slug": "pourquoi-le-web-social",
            "intro": (
                "Quelques chiffres et exemples pour comprendre comment les réseaux sociaux ont "
                "fait passer la politique de la diffusion au dialogue, et pourquoi cela concerne "
                "aussi les élus locaux."
            ),
            "lessons": [
                {
                    "title": "Les chiffres : un fossé entre les États-Unis et la France",
                    "slug": "un-fosse-entre-etats-unis-et-france",
                    "minutes": 4,
                    "objectives": [
                        (
                            "Citer les principaux chiffres de 2011 sur la présence des élus sur "
                            "Twitter et Facebook."
                        ),
                        "Comprendre pourquoi ces chiffres concernent aussi les élus locaux.",
                    ],
                    "completion": "viewed",
                    "body": [
                        (
                            "heading",
                            "Deux pays, deux rapports au web social",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>En 2011, deux séries de chiffres ont nourri le débat sur la "
                                "place d'Internet dans la vie politique. Aux États-Unis, le site "
                                "TechPresident, qui suit de près l'usage du web par les "
                                "responsables politiques, recensait un compte Twitter chez plus "
                                "de huit membres du Congrès sur dix, sénateurs et représentants "
                                "confondus. En France, l'étude « Élus 2.0 Députés et Internet », "
                                "parue en septembre 2011, en trouvait à peine plus d'un sur cinq "
                                "parmi les députés.</p>"
                            ),
                        ),
                        (
                            "key_figure",
                            {
                                "number": "Plus de 80 %",
                                "label": (
                                    "des membres du Congrès américain (représentants et "
                                    "sénateurs) avaient un compte Twitter"
                                ),
                                "source": (
                                    "Site TechPresident, chiffres repris par Élus 2.0 (2011)"
                                ),
                            },
                        ),
                        (
                            "key_figure",
                            {
                                "number": "86 % et 75 %",
                                "label": (
                                    "des élus républicains et des élus démocrates du Congrès "
                                    "étaient présents sur Twitter"
                                ),
                                "source": (
                                    "Site TechPresident, chiffres repris par Élus 2.0 (2011)"
                                ),
                            },
                        ),
                        (
                            "key_figure",
                            {
                                "number": "22 %",
                                "label": "des députés français avaient un compte Twitter",
                                "source": (
                                    "Étude Élus 2.0, « Députés et Internet », septembre 2011"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Le plus parlant n'est pas seulement l'écart entre les deux "
                                "pays, c'est la régularité américaine : républicains et "
                                "démocrates sont massivement présents, avec une dizaine de points "
                                "seulement entre les deux camps. Là-bas, être sur Twitter n'est "
                                "plus une question de goût personnel ou d'étiquette politique ; "
                                "c'est une composante banale du mandat, comme tenir une "
                                "permanence ou répondre au courrier.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Et du côté de Facebook ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une autre étude d'Élus 2.0 sur les députés dressait le même "
                                "constat : 54 % d'entre eux n'avaient aucune présence sur "
                                "Facebook et 78 % aucune sur Twitter. La majorité des "
                                "parlementaires restait donc à l'écart des deux réseaux où se "
                                "déroulait déjà une part importante de la conversation "
                                "publique.</p>"
                            ),
                        ),
                        (
                            "key_figure",
                            {
                                "number": "54 %",
                                "label": "des députés français absents de Facebook",
                                "source": "Étude Élus 2.0 sur les députés (2011)",
                            },
                        ),
                        (
                            "heading",
                            "Pourquoi ces chiffres vous concernent, même dans une petite commune",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ces études portent sur des parlementaires, pas sur les maires "
                                "ni sur les conseillers municipaux. Elles indiquent pourtant une "
                                "tendance : si des élus nationaux, entourés de collaborateurs, "
                                "tardaient à franchir le pas, beaucoup d'élus locaux étaient sans "
                                "doute encore plus loin. Or c'est à l'échelle de la commune que "
                                "le lien avec les habitants est le plus direct. Les parents "
                                "d'élèves, les associations, les commerçants et les riverains "
                                "parlent de la vie locale dans les groupes Facebook de quartier, "
                                "sous les articles du journal local ou sur X (l'ancien "
                                "Twitter).</p><p>Ne confondez pas deux choses : le site Internet "
                                "de la commune, que presque toutes possèdent aujourd'hui, et "
                                "votre propre usage des réseaux. Ce qui compte, c'est de savoir "
                                "si vous, en tant qu'élu, y passez assez de temps pour comprendre "
                                "comment vos administrés s'informent, réagissent et s'organisent. "
                                "On ne mesure bien les effets d'un outil qu'en s'en servant "
                                "soi-même.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Je croyais que le site de la mairie et le bulletin "
                                    "suffisaient. En lisant le groupe Facebook de mon quartier, "
                                    "j'ai découvert trois sujets dont personne ne m'avait parlé "
                                    "en permanence."
                                ),
                                "author": "Martine Leroux",
                                "role": (
                                    "Conseillère municipale déléguée à la vie des quartiers, "
                                    "Saint-Aubin-sur-Loire (témoignage fictif)"
                                ),
                            },
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Avant d'ouvrir un compte, prenez une semaine pour observer. "
                                "Cherchez le nom de votre commune sur Facebook et sur X, repérez "
                                "les groupes locaux, le compte du journal départemental, les "
                                "associations les plus actives. Vous saurez où se tient "
                                "réellement la conversation avant d'y prendre la parole.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Faire le point sur votre présence en ligne",
                                "items": [
                                    "Je sais quels réseaux utilisent les habitants de ma commune.",
                                    (
                                        "J'ai repéré au moins deux groupes ou pages où l'on parle "
                                        "de la vie locale."
                                    ),
                                    (
                                        "Je sais si les journalistes locaux sont présents sur X "
                                        "ou sur Facebook."
                                    ),
                                    (
                                        "Je distingue le site de la mairie de ma propre présence "
                                        "d'élu."
                                    ),
                                ],
                            },
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "De la diffusion descendante au dialogue",
                    "slug": "de-la-diffusion-au-dialogue",
                    "minutes": 3,
                    "objectives": [
                        (
                            "Résumer ce que l'étude du Congressional Management Foundation a "
                            "observé aux États-Unis."
                        ),
                        (
                            "Distinguer une publication qui informe d'une publication qui ouvre "
                            "le dialogue."
                        ),
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Ce qu'a observé le Congressional Management Foundation",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>En juillet 2011, le Congressional Management Foundation "
                                "(CMF), organisme américain qui étudie le fonctionnement du "
                                "Congrès, a publié une étude sur l'usage politique de Facebook, "
                                "de Twitter et de YouTube. Ses conclusions tiennent en quelques "
                                "idées :</p><ul><li>les échanges entre les citoyens et leurs "
                                "représentants sont devenus plus rapides et plus directs, et leur "
                                "nature même a changé ;</li><li>des Américains qui restaient "
                                "jusque-là en dehors des débats publics y prennent désormais part "
                                ";</li><li>les équipes des parlementaires se servent des réseaux "
                                "pour prendre le pouls de l'opinion au moment même où un sujet "
                                "apparaît ;</li><li>certains sénateurs associent davantage le "
                                "public à leur travail législatif.</li></ul><p>Conclusion de "
                                "l'étude : outre-Atlantique, Facebook, Twitter et YouTube ne sont "
                                "plus un à-côté de la vie parlementaire. Ils en sont devenus un "
                                "rouage ordinaire, qui sert à la fois de baromètre et de lieu "
                                "d'échange.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Pas un porte-voix de plus",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>L'erreur la plus fréquente consiste à voir Facebook ou X "
                                "comme un canal supplémentaire, rangé à côté du bulletin "
                                "municipal, du communiqué de presse, de l'affichage et du tract. "
                                "Tous ces outils ont un point commun : l'information part de la "
                                "mairie et descend vers les habitants, qui la reçoivent sans "
                                "pouvoir répondre au même endroit.</p><p>Sur les réseaux sociaux, "
                                "chaque publication peut être commentée, partagée, contestée, "
                                "complétée. Vous ne contrôlez plus seul le moment ni le sens de "
                                "la discussion. C'est déroutant au début, mais c'est aussi une "
                                "chance : vous entendez ce que pensent des habitants qui ne "
                                "viennent jamais en réunion publique.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Comparez ces deux publications",
                        ),
                        (
                            "paragraph",
                            "<p>Même sujet, même commune, deux façons de faire :</p>",
                        ),
                        (
                            "social_post",
                            {
                                "network": "facebook",
                                "author": "Mairie de Saint-Aubin-sur-Loire",
                                "handle": "@MairieStAubin",
                                "text": (
                                    "COMMUNIQUÉ. Les travaux de réfection de la rue des Tanneurs "
                                    "débuteront le 2 mars. La circulation sera interdite pendant "
                                    "six semaines. Merci de votre compréhension."
                                ),
                                "date": "2026-02-20",
                                "likes": 4,
                                "shares": 1,
                                "comments": 23,
                            },
                        ),
                        (
                            "social_post",
                            {
                                "network": "facebook",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Rue des Tanneurs : les travaux commencent le 2 mars, pour "
                                    "six semaines. Je sais que c'est contraignant pour les "
                                    "riverains et les commerçants. Nous avons prévu un accès "
                                    "piéton permanent et des places de livraison rue Neuve. "
                                    "Qu'est-ce qui vous aiderait d'autre ? Je passerai sur le "
                                    "chantier samedi à 10 h pour en parler avec vous."
                                ),
                                "date": "2026-02-20",
                                "likes": 87,
                                "shares": 12,
                                "comments": 41,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La première publication informe ; les 23 commentaires qu'elle "
                                "reçoit resteront sans réponse et tourneront vite à la "
                                "récrimination. La seconde informe aussi, mais elle reconnaît la "
                                "gêne, annonce des mesures concrètes, pose une question et "
                                "propose un rendez-vous. Elle transforme une mauvaise nouvelle en "
                                "occasion d'échange.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Terminez régulièrement vos publications par une vraie "
                                "question, puis revenez quelques semaines plus tard avec un bilan "
                                ": « Vous avez été nombreux à demander un accès piéton : il est "
                                "en place depuis lundi. » Montrer que l'on a écouté vaut mieux "
                                "que toutes les promesses.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Publier uniquement des communiqués, des photos "
                                "d'inaugurations et des remerciements, sans jamais répondre aux "
                                "commentaires. Les habitants comprennent vite que la page est une "
                                "vitrine, et ils iront débattre ailleurs, sans vous.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Le jour où j'ai répondu moi-même aux questions sur la "
                                    "fermeture de la piscine, la page a changé de ton. Les gens "
                                    "ont vu qu'il y avait quelqu'un derrière."
                                ),
                                "author": "Paul Garnier",
                                "role": "Adjoint aux sports de Villebrune (témoignage fictif)",
                            },
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Les partis s'ouvrent : l'exemple des primaires ouvertes",
                    "slug": "primaires-ouvertes-et-partis",
                    "minutes": 4,
                    "objectives": [
                        (
                            "Expliquer pourquoi les partis nationaux ont ouvert leurs primaires "
                            "et leurs réseaux aux citoyens."
                        ),
                        "Identifier ce que cette ouverture implique pour un élu local.",
                    ],
                    "completion": "quiz_passed",
                    "body": [
                        (
                            "heading",
                            "La primaire citoyenne, signe d'une époque",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Les grandes formations politiques nationales ont été les "
                                "premières à en tirer les conséquences, en cherchant à associer "
                                "des citoyens qui ne sont pas adhérents. Les primaires en sont un "
                                "bon exemple. Quand le think tank Terra Nova a réuni des experts "
                                "pour imaginer une primaire adaptée à la France, on pourrait "
                                "croire qu'ils se sont longuement disputés pour savoir qui aurait "
                                "le droit de voter. Ce point a en réalité peu fait débat : ouvrir "
                                "le scrutin allait de soi, tant les citoyens ont pris l'habitude "
                                "de donner leur avis sur tout, de noter, de commenter et de "
                                "partager. Leur fermer la porte aurait paru d'un autre temps.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Des réseaux sociaux de partis ouverts à tous",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Dans le même esprit, les grands partis français ont créé "
                                "leurs propres réseaux en ligne, accessibles aux sympathisants "
                                "comme aux simples curieux, et non plus aux seuls militants. "
                                "L'UMP avait lancé « Les créateurs de possibles », plateforme "
                                "fermée depuis ; le PS avait ouvert « La Coopol ». Derrière ces "
                                "initiatives, il y a un changement de posture : le parti ne se "
                                "pose plus en source unique des idées, il se fait plutôt atelier, "
                                "où les contributions de chacun sont rassemblées, triées et "
                                "transformées en propositions.</p><p>Sur ces plateformes, un "
                                "sympathisant peut interpeller un parlementaire ou débattre avec "
                                "un adhérent de longue date sans passer par la hiérarchie. Ces "
                                "échanges d'égal à égal rendent beaucoup plus poreuse la "
                                "frontière entre l'organisation et le reste de la société.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Et au niveau local ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>À l'échelon local, la transformation a été beaucoup plus "
                                "lente. Dans les communes, les intercommunalités, les "
                                "départements ou les régions, nombreux étaient les élus qui "
                                "communiquaient encore à l'ancienne au moment de ces études, "
                                "alors que leurs électeurs avaient déjà changé "
                                "d'habitudes.</p><p>Pour un maire ou un adjoint, s'inspirer de "
                                "cette ouverture peut se traduire très concrètement "
                                ":</p><ul><li>consulter les habitants en ligne avant de trancher "
                                "un projet (aménagement d'une place, horaires de la médiathèque, "
                                "plan de circulation) et publier ensuite ce qui a été retenu "
                                ";</li><li>inviter les membres des groupes Facebook locaux aux "
                                "réunions publiques, et diffuser en direct ou résumer ces "
                                "réunions pour ceux qui n'ont pas pu venir ;</li><li>ouvrir un "
                                "espace de questions régulier, par exemple un échange en direct "
                                "le premier lundi du mois ;</li><li>reconnaître publiquement "
                                "quand une idée d'habitant a été reprise.</li></ul>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "x",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Place du Marché : 3 esquisses, à vous de choisir. Vote en "
                                    "ligne jusqu'au 30 avril, urnes en mairie pour ceux qui "
                                    "préfèrent le papier. Résultats et suite du projet présentés "
                                    "au conseil du 12 mai. #StAubinDemain"
                                ),
                                "date": "2026-04-02",
                                "likes": 64,
                                "shares": 31,
                                "comments": 18,
                            },
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Prévoyez toujours une voie hors ligne (urne, permanence, "
                                "courrier) à côté de la consultation numérique. L'ouverture en "
                                "ligne doit élargir la participation, pas exclure ceux qui ne "
                                "sont pas connectés.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Lancer une consultation dont la décision est déjà prise. Les "
                                "habitants le devinent toujours, et la déception se retourne "
                                "contre vous bien plus fort que si vous n'aviez rien demandé.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Trois premiers pas vers une pratique plus ouverte",
                                "items": [
                                    (
                                        "Choisir un projet municipal sur lequel l'avis des "
                                        "habitants peut réellement peser."
                                    ),
                                    (
                                        "Annoncer clairement ce qui est ouvert au débat et ce qui "
                                        "ne l'est pas."
                                    ),
                                    "Fixer une date de restitution et la tenir.",
                                ],
                            },
                        ),
                    ],
                    "quiz": [
                        (
                            "single_choice",
                            {
                                "question": (
                                    "Selon l'étude Élus 2.0 « Députés et Internet » de septembre "
                                    "2011, quelle part des députés français avait un compte "
                                    "Twitter ?"
                                ),
                                "options": [
                                    {
                                        "text": "54 %",
                                        "correct": False,
                                        "feedback": (
                                            "Non : 54 % est la part des députés absents de "
                                            "Facebook, d'après une autre étude d'Élus 2.0. Sur "
                                            "Twitter, la présence était bien plus faible."
                                        ),
                                    },
                                    {
                                        "text": "Plus de 80 %",
                                        "correct": False,
                                        "feedback": (
                                            "Ce chiffre concerne les membres du Congrès américain "
                                            "(TechPresident), pas les députés français."
                                        ),
                                    },
                                    {
                                        "text": "22 %",
                                        "correct": True,
                                        "feedback": (
                                            "Exact : un peu plus d'un député sur cinq, contre "
                                            "plus de huit membres du Congrès américain sur dix "
                                            "selon TechPresident."
                                        ),
                                    },
                                    {
                                        "text": "86 %",
                                        "correct": False,
                                        "feedback": (
                                            "C'est la part des élus républicains du Congrès "
                                            "présents sur Twitter selon TechPresident, pas celle "
                                            "des députés français."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "L'écart entre 22 % en France et plus de 80 % aux États-Unis "
                                    "résume le retard français de l'époque sur l'usage personnel "
                                    "des réseaux par les élus."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "D'après l'étude du Congressional Management Foundation, les "
                                    "réseaux sociaux ont changé la manière dont les citoyens et "
                                    "les parlementaires américains se parlent, et pas seulement "
                                    "la vitesse à laquelle circulent les communiqués."
                                ),
                                "answer": True,
                                "feedback_true": (
                                    "Bien vu : le CMF décrit une relation plus directe, ouverte "
                                    "à des citoyens qui ne participaient pas, et non un simple "
                                    "canal de diffusion plus rapide."
                                ),
                                "feedback_false": (
                                    "Si : le CMF insiste sur le dialogue, sur de nouveaux publics "
                                    "et sur l'écoute de l'opinion en temps réel, bien au-delà "
                                    "d'une diffusion accélérée."
                                ),
                                "explanation": (
                                    "L'étude du CMF montre que les réseaux transforment la "
                                    "relation : plus directe, plus rapide, ouverte à des citoyens "
                                    "qui ne participaient pas, et utile pour sentir l'opinion."
                                ),
                            },
                        ),
                        (
                            "multiple_choice",
                            {
                                "question": (
                                    "Lesquels de ces outils relèvent d'une communication "
                                    "descendante, où l'habitant reçoit l'information sans pouvoir "
                                    "répondre au même endroit ?"
                                ),
                                "options": [
                                    {
                                        "text": "Le bulletin municipal imprimé",
                                        "correct": True,
                                        "feedback": (
                                            "Oui : il part de la mairie vers les habitants, qui "
                                            "ne peuvent pas y réagir directement."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Une réponse de l'élu sous le commentaire d'une "
                                            "habitante"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : c'est précisément un échange, visible de tous, "
                                            "où chacun peut poursuivre la discussion."
                                        ),
                                    },
                                    {
                                        "text": "Le tract distribué sur le marché",
                                        "correct": True,
                                        "feedback": (
                                            "Oui : c'est un support de diffusion à sens unique, "
                                            "même si la distribution peut donner lieu à une "
                                            "conversation."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Une consultation en ligne suivie d'une restitution "
                                            "publique"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : la consultation recueille des avis et la "
                                            "restitution montre ce qui en a été fait ; c'est un "
                                            "dialogue."
                                        ),
                                    },
                                    {
                                        "text": "Le communiqué de presse",
                                        "correct": True,
                                        "feedback": (
                                            "Oui : il s'adresse aux médias, qui le relaient ; "
                                            "l'habitant n'a pas de moyen de répondre dans le même "
                                            "espace."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Les outils traditionnels restent utiles, mais ils diffusent. "
                                    "Les réseaux sociaux permettent, et en réalité exigent, une "
                                    "relation dans les deux sens."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "question": (
                                    "Pourquoi la primaire ouverte s'est-elle imposée aux experts "
                                    "réunis par Terra Nova ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "Parce qu'une loi imposait aux partis d'ouvrir leurs "
                                            "primaires."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Aucune loi n'imposait cela : l'ouverture a découlé "
                                            "d'une évolution des pratiques, pas d'une obligation "
                                            "juridique."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Parce qu'à notre époque, il n'était plus réaliste de "
                                            "réserver la participation aux seuls militants."
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "C'est bien l'idée : l'habitude de donner son avis "
                                            "est devenue générale, et la fermer aurait paru "
                                            "anachronique."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Parce que le débat entre primaire ouverte et fermée "
                                            "était la question centrale du groupe de travail."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "C'est justement l'idée reçue à corriger : ce débat "
                                            "n'était pas l'essentiel ; l'ouverture allait presque "
                                            "de soi."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Parce que les partis voulaient réduire le coût de "
                                            "l'organisation."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Le coût n'est pas l'argument avancé ; c'est "
                                            "l'évolution des modes de vie et de participation qui "
                                            "a pesé."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "La primaire citoyenne illustre un mouvement plus large : les "
                                    "institutions politiques s'ouvrent parce que les citoyens ont "
                                    "pris l'habitude de participer."
                                ),
                            },
                        ),
                        (
                            "ordering",
                            {
                                "question": (
                                    "Remettez dans l'ordre une démarche simple pour passer de la "
                                    "diffusion au dialogue."
                                ),
                                "items": [
                                    (
                                        "Observer où et comment les habitants parlent de la "
                                        "commune en ligne"
                                    ),
                                    "Ouvrir son compte et présenter clairement son rôle",
                                    "Publier en posant de vraies questions aux habitants",
                                    (
                                        "Répondre aux commentaires et rendre compte de ce qui a "
                                        "été fait"
                                    ),
                                ],
                                "explanation": (
                                    "On écoute d'abord, on se présente ensuite, puis on invite au "
                                    "dialogue ; la restitution finale prouve que l'échange a "
                                    "servi à quelque chose et donne envie de participer à nouveau."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "X (ex-Twitter) pour un élu local",
            "slug": "x-twitter-pour-un-elu",
            "intro": (
                "Comment utiliser X pour informer, travailler avec la presse locale, raconter le "
                "conseil municipal et répondre aux habitants, sans tomber dans les pièges du "
                "réseau."
            ),
            "lessons": [
                {
                    "title": "À quoi sert X (ex-Twitter) pour un élu local ?",
                    "slug": "a-quoi-sert-x",
                    "minutes": 3,
                    "objectives": [
                        "Identifier les usages utiles de X pour un élu local.",
                        (
                            "Préparer un profil clair qui distingue compte personnel et compte "
                            "institutionnel."
                        ),
                    ],
                    "completion": "viewed",
                    "body": [
                        (
                            "heading",
                            "Un réseau de l'actualité et des relais",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>X, le réseau longtemps appelé Twitter, repose sur des "
                                "messages courts, publics par défaut, qui circulent très vite. "
                                "Les habitants y sont moins nombreux que sur Facebook, mais on y "
                                "trouve une concentration de personnes qui comptent pour un élu : "
                                "journalistes de la presse locale et régionale, collaborateurs "
                                "d'élus, responsables associatifs, services de la préfecture, "
                                "acteurs économiques. C'est souvent là qu'une information locale "
                                "est reprise pour la première fois.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Pour un maire, un adjoint ou un conseiller, X sert "
                                "principalement à quatre choses :</p><ol><li><b>Informer vite</b> "
                                ": une route coupée, une alerte météo, une décision du "
                                "conseil.</li><li><b>Être repéré par les médias</b> : les "
                                "journalistes suivent les comptes des élus de leur secteur et y "
                                "puisent des réactions et des sujets.</li><li><b>Faire de la "
                                "veille</b> : savoir ce qui se dit sur la commune, les sujets qui "
                                "montent, ce que font les territoires voisins.</li><li><b>Tisser "
                                "un réseau</b> : échanger avec d'autres élus, des experts, des "
                                "associations.</li></ol>"
                            ),
                        ),
                        (
                            "heading",
                            "Une erreur d'appréciation fréquente",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>L'équipe Élus 2.0 rapporte le cas d'un homme qui se préparait "
                                "à briguer un siège de député en 2012 et estimait qu'un compte "
                                "Twitter ne lui servirait à rien, quand bien même beaucoup de "
                                "journalistes locaux de sa circonscription y publiaient chaque "
                                "jour. En boudant ce réseau, il renonçait surtout à un contact "
                                "quotidien et informel avec ceux qui allaient couvrir sa "
                                "campagne.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Compte personnel ou compte de la mairie ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Faites la différence dès le départ. Le compte de la commune "
                                "(par exemple @MairieStAubin) est géré par les services, parle au "
                                "nom de l'institution et reste neutre. Votre compte d'élu (par "
                                "exemple @MaireStAubin) porte votre voix, vos convictions, votre "
                                "manière de travailler. En période préélectorale, cette "
                                "distinction devient encore plus importante : les moyens de la "
                                "collectivité ne doivent pas servir à votre promotion "
                                "personnelle.</p>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "x",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Maire de Saint-Aubin-sur-Loire (8 400 hab.). Écoles, "
                                    "mobilités, vie des quartiers. Je réponds moi-même, en "
                                    "général le soir. Pour une demande administrative : "
                                    "@MairieStAubin."
                                ),
                                "date": "2026-01-05",
                                "likes": 12,
                                "shares": 2,
                                "comments": 3,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Cette biographie est efficace : elle dit qui vous êtes, ce "
                                "qui vous occupe, qui tient le compte et où adresser les "
                                "démarches. Ajoutez une photo récente et reconnaissable, la même "
                                "que sur vos autres supports, et un lien vers votre page sur le "
                                "site de la commune ou vers votre site d'élu.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Suivez dès le premier jour les comptes de la presse locale, "
                                "de la préfecture, des communes voisines, des associations et des "
                                "habitants actifs. Un compte qui ne suit personne ne voit rien et "
                                "semble ne rien vouloir entendre.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Ouvrir un compte pendant la campagne, publier intensément "
                                "quelques semaines, puis le laisser à l'abandon. Un compte muet "
                                "depuis des mois donne l'image d'un élu qui ne s'intéresse aux "
                                "habitants qu'au moment de voter.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Votre profil X en cinq points",
                                "items": [
                                    (
                                        "Nom et fonction clairement indiqués (sans ambiguïté avec "
                                        "le compte de la mairie)."
                                    ),
                                    "Photo récente et reconnaissable.",
                                    "Une phrase sur vos priorités et sur qui tient le compte.",
                                    "Lien vers une page officielle ou votre site d'élu.",
                                    "Une vingtaine de comptes locaux suivis dès l'ouverture.",
                                ],
                            },
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Trouver le bon ton et le bon rythme",
                    "slug": "le-bon-ton-et-le-bon-rythme",
                    "minutes": 3,
                    "objectives": [
                        "Adopter un ton personnel, courtois et concret sur X.",
                        "Fixer un rythme de publication tenable sur la durée.",
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Parler comme un élu, pas comme un communiqué",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Sur X, les messages qui fonctionnent sont ceux où l'on sent "
                                "une personne. Écrivez à la première personne, avec des phrases "
                                "simples, en donnant une information précise. Un bon message "
                                "d'élu répond à trois questions : de quoi s'agit-il, qu'est-ce "
                                "que cela change pour les habitants, et où trouver plus de "
                                "détails.</p>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "x",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Bonne nouvelle pour les familles : la cantine de l'école "
                                    "Jules-Ferry rouvre lundi après les travaux. Menus 100 % "
                                    "faits sur place, tarifs inchangés. Les détails et les photos "
                                    "de la nouvelle cuisine sur le site de la ville."
                                ),
                                "date": "2026-03-06",
                                "likes": 112,
                                "shares": 24,
                                "comments": 9,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Comparez avec la version « institutionnelle » que l'on voit "
                                "trop souvent : « Dans le cadre de sa politique volontariste en "
                                "faveur de la restauration scolaire, la municipalité a le plaisir "
                                "d'annoncer… ». Le contenu est le même, mais personne ne lit "
                                "jusqu'au bout.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Quelques repères de ton",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li><b>Courtois en toutes circonstances</b>, y compris face "
                                "à un adversaire politique : vos messages sont lus par tous, pas "
                                "seulement par votre contradicteur.</li><li><b>Précis</b> : une "
                                "date, un lieu, un chiffre valent mieux qu'un "
                                "adjectif.</li><li><b>Humain</b> : une photo prise sur le "
                                "terrain, un remerciement nominatif à un agent ou à un bénévole "
                                "(avec son accord), une pointe d'humour si elle est dans votre "
                                "caractère.</li><li><b>Honnête</b> : si un projet prend du "
                                "retard, dites-le avant qu'on vous le reproche.</li></ul>"
                            ),
                        ),
                        (
                            "heading",
                            "Le bon rythme : régulier plutôt qu'abondant",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Il n'existe pas de fréquence idéale, mais la régularité "
                                "compte davantage que le volume. Pour un élu local, un rythme de "
                                "trois à cinq messages par semaine, complété par des réponses aux "
                                "personnes qui vous interpellent, est un bon point de départ. "
                                "Mieux vaut un message utile par jour ouvré que dix messages un "
                                "lundi puis un silence de trois semaines.</p><p>Organisez-vous : "
                                "bloquez un quart d'heure le matin pour lire et un quart d'heure "
                                "le soir pour répondre. Gardez une liste de sujets en réserve "
                                "(chantiers, rencontres, portraits d'associations, décisions du "
                                "conseil) pour les semaines creuses.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Au début, je publiais à toute heure. Maintenant, je me fixe "
                                    "deux créneaux par jour. Les habitants savent que je réponds "
                                    "le soir, et ma famille aussi."
                                ),
                                "author": "Karim Benali",
                                "role": (
                                    "Conseiller municipal de Pont-Sainte-Odile (témoignage fictif)"
                                ),
                            },
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Avant de publier un message sur un sujet sensible, relisez-le "
                                "en vous demandant : « Est-ce que je serais à l'aise si ce "
                                "message était lu à voix haute en conseil municipal ou cité dans "
                                "le journal demain ? » Si la réponse est non, attendez.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Publier sous le coup de la colère, tard le soir, ou répondre "
                                "à chaud à une attaque. Une capture d'écran survit à la "
                                "suppression du message, et c'est elle que l'on vous "
                                "ressortira.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Utiliser le compte d'élu pour des messages strictement privés "
                                "ou des polémiques nationales sans lien avec votre mandat : vous "
                                "brouillez votre rôle et vous offrez des angles d'attaque "
                                "inutiles.</p>"
                            ),
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Live-tweeter un conseil municipal",
                    "slug": "live-tweeter-un-conseil-municipal",
                    "minutes": 3,
                    "objectives": [
                        "Préparer et mener le live-tweet d'une séance du conseil municipal.",
                        (
                            "Rédiger des messages de séance factuels, lisibles et respectueux des "
                            "autres élus."
                        ),
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Pourquoi raconter la séance en direct ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Les séances du conseil municipal sont publiques, mais très "
                                "peu d'habitants y assistent. Les raconter en direct sur X, "
                                "c'est-à-dire « live-tweeter », permet de rendre visibles les "
                                "décisions qui les concernent : tarifs de la cantine, subventions "
                                "aux associations, travaux, budget. C'est aussi un bon moyen "
                                "d'être repéré par la presse locale, qui suit souvent les séances "
                                "à distance.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Avant la séance",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li>Choisissez un mot-dièse court et stable, par exemple "
                                "<b>#CMStAubin</b>, et annoncez-le la veille.</li><li>Relisez "
                                "l'ordre du jour et préparez à l'avance quelques messages de "
                                "contexte sur les points importants (montants, enjeux, "
                                "calendrier).</li><li>Décidez qui tweete : vous-même, un collègue "
                                "de la majorité ou de l'opposition, ou le service communication "
                                "sur le compte de la mairie. Sur le compte institutionnel, le "
                                "récit doit rester neutre et rendre compte de toutes les "
                                "positions.</li><li>Vérifiez la batterie et la connexion de la "
                                "salle.</li></ul>"
                            ),
                        ),
                        (
                            "heading",
                            "Pendant la séance",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Un message par point important suffit. Donnez le résultat du "
                                "vote, sa portée concrète et, si possible, un chiffre. Voici à "
                                "quoi peut ressembler un fil de séance :</p>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "x",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Conseil municipal ce soir à 19 h, salle des fêtes : budget "
                                    "2026, tarifs de la cantine, rénovation du gymnase. Je "
                                    "raconte la séance ici. Séance publique, venez ! #CMStAubin"
                                ),
                                "date": "2026-03-26",
                                "likes": 28,
                                "shares": 11,
                                "comments": 4,
                            },
                        ),
                        (
                            "social_post",
                            {
                                "network": "x",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Point 4 adopté (23 pour, 6 contre) : les tarifs de la "
                                    "cantine restent inchangés en 2026, avec une tranche à 1 € "
                                    "pour les familles aux plus faibles revenus. L'opposition "
                                    "demandait une gratuité totale. #CMStAubin"
                                ),
                                "date": "2026-03-26",
                                "likes": 54,
                                "shares": 19,
                                "comments": 12,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Notez que le second message mentionne honnêtement la position "
                                "de l'opposition. C'est plus crédible, et cela évite les "
                                "accusations de récit partial. Ne citez jamais un collègue de "
                                "façon tronquée ou moqueuse : vous seriez en séance publique, "
                                "mais votre message, lui, sera lu hors contexte.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Après la séance",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Publiez un message de synthèse avec les trois décisions "
                                "principales et un lien vers le compte rendu officiel dès qu'il "
                                "est disponible. Répondez aux questions posées pendant la séance "
                                ": c'est souvent là que se nouent les échanges les plus "
                                "utiles.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Check-list du live-tweet de conseil",
                                "items": [
                                    "Mot-dièse choisi et annoncé la veille.",
                                    (
                                        "Messages de contexte préparés pour les points clés de "
                                        "l'ordre du jour."
                                    ),
                                    (
                                        "Rôle clarifié : compte d'élu ou compte institutionnel "
                                        "neutre."
                                    ),
                                    (
                                        "Un message par décision importante, avec le résultat du "
                                        "vote."
                                    ),
                                    "Positions des autres groupes rapportées loyalement.",
                                    "Synthèse et lien vers le compte rendu après la séance.",
                                ],
                            },
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Invitez un élu d'opposition à live-tweeter lui aussi avec le "
                                "même mot-dièse. Les habitants verront un débat démocratique "
                                "vivant plutôt qu'une communication à sens unique.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Tweeter en direct pendant un débat tendu sur un dossier "
                                "personnel (une aide sociale, un contentieux avec un agent) : "
                                "certains sujets ne doivent pas être détaillés en ligne, même "
                                "s'ils sont abordés en séance publique.</p>"
                            ),
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Répondre, ignorer, recadrer : gérer les interactions",
                    "slug": "gerer-les-interactions",
                    "minutes": 3,
                    "objectives": [
                        "Distinguer une question, une critique, une attaque et un troll.",
                        "Choisir la réponse adaptée à chaque type d'interpellation.",
                    ],
                    "completion": "quiz_passed",
                    "body": [
                        (
                            "heading",
                            "Toutes les interpellations ne se valent pas",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Dès que vous publiez, on vous répond. La plupart des "
                                "réactions sont des questions ou des remarques de bonne foi ; "
                                "certaines sont des critiques, parfois vives ; une petite partie "
                                "relève de l'attaque gratuite ou du « troll », cette personne qui "
                                "cherche uniquement à provoquer. Chaque cas appelle une attitude "
                                "différente. Regardez ce fil :</p>"
                            ),
                        ),
                        (
                            "comment_thread",
                            {
                                "post": {
                                    "network": "x",
                                    "author": "Claire Morel",
                                    "handle": "@MaireStAubin",
                                    "text": (
                                        "Dès septembre, la médiathèque ouvrira aussi le dimanche "
                                        "matin, de 10 h à 13 h. Merci aux agents qui ont "
                                        "construit ce nouveau planning avec nous."
                                    ),
                                    "date": "2026-05-12",
                                    "likes": 96,
                                    "shares": 17,
                                    "comments": 5,
                                },
                                "replies": [
                                    {
                                        "author": "Sophie L.",
                                        "handle": "@sophie_lit",
                                        "text": "Super nouvelle ! Les enfants vont adorer.",
                                        "tone": "positive",
                                    },
                                    {
                                        "author": "Hugo M.",
                                        "handle": "@hugo_stau",
                                        "text": (
                                            "Est-ce que l'espace jeux vidéo sera ouvert aussi le "
                                            "dimanche ?"
                                        ),
                                        "tone": "question",
                                    },
                                    {
                                        "author": "Nadia K.",
                                        "handle": "@nadiak",
                                        "text": (
                                            "Ouvrir le dimanche, c'est bien, mais c'est fermé le "
                                            "mercredi après-midi, quand les enfants n'ont pas "
                                            "école. Vous avez pensé aux familles qui travaillent ?"
                                        ),
                                        "tone": "critical",
                                    },
                                    {
                                        "author": "Patriote_Ligérien",
                                        "handle": "@pl_1789",
                                        "text": (
                                            "Encore de l'argent jeté par les fenêtres par une "
                                            "équipe de branquignols. Démission !"
                                        ),
                                        "tone": "troll",
                                    },
                                ],
                            },
                        ),
                        (
                            "heading",
                            "Comment répondre à chacun",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li><b>Le message positif</b> : un simple « merci » ou une "
                                "mention « J'aime » suffit.</li><li><b>La question</b> : répondez "
                                "vite et précisément, ou dites quand vous aurez la réponse. Une "
                                "question sans réponse devient vite une critique.</li><li><b>La "
                                "critique argumentée</b> : c'est la plus précieuse. Remerciez, "
                                "apportez une information vérifiée, et reconnaissez ce qui est "
                                "juste : « Vous avez raison, le mercredi après-midi pose "
                                "question. Nous le mettons à l'étude pour janvier. "
                                "»</li><li><b>Le troll</b> : ne répondez pas sur le fond et ne "
                                "vous justifiez pas. Le silence prive le provocateur du public "
                                "qu'il recherche. Si le message contient des injures, des menaces "
                                "ou des propos discriminatoires, utilisez les outils de "
                                "signalement, voire portez plainte.</li></ul>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Répondez publiquement aux questions d'intérêt général, afin "
                                "que tout le monde profite de la réponse, et proposez de passer "
                                "en message privé dès qu'une situation personnelle est en jeu "
                                "(dossier de logement, aide sociale, litige).</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<ul><li>Supprimer les critiques ou bloquer à tour de bras : cela "
                                "se voit et alimente l'accusation de censure.</li><li>Répondre "
                                "avec ironie ou condescendance : même si vous avez raison, vous "
                                "perdez la sympathie de ceux qui lisent l'échange.</li><li>Entrer "
                                "dans un échange interminable avec une seule personne : au "
                                "troisième message, proposez un rendez-vous ou un "
                                "appel.</li><li>Laisser un collaborateur répondre en votre nom "
                                "sans le signaler : si d'autres personnes tiennent votre compte, "
                                "dites-le dans votre profil.</li></ul>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "J'ai appris à répondre à la critique et à laisser le troll "
                                    "parler tout seul. Au bout de quelques jours, ce sont souvent "
                                    "les habitants qui lui répondent à ma place."
                                ),
                                "author": "Élodie Marchand",
                                "role": "Maire-adjointe de Villebrune (témoignage fictif)",
                            },
                        ),
                    ],
                    "quiz": [
                        (
                            "best_reply",
                            {
                                "situation": {
                                    "post": {
                                        "network": "x",
                                        "author": "Claire Morel",
                                        "handle": "@MaireStAubin",
                                        "text": (
                                            "Le nouveau parking relais de la gare ouvre lundi : "
                                            "120 places gratuites, 20 bornes pour vélos. "
                                            "#StAubinDemain"
                                        ),
                                        "date": "2026-04-17",
                                        "likes": 45,
                                        "shares": 8,
                                        "comments": 3,
                                    },
                                    "replies": [
                                        {
                                            "author": "Julien R.",
                                            "handle": "@julienr_44",
                                            "text": (
                                                "Et pendant ce temps, toujours pas d'éclairage "
                                                "rue des Peupliers. Trois mois que c'est signalé. "
                                                "Bravo la mairie."
                                            ),
                                            "tone": "critical",
                                        },
                                    ],
                                },
                                "situation_type": "comment_thread",
                                "question": "Quelle réponse publiez-vous ?",
                                "options": [
                                    {
                                        "text": (
                                            "« Ce message concerne le parking relais. Merci de "
                                            "rester dans le sujet. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Techniquement exact, mais perçu comme une fin de "
                                            "non-recevoir. L'habitant a un vrai problème et les "
                                            "lecteurs retiendront que vous l'avez éconduit."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Supprimer le commentaire pour ne pas gâcher l'annonce."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "La suppression d'une critique légitime se remarque "
                                            "et nourrit l'idée que la mairie cache ses "
                                            "difficultés. Le problème d'éclairage, lui, reste "
                                            "entier."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Bravo à vous aussi pour votre sens de la nuance. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "L'ironie transforme une réclamation fondée en "
                                            "conflit personnel. Vous perdez la sympathie des "
                                            "lecteurs, même de ceux qui étaient de votre côté."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Bonjour Julien, vous avez raison, trois mois c'est "
                                            "trop long. J'ai relancé le service technique ce "
                                            "matin : intervention prévue mardi. Je vous tiens au "
                                            "courant ici. »"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "C'est la bonne réponse : vous reconnaissez le "
                                            "problème, vous donnez une action concrète et une "
                                            "date, et vous vous engagez à revenir. Tous les "
                                            "lecteurs voient un élu qui agit."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Face à une critique fondée, même hors sujet, la bonne "
                                    "réponse reconnaît, agit, date et s'engage à revenir. C'est "
                                    "l'occasion de montrer votre réactivité devant tous."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "question": (
                                    "Un compte anonyme répond à chacun de vos messages par des "
                                    "insultes et des appels à la démission, sans jamais "
                                    "d'argument. Quelle est la meilleure attitude ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "Lui répondre point par point pour que les autres "
                                            "lecteurs voient qu'il a tort."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Vous lui offrez exactement ce qu'il cherche : de "
                                            "l'attention et une tribune. Les lecteurs de bonne "
                                            "foi n'ont pas besoin de cette démonstration."
                                        ),
                                    },
                                    {
                                        "text": "Fermer votre compte X pour quelques semaines.",
                                        "correct": False,
                                        "feedback": (
                                            "Vous céderiez à une seule personne et priveriez tous "
                                            "les autres habitants de vos informations. Le "
                                            "problème se reposera à la réouverture."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Ne pas répondre sur le fond, signaler les messages "
                                            "injurieux et, en cas de menaces, porter plainte."
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : le troll cherche un public et une réaction. Le "
                                            "priver de réponse et utiliser les outils de "
                                            "signalement est la voie la plus efficace."
                                        ),
                                    },
                                    {
                                        "text": "Lui répondre avec humour pour le ridiculiser.",
                                        "correct": False,
                                        "feedback": (
                                            "L'humour peut vite être perçu comme du mépris et "
                                            "relancer l'échange. Avec un troll, toute réponse "
                                            "entretient la provocation."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "On répond aux personnes, pas aux provocations. Les propos "
                                    "injurieux ou menaçants relèvent du signalement, voire de la "
                                    "justice, pas du débat."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "Lorsque vous live-tweetez un conseil municipal depuis votre "
                                    "compte d'élu, il est préférable de passer sous silence les "
                                    "positions de l'opposition."
                                ),
                                "answer": False,
                                "feedback_true": (
                                    "Non : taire les autres positions rend votre récit partial et "
                                    "facile à contester. Les habitants et la presse apprécient un "
                                    "compte rendu loyal."
                                ),
                                "feedback_false": (
                                    "Exact : rapporter loyalement les positions de chacun "
                                    "renforce votre crédibilité et évite les accusations de "
                                    "manipulation."
                                ),
                                "explanation": (
                                    "Un live-tweet n'est crédible que s'il est loyal. Mentionner "
                                    "le vote et les arguments des autres groupes ne vous "
                                    "affaiblit pas : cela montre que vous assumez le débat."
                                ),
                            },
                        ),
                        (
                            "ordering",
                            {
                                "question": (
                                    "Remettez dans l'ordre les étapes du live-tweet d'une séance "
                                    "du conseil municipal."
                                ),
                                "items": [
                                    "Choisir le mot-dièse et l'annoncer la veille",
                                    (
                                        "Préparer des messages de contexte à partir de l'ordre du "
                                        "jour"
                                    ),
                                    "Publier un message par décision importante pendant la séance",
                                    (
                                        "Publier une synthèse avec le lien vers le compte rendu "
                                        "officiel"
                                    ),
                                ],
                                "explanation": (
                                    "La préparation fait la qualité du direct : le mot-dièse "
                                    "rassemble les messages, le contexte préparé vous libère "
                                    "pendant la séance, et la synthèse sert à ceux qui n'ont pas "
                                    "suivi."
                                ),
                            },
                        ),
                        (
                            "multiple_choice",
                            {
                                "question": (
                                    "Parmi ces pratiques, lesquelles sont recommandées pour un "
                                    "élu sur X ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "Publier uniquement pendant les campagnes électorales"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : un compte réveillé seulement avant les "
                                            "élections donne l'image d'un élu intéressé par les "
                                            "voix plutôt que par les habitants."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Suivre les comptes de la presse locale et des "
                                            "communes voisines"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : suivre, c'est écouter. Vous faites de la "
                                            "veille et vous vous faites connaître des "
                                            "journalistes."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Indiquer dans votre profil si un collaborateur vous "
                                            "aide à tenir le compte"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : la transparence sur qui écrit évite les "
                                            "malentendus et protège votre crédibilité."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Répondre immédiatement à chaud à une attaque, pour "
                                            "ne pas laisser le dernier mot"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : la réponse à chaud est la source de la plupart "
                                            "des dérapages. Prenez le temps de relire, et parfois "
                                            "de ne pas répondre."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Proposer un échange privé quand une situation "
                                            "personnelle est en jeu"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : on répond en public aux questions d'intérêt "
                                            "général, et en privé dès que des informations "
                                            "personnelles entrent en jeu."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Écouter, être transparent et protéger la vie privée des "
                                    "habitants : ces trois réflexes font un compte d'élu utile et "
                                    "durable."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Facebook et le dialogue avec les habitants",
            "slug": "facebook-dialogue-habitants",
            "intro": (
                "Choisir le bon dispositif sur Facebook, poser des règles de modération claires, "
                "répondre aux habitants et trouver sa place dans les groupes locaux."
            ),
            "lessons": [
                {
                    "title": "Page ou profil : bien choisir son dispositif",
                    "slug": "page-ou-profil",
                    "minutes": 3,
                    "objectives": [
                        "Choisir entre profil personnel et page publique pour son activité d'élu.",
                        "Organiser la coexistence entre la page de la mairie et la page de l'élu.",
                    ],
                    "completion": "viewed",
                    "body": [
                        (
                            "heading",
                            "Facebook, le réseau des habitants",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Si X est le réseau des journalistes et des relais d'opinion, "
                                "Facebook reste celui des habitants. On y trouve les parents "
                                "d'élèves, les clubs sportifs, les associations de quartier, les "
                                "commerçants et de nombreux retraités. C'est le premier endroit "
                                "où l'on partage une photo de nid-de-poule, où l'on cherche un "
                                "chat perdu et où l'on s'indigne de la fermeture d'une classe. "
                                "Pour un élu local, c'est incontournable.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Profil ou page : deux outils différents",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Le <b>profil</b> est le compte personnel d'une personne. On y "
                                "a des « amis », le nombre d'amis est plafonné, et il est pensé "
                                "pour la vie privée. La <b>page</b> est conçue pour une "
                                "personnalité publique, une institution ou une association : tout "
                                "le monde peut la suivre, elle peut être gérée par plusieurs "
                                "administrateurs, elle donne accès à des statistiques et permet "
                                "de programmer des publications.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Pour votre activité d'élu, ouvrez une <b>page</b>. Gardez "
                                "votre profil personnel pour votre famille et vos proches, avec "
                                "des paramètres de confidentialité stricts. Mélanger les deux "
                                "crée des situations délicates : un administré qui vous demande "
                                "en « ami », une photo de vacances commentée par un opposant, ou "
                                "une demande de logement envoyée par message privé sur votre "
                                "compte familial.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Trois comptes, trois rôles",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Dans la plupart des communes, trois présences coexistent. "
                                "Elles doivent se compléter, pas se concurrencer "
                                ":</p><ul><li><b>La page de la mairie</b> (« Mairie de "
                                "Saint-Aubin-sur-Loire ») : information pratique, services, "
                                "alertes, événements. Ton neutre, gérée par le service "
                                "communication, au service de tous les habitants.</li><li><b>La "
                                "page de l'élu</b> (« Claire Morel, maire de "
                                "Saint-Aubin-sur-Loire ») : votre regard, vos rencontres, vos "
                                "engagements, vos explications sur les choix de la "
                                "majorité.</li><li><b>Le profil personnel</b> : votre vie privée, "
                                "en cercle restreint.</li></ul>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "facebook",
                                "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                "handle": "@ClaireMorelStAubin",
                                "text": (
                                    "Ce matin, visite de chantier au groupe scolaire des Tilleuls "
                                    "avec les parents délégués. Les nouvelles classes seront "
                                    "prêtes pour la rentrée, le préau un peu plus tard (fin "
                                    "octobre). Merci aux parents pour leurs questions très "
                                    "concrètes : vous trouverez les réponses en commentaire."
                                ),
                                "date": "2026-06-10",
                                "likes": 143,
                                "shares": 15,
                                "comments": 37,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Cette publication a sa place sur la page de l'élue : elle "
                                "raconte une rencontre, donne un calendrier honnête (y compris le "
                                "retard) et prolonge l'échange en commentaires. La page de la "
                                "mairie, elle, publiera l'information pratique sur la rentrée.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Nommez au moins deux administrateurs sur votre page d'élu "
                                "(par exemple vous et un collaborateur de confiance), avec une "
                                "authentification renforcée. Si l'un perd l'accès ou si un compte "
                                "est piraté, la page reste sous contrôle.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Utiliser la page de la mairie pour défendre votre bilan ou "
                                "attaquer l'opposition. La page institutionnelle appartient à la "
                                "collectivité et à tous ses habitants ; en période électorale, ce "
                                "mélange peut en outre poser un problème juridique.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Avant de lancer votre page d'élu",
                                "items": [
                                    (
                                        "Page distincte du profil personnel, au nom et à la "
                                        "fonction clairement indiqués."
                                    ),
                                    (
                                        "Deux administrateurs au moins, avec une authentification "
                                        "renforcée."
                                    ),
                                    "Une photo de couverture qui montre la commune.",
                                    (
                                        "Une courte présentation et un lien vers le site de la "
                                        "mairie."
                                    ),
                                    (
                                        "Une charte de modération prête à être publiée (voir "
                                        "leçon suivante)."
                                    ),
                                ],
                            },
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Une charte de modération claire et affichée",
                    "slug": "charte-de-moderation",
                    "minutes": 3,
                    "objectives": [
                        "Rédiger une charte de modération simple pour sa page.",
                        "Modérer de façon juste, sans censurer la critique.",
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Pourquoi une charte ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une page active attire des commentaires de toutes sortes. "
                                "Sans règle écrite, chaque suppression peut être dénoncée comme "
                                "une censure. Avec une charte publiée à l'avance, vous modérez au "
                                "nom de règles connues de tous, et non selon votre humeur. La "
                                "charte protège les habitants, qui savent ce qui est admis, et "
                                "vous protège, vous.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Ce que doit contenir la charte",
                        ),
                        (
                            "paragraph",
                            (
                                "<ol><li><b>L'objet de la page</b> : informer sur l'action de "
                                "l'élu et échanger avec les habitants.</li><li><b>Ce qui est "
                                "bienvenu</b> : questions, suggestions, critiques, désaccords "
                                "exprimés avec respect.</li><li><b>Ce qui sera masqué ou "
                                "supprimé</b> : injures, menaces, propos discriminatoires, "
                                "atteintes à la vie privée, informations personnelles d'un tiers, "
                                "publicité, messages répétés à l'identique.</li><li><b>Les délais "
                                "de réponse</b> : par exemple, « nous répondons du lundi au "
                                "vendredi, sous 48 heures ».</li><li><b>Le renvoi vers les bons "
                                "canaux</b> pour les démarches administratives et les "
                                "urgences.</li></ol>"
                            ),
                        ),
                        (
                            "heading",
                            "Un exemple de modération juste",
                        ),
                        (
                            "comment_thread",
                            {
                                "post": {
                                    "network": "facebook",
                                    "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                    "handle": "@ClaireMorelStAubin",
                                    "text": (
                                        "Le conseil a voté hier la création d'une zone à 30 km/h "
                                        "autour des trois écoles. Mise en place à partir du 1er "
                                        "septembre, avec de nouveaux passages piétons."
                                    ),
                                    "date": "2026-06-24",
                                    "likes": 88,
                                    "shares": 21,
                                    "comments": 46,
                                },
                                "replies": [
                                    {
                                        "author": "Bernard T.",
                                        "handle": "@bernard.t",
                                        "text": (
                                            "Encore une mesure contre les automobilistes. Les "
                                            "gens qui travaillent à l'extérieur vont perdre du "
                                            "temps tous les jours."
                                        ),
                                        "tone": "critical",
                                    },
                                    {
                                        "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                        "handle": "@ClaireMorelStAubin",
                                        "text": (
                                            "Merci Bernard pour votre avis. La zone ne concerne "
                                            "que 1,2 km autour des écoles : nos mesures montrent "
                                            "moins d'une minute de trajet supplémentaire. Nous "
                                            "ferons un bilan public en décembre."
                                        ),
                                        "tone": "neutral",
                                    },
                                    {
                                        "author": "Anonyme 45",
                                        "handle": "@anonyme45",
                                        "text": (
                                            "[Commentaire masqué par la modération : propos "
                                            "injurieux visant un agent municipal nommément "
                                            "désigné, conformément à la charte de la page.]"
                                        ),
                                        "tone": "hostile",
                                    },
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La critique de Bernard reste en ligne et reçoit une réponse "
                                "chiffrée : c'est un débat légitime. Le commentaire injurieux "
                                "visant un agent est masqué, avec une mention qui renvoie à la "
                                "charte. Tout le monde comprend la différence.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Ce que montre l'expérience",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>L'équipe Élus 2.0 raconte l'histoire d'une élue, adjointe "
                                "dans une commune de taille moyenne de l'ouest de la France, qui "
                                "a supprimé sa page Facebook à la toute première réaction qui ne "
                                "lui paraissait pas favorable. Fermer la page n'a pas fait "
                                "disparaître la critique : elle s'est simplement exprimée "
                                "ailleurs, là où l'élue ne pouvait plus répondre. Une charte et "
                                "un peu de méthode lui auraient permis de rester dans la "
                                "conversation.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Préférez « masquer » à « supprimer » lorsque l'outil le "
                                "permet, notez dans un tableau les commentaires modérés et le "
                                "motif, et épinglez la charte en haut de la page. En cas de "
                                "contestation, vous pourrez montrer que la règle a été appliquée "
                                "de la même façon à tous.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Masquer une critique polie au motif qu'elle est désagréable "
                                "ou qu'elle vient d'un opposant. Les captures d'écran circulent "
                                "vite, et une modération partiale fait bien plus de dégâts que le "
                                "commentaire lui-même.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "Votre charte de modération",
                                "items": [
                                    "Objet de la page en une phrase.",
                                    (
                                        "Liste des contenus bienvenus, y compris la critique "
                                        "respectueuse."
                                    ),
                                    "Liste des contenus masqués ou supprimés.",
                                    "Délais de réponse annoncés.",
                                    "Canaux à utiliser pour les démarches et les urgences.",
                                    (
                                        "Charte épinglée et accessible depuis la présentation de "
                                        "la page."
                                    ),
                                ],
                            },
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Répondre aux habitants, animer les événements et les groupes locaux",
                    "slug": "repondre-animer-groupes-locaux",
                    "minutes": 3,
                    "objectives": [
                        "Répondre aux questions des habitants de façon utile et rapide.",
                        (
                            "Utiliser les événements Facebook et participer aux groupes locaux "
                            "avec justesse."
                        ),
                    ],
                    "completion": "quiz_passed",
                    "body": [
                        (
                            "heading",
                            "Répondre : la règle des trois temps",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Sur votre page, chaque question sans réponse est visible de "
                                "tous. Pour répondre bien, suivez trois temps : <b>accuser "
                                "réception</b> (« Merci, je me renseigne »), <b>donner une "
                                "réponse précise</b> (une date, un lien, un interlocuteur), puis "
                                "<b>revenir</b> quand la situation a évolué. Si vous ne "
                                "connaissez pas la réponse, dites-le et indiquez quand vous "
                                "l'aurez : l'honnêteté vaut mieux qu'une approximation.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Constituez avec les services une petite banque de réponses "
                                "sur les sujets qui reviennent (inscriptions scolaires, "
                                "encombrants, urbanisme, horaires). Personnalisez-les toujours "
                                "avant de les publier : une réponse copiée-collée se repère "
                                "immédiatement.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Les événements : faire venir, puis rendre compte",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La fonction « Événement » de Facebook est très utile pour les "
                                "réunions publiques, les visites de quartier ou les permanences. "
                                "Elle permet aux habitants d'indiquer leur intérêt, de recevoir "
                                "un rappel et de poser des questions en amont. Pensez à "
                                ":</p><ul><li>donner l'adresse précise, l'accessibilité et la "
                                "durée ;</li><li>annoncer l'ordre du jour et la manière de poser "
                                "des questions à l'avance ;</li><li>publier un résumé dans les 48 "
                                "heures qui suivent, avec les réponses apportées et les suites "
                                "prévues.</li></ul>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "facebook",
                                "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                "handle": "@ClaireMorelStAubin",
                                "text": (
                                    "Réunion de quartier Les Prés-Hauts, jeudi 4 juin à 18 h 30, "
                                    "salle Jean-Moulin (accessible en fauteuil). Au programme : "
                                    "le futur city-stade et la ligne de bus 3. Posez vos "
                                    "questions en commentaire dès maintenant, nous y répondrons "
                                    "sur place."
                                ),
                                "date": "2026-05-20",
                                "likes": 59,
                                "shares": 22,
                                "comments": 31,
                            },
                        ),
                        (
                            "heading",
                            "Les groupes locaux : y participer sans s'imposer",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Dans presque chaque commune existe un groupe du type « Tu "
                                "sais que tu viens de Saint-Aubin quand… » ou « Entraide "
                                "Saint-Aubin ». Ces groupes sont animés par des habitants, pas "
                                "par la mairie. Vous y êtes un membre parmi d'autres. Quelques "
                                "règles :</p><ul><li>rejoignez-les sous votre nom, en indiquant "
                                "votre fonction ;</li><li>lisez-les régulièrement : c'est une "
                                "source de veille irremplaçable ;</li><li>intervenez pour "
                                "apporter une information factuelle ou corriger une erreur, "
                                "poliment et avec une source ;</li><li>ne faites pas de "
                                "propagande, et respectez les règles fixées par les "
                                "administrateurs du groupe.</li></ul>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Dans le groupe d'entraide de la commune, je n'interviens que "
                                    "pour des informations pratiques. Quand une rumeur sur la "
                                    "fermeture du bureau de poste a circulé, ma réponse sourcée a "
                                    "calmé les esprits en une heure."
                                ),
                                "author": "Thierry Vasseur",
                                "role": "Maire des Essarts-du-Val (témoignage fictif)",
                            },
                        ),
                        (
                            "avoid",
                            (
                                "<p>Demander aux administrateurs d'un groupe d'habitants de "
                                "supprimer une discussion qui vous déplaît. Ce groupe ne vous "
                                "appartient pas, et la demande finit généralement par être "
                                "publiée, avec votre nom.</p>"
                            ),
                        ),
                    ],
                    "quiz": [
                        (
                            "best_reply",
                            {
                                "situation": {
                                    "post": {
                                        "network": "facebook",
                                        "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                        "handle": "@ClaireMorelStAubin",
                                        "text": (
                                            "Fête de la musique : scène ouverte place du Marché "
                                            "le 21 juin de 18 h à minuit. Inscriptions des "
                                            "groupes locaux en mairie jusqu'au 10 juin."
                                        ),
                                        "date": "2026-05-28",
                                        "likes": 75,
                                        "shares": 30,
                                        "comments": 12,
                                    },
                                    "replies": [
                                        {
                                            "author": "Laure P.",
                                            "handle": "@laure.p",
                                            "text": (
                                                "Et pour les riverains de la place, il y aura des "
                                                "mesures pour le bruit après 23 h ? L'an dernier, "
                                                "c'était très difficile avec un bébé."
                                            ),
                                            "tone": "question",
                                        },
                                    ],
                                },
                                "situation_type": "comment_thread",
                                "question": "Quelle réponse publiez-vous ?",
                                "options": [
                                    {
                                        "text": (
                                            "« C'est la fête de la musique, un soir par an, il "
                                            "faut savoir être tolérant. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Cette réponse minimise une gêne réelle et oppose les "
                                            "habitants entre eux. Les autres riverains qui lisent "
                                            "l'échange se sentiront eux aussi ignorés."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Bonjour Laure, merci pour la question. Cette "
                                            "année, la musique s'arrêtera à 23 h 30 et la sono "
                                            "sera orientée vers la mairie. Un numéro d'astreinte "
                                            "sera affiché sur la place le soir même. »"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "C'est la bonne réponse : elle prend la gêne au "
                                            "sérieux, apporte des mesures précises et donne un "
                                            "recours concret pour le soir même."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Merci de contacter la mairie aux heures "
                                            "d'ouverture. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Renvoyer vers un autre canal sans rien répondre "
                                            "donne l'impression d'une esquive. La question est "
                                            "d'intérêt général : la réponse doit être publique."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Ne pas répondre, pour ne pas attirer l'attention sur "
                                            "le sujet du bruit."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Une question restée sans réponse devient une "
                                            "critique, et d'autres riverains viendront la "
                                            "relayer. Le silence amplifie le problème au lieu de "
                                            "l'éteindre."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Une bonne réponse publique reconnaît la préoccupation, "
                                    "apporte des éléments concrets et propose un recours. Elle "
                                    "rassure la personne et tous ceux qui lisent."
                                ),
                            },
                        ),
                        (
                            "multiple_choice",
                            {
                                "question": (
                                    "Lesquels de ces contenus une charte de modération peut-elle "
                                    "légitimement prévoir de masquer ou de supprimer ?"
                                ),
                                "options": [
                                    {
                                        "text": "Des injures visant un agent municipal",
                                        "correct": True,
                                        "feedback": (
                                            "Oui : les injures et les attaques personnelles, a "
                                            "fortiori contre des agents qui ne peuvent pas "
                                            "répondre, n'ont pas leur place sur la page."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Une critique polie de la politique de stationnement"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : c'est un désaccord légitime. Le masquer serait "
                                            "de la censure et se retournerait contre vous."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Un commentaire d'un élu d'opposition contestant un "
                                            "chiffre du budget"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : la contestation argumentée fait partie du "
                                            "débat démocratique. Répondez avec vos propres "
                                            "chiffres plutôt que de masquer."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "L'adresse et le numéro de téléphone d'un voisin "
                                            "publiés par un habitant"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : la publication d'informations personnelles "
                                            "d'un tiers porte atteinte à sa vie privée et doit "
                                            "être retirée."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Un même message publicitaire copié sous chaque "
                                            "publication"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : la publicité et les messages répétés à "
                                            "l'identique nuisent à la lisibilité des échanges et "
                                            "peuvent être retirés selon la charte."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "La charte protège les personnes (injures, vie privée) et la "
                                    "lisibilité de la page (publicité, répétitions), jamais le "
                                    "confort de l'élu face à la critique."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "Pour son activité d'élu, une page Facebook convient mieux "
                                    "que son profil personnel."
                                ),
                                "answer": True,
                                "feedback_true": (
                                    "Exact : la page peut être suivie par tous, gérée à "
                                    "plusieurs, avec des statistiques, et votre vie privée "
                                    "reste à part."
                                ),
                                "feedback_false": (
                                    "Si : le profil est fait pour la vie privée, avec un nombre "
                                    "d'amis plafonné et un seul gestionnaire. La page est prévue "
                                    "pour une personnalité publique."
                                ),
                                "explanation": (
                                    "Séparer la page d'élu du profil personnel protège votre "
                                    "famille et clarifie votre rôle pour les habitants."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "question": (
                                    "Selon Élus 2.0, une adjointe a supprimé sa page Facebook à "
                                    "la toute première critique reçue. Quelle aurait été la "
                                    "meilleure démarche ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "Supprimer discrètement le commentaire et garder la "
                                            "page ouverte."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "La suppression discrète d'une critique finit presque "
                                            "toujours par se savoir, et l'accusation de censure "
                                            "remplace la critique initiale."
                                        ),
                                    },
                                    {
                                        "text": "Ne plus autoriser les commentaires sur la page.",
                                        "correct": False,
                                        "feedback": (
                                            "Une page sans commentaires redevient un outil de "
                                            "diffusion descendante : la critique continue "
                                            "ailleurs, sans possibilité de répondre."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Demander au service communication de répondre à sa "
                                            "place sans le dire."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Faire répondre un tiers sans le signaler entame la "
                                            "confiance. La critique s'adressait à l'élue ; c'est "
                                            "à elle, ou en son nom déclaré, d'y répondre."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Publier une charte de modération et répondre aux "
                                            "critiques argumentées."
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : la charte fixe les règles, et la réponse aux "
                                            "critiques montre que l'élue assume le débat. Elle "
                                            "serait restée dans la conversation."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Fermer la page ne supprime pas la critique, cela supprime "
                                    "seulement la possibilité d'y répondre. Une règle claire et "
                                    "une réponse posée sont plus efficaces."
                                ),
                            },
                        ),
                        (
                            "ordering",
                            {
                                "question": (
                                    "Remettez dans l'ordre les étapes pour bien répondre à une "
                                    "question d'habitant sur votre page."
                                ),
                                "items": [
                                    "Accuser réception rapidement",
                                    "Vérifier l'information auprès du service concerné",
                                    (
                                        "Publier une réponse précise avec une date ou un "
                                        "interlocuteur"
                                    ),
                                    "Revenir dans la discussion quand la situation a évolué",
                                ],
                                "explanation": (
                                    "Accuser réception évite le sentiment d'être ignoré ; "
                                    "vérifier évite les erreurs ; répondre précisément apporte la "
                                    "solution ; revenir prouve que l'échange a servi."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "E-réputation et veille",
            "slug": "e-reputation-et-veille",
            "intro": (
                "Savoir ce que les habitants trouvent sur vous en ligne, tirer les leçons de "
                "situations vécues, organiser une veille simple et réagir avec méthode à un "
                "contenu négatif."
            ),
            "lessons": [
                {
                    "title": "Ce que voient les habitants quand ils cherchent votre nom",
                    "slug": "ce-que-voient-les-habitants",
                    "minutes": 3,
                    "objectives": [
                        "Définir l'e-réputation d'un élu.",
                        "Analyser la première page de résultats d'une recherche sur son nom.",
                    ],
                    "completion": "viewed",
                    "body": [
                        (
                            "heading",
                            "L'e-réputation, c'est quoi ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Votre e-réputation, c'est l'image de vous qui se dégage de "
                                "tout ce qui est publié en ligne : articles de presse, "
                                "publications des habitants, commentaires, vidéos, comptes rendus "
                                "du conseil, avis sur les réseaux. Une partie vient de vous ; la "
                                "plus grande partie vient des autres. Vous ne la contrôlez pas, "
                                "mais vous pouvez la connaître, la suivre et l'influencer par "
                                "votre présence et vos réponses.</p>"
                            ),
                        ),
                        (
                            "key_figure",
                            {
                                "number": "85 %",
                                "label": (
                                    "des élus interrogés ne connaissaient pas la notion "
                                    "d'e-réputation"
                                ),
                                "source": "Étude Ifop, citée par Élus 2.0",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ce chiffre, tiré d'une étude de l'Ifop que cite l'équipe Élus "
                                "2.0, montre l'ampleur du chantier. Or un futur administré, un "
                                "journaliste, un partenaire ou un électeur hésitant commence "
                                "presque toujours par taper votre nom dans un moteur de "
                                "recherche. La première page de résultats fait office de carte de "
                                "visite, que vous l'ayez rédigée ou non.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Exercice : lire une page de résultats",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Voici ce que pourrait trouver un habitant qui cherche le "
                                "maire de Saint-Aubin-sur-Loire. Lisez chaque résultat en vous "
                                "demandant ce qu'il dit de l'élue.</p>"
                            ),
                        ),
                        (
                            "search_results",
                            {
                                "query": "Claire Morel maire Saint-Aubin",
                                "results": [
                                    {
                                        "title": (
                                            "Claire Morel – Le conseil municipal – Ville de "
                                            "Saint-Aubin-sur-Loire"
                                        ),
                                        "url": (
                                            "https://www.saint-aubin-sur-loire.example/conseil-municipal/claire-morel"
                                        ),
                                        "snippet": (
                                            "Maire depuis 2020, Claire Morel est chargée de "
                                            "l'urbanisme, des finances et de la sécurité. "
                                            "Permanences le samedi matin sans rendez-vous."
                                        ),
                                        "tone": "neutral",
                                    },
                                    {
                                        "title": (
                                            "Saint-Aubin : la cantine des Tilleuls rouvre avec "
                                            "une cuisine sur place"
                                        ),
                                        "url": (
                                            "https://www.exemple-journal-loire.fr/saint-aubin/cantine-tilleuls"
                                        ),
                                        "snippet": (
                                            "La maire Claire Morel a présenté lundi la nouvelle "
                                            "cuisine, fruit de deux ans de travaux. Les parents "
                                            "saluent la qualité des repas."
                                        ),
                                        "tone": "positive",
                                    },
                                    {
                                        "title": "Claire Morel (@MaireStAubin) / X",
                                        "url": "https://x.example/MaireStAubin",
                                        "snippet": (
                                            "Maire de Saint-Aubin-sur-Loire. Écoles, mobilités, "
                                            "vie des quartiers. Je réponds moi-même, en général "
                                            "le soir."
                                        ),
                                        "tone": "neutral",
                                    },
                                    {
                                        "title": (
                                            "Zone 30 autour des écoles : des automobilistes en "
                                            "colère à Saint-Aubin"
                                        ),
                                        "url": (
                                            "https://www.exemple-hebdo-du-val.fr/actualites/zone-30-colere"
                                        ),
                                        "snippet": (
                                            "Une pétition réunit 600 signatures contre la "
                                            "limitation de vitesse décidée par l'équipe de Claire "
                                            "Morel. L'opposition dénonce un manque de "
                                            "concertation."
                                        ),
                                        "tone": "negative",
                                    },
                                    {
                                        "title": "Claire Morel – Avocate au barreau de Lyon",
                                        "url": (
                                            "https://www.exemple-annuaire-avocats.fr/claire-morel"
                                        ),
                                        "snippet": (
                                            "Maître Claire Morel, droit de la famille. Cabinet "
                                            "situé à Lyon 3e."
                                        ),
                                        "tone": "neutral",
                                    },
                                ],
                            },
                        ),
                        (
                            "heading",
                            "Ce que l'on peut en tirer",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li><b>Le positif existe, mais il ne se voit pas tout "
                                "seul</b> : l'article sur la cantine n'apparaît que parce que le "
                                "journal local l'a publié.</li><li><b>Le négatif est bien "
                                "placé</b> : un sujet polémique génère des clics et remonte dans "
                                "les résultats. Il faut le connaître et préparer des éléments de "
                                "réponse.</li><li><b>L'homonymie brouille l'image</b> : une "
                                "avocate du même nom occupe une place en première page. Plus vous "
                                "publiez régulièrement sous votre nom et votre fonction, plus vos "
                                "contenus se distinguent.</li><li><b>Vos propres comptes "
                                "comptent</b> : une page officielle et un compte actif sur X "
                                "donnent aux habitants une source directe.</li></ul>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Faites ce test une fois par trimestre, en navigation privée "
                                "(pour éviter que vos habitudes personnelles n'influencent les "
                                "résultats), sur votre nom seul, votre nom suivi de votre "
                                "fonction, et votre nom suivi de celui de la commune. Notez les "
                                "cinq premiers résultats et leur tonalité.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Penser que votre e-réputation se résume à ce que vous "
                                "publiez. Ce que les autres écrivent sur vous pèse généralement "
                                "bien plus lourd dans la balance.</p>"
                            ),
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Quatre situations réelles, quatre leçons",
                    "slug": "quatre-situations-quatre-lecons",
                    "minutes": 4,
                    "objectives": [
                        "Reconnaître les réflexes inadaptés face au web social.",
                        "Tirer de chaque situation une conduite à tenir.",
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Des témoignages recueillis en formation",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Au fil de ses formations auprès d'élus, l'équipe Élus 2.0 a "
                                "recueilli plusieurs réactions qui illustrent bien les "
                                "incompréhensions autour du web social. Elles sont présentées ici "
                                "sans nom, comme l'article qui les rapporte, et transformées en "
                                "cas pratiques. Pour chacune, demandez-vous d'abord ce que vous "
                                "auriez fait.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Cas 1 : « Qui dois-je appeler chez Google ? »",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Élu au conseil municipal d'une grande commune francilienne, "
                                "un homme recherche son propre nom sur Google. Ce qu'il y trouve "
                                "lui déplaît : il veut savoir à quel interlocuteur s'adresser "
                                "chez Google pour que tous ces résultats "
                                "disparaissent.</p><p><b>La leçon</b> : un moteur de recherche ne "
                                "fait que référencer ce que d'autres ont publié. Il n'existe pas "
                                "de bouton pour effacer son passé d'élu. Il existe des recours "
                                "précis pour des cas précis (contenu illicite, données "
                                "personnelles sans rapport avec le mandat), mais l'essentiel du "
                                "travail consiste à publier soi-même des contenus utiles et à "
                                "répondre aux informations inexactes.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Cas 2 : la page fermée au premier commentaire négatif",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Élue adjointe dans une commune de taille moyenne de l'ouest "
                                "du pays, elle supprime sa page Facebook à la première réaction "
                                "qui ne lui semble pas bienveillante.</p><p><b>La leçon</b> : la "
                                "critique ne disparaît pas avec la page, elle déménage vers des "
                                "espaces où l'élue n'a plus la parole. Une charte de modération "
                                "et une réponse posée auraient transformé ce commentaire en "
                                "occasion de dialogue.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Cas 3 : « Pourquoi y aller, puisque tout le monde y est déjà ? »",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Élu au conseil régional, dans le Centre, un autre participant "
                                "ne voit pas pourquoi il devrait se mettre au web : ses collègues "
                                "comme ses adversaires s'y trouvent déjà, alors à quoi bon les y "
                                "rejoindre ?</p><p><b>La leçon</b> : c'est précisément la raison "
                                "d'y aller. Si tous les autres acteurs sont présents, l'absence "
                                "se remarque, et le terrain est occupé par d'autres voix. Les "
                                "habitants ne trouveront en ligne que ce que les autres disent de "
                                "lui, jamais sa propre version.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Cas 4 : « Twitter ne sert à rien »",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Un homme qui se prépare à briguer un siège de député en 2012 "
                                "juge qu'un compte Twitter ne lui apporterait rien, alors que "
                                "beaucoup de journalistes locaux de son territoire y sont "
                                "actifs.</p><p><b>La leçon</b> : on ne juge pas un réseau au "
                                "nombre de ses utilisateurs, mais à la qualité de ceux qui s'y "
                                "trouvent. Pour un élu, être là où sont les journalistes, c'est "
                                "être consulté, cité, et pouvoir rectifier une information en "
                                "quelques minutes.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Ce que ces situations ont en commun",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Dans les quatre cas, l'élu considère le web social comme une "
                                "affaire technique, extérieure à son mandat, qu'il s'agirait de "
                                "maîtriser ou d'éviter. Or le numérique traverse désormais la "
                                "plupart des textes que votent les parlementaires, et une part "
                                "croissante de la vie locale se discute en ligne. Ranger Facebook "
                                "et X parmi les sujets techniques, à confier au service "
                                "informatique, revient à se couper d'un moyen précieux d'écouter "
                                "les habitants.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Quand j'ai compris que les réseaux n'étaient pas un sujet "
                                    "pour le service informatique mais une façon d'écouter la "
                                    "commune, j'ai changé ma manière de préparer mes réunions de "
                                    "quartier."
                                ),
                                "author": "Jean-Luc Perrin",
                                "role": "Maire de Lacombe-sur-Aure (témoignage fictif)",
                            },
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Lors de votre prochaine réunion d'équipe, présentez ces "
                                "quatre cas et demandez à chacun comment il aurait réagi. C'est "
                                "un moyen rapide de repérer les idées reçues et de fixer des "
                                "réflexes communs.</p>"
                            ),
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Mettre en place une routine de veille",
                    "slug": "routine-de-veille",
                    "minutes": 3,
                    "objectives": [
                        "Choisir les mots-clés et les sources d'une veille locale.",
                        "Organiser une routine de veille de quinze minutes par jour.",
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Pourquoi faire de la veille ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La veille consiste à repérer, régulièrement et avec méthode, "
                                "ce qui se dit en ligne sur vous, votre équipe et votre commune. "
                                "Elle sert à trois choses : détecter tôt un mécontentement avant "
                                "qu'il ne devienne une crise, corriger rapidement une information "
                                "fausse, et repérer les sujets qui préoccupent les habitants. "
                                "Sans veille, vous découvrez les problèmes dans le journal ; avec "
                                "une veille, vous les voyez monter.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Étape 1 : choisir ses mots-clés",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li>votre nom et prénom, seuls et associés à votre fonction "
                                ";</li><li>le nom de la commune, de ses quartiers et de ses "
                                "équipements (école des Tilleuls, piscine, médiathèque) "
                                ";</li><li>les grands dossiers en cours (zone 30, Place du "
                                "Marché, ligne de bus 3) ;</li><li>les noms des principaux "
                                "collectifs et associations.</li></ul>"
                            ),
                        ),
                        (
                            "heading",
                            "Étape 2 : choisir ses sources",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li><b>Les alertes des moteurs de recherche</b>, qui vous "
                                "envoient par courriel les nouvelles pages contenant vos "
                                "mots-clés ;</li><li><b>La recherche de X</b>, avec des "
                                "recherches enregistrées sur le nom de la commune et vos "
                                "mots-dièses ;</li><li><b>Les groupes Facebook locaux</b>, que "
                                "vous consultez en tant que membre ;</li><li><b>Le site de la "
                                "presse locale</b> et ses commentaires ;</li><li><b>Les "
                                "plateformes de pétitions en ligne</b>, où une recherche sur le "
                                "nom de la commune suffit.</li></ul>"
                            ),
                        ),
                        (
                            "heading",
                            "Étape 3 : une routine courte et tenable",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une veille efficace tient en un quart d'heure par jour, "
                                "idéalement le matin. Elle peut être confiée à un collaborateur "
                                "de cabinet ou à un élu de l'équipe, à condition que les "
                                "informations importantes vous remontent le jour même.</p>"
                            ),
                        ),
                        (
                            "checklist",
                            {
                                "title": "La routine quotidienne de quinze minutes",
                                "items": [
                                    "Lire les alertes reçues par courriel depuis la veille.",
                                    "Parcourir les recherches enregistrées sur X.",
                                    (
                                        "Faire défiler les nouveaux messages des deux ou trois "
                                        "principaux groupes locaux."
                                    ),
                                    "Vérifier les nouvelles pétitions mentionnant la commune.",
                                    (
                                        "Noter dans un tableau partagé les sujets repérés, leur "
                                        "tonalité et la suite à donner."
                                    ),
                                    (
                                        "Alerter immédiatement l'élu concerné si un sujet prend "
                                        "de l'ampleur."
                                    ),
                                ],
                            },
                        ),
                        (
                            "heading",
                            "Étape 4 : classer pour agir",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Pour chaque élément repéré, posez-vous une question simple : "
                                "faut-il <b>agir</b> (un problème concret à régler), "
                                "<b>répondre</b> (une question ou une erreur à corriger) ou "
                                "simplement <b>noter</b> (une opinion, une tendance) ? Ce tri "
                                "évite deux écueils : réagir à tout, et ne réagir à rien.</p>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "facebook",
                                "author": "Entraide Saint-Aubin",
                                "handle": "@EntraideStAubin",
                                "text": (
                                    "Quelqu'un sait pourquoi le bus 3 ne passe plus par les "
                                    "Prés-Hauts depuis lundi ? Ma mère a attendu 40 minutes ce "
                                    "matin, personne n'était au courant."
                                ),
                                "date": "2026-09-08",
                                "likes": 34,
                                "shares": 6,
                                "comments": 27,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Repérée le matin même par la veille, cette publication "
                                "appelle une action (vérifier auprès de l'intercommunalité ce qui "
                                "se passe sur la ligne) puis une réponse publique dans le groupe, "
                                "avant que 27 commentaires ne deviennent 200.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Faites un bilan mensuel de votre tableau de veille avec "
                                "l'équipe municipale : quels sujets reviennent, lesquels ont été "
                                "réglés, lesquels méritent une information ou une réunion "
                                "publique ? La veille devient alors un outil de pilotage.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Confier la veille à quelqu'un sans lui dire ce qu'il doit "
                                "faire remonter, ni à qui, ni dans quel délai. Une veille dont "
                                "personne ne lit les résultats ne sert à rien.</p>"
                            ),
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Réagir à un résultat négatif",
                    "slug": "reagir-a-un-resultat-negatif",
                    "minutes": 3,
                    "objectives": [
                        "Évaluer un contenu négatif avant de réagir.",
                        (
                            "Choisir la bonne réponse : corriger, répondre, publier, ou recourir "
                            "au droit."
                        ),
                    ],
                    "completion": "quiz_passed",
                    "body": [
                        (
                            "heading",
                            "D'abord, garder la tête froide",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Découvrir un article critique ou un message hostile à son "
                                "sujet est désagréable. La première réaction, supprimer, démentir "
                                "ou attaquer, est rarement la bonne. Prenez le temps d'analyser "
                                "le contenu en vous posant quatre questions "
                                ":</p><ol><li><b>Est-ce vrai ?</b> En tout ou en partie "
                                "?</li><li><b>Qui le dit ?</b> Un média, un habitant, un "
                                "opposant, un compte anonyme ?</li><li><b>Quelle est son audience "
                                "?</b> Dix personnes ou dix mille ?</li><li><b>Est-ce légal ?</b> "
                                "Une critique, même sévère, est permise ; la diffamation, "
                                "l'injure et la menace ne le sont pas.</li></ol>"
                            ),
                        ),
                        (
                            "search_results",
                            {
                                "query": "Claire Morel Saint-Aubin",
                                "results": [
                                    {
                                        "title": (
                                            "Zone 30 : « une décision prise sans concertation », "
                                            "selon l'opposition"
                                        ),
                                        "url": (
                                            "https://www.exemple-hebdo-du-val.fr/actualites/zone-30-opposition"
                                        ),
                                        "snippet": (
                                            "Le groupe d'opposition reproche à la maire de "
                                            "n'avoir organisé aucune réunion publique avant le "
                                            "vote."
                                        ),
                                        "tone": "negative",
                                    },
                                    {
                                        "title": (
                                            "Blog « Saint-Aubin en vrai » : la maire aurait fait "
                                            "refaire sa propre rue"
                                        ),
                                        "url": (
                                            "https://saint-aubin-en-vrai.example/la-rue-de-la-maire"
                                        ),
                                        "snippet": (
                                            "Selon l'auteur anonyme, les travaux de la rue des "
                                            "Tanneurs profiteraient d'abord à la maire, qui y "
                                            "habiterait."
                                        ),
                                        "tone": "negative",
                                    },
                                ],
                            },
                        ),
                        (
                            "heading",
                            "Deux contenus, deux réponses",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Le premier résultat relève du débat politique. Si une réunion "
                                "publique a bien eu lieu, rappelez-le avec les faits (date, "
                                "nombre de participants, compte rendu) ; si ce n'est pas le cas, "
                                "reconnaissez-le et annoncez une réunion de bilan. Le journal "
                                "peut aussi publier votre point de vue si vous le "
                                "sollicitez.</p><p>Le second résultat repose sur une affirmation "
                                "fausse : la maire n'habite pas rue des Tanneurs. La réponse "
                                "consiste à rétablir les faits, sobrement, sur vos propres "
                                "supports, avec des éléments vérifiables (programme des travaux "
                                "voté, diagnostic de voirie). Si le contenu est diffamatoire, "
                                "vous pouvez demander son retrait à l'hébergeur et, si "
                                "nécessaire, consulter un avocat. Pour un article de presse, le "
                                "droit de réponse est une autre voie.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Ce que vous pouvez faire, du plus simple au plus lourd",
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li><b>Corriger</b> ce qui dépend de vous : une information "
                                "obsolète sur le site de la mairie, un profil mal "
                                "renseigné.</li><li><b>Répondre</b> publiquement, avec des faits, "
                                "là où la critique est apparue.</li><li><b>Publier</b> "
                                "régulièrement des contenus utiles sous votre nom : ce sont eux "
                                "qui, avec le temps, donnent une image plus juste de votre "
                                "action.</li><li><b>Demander un déréférencement</b> au moteur de "
                                "recherche, dans les cas prévus par la protection des données "
                                "personnelles (informations privées, obsolètes ou sans lien avec "
                                "le mandat). Ne comptez pas sur cette voie pour effacer une "
                                "critique de votre action publique.</li><li><b>Agir en "
                                "justice</b> pour diffamation, injure ou menace, après avoir "
                                "conservé des preuves datées (captures d'écran, adresse de la "
                                "page).</li></ul>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Conservez systématiquement une capture d'écran datée de tout "
                                "contenu problématique avant de réagir. Si l'auteur le modifie ou "
                                "le supprime, vous garderez une trace utile pour un éventuel "
                                "recours.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Répondre sur le blog anonyme en insultant son auteur, ou "
                                "demander à des proches d'inonder la page de commentaires "
                                "favorables. Ces réactions se voient, se racontent et donnent de "
                                "la consistance à une rumeur qui serait peut-être restée "
                                "confidentielle.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "J'ai répondu à la rumeur sur ma page avec le plan de voirie "
                                    "voté trois ans plus tôt. Deux semaines après, plus personne "
                                    "n'en parlait."
                                ),
                                "author": "Claire Morel",
                                "role": (
                                    "Maire de Saint-Aubin-sur-Loire (personnage fictif du cours)"
                                ),
                            },
                        ),
                    ],
                    "quiz": [
                        (
                            "ordering",
                            {
                                "question": (
                                    "Vous découvrez un article négatif à votre sujet. Remettez "
                                    "les étapes dans le bon ordre."
                                ),
                                "items": [
                                    "Conserver une capture d'écran datée du contenu",
                                    (
                                        "Vérifier ce qui est vrai, qui le dit et quelle est son "
                                        "audience"
                                    ),
                                    (
                                        "Décider de la réponse : corriger, répondre, publier ou "
                                        "recourir au droit"
                                    ),
                                    "Publier une réponse factuelle sur le support adapté",
                                    "Suivre l'évolution du sujet dans votre veille",
                                ],
                                "explanation": (
                                    "On garde une trace avant tout, on analyse avant de décider, "
                                    "on répond avec des faits, puis on vérifie dans la durée que "
                                    "le sujet est retombé."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "question": (
                                    "Selon une étude de l'Ifop citée par Élus 2.0, quelle part "
                                    "des élus ne connaissait pas la notion d'e-réputation ?"
                                ),
                                "options": [
                                    {
                                        "text": "85 %",
                                        "correct": True,
                                        "feedback": (
                                            "Exact : une très large majorité, ce qui montre "
                                            "l'ampleur du besoin de formation."
                                        ),
                                    },
                                    {
                                        "text": "22 %",
                                        "correct": False,
                                        "feedback": (
                                            "Non : 22 % est la part des députés français qui "
                                            "avaient un compte Twitter selon l'étude Élus 2.0 de "
                                            "septembre 2011."
                                        ),
                                    },
                                    {
                                        "text": "54 %",
                                        "correct": False,
                                        "feedback": (
                                            "Non : 54 % est la part des députés absents de "
                                            "Facebook selon une étude d'Élus 2.0."
                                        ),
                                    },
                                    {
                                        "text": "78 %",
                                        "correct": False,
                                        "feedback": (
                                            "Non : 78 % est la part des députés absents de "
                                            "Twitter selon Élus 2.0, pas un chiffre sur "
                                            "l'e-réputation."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Le chiffre de l'Ifop (85 %) rappelle que la plupart des élus "
                                    "n'avaient pas conscience de l'image qui se construit en "
                                    "ligne à leur sujet."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "Un élu peut demander à un moteur de recherche de retirer "
                                    "tous les résultats qui le concernent."
                                ),
                                "answer": False,
                                "feedback_true": (
                                    "Non : un moteur de recherche référence ce que d'autres "
                                    "publient. Le déréférencement n'est possible que dans des cas "
                                    "précis, et rarement pour des informations liées au mandat."
                                ),
                                "feedback_false": (
                                    "Exact : c'est l'erreur du conseiller municipal rapportée par "
                                    "Élus 2.0. La vraie réponse passe par la présence, la "
                                    "correction et, dans les cas prévus, le recours."
                                ),
                                "explanation": (
                                    "Le déréférencement est un recours limité à certaines données "
                                    "personnelles. Pour l'essentiel, l'e-réputation se travaille "
                                    "en publiant et en répondant."
                                ),
                            },
                        ),
                        (
                            "multiple_choice",
                            {
                                "question": (
                                    "Un blog anonyme affirme à tort que vous avez fait refaire "
                                    "votre propre rue. Quelles réactions sont appropriées ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "Demander à vos proches de commenter massivement en "
                                            "votre faveur"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : ce type d'opération se repère vite et donne de "
                                            "la visibilité à la rumeur."
                                        ),
                                    },
                                    {
                                        "text": "Conserver une capture d'écran datée de l'article",
                                        "correct": True,
                                        "feedback": (
                                            "Oui : c'est le premier réflexe, indispensable si "
                                            "vous envisagez un recours."
                                        ),
                                    },
                                    {
                                        "text": "Insulter l'auteur dans les commentaires du blog",
                                        "correct": False,
                                        "feedback": (
                                            "Non : vous perdriez votre crédibilité et vous "
                                            "pourriez vous-même être mis en cause pour injure."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Publier sur votre page les documents qui établissent "
                                            "les faits"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : une réponse sobre et vérifiable sur vos "
                                            "propres supports est le meilleur antidote à une "
                                            "rumeur."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Demander le retrait à l'hébergeur si le contenu est "
                                            "diffamatoire"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : une affirmation fausse qui porte atteinte à "
                                            "votre honneur peut justifier une demande de retrait, "
                                            "voire une action en justice."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Face à une information fausse : trace, faits, et si "
                                    "nécessaire recours juridique. Jamais de riposte émotionnelle "
                                    "ni de contre-campagne artificielle."
                                ),
                            },
                        ),
                        (
                            "best_reply",
                            {
                                "situation": {
                                    "network": "x",
                                    "author": "L'Hebdo du Val",
                                    "handle": "@HebdoDuVal",
                                    "text": (
                                        "Zone 30 à Saint-Aubin : l'opposition dénonce une "
                                        "décision « prise sans concertation ». @MaireStAubin, une "
                                        "réaction ?"
                                    ),
                                    "date": "2026-07-02",
                                    "likes": 41,
                                    "shares": 15,
                                    "comments": 22,
                                },
                                "situation_type": "social_post",
                                "question": "Quelle réponse publiez-vous ?",
                                "options": [
                                    {
                                        "text": "« Pas de commentaire. »",
                                        "correct": False,
                                        "feedback": (
                                            "Le silence laisse la seule version de l'opposition "
                                            "dans l'article et donne l'impression que vous n'avez "
                                            "rien à répondre."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« L'opposition ferait mieux de venir aux réunions au "
                                            "lieu de critiquer. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "L'attaque personnelle déplace le sujet vers la "
                                            "polémique et confirme l'image d'une majorité qui "
                                            "n'écoute pas."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Une réunion publique a eu lieu le 12 mars (80 "
                                            "participants, compte rendu en ligne). J'entends "
                                            "qu'elle n'a pas suffi : bilan public de la zone 30 "
                                            "en décembre, ouvert à tous. »"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "C'est la bonne réponse : des faits vérifiables, une "
                                            "reconnaissance de la critique et un engagement daté. "
                                            "Le journaliste a de quoi écrire."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Supprimer la mention et bloquer le compte du journal."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Bloquer un média local est perçu comme une atteinte "
                                            "à la liberté de la presse et devient souvent un "
                                            "sujet d'article à part entière."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Face à une interpellation publique d'un média, une réponse "
                                    "factuelle, rapide et ouverte vaut mieux que le silence ou la "
                                    "contre-attaque."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "title": "Mouvements citoyens en ligne : écouter et répondre",
            "slug": "mouvements-citoyens-en-ligne",
            "intro": (
                "Comprendre comment naissent les mobilisations sur les réseaux, répondre aux "
                "pétitions et aux collectifs, et garder le cap lorsqu'une crise se propage en "
                "ligne."
            ),
            "lessons": [
                {
                    "title": "Comment naît une mobilisation en ligne",
                    "slug": "comment-nait-une-mobilisation",
                    "minutes": 4,
                    "objectives": [
                        (
                            "Décrire les étapes par lesquelles une mobilisation en ligne prend de "
                            "l'ampleur."
                        ),
                        "Repérer les premiers signes d'une mobilisation locale.",
                    ],
                    "completion": "viewed",
                    "body": [
                        (
                            "heading",
                            "De la rue aux réseaux, et retour",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>À l'approche de 2012, l'équipe Élus 2.0 citait trois "
                                "mouvements qui avaient marqué les esprits : les révolutions "
                                "arabes, les Indignés en Espagne et Occupy Wall Street, qui "
                                "revendiquait de parler au nom des « 99 % ». Leurs contextes "
                                "n'ont rien de commun avec celui d'une commune française, mais "
                                "leur mécanique est instructive : chacun, à sa manière, a trouvé "
                                "sur Facebook et Twitter de quoi porter sa voix bien au-delà de "
                                "ses premiers membres, recruter, puis s'organiser.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "La mécanique d'une mobilisation",
                        ),
                        (
                            "paragraph",
                            (
                                "<ol><li><b>Des mécontents se trouvent.</b> Un habitant agacé, "
                                "qui autrefois aurait ruminé dans son coin, tombe en ligne sur "
                                "d'autres qui pensent comme lui : un voisin, un parent de la même "
                                "école, parfois un inconnu à l'autre bout du "
                                "département.</li><li><b>Un point de ralliement apparaît.</b> Une "
                                "pétition est mise en ligne, un groupe créé, parfois en quelques "
                                "heures ; les messages rebondissent sur X et dans d'autres "
                                "groupes de la commune.</li><li><b>Le nombre fait la force.</b> "
                                "Quelques dizaines de membres deviennent quelques centaines, puis "
                                "davantage. Des porte-parole émergent.</li><li><b>Les médias s'en "
                                "emparent.</b> Le journal local, la radio ou la télévision "
                                "régionale reprennent le sujet. Le collectif devient un acteur du "
                                "débat politique.</li><li><b>Les habitants fixent l'ordre du "
                                "jour.</b> Ce n'est plus l'élu qui décide des sujets dont on "
                                "parle : la mobilisation les lui impose.</li></ol>"
                            ),
                        ),
                        (
                            "heading",
                            "À l'échelle d'une commune",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Le même schéma se retrouve, en miniature, dans la vie locale "
                                ": fermeture d'une classe, abattage d'arbres, projet "
                                "d'antenne-relais, implantation d'un entrepôt, suppression d'un "
                                "arrêt de bus. Regardez cette publication :</p>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "facebook",
                                "author": "Sauvons les platanes de l'avenue de la Gare",
                                "handle": "@PlatanesStAubin",
                                "text": (
                                    "La mairie veut abattre les 14 platanes centenaires de "
                                    "l'avenue de la Gare pour faire un parking ! Personne ne nous "
                                    "a consultés. Signez et partagez la pétition, rendez-vous "
                                    "samedi 11 h devant les arbres. #SauvonsNosPlatanes"
                                ),
                                "date": "2026-10-03",
                                "likes": 612,
                                "shares": 389,
                                "comments": 147,
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ce message réunit tous les ingrédients : une émotion forte "
                                "(des arbres centenaires), un sentiment d'exclusion (« personne "
                                "ne nous a consultés »), un appel à l'action (signer, partager, "
                                "venir) et un mot-dièse pour se rassembler. Peu importe, à ce "
                                "stade, que le projet soit en réalité un réaménagement avec "
                                "replantation : c'est la version du collectif qui circule.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Qui saura s'adapter ?",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Un élu qui lit chaque jour les groupes de sa commune et qui a "
                                "pris l'habitude d'y échanger repère une mobilisation dès ses "
                                "premiers messages. Quand il prend la parole, on l'écoute, parce "
                                "qu'on le connaît déjà dans ces espaces et qu'il a fait ses "
                                "preuves. L'élu absent, lui, découvre la mobilisation le samedi "
                                "matin, devant les arbres, entouré de caméras.</p><p>Élus 2.0 "
                                "voyait dans les législatives de 2012, puis dans les scrutins "
                                "locaux de 2014, une mise à l'épreuve des candidats sur ce "
                                "terrain. Le constat vaut plus encore aujourd'hui : chaque "
                                "campagne municipale se joue aussi dans les groupes Facebook et "
                                "sur X, entre deux marchés et trois réunions d'appartement.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Ajoutez à votre veille les mots-dièses et les noms de "
                                "collectifs qui apparaissent sur votre territoire, et notez la "
                                "date et le nombre de membres à chaque fois : la vitesse de "
                                "croissance d'un groupe est souvent le meilleur signal "
                                "d'alerte.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Considérer qu'un groupe Facebook « ne représente que quelques "
                                "excités ». Quelques dizaines de personnes motivées suffisent "
                                "pour attirer la presse et déplacer le débat.</p>"
                            ),
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Pétitions et collectifs : écouter avant de répondre",
                    "slug": "petitions-et-collectifs",
                    "minutes": 3,
                    "objectives": [
                        "Analyser une pétition ou un collectif en ligne avant d'y répondre.",
                        "Construire une réponse qui combine information, écoute et rencontre.",
                    ],
                    "completion": "marked_done",
                    "body": [
                        (
                            "heading",
                            "Écouter d'abord",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Quand un collectif se forme contre un projet municipal, la "
                                "tentation est de répondre immédiatement pour « rétablir la "
                                "vérité ». C'est souvent prématuré. Commencez par écouter : lisez "
                                "la pétition, les commentaires, les messages du groupe. Vous "
                                "devez comprendre trois choses avant d'écrire une ligne.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<ul><li><b>Ce qui est reproché</b> : le projet lui-même, la "
                                "manière dont il a été décidé, ou un malentendu sur son contenu "
                                "?</li><li><b>Qui se mobilise</b> : des riverains directement "
                                "concernés, des parents, une association installée, des opposants "
                                "politiques ? Souvent, un peu de tout.</li><li><b>Ce qui pourrait "
                                "apaiser</b> : une information, une modification du projet, une "
                                "réunion, une garantie écrite ?</li></ul>"
                            ),
                        ),
                        (
                            "heading",
                            "Répondre : informer, reconnaître, proposer",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une bonne réponse à une pétition tient en trois mouvements. "
                                "Elle <b>informe</b> avec des faits vérifiables. Elle "
                                "<b>reconnaît</b> ce qui est fondé dans l'inquiétude, notamment "
                                "un défaut de concertation. Elle <b>propose</b> une suite "
                                "concrète : une rencontre, une visite, un calendrier. Voici un "
                                "échange réussi :</p>"
                            ),
                        ),
                        (
                            "comment_thread",
                            {
                                "post": {
                                    "network": "facebook",
                                    "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                    "handle": "@ClaireMorelStAubin",
                                    "text": (
                                        "Avenue de la Gare : j'ai lu vos messages et la pétition. "
                                        "Nous aurions dû présenter le projet plus tôt, j'en "
                                        "prends la responsabilité. Les faits : 6 platanes malades "
                                        "selon le diagnostic d'un expert arboricole (rapport en "
                                        "lien), 8 conservés, 20 arbres replantés. Pas de parking "
                                        "supplémentaire. Je propose une visite sur place avec le "
                                        "collectif samedi à 11 h, et une réunion publique le 15."
                                    ),
                                    "date": "2026-10-04",
                                    "likes": 234,
                                    "shares": 58,
                                    "comments": 96,
                                },
                                "replies": [
                                    {
                                        "author": "Sauvons les platanes de l'avenue de la Gare",
                                        "handle": "@PlatanesStAubin",
                                        "text": (
                                            "Nous serons là samedi. Nous demandons une "
                                            "contre-expertise sur les 6 arbres."
                                        ),
                                        "tone": "neutral",
                                    },
                                    {
                                        "author": "Marc D.",
                                        "handle": "@marc.d",
                                        "text": (
                                            "Pourquoi on découvre le rapport maintenant ? Il date "
                                            "de quand ?"
                                        ),
                                        "tone": "question",
                                    },
                                    {
                                        "author": "Claire Morel, maire de Saint-Aubin-sur-Loire",
                                        "handle": "@ClaireMorelStAubin",
                                        "text": (
                                            "Il date de juin, Marc. Il aurait dû être publié à ce "
                                            "moment-là. La contre-expertise demandée est acceptée "
                                            ": nous choisirons l'expert ensemble samedi."
                                        ),
                                        "tone": "neutral",
                                    },
                                    {
                                        "author": "Yvette B.",
                                        "handle": "@yvette.b",
                                        "text": (
                                            "Merci pour la réponse et la visite, c'est déjà mieux "
                                            "que rien."
                                        ),
                                        "tone": "positive",
                                    },
                                ],
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La maire reconnaît une erreur réelle (le rapport n'a pas été "
                                "publié), corrige une information fausse (pas de parking), donne "
                                "un rendez-vous et accepte une demande raisonnable. Elle ne cède "
                                "pas sur tout, mais elle redevient une interlocutrice.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Rencontrer les porte-parole",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Les échanges en ligne ont leurs limites. Dès qu'un collectif "
                                "s'organise, proposez une rencontre à ses porte-parole, puis "
                                "rendez compte de cette rencontre en ligne, avec leur accord sur "
                                "le contenu du compte rendu. Cela évite deux versions "
                                "contradictoires de la même réunion.</p>"
                            ),
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Signez la réponse de votre nom et répondez vous-même aux "
                                "premiers commentaires. Dans un moment de tension, une réponse "
                                "signée « la municipalité » paraît distante ; une réponse de "
                                "l'élu en charge montre que le sujet est pris au sérieux.</p>"
                            ),
                        ),
                        (
                            "avoid",
                            (
                                "<p>Disqualifier le collectif (« quelques opposants politiques "
                                "déguisés »), même si des opposants en font partie. Les habitants "
                                "sincères se sentent méprisés et rejoignent le mouvement.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "La pétition contre la fermeture de la classe a fait 900 "
                                    "signatures en trois jours. Ce qui a tout changé, c'est "
                                    "d'avoir reçu les parents dès le lundi, puis d'aller ensemble "
                                    "à l'inspection académique."
                                ),
                                "author": "Sylvie Roche",
                                "role": (
                                    "Adjointe à l'éducation de Bourg-Fontaine (témoignage fictif)"
                                ),
                            },
                        ),
                    ],
                    "quiz": [],
                },
                {
                    "title": "Crise en ligne : ce qu'il faut faire et ne pas faire",
                    "slug": "crise-en-ligne",
                    "minutes": 3,
                    "objectives": [
                        "Réagir dans les premières heures d'une crise qui se propage en ligne.",
                        "Éviter les erreurs qui aggravent une crise.",
                    ],
                    "completion": "quiz_passed",
                    "body": [
                        (
                            "heading",
                            "Quand la crise éclate",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une crise en ligne peut partir d'un incident réel (coupure "
                                "d'eau, accident, inondation), d'une décision contestée ou d'une "
                                "rumeur. Sa particularité est la vitesse : en quelques heures, un "
                                "message peut être partagé des centaines de fois et repris par la "
                                "presse. La première règle est simple : <b>l'absence de parole "
                                "officielle laisse toute la place aux rumeurs</b>.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "La première heure : un message d'attente",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Vous n'avez pas encore toutes les réponses ? Ce n'est pas une "
                                "raison pour vous taire. Publiez rapidement un message d'attente "
                                "qui dit ce que vous savez, ce que vous ne savez pas encore, ce "
                                "que vous faites et quand vous reviendrez vers les habitants.</p>"
                            ),
                        ),
                        (
                            "social_post",
                            {
                                "network": "x",
                                "author": "Claire Morel",
                                "handle": "@MaireStAubin",
                                "text": (
                                    "Eau trouble aux Prés-Hauts : par précaution, ne buvez pas "
                                    "l'eau du robinet jusqu'à nouvel ordre. Le délégataire est "
                                    "sur place et des analyses sont en cours. Bouteilles "
                                    "distribuées dès 14 h au gymnase. Point de situation ici à 18 "
                                    "h. #EauStAubin"
                                ),
                                "date": "2026-11-18",
                                "likes": 402,
                                "shares": 367,
                                "comments": 54,
                            },
                        ),
                        (
                            "heading",
                            "Les bons réflexes",
                        ),
                        (
                            "checklist",
                            {
                                "title": "Les premières 24 heures",
                                "items": [
                                    (
                                        "Réunir une cellule restreinte : élu référent, direction "
                                        "générale, communication."
                                    ),
                                    "Désigner un seul porte-parole et un seul mot-dièse.",
                                    (
                                        "Publier un message d'attente dans l'heure, puis des "
                                        "points à heures annoncées."
                                    ),
                                    (
                                        "Diffuser la même information partout : page de la "
                                        "mairie, X, groupes locaux, site, affichage, et par "
                                        "téléphone pour les personnes isolées."
                                    ),
                                    (
                                        "Répondre aux questions pratiques une par une, sans "
                                        "polémiquer."
                                    ),
                                    (
                                        "Tenir un journal de bord des décisions et des messages "
                                        "publiés."
                                    ),
                                    (
                                        "Annoncer la fin de l'incident et publier un retour "
                                        "d'expérience."
                                    ),
                                ],
                            },
                        ),
                        (
                            "good_practice",
                            (
                                "<p>Préparez dès maintenant des modèles de messages pour les "
                                "crises les plus probables sur votre territoire (eau, inondation, "
                                "canicule, coupure de route). Le jour venu, vous n'aurez qu'à les "
                                "compléter.</p>"
                            ),
                        ),
                        (
                            "heading",
                            "Ce qu'il ne faut pas faire",
                        ),
                        (
                            "avoid",
                            (
                                "<ul><li>Se taire en attendant d'avoir toutes les "
                                "certitudes.</li><li>Minimiser (« rien de grave ») avant de "
                                "connaître les résultats.</li><li>Chercher un coupable en public, "
                                "qu'il s'agisse d'un agent, d'un prestataire ou de l'équipe "
                                "précédente.</li><li>Supprimer les commentaires inquiets ou en "
                                "colère.</li><li>Donner des informations différentes selon les "
                                "canaux ou les élus.</li><li>Utiliser la crise pour se mettre en "
                                "valeur ou attaquer l'opposition.</li></ul>"
                            ),
                        ),
                        (
                            "heading",
                            "Après la crise",
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Une fois l'incident terminé, publiez un bilan honnête : ce "
                                "qui s'est passé, ce qui a bien fonctionné, ce qui n'a pas "
                                "fonctionné, et ce qui change. Remerciez les agents et les "
                                "bénévoles. C'est ce retour d'expérience qui transforme une crise "
                                "en preuve de sérieux, et qui fera que les habitants vous "
                                "croiront la fois suivante.</p>"
                            ),
                        ),
                        (
                            "quote",
                            {
                                "text": (
                                    "Pendant les inondations, nous avons publié un point toutes "
                                    "les trois heures, même quand il n'y avait rien de nouveau. "
                                    "Les habitants nous ont dit ensuite que c'était ce qui les "
                                    "avait le plus rassurés."
                                ),
                                "author": "Antoine Lefèvre",
                                "role": "Maire de Villebrune (témoignage fictif)",
                            },
                        ),
                    ],
                    "quiz": [
                        (
                            "best_reply",
                            {
                                "situation": {
                                    "network": "x",
                                    "author": "Collectif Eau Claire Saint-Aubin",
                                    "handle": "@EauClaireStAubin",
                                    "text": (
                                        "Eau du robinet marron depuis ce matin dans tout le "
                                        "quartier des Prés-Hauts. Aucune information de la "
                                        "mairie. On peut la boire ou pas ? @MaireStAubin "
                                        "#EauStAubin"
                                    ),
                                    "date": "2026-11-18",
                                    "likes": 310,
                                    "shares": 245,
                                    "comments": 88,
                                },
                                "situation_type": "social_post",
                                "question": "Quelle réponse publiez-vous ?",
                                "options": [
                                    {
                                        "text": (
                                            "Attendre les résultats des analyses pour communiquer "
                                            "une information fiable."
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Attendre laisse les habitants sans consigne et la "
                                            "rumeur s'installer. Un message d'attente peut être "
                                            "fiable tout en disant ce qui n'est pas encore connu."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Par précaution, ne buvez pas l'eau du robinet aux "
                                            "Prés-Hauts. Analyses en cours, bouteilles "
                                            "distribuées au gymnase dès 14 h. Point ici à 18 h. »"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "C'est la bonne réponse : une consigne claire, ce qui "
                                            "est fait, une solution immédiate et un rendez-vous "
                                            "pour la suite. Le collectif et les habitants savent "
                                            "quoi faire."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« Aucune raison de s'inquiéter, l'eau de Saint-Aubin "
                                            "est d'excellente qualité. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Minimiser avant de connaître les résultats est "
                                            "risqué : si un problème est confirmé, votre parole "
                                            "sera durablement discréditée."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "« La faute en revient au délégataire, nous l'avons "
                                            "mis en demeure. »"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Désigner un coupable ne répond pas à la question des "
                                            "habitants (peut-on boire l'eau ?) et donne "
                                            "l'impression que vous cherchez d'abord à vous "
                                            "protéger."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "En situation de crise, la priorité est la consigne pratique "
                                    "et la transparence sur ce qui est en cours. Les "
                                    "responsabilités se traitent après."
                                ),
                            },
                        ),
                        (
                            "ordering",
                            {
                                "question": (
                                    "Remettez dans l'ordre les étapes de la gestion d'une crise "
                                    "en ligne."
                                ),
                                "items": [
                                    "Réunir une cellule restreinte et désigner un porte-parole",
                                    (
                                        "Publier un message d'attente avec une consigne et "
                                        "l'heure du prochain point"
                                    ),
                                    (
                                        "Donner des points réguliers et répondre aux questions "
                                        "pratiques"
                                    ),
                                    "Annoncer la fin de l'incident",
                                    "Publier un retour d'expérience et remercier les équipes",
                                ],
                                "explanation": (
                                    "S'organiser, parler vite, tenir le rythme, clore, puis tirer "
                                    "les leçons : cet ordre évite la cacophonie et construit la "
                                    "confiance pour la prochaine fois."
                                ),
                            },
                        ),
                        (
                            "multiple_choice",
                            {
                                "question": (
                                    "Un collectif lance une pétition contre un projet municipal. "
                                    "Quelles réactions sont pertinentes ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "Lire la pétition et les commentaires pour comprendre "
                                            "ce qui est reproché"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : on ne répond bien qu'à une inquiétude que l'on "
                                            "a comprise."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Expliquer publiquement que le collectif est manipulé "
                                            "par l'opposition"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : même si des opposants y participent, "
                                            "disqualifier le collectif braque les habitants "
                                            "sincères et renforce la mobilisation."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Proposer une rencontre aux porte-parole du collectif"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : la rencontre permet de sortir de "
                                            "l'affrontement en ligne et de chercher des solutions "
                                            "concrètes."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Reconnaître publiquement un défaut de concertation "
                                            "s'il est réel"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : reconnaître une erreur réelle rend crédible le "
                                            "reste de votre réponse."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "Attendre que la mobilisation s'essouffle d'elle-même"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Non : le silence laisse le collectif seul maître du "
                                            "récit, et la presse reprendra sa version."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Écouter, reconnaître ce qui est fondé et proposer une suite "
                                    "concrète : c'est ce qui permet de redevenir un interlocuteur "
                                    "plutôt qu'une cible."
                                ),
                            },
                        ),
                        (
                            "true_false",
                            {
                                "statement": (
                                    "Pour Élus 2.0, un élu qui fait déjà de la veille et dialogue "
                                    "au quotidien en ligne repérera plus tôt une mobilisation et "
                                    "sera plus crédible pour y répondre."
                                ),
                                "answer": True,
                                "feedback_true": (
                                    "Exact : une présence régulière permet de voir venir les "
                                    "mouvements et donne une légitimité pour y répondre le moment "
                                    "venu."
                                ),
                                "feedback_false": (
                                    "Ce n'est pas le cas : pour Élus 2.0, c'est justement une "
                                    "pratique quotidienne de la veille et du dialogue qui permet "
                                    "de voir venir les mouvements et d'être écouté."
                                ),
                                "explanation": (
                                    "On ne s'improvise pas interlocuteur en pleine crise : la "
                                    "crédibilité se construit avant, par la présence et l'écoute."
                                ),
                            },
                        ),
                        (
                            "single_choice",
                            {
                                "question": (
                                    "Quelle est l'étape qui marque le moment où une mobilisation "
                                    "en ligne impose ses sujets aux élus ?"
                                ),
                                "options": [
                                    {
                                        "text": (
                                            "La publication du tout premier message de "
                                            "mécontentement"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Le premier message est un signal faible à repérer en "
                                            "veille ; à ce stade, l'élu garde encore l'initiative."
                                        ),
                                    },
                                    {
                                        "text": "La création du mot-dièse",
                                        "correct": False,
                                        "feedback": (
                                            "Le mot-dièse aide le groupe à se rassembler, mais il "
                                            "ne suffit pas à faire entrer le sujet dans le débat "
                                            "public."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "La première réunion du conseil municipal qui suit"
                                        ),
                                        "correct": False,
                                        "feedback": (
                                            "Le conseil n'est pas le déclencheur : le plus "
                                            "souvent, le sujet s'est déjà imposé avant, via les "
                                            "médias."
                                        ),
                                    },
                                    {
                                        "text": (
                                            "La reprise du sujet par la presse, la radio ou la "
                                            "télévision"
                                        ),
                                        "correct": True,
                                        "feedback": (
                                            "Oui : lorsque les médias traditionnels relaient le "
                                            "collectif, celui-ci entre dans le débat politique et "
                                            "impose son sujet à l'agenda des élus."
                                        ),
                                    },
                                ],
                                "explanation": (
                                    "Des habitants isolés se trouvent, se regroupent, prennent du "
                                    "poids, puis gagnent les médias : à partir de là, ce sont eux "
                                    "qui fixent l'ordre du jour de l'élu."
                                ),
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}
