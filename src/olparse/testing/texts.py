"""Invented Danish text for generated magazine issues.

Everything here is written for olparse's fixtures (no sentence is taken from a real publication).
The corpus is small and combinatorial: hand-written sentences plus templates whose slots are filled
from word lists, so a seeded :class:`random.Random` yields endless, repeatable paragraphs about
public-sector leadership (ledelse, kommuner, medarbejdere, digitalisering, trivsel ...).

The word lists deliberately contain what trips extractors:

* long closed compounds (``medarbejdertilfredshedsundersøgelsen``) so lines get hyphenated;
* words with real hyphens (``AI-data``, ``IT-chefen``, ``Høje-Taastrup``, ``MUS-samtaler``);
* suspended compounds that keep their hyphen and the space (``Børne- og Ungeforvaltningen``);
* ``fi``/``fl`` words (``fleksibel``, ``konflikter``, ``finde``) for ligature glyphs;
* number groups and abbreviations that a typesetter binds with non-breaking spaces;
* short English and German snippets, so nothing downstream may assume Danish only.

Restrictions: the grammar of the templates is simple (subject, verb, object) and the topics
repeat; the text is for testing structure and repair, not for reading.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST_NAMES = (
    "Anne", "Mette", "Lars", "Søren", "Birgitte", "Jens", "Karen", "Ole", "Henrik", "Line",
    "Mads", "Pernille", "Rasmus", "Trine", "Niels", "Helle", "Jakob", "Signe", "Torben", "Ida",
    "Filippa", "Flemming", "Åse", "Bjørn",
)
LAST_NAMES = (
    "Holm", "Lund", "Bech", "Vestergaard", "Kjær", "Mortensen", "Dahl", "Østergaard", "Brix",
    "Frandsen", "Skov", "Thygesen", "Winther", "Aagaard", "Lykke", "Juhl", "Fløe", "Riis",
)
TOWNS = ("Høje-Taastrup", "Viborg", "Roskilde", "Herning", "Sønderborg", "Odense", "Aarhus",
         "Ringkøbing-Skjern", "Fredericia", "Lolland")
ROLES = (
    "direktør i {town} Kommune", "centerchef i Ældre og Sundhed", "IT-chef i Region Midtjylland",
    "afdelingsleder i Børne- og Ungeforvaltningen", "forsker ved Aalborg Universitet",
    "HR-chef i {town} Kommune", "skoleleder i {town}", "formand for lederforeningen",
    "konsulent og ph.d.", "jobcenterchef i {town} Kommune",
)
JOURNALIST_ROLES = ("JOURNALIST", "REDAKTØR", "FREELANCEJOURNALIST")
PHOTO_AGENCIES = ("Colourbox", "Scanpix", "Ritzau", "privatfoto", "Shutterstock")
PUBLISHERS = ("Forlaget Samfundslitteratur", "Djøf Forlag", "Hans Reitzels Forlag", "Akademisk Forlag")

LEADERS = ("lederen", "IT-chefen", "centerchefen", "direktionen", "den nye afdelingsleder",
           "HR-chefen", "skolelederen", "jobcenterchefen", "topledelsen", "teamlederen")
ORGS = ("kommunen", "regionen", "forvaltningen", "styrelsen", "Børne- og Ungeforvaltningen",
        "Social- og Sundhedsforvaltningen", "HR-afdelingen", "IT- og Digitaliseringsafdelingen",
        "Høje-Taastrup Kommune", "jobcentret", "ældreplejen", "Teknik- og Miljøforvaltningen")
TOPICS = ("digitaliseringsstrategien", "sygefraværsindsatsen", "kompetenceudviklingsplanerne",
          "arbejdsmiljøorganisationen", "velfærdsteknologien", "borgerinddragelsen",
          "ledelsesinformationen", "MUS-samtalerne", "AI-data", "trivselsmålingerne",
          "rekrutteringsindsatsen", "medarbejdertilfredshedsundersøgelsen", "budgetopfølgningen",
          "kvalitetsstandarderne", "fleksibiliteten", "konfliktløsningen", "HR-data",
          "sagsbehandlingstiderne", "ledelsesudviklingsforløbet", "tillidsdagsordenen")
VERBS = ("prioritere", "styrke", "forenkle", "evaluere", "definere", "fastholde", "understøtte",
         "udfordre", "finansiere", "gentænke", "fremtidssikre", "afbureaukratisere", "forankre")
STAFF = ("medarbejderne", "sagsbehandlerne", "de fagprofessionelle", "social- og sundhedshjælperne",
         "de nyuddannede", "seniormedarbejderne", "tillidsrepræsentanterne", "pædagogerne")

TEMPLATES = (
    "Når {leader} vil {verb} {topic}, kræver det tid, tillid og et fælles sprog.",
    "I {org} har man valgt at {verb} {topic} i tæt samarbejde med {staff}.",
    "Det er ikke nok at {verb} {topic}, hvis {staff} ikke kan se meningen med det.",
    "Ifølge {name} handler det om at {verb} {topic} uden at miste overblikket.",
    "Mange steder oplever {staff}, at {topic} fylder mere end selve kerneopgaven.",
    "{Leader} har fået ansvaret for at {verb} {topic} inden udgangen af 2025.",
    "Erfaringerne fra {town} viser, at {topic} kan blive en løftestang for hele organisationen.",
    "Derfor er {org} begyndt at {verb} {topic} med udgangspunkt i borgernes behov.",
    "Spørgsmålet er, om {leader} har mandat til at {verb} {topic} på tværs af fagområderne.",
    "Hos {org} har {staff} selv været med til at {verb} {topic}.",
    "Det kræver modige ledere at {verb} {topic}, når budgettet er presset.",
    "Flere undersøgelser peger på, at {topic} hænger tæt sammen med trivslen blandt {staff}.",
    "{Leader} skal kunne forklare, hvorfor {org} vælger at {verb} {topic} netop nu.",
    "En leder i {town} fortæller, at {staff} fik langt mere ejerskab, da de fik lov til at {verb} {topic}.",
)
SENTENCES = (
    "Ledelse er et håndværk, der skal øves hver dag.",
    "Det lyder enkelt, men i praksis er det en af de sværeste opgaver i en moderne forvaltning.",
    "Ingen kan løse de vilde problemer alene, og det ved de fleste ledere godt.",
    "Samtidig vokser kravene til dokumentation, mens tiden til faglig sparring bliver mindre.",
    "Vi må finde en balance mellem kontrol og tillid, ellers mister vi de dygtigste medarbejdere.",
    "Det handler i sidste ende om at skabe rammer, hvor folk kan og vil gøre en forskel.",
    "En fleksibel arbejdstid er for mange et vigtigere gode end en højere løn.",
    "Konflikter skal tages tidligt, før de vokser sig store og sætter sig i kulturen.",
    "Der findes ikke én rigtig model, men der findes mange dårlige undskyldninger.",
    "Det officielle mål er at halvere sagsbehandlingstiden inden for to år.",
    "Det koster ifølge kommunens egne tal 20 000 kr. pr. medarbejder om året.",
    "Mødet starter kl. 9.30, og alle afdelinger deltager fx med to repræsentanter.",
    "Som en engelsk kollega udtrykte det: \u201dCulture eats strategy for breakfast.\u201d",
    "I Tyskland taler man om \u201dFührung auf Distanz\u201d, når ledere har ansvar for spredte teams.",
    "Begrebet evidence-based policy har for alvor fundet vej til de danske rådhuse.",
    "Flere ledere beskriver det som en refleksion over, hvad der egentlig skaber værdi.",
    "Det kan virke som en detalje, men det fylder meget i hverdagen for dem, det handler om.",
    "ChatGPT og lignende værktøjer skriver allerede udkast til referater og svarbreve.",
    "AI-værktøjerne kan spare tid, men de kan ikke overtage det faglige skøn.",
    "Det er stadig mennesker, der træffer afgørelserne, og sådan skal det blive ved med at være.",
    "Kun hver fjerde leder svarer, at de har tid nok til personaleledelse.",
    "Det viser en ny undersøgelse blandt 1 200 offentlige ledere.",
    "Resultatet overraskede både forskerne og de ledere, der havde deltaget i projektet.",
    "Vi har lært, at det tager længere tid end planlagt, og at det er helt i orden.",
    "Den næste fase af projektet begynder til efteråret med fire nye pilotkommuner.",
    "Efter et år er fraværet faldet markant, og flere søger nu stillingerne i afdelingen.",
    "Det fik os til at stille spørgsmålet: Hvad er det egentlig, vi måler på?",
    "Fokus flyttede sig fra procedurer til de konkrete forløb for borgerne.",
    "Der blev også plads til fejl, og det var måske den største forandring.",
    "Det er ikke et quick fix, men en langsigtet investering i fællesskabet.",
)
INTERVIEW_LINES = (
    "Vi var nødt til at starte forfra og spørge medarbejderne, hvad de havde brug for.",
    "Jeg tror ikke på store forandringsprojekter, der bliver rullet ud fra toppen.",
    "Det vigtigste, jeg har lært, er at lytte, før jeg beslutter noget.",
    "Der er ingen tvivl om, at AI-data bliver en del af hverdagen i forvaltningen.",
    "Man skal turde sige, at noget ikke virker, også når det er ens egen idé.",
    "Vi finder løsningerne sammen med dem, der står med opgaven hver dag.",
)
TITLES = (
    "Tillid er ikke en kuponordning", "Når IT-chefen sidder med ved bordet",
    "Trivsel kræver mere end frugtordninger", "Sådan lykkes digitaliseringen i praksis",
    "Ledelse på tværs af fagligheder", "Fleksibilitet er fremtidens personalegode",
    "Data skal give mening for medarbejderne", "Et opgør med tjeklisterne",
    "Hvem leder lederen?", "\u201dVi må turde slippe kontrollen\u201d",
    "Kunstig intelligens flytter grænserne for sagsbehandling", "Nye veje til at fastholde seniorerne",
    "Konflikter er en del af jobbet", "Færre regler, flere fagligheder",
    "\u201dDet handler om at finde modet\u201d", "Derfor skal ledere tale om fejl",
)
KICKERS = ("Guide:", "Interview:", "Ny forskning:", "Det skal hænge bedre sammen:",
           "Tema om trivsel:", "Fem gode råd:", "Erfaringer fra Høje-Taastrup:", "Debat:")
SECTIONS = ("TEMA", "ARBEJDSMILJØ", "DIGITALISERING", "INTERVIEW", "LEDELSE", "FORSKNING")
STANDFIRSTS = (
    "Mange offentlige ledere står med flere opgaver og færre hænder. {name} har fundet en vej, "
    "der giver både ro og resultater.",
    "{Org_cap} har i to år arbejdet med at {verb} {topic}. Erfaringerne er blandede, men "
    "retningen er klar.",
    "Hvordan skaber man en kultur, hvor medarbejderne tør sige fra? Det har ledere i {town} "
    "givet deres bud på.",
    "Kunstig intelligens rykker ind på kontorerne. Det stiller nye krav til ledelse, til "
    "medarbejderne og til den måde, vi træffer beslutninger på.",
)
HEADINGS = ("Fra drift til strategi", "Tillid frem for kontrol", "Et fælles sprog",
            "Data skal give mening", "Når krisen rammer", "Små skridt virker",
            "Plads til fejl", "Hvad siger forskningen?", "Næste skridt", "Fleksible rammer")
BOX_TITLES = ("Fakta om undersøgelsen", "Sådan gjorde de", "Tre gode råd", "Hvad er generativ AI?",
              "Om projektet", "Gode spørgsmål til MUS-samtalen")
BULLETS = (
    "Start med et klart formål, som alle kan forklare med egne ord.",
    "Involver tillidsrepræsentanterne fra begyndelsen.",
    "Mål på få ting, og del resultaterne åbent.",
    "Afsæt tid til refleksion efter hvert forløb.",
    "Gør det legitimt at sige, at noget ikke virker.",
    "Find de fleksible løsninger sammen med medarbejderne.",
    "Undersøgelsen omfatter 38 kommuner og fem regioner.",
    "Data er indsamlet i efteråret 2023 via et spørgeskema.",
)
BRIEF_TITLES = ("Ny pulje til ledelsesudvikling", "Rekordmange søger lederuddannelsen",
                "Konference om tillidsreform", "Ny rapport om AI i kommunerne",
                "Flere ledere på deltid", "Netværk for nye ledere", "Prisen for god ledelse uddelt")
BOOK_TITLES = ("Ledelse i krydspres", "Den tillidsfulde organisation", "Data, dømmekraft og dig",
               "Når fællesskabet flytter sig")


@dataclass(slots=True)
class FactBox:
    """A tinted or framed box: optional title, paragraphs (bullet items if ``bullets``)."""

    title: str
    paragraphs: list[str]
    bullets: bool = False


@dataclass(slots=True)
class PullQuote:
    """A body sentence repeated large; ``source`` is the body sentence it was edited from."""

    text: str
    attribution: str
    source: str


@dataclass(slots=True)
class Figure:
    """A grey image placeholder with a caption and a photo credit."""

    caption: str
    credit: str


@dataclass(slots=True)
class ArticleText:
    """The logical content of one article; the body is drawn lazily from ``source``."""

    kind: str
    section: str
    kicker: str
    title: str
    standfirst: str
    byline: str
    source: "ParagraphSource"
    boxes: list[FactBox] = field(default_factory=list)
    quotes: list[PullQuote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    closing: str = ""
    author: str = ""


def person(rng: random.Random) -> tuple[str, str]:
    """A made-up name and a role, e.g. ``("Mette Lund", "direktør i Viborg Kommune")``."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return name, rng.choice(ROLES).format(town=rng.choice(TOWNS))


