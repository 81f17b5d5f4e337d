"""The Daily Harbor's articles (fictional English local paper of "Port Ellery").

The solar story holds the ordered list, block quote, newsletter form and hidden
element; the bike-lane story holds the YouTube embed; the water-main story is
the short one.
"""

from __future__ import annotations

from datetime import datetime

from tests.web.content.model import (
    EDT,
    Article,
    Figure,
    Items,
    OutletInfo,
    Para,
    Quote,
    Subhead,
    Teaser,
    Video,
    Widget,
)

INFO = OutletInfo(
    name="harbor",
    display_name="The Daily Harbor",
    site_name="The Daily Harbor",
    language="en",
    tz=EDT,
    dateline_sep=" — ",
    byline_joiner=" and ",
)

AD = Widget("ad")
SECTIONS = {"news": "News", "business": "Business", "culture": "Culture", "city": "City"}
STAFF_CREDIT = " / The Daily Harbor"


def _at(month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=EDT)


def _article(section: str, slug: str, when: datetime, **fields: object) -> Article:
    return Article(
        outlet="harbor",
        slug=slug,
        path=f"/{section}/{when:%Y/%m/%d}/{slug}",
        section=section,
        published=when,
        editor="",
        **fields,  # type: ignore[arg-type]
    )


SOLAR = _article(
    "news",
    "port-ellery-approves-floating-solar-farm-on-disused-reservoir",
    _at(4, 3, 7, 30),
    modified=_at(4, 3, 10, 5),
    title="Port Ellery approves floating solar farm on disused reservoir",
    summary=(
        "The 14-megawatt array on the Millbrook reservoir would supply about a tenth of the "
        "city's municipal power by 2028."
    ),
    authors=("Grace Lindqvist",),
    tags=("Energy", "City Council", "Millbrook"),
    related=(
        "harbor/council-delays-bike-lane-vote-after-seven-hour-hearing",
        "harbor/water-main-break-closes-dock-street-until-friday",
    ),
    further=(
        "harbor/council-delays-bike-lane-vote-after-seven-hour-hearing",
        "nusa/startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar",
        "warta/mengenal-kereta-semicepat-jalur-selatan-rute-tarif-dan-jadwal-uji-coba",
    ),
    body=(
        Figure(
            "solar-1",
            "The Millbrook reservoir, retired as a drinking-water source in 2019, would host the "
            "floating array.",
            "Grace Lindqvist" + STAFF_CREDIT,
        ),
        Para(
            "Port Ellery will build a floating solar farm on the disused Millbrook reservoir after "
            "the city council voted 7-2 on Thursday night to approve a 25-year lease with a "
            "regional energy cooperative."
        ),
        Para(
            "The 14-megawatt array, made up of roughly 26,000 panels mounted on plastic pontoons, "
            "is expected to supply about a tenth of the electricity the city uses for its own "
            "buildings, streetlights and water pumps. Construction could begin next spring if "
            "state permits arrive on schedule."
        ),
        Teaser("harbor/council-delays-bike-lane-vote-after-seven-hour-hearing"),
        Para(
            "“This is a reservoir we stopped drinking from seven years ago, and it has been "
            "sitting there costing us money ever since,” said council member Ruth Abernathy, who "
            "sponsored the measure. “Now it can earn its keep.”"
        ),
        Para(
            "The cooperative, Tidewater Community Energy, will pay for the installation and sell "
            "power to the city at a fixed rate for the first ten years. City officials estimate "
            "the deal will save between $380,000 and $450,000 a year compared with current "
            "contracts."
        ),
        AD,
        Subhead("What the plan includes"),
        Para("Under the lease approved Thursday, the cooperative must:"),
        Items(
            (
                "Cover no more than 40 percent of the reservoir's surface, leaving open water "
                "along the northern shore for birds.",
                "Keep the walking trail around the reservoir open during construction, except for "
                "two short closures.",
                "Fund a water-quality monitoring program run by the county for at least five "
                "years.",
                "Remove every panel and pontoon at its own expense when the lease ends.",
            ),
            ordered=True,
        ),
        Widget("newsletter"),
        Para(
            "The two dissenting votes came from members who said the city should have sought more "
            "bids. “I am not against solar,” said council member Frank Dolan. “I am against "
            "signing a 25-year deal after one presentation and a single public hearing.”"
        ),
        Figure(
            "solar-2",
            "Floating panels of the kind proposed for Millbrook, photographed at a test site "
            "upriver.",
            "Tidewater Community Energy",
        ),
        Para(
            "Residents who spoke at the meeting were mostly supportive, though several asked about "
            "glare and the effect on fish. A consultant hired by the cooperative told the council "
            "that studies of similar projects had found little change in water temperature and "
            "some reduction in algae blooms, because the panels shade the surface."
        ),
        Quote(
            (
                "Floating solar is not a silver bullet, but on a reservoir nobody swims in and "
                "nobody drinks from, it is about as low-conflict as renewable energy gets.",
                "The important thing is to measure what happens to the water, and to publish it.",
            )
        ),
        Para(
            "That was the view of Helen Marsh, a freshwater ecologist at Ellery State College, "
            "who reviewed the environmental assessment for the county and wrote the passage above "
            "in her summary to the council."
        ),
        Widget("hidden"),
        Para(
            "The cooperative said it hoped to hire local electricians for much of the installation "
            "work and would hold an information session at the public library on April 22."
        ),
        Widget("related"),
        Para(
            "If state permits are granted, the first panels could be generating power by the "
            "summer of 2027, with the full array online the following year."
        ),
    ),
)

