"""Stories written for the near-duplicate tests (never corpus text): one wire story, its variants, and
other outlets' own stories on the same event."""

WIRE_STORY = """\
The harbour authority of Port Veldan said on Tuesday that it would close the northern container
terminal for three weeks after a crane collapsed onto a cargo ship during a storm on Sunday night.

No one was hurt in the collapse, the authority said in a statement, but the ship, the Marisol Grey,
was holed above the waterline and 14 containers fell into the basin. Divers began lifting them on
Monday morning.

"We will not reopen the terminal until every crane on the northern quay has been inspected by an
independent engineer," the authority's director, Hanna Ostrik, told reporters at the port.

About 2,300 dock workers are employed at the northern terminal, which handled 41 percent of the
port's container traffic last year. The dockers' union said its members would be paid during the
closure under an agreement signed in 2021.

Shipping lines were told to divert to the southern terminal and to the port of Kessby, 60 kilometres
along the coast, where the operator said it could take up to 12 extra ships a week.

The storm brought gusts of 130 kilometres an hour to the coast and cut power to some 18,000 homes in
the region, the national weather service said. Most had their electricity back by Monday evening.
"""

HEADER = "Port Veldan closes northern terminal after crane collapse\nCoastal Wire | 12 May 2026\n\n"

CORRECTION = (
    "\nCorrection, 13 May 2026: An earlier version of this story gave the number of containers that "
    "fell into the basin as 41. It was 14.\n"
)

NEW_INTRO = """\
Ships bound for Port Veldan faced long detours on Wednesday as the harbour's busiest terminal stayed
shut, three days after a storm brought down one of its giant cranes onto a moored cargo vessel.
"""


def with_new_intro(story: str = WIRE_STORY) -> str:
    """The wire story as a second outlet ran it: its own intro paragraph in place of the wire's."""
    paragraphs = story.split("\n\n")
    return "\n\n".join([NEW_INTRO.strip(), *paragraphs[1:]])


# Two other outlets' own stories on the same event: the same facts and one shared quote, their words.
OTHER_OUTLET_STORY = """\
A crane toppled in high winds at Port Veldan on Sunday night, smashing into the deck of a cargo ship
and sending more than a dozen containers into the water, in what harbour staff called the worst
accident at the port in decades.

The port will keep its northern terminal closed for three weeks. "We will not reopen the terminal
until every crane on the northern quay has been inspected by an independent engineer," said Hanna
Ostrik, who runs the harbour authority.

Union leaders said they had warned about the age of the northern cranes two years ago. The youngest
was installed in 1998, according to maintenance records seen by this newspaper.

Traffic is being sent south and to neighbouring Kessby. Freight forwarders expect delays of up to a
week for goods arriving by sea, and some retailers have warned of empty shelves before the holiday.
"""

THIRD_OUTLET_STORY = """\
Storm damage: thousands without power, port terminal closed

Winds of up to 130 km/h battered the coast overnight into Monday. The weather service counted about
18,000 households without electricity at the height of the storm; crews restored most connections
within a day.

At Port Veldan a quayside crane fell onto a freighter. The harbour authority has closed the terminal
where it happened for three weeks while engineers examine the remaining cranes. Nobody was injured.

Farmers inland reported flattened crops and fallen trees across several roads, which the regional
council said should all be cleared by the weekend.
"""