def fill(template: str, rng: random.Random) -> str:
    """Fill a template's slots; capitalised slot names give a capitalised value."""
    leader, org = rng.choice(LEADERS), rng.choice(ORGS)
    return template.format(
        leader=leader, Leader=leader[0].upper() + leader[1:], org=org,
        Org_cap=org[0].upper() + org[1:], topic=rng.choice(TOPICS), verb=rng.choice(VERBS),
        staff=rng.choice(STAFF), town=rng.choice(TOWNS), name=person(rng)[0],
    )


def sentence(rng: random.Random) -> str:
    """One body sentence: a filled template two times in three, else a fixed sentence."""
    if rng.random() < 0.66:
        return fill(rng.choice(TEMPLATES), rng)
    return rng.choice(SENTENCES)


class ParagraphSource:
    """An endless, seeded supply of body blocks for one article.

    Headings come every ``heading_every`` paragraphs (0 = never). ``inject`` maps a paragraph
    index to a sentence that must appear in it (the source of a pull-quote), so the quote repeats
    real body text. Interview articles start some paragraphs with a dash turn (``– ``).
    """

    def __init__(self, rng: random.Random, *, heading_every: int = 4, interview: bool = False,
                 sentences: tuple[int, int] = (2, 5)) -> None:
        self.rng = rng
        self.heading_every = heading_every
        self.interview = interview
        self.sentences = sentences
        self.inject: dict[int, str] = {}
        self.n_paragraphs = 0
        self._since_heading = 0
        self._headings = list(HEADINGS)
        self._deck: list[str] = []
        self._turns: set[str] = set()
        rng.shuffle(self._headings)

    def next_block(self) -> tuple[str, str]:
        """The next block as ``(type, text)`` with type ``paragraph`` or ``heading``."""
        if (self.heading_every and self._since_heading >= self.heading_every and self._headings
                and self.n_paragraphs > 1):
            self._since_heading = 0
            return "heading", self._headings.pop()
        return "paragraph", self.paragraph(*self.sentences)

    def paragraph(self, low: int, high: int) -> str:
        """A paragraph of ``low``..``high`` sentences, with any injected sentence included.

        The first sentence is always a filled template (or a dash turn in interviews), so that
        paragraph openings rarely repeat: scorers find paragraphs by their first words.
        """
        parts = [fill(self.rng.choice(TEMPLATES), self.rng)]
        parts += [self._draw() for _ in range(self.rng.randint(low, high) - 1)]
        if self.interview and self.rng.random() < 0.4:
            parts = ["\u2013 " + self._turn()] + parts[:2]
        if self.n_paragraphs in self.inject:
            parts.insert(min(1, len(parts)), self.inject[self.n_paragraphs])
        self.n_paragraphs += 1
        self._since_heading += 1
        return " ".join(parts)

    def _turn(self) -> str:
        """An interview answer: a fixed line not used yet in this article, else a template."""
        unused = [line for line in INTERVIEW_LINES if line not in self._turns]
        line = self.rng.choice(unused) if unused else fill(self.rng.choice(TEMPLATES), self.rng)
        self._turns.add(line)
        return line

    def _draw(self) -> str:
        """The next sentence from a shuffled deck, so sentences rarely repeat within an article."""
        if not self._deck:
            self._deck = list(TEMPLATES) * 2 + list(SENTENCES)
            self.rng.shuffle(self._deck)
        item = self._deck.pop()
        return fill(item, self.rng) if "{" in item else item

    def filler(self) -> str:
        """A short one-sentence paragraph, to fill the end of a page."""
        return self.paragraph(1, 1)