FERRY = _article(
    "business",
    "ferry-operator-adds-night-crossings-as-tourism-rebounds",
    _at(4, 1, 16, 45),
    title="Ferry operator adds night crossings as tourism rebounds",
    summary=(
        "Bayline Ferries will run three late-evening crossings to Gannet Island on weekends "
        "from May 1, citing its busiest spring in years."
    ),
    authors=("Daniel Reyes",),
    tags=("Ferries", "Tourism", "Gannet Island"),
    related=("harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours",),
    further=(
        "harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours",
        "nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini",
    ),
    body=(
        Figure(
            "ferry-1",
            "The MV Curlew leaves the Port Ellery terminal on its evening run.",
            "Daniel Reyes" + STAFF_CREDIT,
        ),
        Para(
            "Bayline Ferries will add three late-evening crossings between Port Ellery and Gannet "
            "Island starting May 1, the company said Wednesday, citing the busiest spring for "
            "visitors in years.",
            dateline="PORT ELLERY",
        ),
        Para(
            "The new sailings will leave the mainland at 8:15, 9:30 and 10:45 p.m. on Fridays and "
            "Saturdays through September, with return trips from the island 45 minutes later. "
            "Weekday service will add one extra crossing at 9:30 p.m."
        ),
        Teaser("harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours", "also"),
        Para(
            "Passenger numbers in the first quarter were up 18 percent on last year, according to "
            "figures the company filed with the harbor authority. Vehicle bookings rose more "
            "modestly, by about 6 percent."
        ),
        Para(
            "“The island’s restaurants and music venues have been asking for this for years,” "
            "said Carla Benson, who runs the Gannet Island Business Association. “People come "
            "over for dinner and then spend the whole meal watching the clock.”"
        ),
        AD,
        Para(
            "Bayline said it would hire twelve additional crew members and extend ticket office "
            "hours at both terminals. Fares will not change, though the company is ending a "
            "discount on paper multi-ride books in favor of a reloadable card."
        ),
        Figure(
            "ferry-2",
            "Passengers wait to board at the Gannet Island landing on a Saturday afternoon.",
            "Daniel Reyes" + STAFF_CREDIT,
        ),
        Para(
            "Some island residents were less enthusiastic. At a community meeting last month, "
            "several people raised concerns about noise from late-night foot traffic on the steep "
            "road that leads up from the landing."
        ),
        Para(
            "“We are glad the businesses are doing well,” said Martin Alvarez, who lives near the "
            "landing. “We just want someone to think about the people who have to get up for work "
            "at six.”"
        ),
        Para(
            "The company said it would pay for two additional part-time marshals on weekend "
            "nights and review the schedule at the end of the summer."
        ),
        Para(
            "Harbor authority records show the late crossings are the first schedule expansion "
            "since 2017, when Bayline added a mid-morning run for school trips. The company "
            "operates "
            "two vessels on the route, each licensed to carry 350 passengers and 48 vehicles."
        ),
        Para(
            "Bayline’s general manager, Owen Pritchard, said the company had considered adding a "
            "third boat but decided to start with longer hours instead. “If the summer looks like "
            "the "
            "spring, we will have that conversation again in the fall,” he said."
        ),
        Para(
            "Tickets for the new crossings go on sale April 15 on the Bayline website and at the "
            "terminals."
        ),
    ),
)

