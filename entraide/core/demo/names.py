"""Name pools for demo people: Quebec, Acadian, Franco-Canadian and English names.

Plausible and common names only; any resemblance to a real person is a coincidence of
how common these names are.
"""

FRENCH_FIRST_NAMES = (
    "Amélie", "Andrée-Anne", "Annie", "Audrey", "Catherine", "Chantal", "Chloé",
    "Claudia", "Denise", "Diane", "Émilie", "Éloïse", "Élise", "Évelyne", "France",
    "Francine", "Gabrielle", "Ginette", "Hélène", "Isabelle", "Jacinthe", "Jessica",
    "Johanne", "Josée", "Julie", "Karine", "Kim", "Laurence", "Léa", "Line", "Lise",
    "Louise", "Lucie", "Lyne", "Manon", "Marie-Claude", "Marie-Ève", "Marie-Hélène",
    "Marie-Pier", "Marilyne", "Martine", "Mélanie", "Mélissa", "Mireille", "Monique",
    "Myriam", "Nadia", "Nancy", "Natacha", "Noémie", "Pascale", "Patricia", "Rachel",
    "Roxanne", "Sabrina", "Sandra", "Sarah", "Sonia", "Sophie", "Stéphanie", "Suzanne",
    "Sylvie", "Valérie", "Véronique", "Vicky", "Virginie", "Alexandre", "Benoît",
    "François", "Guillaume", "Jean-François", "Jonathan", "Louis", "Marc", "Mathieu",
    "Maxime", "Nicolas", "Olivier", "Philippe", "Simon",
)  # fmt: skip

QUEBEC_SURNAMES = (
    "Bédard", "Bélanger", "Bellemare", "Bergeron", "Bernier", "Bilodeau", "Blais",
    "Boisvert", "Bolduc", "Bouchard", "Boucher", "Bourassa", "Brodeur", "Caron",
    "Carrier", "Champagne", "Charest", "Cloutier", "Côté", "Couture", "Demers",
    "Desaulniers", "Désilets", "Dion", "Dubé", "Dufresne", "Duplessis", "Fortin",
    "Gagné", "Gagnon", "Gauthier", "Gélinas", "Girard", "Gosselin", "Grenier",
    "Hamel", "Houle", "Lacerte", "Lafrenière", "Lamothe", "Lampron", "Landry",
    "Lapointe", "Laroche", "Lavoie", "Leblanc", "Lefebvre", "Lemire", "Lessard",
    "Lévesque", "Marchand", "Martel", "Mercier", "Milot", "Morin", "Morissette",
    "Nadeau", "Paquin", "Pellerin", "Pelletier", "Perreault", "Pépin", "Plante",
    "Poirier", "Proulx", "Richard", "Rivard", "Roy", "St-Arnaud", "St-Pierre",
    "Thibodeau", "Toupin", "Tremblay", "Trottier", "Trudel", "Turcotte", "Vallée",
    "Vézina",
)  # fmt: skip

ACADIAN_SURNAMES = (
    "Arsenault", "Babineau", "Bourque", "Chiasson", "Comeau", "Cormier", "Doucet",
    "Gallant", "Gaudet", "Haché", "LeBlanc", "LeBreton", "Landry", "Léger",
    "Maillet", "Poirier", "Richard", "Robichaud", "Savoie", "Thériault", "Boudreau",
    "Mallet", "Godin", "Losier",
)  # fmt: skip

FRANCO_CANADIAN_SURNAMES = (
    "Beaulieu", "Bisson", "Brisebois", "Chartrand", "Clément", "Desrochers",
    "Dumont", "Gratton", "Lalonde", "Laplante", "Lavigne", "Lefort", "Paquette",
    "Séguin", "Lacroix", "Sabourin", "Rochon", "Gosselin", "Dupuis", "Fournier",
    "Morneau", "Préfontaine", "Jolicoeur", "Pelletier", "Sarrazin",
)  # fmt: skip

# Newcomers are a large share of francophone early-childhood staff outside Quebec.
NEWCOMER_FIRST_NAMES = (
    "Aïcha", "Aminata", "Awa", "Fatou", "Mariam", "Nadège", "Rokia", "Yasmine",
    "Ibrahim", "Moussa",
)  # fmt: skip
NEWCOMER_SURNAMES = (
    "Diallo", "Traoré", "Ndiaye", "Kouassi", "Mukendi", "Haddad", "Benali",
    "Nkurunziza", "Camara", "Touré",
)  # fmt: skip

ENGLISH_FIRST_NAMES = (
    "Ashley", "Emily", "Hannah", "Jennifer", "Jessica", "Kayla", "Laura", "Megan",
    "Rebecca", "Sarah", "Brandon", "Ryan",
)  # fmt: skip
ENGLISH_SURNAMES = (
    "Campbell", "Fraser", "MacDonald", "MacLeod", "Murphy", "Reid", "Robertson",
    "Smith", "Stewart", "Thompson", "Wilson", "Young",
)  # fmt: skip