def edit_quote(text: str, rng: random.Random) -> str:
    """Edit a body sentence into a pull-quote: drop a leading conjunction or cut the last clause."""
    words = text.split()
    if words[0] in ("Men", "Og", "Derfor", "Samtidig") and len(words) > 4:
        words = words[1:]
        words[0] = words[0][0].upper() + words[0][1:]
    elif "," in text and rng.random() < 0.5:
        head = text.rsplit(",", 1)[0]
        if len(head) > 30:
            return head + "."
    return " ".join(words)


def make_quote(rng: random.Random, speaker: tuple[str, str] | None) -> PullQuote:
    """A pull-quote edited from a fresh body sentence, with an optional caps attribution."""
    source = fill(rng.choice(TEMPLATES), rng)
    attribution = f"{speaker[0]}, {speaker[1]}".upper() if speaker else ""
    return PullQuote(text=edit_quote(source, rng), attribution=attribution, source=source)


def make_box(rng: random.Random, bio: tuple[str, str] | None = None) -> FactBox:
    """A fact box: bullets with a title, plain paragraphs with a source line, or an untitled bio."""
    if bio is not None:
        return FactBox("", [f"{bio[0]} er {bio[1]} og har arbejdet med ledelse i mere end ti år."])
    if rng.random() < 0.5:
        items = rng.sample(BULLETS, rng.randint(3, 4))
        return FactBox(rng.choice(BOX_TITLES), items, bullets=True)
    paras = [sentence(rng) + " " + sentence(rng) for _ in range(rng.randint(1, 2))]
    return FactBox(rng.choice(BOX_TITLES), paras + [f"Kilde: {rng.choice(ORGS).capitalize()}, 2024"])