LIGHTS = _article(
    "culture",
    "harbor-lights-festival-returns-with-drone-show-and-longer-hours",
    _at(3, 30, 12, 0),
    title="Harbor Lights festival returns with drone show and longer hours",
    summary=(
        "The waterfront festival will run for ten nights in June and close with the city's first "
        "drone light show, replacing fireworks."
    ),
    authors=("Priya Nandakumar",),
    tags=("Harbor Lights", "Festivals"),
    related=("harbor/ferry-operator-adds-night-crossings-as-tourism-rebounds",),
    further=(
        "harbor/ferry-operator-adds-night-crossings-as-tourism-rebounds",
        "harbor/review-the-keepers-daughter-is-a-quiet-clever-novel-about-staying-put",
        "nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini",
    ),
    body=(
        Figure(
            "lights-1",
            "Lanterns line the boardwalk during last year's Harbor Lights festival.",
            "Priya Nandakumar" + STAFF_CREDIT,
        ),
        Para(
            "The Harbor Lights festival will run for ten nights this year instead of seven, "
            "organizers announced Monday, and will close with the city’s first drone light show "
            "over the inner harbor."
        ),
        Para(
            "The festival, which began in 2011 as a lantern walk organized by a handful of "
            "waterfront shops, now draws an estimated 60,000 visitors. This year it opens on June "
            "19 and runs through June 28."
        ),
        Teaser("harbor/ferry-operator-adds-night-crossings-as-tourism-rebounds"),
        Para(
            "The drone show, scheduled for the final Saturday, will use 300 drones to draw scenes "
            "from the city’s history, including the old lighthouse and the fishing fleet that "
            "once filled the harbor. Organizers said it would last about 12 minutes and replace "
            "the fireworks, which were canceled last year after complaints about noise and debris "
            "in the water."
        ),
        AD,
        Para(
            "“We heard from a lot of people with dogs, and from the folks who clean the harbor the "
            "morning after,” said festival director Anne Whitaker. “The drones are quieter, and "
            "nothing falls into the water.”"
        ),
        Para(
            "Other changes include a second food market on Quay Street, a quiet hour from 5 to 6 "
            "p.m. each evening for families with young children and visitors with sensory "
            "sensitivities, and free shuttle buses from the park-and-ride lot on Route 9."
        ),
        Figure(
            "lights-2",
            "A test flight of the drones over the inner harbor in March.",
            "Priya Nandakumar" + STAFF_CREDIT,
        ),
        Para(
            "Local artists have until May 1 to apply for one of 40 lantern commissions. The "
            "festival will pay each artist $750 and cover the cost of materials."
        ),
        Para(
            "The festival’s budget this year is about $410,000, roughly a third of which comes "
            "from "
            "the city. The rest is raised from sponsors and from the sale of lanterns, which "
            "visitors "
            "can buy at booths along the boardwalk and carry in the nightly procession."
        ),
        Para(
            "Whitaker said the longer run had been possible because two new sponsors signed on in "
            "January. “Ten nights means more work for our volunteers,” she said, “so if anyone has "
            "a "
            "free evening in June, we would love to hear from them.”"
        ),
        Para(
            "Admission remains free. Organizers said they expect the longer run to spread the "
            "crowds out, particularly on the opening weekend, when the boardwalk has in past years "
            "been so packed that police briefly closed the entrances."
        ),
    ),
)