def make_figure(rng: random.Random, subject: tuple[str, str]) -> Figure:
    """A caption naming a person, and a caps photo credit."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}".upper()
    credit = rng.choice((f"FOTO: {name}", f"Foto: {rng.choice(PHOTO_AGENCIES)}"))
    return Figure(f"{subject[0]}, {subject[1]}, vil {rng.choice(VERBS)} {rng.choice(TOPICS)}.", credit)


def byline(rng: random.Random, speaker: tuple[str, str] | None = None) -> str:
    """``AF NAVN, ROLLE`` in caps, either the writer's own role or a journalist's."""
    if speaker is not None:
        return f"AF {speaker[0]}, {speaker[1]}".upper()
    name, _ = person(rng)
    return f"AF {name.upper()}, {rng.choice(JOURNALIST_ROLES)}"


def make_article(rng: random.Random, kind: str, title: str) -> ArticleText:
    """Content for one article of ``kind``: leader, feature, interview or guide."""
    speaker = person(rng)
    interview = kind == "interview"
    source = ParagraphSource(rng, heading_every=0 if kind == "leader" else rng.randint(3, 5),
                             interview=interview)
    art = ArticleText(
        kind=kind, section="LEDEREN" if kind == "leader" else rng.choice(SECTIONS),
        kicker={"guide": "Guide:", "leader": ""}.get(kind, rng.choice(KICKERS + ("",) * 3)),
        title=title, standfirst=fill(rng.choice(STANDFIRSTS), rng),
        byline=byline(rng, speaker if kind == "leader" else None), source=source,
    )
    if kind != "leader":
        art.quotes.append(make_quote(rng, speaker if interview or rng.random() < 0.5 else None))
        source.inject[1] = art.quotes[0].source
        art.boxes.append(make_box(rng))
        if rng.random() < 0.4:
            art.boxes.append(make_box(rng, bio=speaker))
    art.figures.append(make_figure(rng, speaker))
    return art


def make_briefs(rng: random.Random, n: int, book: bool = False) -> list[ArticleText]:
    """``n`` short news items, or book notices ending in ``Title. Af Author, Forlag, N sider, N kr.``"""
    titles = rng.sample(BOOK_TITLES if book else BRIEF_TITLES, min(n, len(BOOK_TITLES if book else BRIEF_TITLES)))
    items = []
    for title in titles:
        source = ParagraphSource(rng, heading_every=0, sentences=(2, 3))
        if book:
            art = ArticleText("book", "BØGER", "", title, "", "", source, author=person(rng)[0])
            art.closing = (f"{title}. Af {art.author}, {rng.choice(PUBLISHERS)}, "
                           f"{rng.randint(120, 320)} sider, {rng.choice((249, 299, 349))} kr.")
        else:
            art = ArticleText("brief", "KORT NYT", "", title, "", "", source)
            if rng.random() < 0.5:
                art.byline = byline(rng)
        items.append(art)
    return items