REVIEW = _article(
    "culture",
    "review-the-keepers-daughter-is-a-quiet-clever-novel-about-staying-put",
    _at(4, 2, 9, 0),
    title="Review: ‘The Keeper’s Daughter’ is a quiet, clever novel about staying put",
    summary=(
        "Iris Calloway's second novel follows a lighthouse keeper's daughter who refuses to "
        "leave her island. It never feels slight."
    ),
    authors=("Tom Whitcombe",),
    tags=("Books", "Reviews"),
    further=(
        "harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours",
        "harbor/ferry-operator-adds-night-crossings-as-tourism-rebounds",
    ),
    body=(
        Figure(
            "book-1",
            "Iris Calloway’s second novel is set on a fictional island off the northern coast.",
            "Fernhill Press",
        ),
        Para(
            "There is a moment, about halfway through Iris Calloway’s second novel, when the "
            "narrator’s father stops in the middle of the lighthouse stairs and simply sits down. "
            "He does not explain why. His daughter, nine years old, sits down next to him, and the "
            "two of them listen to the wind for what the book tells us is a full hour."
        ),
        Para(
            "It is a small scene, and a characteristic one. “The Keeper’s Daughter” (Fernhill "
            "Press, 312 pages, $27) is a novel made almost entirely of small scenes, and it is a "
            "measure of Calloway’s skill that it never feels slight."
        ),
        Teaser("harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours", "also"),
        Para(
            "The story follows Nell Agard from childhood to middle age on Skerry Island, where her "
            "father tends the light and her mother runs the island’s only shop. When the light is "
            "automated in the 1980s, the family is expected to leave. Nell’s parents do; Nell, to "
            "the bewilderment of everyone, stays."
        ),
        Para(
            "What follows is less a plot than an accumulation. Nell takes over the shop, marries "
            "badly, then well. She fights with the mainland council over the ferry timetable and "
            "loses. She keeps a notebook of every ship that passes, though nobody asks her to."
        ),
        AD,
        Para(
            "Calloway, who grew up on the coast and worked for a decade as a marine surveyor, "
            "writes about weather and water with a precision that never tips into showing off. A "
            "storm in the novel’s middle section is among the most frightening passages I have "
            "read in years, largely because almost nothing happens in it except waiting."
        ),
        Quote(
            (
                "The sea did not care whether we stayed or went. That was the great comfort of it. "
                "Everything else had an opinion.",
            )
        ),
        Para(
            "If the book has a weakness, it is that the mainland characters feel thin beside the "
            "islanders. Nell’s brother, who leaves for the city and rarely returns, is more an "
            "idea "
            "than a person, and a late subplot about a developer’s plans for the island is "
            "resolved a little too neatly."
        ),
        Figure(
            "book-2",
            "Calloway at a reading in Port Ellery last autumn.",
            "Tom Whitcombe" + STAFF_CREDIT,
        ),
        Para(
            "But these are small complaints about a book that does something genuinely difficult: "
            "it makes staying in one place feel like an adventure. In a season of noisy, "
            "high-concept fiction, it is a pleasure to spend time with a novel that trusts its "
            "readers to sit on the stairs and listen."
        ),
        Para(
            "Calloway will read from “The Keeper’s Daughter” at Harborside Books on April 18 at 7 "
            "p.m."
        ),
    ),
)

BIKES = _article(
    "city",
    "council-delays-bike-lane-vote-after-seven-hour-hearing",
    _at(4, 1, 8, 15),
    title="Council delays bike lane vote after seven-hour hearing",
    summary=(
        "More than 140 people signed up to speak on a plan for 11 miles of protected bike lanes. "
        "The vote is now set for April 21."
    ),
    authors=("Maya Okafor", "Daniel Reyes"),
    tags=("City Council", "Transportation", "Harbor Avenue"),
    related=(
        "harbor/port-ellery-approves-floating-solar-farm-on-disused-reservoir",
        "harbor/water-main-break-closes-dock-street-until-friday",
    ),
    further=(
        "harbor/port-ellery-approves-floating-solar-farm-on-disused-reservoir",
        "warta/rekapitulasi-suara-pilkada-sekar-wangi-petahana-unggul-tipis",
    ),
    body=(
        Figure(
            "bikes-1",
            "Cyclists and drivers share Harbor Avenue near the intersection with Quay Street.",
            "Maya Okafor" + STAFF_CREDIT,
        ),
        Para(
            "The Port Ellery city council postponed a vote on a network of protected bike lanes "
            "early Wednesday, after a public hearing that began at 6 p.m. Tuesday and ended "
            "shortly after 1 a.m."
        ),
        Para(
            "More than 140 people signed up to speak on the proposal, which would add 11 miles of "
            "separated lanes over four years, remove about 230 on-street parking spaces and reduce "
            "Harbor Avenue from four lanes to three between the ferry terminal and Mill Street."
        ),
        Teaser("harbor/port-ellery-approves-floating-solar-farm-on-disused-reservoir"),
        Para(
            "Council President Diane Okoro said members needed more time to review changes "
            "proposed during the hearing, including a request from merchants on Harbor Avenue to "
            "phase in the parking removal. The vote was rescheduled for April 21."
        ),
        AD,
        Para(
            "Supporters, many of whom wore yellow stickers reading “Safe Streets Now,” pointed to "
            "three cyclist deaths in the city since 2023. Several parents described being afraid "
            "to let their children ride to school."
        ),
        Para(
            "“My son is 12. He knows the rules better than most drivers,” said Keisha Monroe, a "
            "nurse who lives near Ellery Middle School. “What he does not have is a lane where a "
            "car cannot drift into him.”"
        ),
        Video("Public hearing on the Harbor Avenue bike lanes (full video)", "hbrCncl2026"),
        Para(
            "Opponents, including a number of business owners, said the loss of parking would hurt "
            "shops that already struggle to compete with online retailers. Some questioned "
            "whether the lanes would be used in winter."
        ),
        Para(
            "“Nobody in this room wants anyone to get hurt,” said Glen Harper, who owns a hardware "
            "store on Harbor Avenue. “But you are asking us to give up the parking in front of our "
            "doors on the promise that customers will come by bicycle instead. I have been here 31 "
            "years and I have not seen it.”"
        ),
        Figure(
            "bikes-2",
            "Residents wait to speak during the council hearing on Tuesday night.",
            "Daniel Reyes" + STAFF_CREDIT,
        ),
        Para(
            "A city traffic study released last month found that about 38 percent of parking "
            "spaces on the affected blocks were occupied during weekday afternoons, and that most "
            "customers of Harbor Avenue shops arrived on foot or by bus. Business owners disputed "
            "the study’s timing, which they said missed the summer season."
        ),
        Widget("related"),
        Para(
            "City staff said the project would cost about $9.6 million, with roughly half covered "
            "by a state transportation grant that must be committed by the end of the year."
        ),
        Para(
            "Okoro said she expected amendments on parking and on the timing of construction to "
            "be drafted before the April 21 meeting. “We are going to get this right rather than "
            "get it done tonight,” she said as the hearing closed."
        ),
    ),
)

WATER = _article(
    "city",
    "water-main-break-closes-dock-street-until-friday",
    _at(3, 31, 14, 20),
    title="Water main break closes Dock Street until Friday",
    summary="A 12-inch main broke early Tuesday, flooding the roadway and several basements.",
    authors=("Grace Lindqvist",),
    tags=("Dock Street", "Utilities"),
    further=(
        "harbor/council-delays-bike-lane-vote-after-seven-hour-hearing",
        "nusa/banjir-rob-rendam-tiga-kelurahan-di-pesisir-utara-ratusan-warga-mengungsi",
    ),
    body=(
        Figure(
            "water-1",
            "Crews work on the broken main at Dock Street and Ferry Lane on Tuesday morning.",
            "Grace Lindqvist" + STAFF_CREDIT,
        ),
        Para(
            "A section of Dock Street between Ferry Lane and Wharf Road will stay closed to "
            "traffic "
            "until at least Friday after a 12-inch water main broke early Tuesday, flooding the "
            "roadway and several basements."
        ),
        Para(
            "The city water department said crews had isolated the break by 6 a.m. About 40 homes "
            "and businesses were without water for several hours; service had been restored to "
            "all but six by Tuesday afternoon."
        ),
        Teaser("harbor/council-delays-bike-lane-vote-after-seven-hour-hearing"),
        Para(
            "Detours are posted along Harbor Avenue. The No. 4 bus will skip two stops on Dock "
            "Street while the road is closed."
        ),
        Figure(
            "water-2",
            "Water pooled along Dock Street after the break.",
            "Grace Lindqvist" + STAFF_CREDIT,
        ),
        Para(
            "Residents with flooding damage can call the city’s claims line at 555-0142. The "
            "department said the pipe, installed in 1958, was scheduled for replacement next year."
        ),
    ),
)

ARTICLES: tuple[Article, ...] = (SOLAR, FERRY, LIGHTS, REVIEW, BIKES, WATER)
