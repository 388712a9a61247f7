"""Check a claim against the corpus: an editor types a sentence and sees articles that agree, disagree
or discuss it, found by the database's search and read by the stance model."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from .conftest import quote_claim

pytestmark = pytest.mark.django_db

CLAIM = "A giant squid was found alive on a beach in Portville"
# Our own text: one article per stance, plus one that shares a word but not the story.
ARTICLES = {
    "agree": (
        "Giant squid found alive on Portville beach",
        "A giant squid was found alive on a beach in Portville on Sunday morning. Beachgoers spotted the "
        "squid, which measured nine metres, in shallow water near the harbour. Marine biologists from the "
        "Portville aquarium confirmed that the animal was a giant squid and said it was alive when it was "
        "found. Volunteers kept the squid wet until a boat towed it back to deeper water.",
        "A giant squid was found alive on a beach in Portville",
    ),
    "disagree": (
        "Squid photos are a hoax, aquarium says",
        "Photos that claim to show a giant squid found alive on a beach in Portville are fake. The "
        "Portville aquarium said the story was a hoax and that no squid had been found on any beach. The "
        "images were doctored, a spokeswoman said, and had been edited from an old picture of a whale. "
        '"There was no giant squid," she said. "It is not true."',
        "no squid had been found on any beach",
    ),
    "discuss": (
        "Reports of squid on Portville beach unconfirmed",
        "Social media users say a giant squid was found alive on a beach in Portville, but the report has "
        "not been confirmed. Images that reportedly show the squid spread online on Sunday. The Portville "
        "aquarium said it was looking into the claims and could not yet say whether the animal was real. "
        "It is unclear where the pictures were taken.",
        "a giant squid was found alive on a beach in Portville",
    ),
    "unrelated": (
        "Bayport budget fixes roads",
        "The city council of Bayport approved a new budget for road repairs on Tuesday. The plan sets aside "
        "money to fix potholes on the main roads and to repaint crossings near schools. Inspectors found "
        "cracks in two bridges. The mayor said work would start in the spring.",
        "Inspectors found cracks in two bridges",
    ),
}


@pytest.fixture
def corpus(outlet):
    """Four stored articles of ours, each with a statement claim the search can find."""
    from sources.models import Outlet
    from sources.services import article_store

    other = Outlet.objects.create(name="Coast Courier", domain="coast-courier.example")
    stored = {}
    for i, (key, (title, body, quote)) in enumerate(ARTICLES.items()):
        article = article_store(
            body=body,
            outlet=outlet if i % 2 == 0 else other,
            url=f"https://news.example/squid-{key}",
            title=title,
            published_on=dt.date(2025, 6, 1) + dt.timedelta(days=i),
            published_precision="day",
        ).article
        quote_claim(article, quote, kind="statement")
        stored[key] = article
    return stored


def group_titles(response, key: str) -> list[str]:
    result = response.context["result"]
    return [m.candidate.title for m in result.groups[key]]


def test_check_groups_articles_by_stance(editor_client, corpus):
    """The agreeing, disagreeing and discussing articles land in their groups, with the sentence that
    matches the claim, their outlet and a link to the reader; the unrelated one is only counted."""
    response = editor_client.get(reverse("claims:claim-check"), {"claim": CLAIM})
    assert response.status_code == 200
    for key in ("agree", "disagree", "discuss"):
        assert group_titles(response, key) == [ARTICLES[key][0]]
    result = response.context["result"]
    assert result.checked == 4 and result.unrelated == 1
    page = response.content.decode()
    assert ARTICLES["unrelated"][0] not in page
    assert reverse("sources:article-detail", args=[corpus["disagree"].pk]) in page
    assert "Coast Courier" in page and "Harbour Times" in page
    # the best sentence of the agreeing article is its first, which restates the claim
    [match] = result.groups["agree"]
    assert match.sentence.startswith("A giant squid was found alive on a beach in Portville")
    assert corpus["agree"].body[match.sentence_start :].startswith(match.sentence)


def test_outlet_and_date_filters_narrow_the_candidates(editor_client, corpus):
    """Only the chosen outlet's articles, or those published in the range, are checked."""
    url = reverse("claims:claim-check")
    outlet = corpus["agree"].outlet
    response = editor_client.get(url, {"claim": CLAIM, "outlet": outlet.pk})
    result = response.context["result"]
    assert result.checked == 2
    assert group_titles(response, "agree") == [ARTICLES["agree"][0]]
    assert group_titles(response, "disagree") == []
    response = editor_client.get(
        url, {"claim": CLAIM, "published_from": "2025-06-02", "published_to": "2025-06-02"}
    )
    assert response.context["result"].checked == 1
    assert group_titles(response, "disagree") == [ARTICLES["disagree"][0]]


@pytest.mark.parametrize("text", ["", "   ", "Squid found", "the of and it was"])
def test_empty_or_too_short_claim_gets_a_message(editor_client, corpus, text):
    """No check runs without a claim of at least a few real words; the page says why."""
    response = editor_client.get(reverse("claims:claim-check"), {"claim": text})
    assert response.status_code == 200
    assert response.context["result"] is None
    assert 'id="claim-error"' in response.content.decode()


def test_no_match_says_so(editor_client, corpus):
    """A claim whose words no article uses checks nothing and says so."""
    response = editor_client.get(
        reverse("claims:claim-check"), {"claim": "Volcano erupts beside Reykjavik airport tonight"}
    )
    assert response.context["result"].checked == 0
    assert "No article in the corpus uses these words" in response.content.decode()


# Our own text: an agreeing report nobody has extracted a claim from yet.
UNEXTRACTED = (
    "Portville beach squid was alive, biologists say",
    "Beachgoers found a giant squid alive on a beach in Portville early on Sunday. The squid, a rare "
    "sight this far south, was lying in shallow water when walkers spotted it. Biologists confirmed the "
    "giant squid was alive and helped return it to the sea.",
)


def test_article_without_claims_is_found_by_its_own_text(editor_client, corpus):
    """An article with no extracted claims at all is still a candidate: its title and body are searched,
    so it lands in the agree group beside the article whose claim restates the claim."""
    from claims.models import Claim
    from sources.services import article_store

    article = article_store(
        body=UNEXTRACTED[1],
        outlet=corpus["agree"].outlet,
        url="https://news.example/squid-unextracted",
        title=UNEXTRACTED[0],
        published_on=dt.date(2025, 6, 10),
        published_precision="day",
    ).article
    assert not Claim.objects.filter(article=article).exists()
    response = editor_client.get(reverse("claims:claim-check"), {"claim": CLAIM})
    result = response.context["result"]
    assert result.checked == 5
    assert UNEXTRACTED[0] in group_titles(response, "agree")
    assert reverse("sources:article-detail", args=[article.pk]) in response.content.decode()
    # an older version of the same URL is not a candidate: only current texts are checked
    article_store(
        body=UNEXTRACTED[1].replace("early on Sunday", "on Sunday morning"),
        outlet=corpus["agree"].outlet,
        url="https://news.example/squid-unextracted",
        title=UNEXTRACTED[0],
        published_on=dt.date(2025, 6, 10),
        published_precision="day",
    )
    response = editor_client.get(reverse("claims:claim-check"), {"claim": CLAIM})
    assert response.context["result"].checked == 5
    ids = [m.candidate.id for ms in response.context["result"].groups.values() for m in ms]
    assert article.pk not in ids


def test_a_corpus_without_any_claims_is_checked(editor_client, outlet):
    """Before extraction has run at all, the check still finds and groups the articles by their text."""
    from claims.models import Claim
    from sources.services import article_store

    for key, (title, body, _quote) in ARTICLES.items():
        article_store(body=body, outlet=outlet, url=f"https://news.example/plain-{key}", title=title)
    assert not Claim.objects.exists()
    response = editor_client.get(reverse("claims:claim-check"), {"claim": CLAIM})
    result = response.context["result"]
    for key in ("agree", "disagree", "discuss"):
        assert group_titles(response, key) == [ARTICLES[key][0]]
    assert result.unrelated == 1


def test_page_needs_sign_in(client):
    """Anonymous users are sent to sign in."""
    response = client.get(reverse("claims:claim-check"), {"claim": CLAIM})
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_reader_finds_the_page_in_the_nav(reader_client):
    """A reader (not only an editor) finds the page from the navigation and can use it."""
    url = reverse("claims:claim-check")
    response = reader_client.get(reverse("claims:claim-list"))
    assert f'href="{url}"' in response.content.decode()
    assert reader_client.get(url).status_code == 200


# Our own text, shaped like the demo's failure: one story told by a report that states the claim, an
# official denial, and two stories of the same town sharing its name and a few of the claim's words.
CALDRY_CLAIM = (
    "About 60 divers were aboard the two Ostrelian survey ships that anchored off Caldry late on Sunday"
)
CALDRY = {
    "states": (
        "About 60 divers aboard Ostrelian ships, coastguard officer says",
        "About 60 divers were aboard the two Ostrelian survey ships that anchored off Caldry late on "
        "Sunday, a coastguard officer told the Caldry Post, raising new questions about the purpose of the "
        "survey. The officer, who asked not to be named, said the divers had stayed below deck while the "
        "ships anchored. The harbour master said she could not comment on who was aboard.",
    ),
    "denies": (
        "Ostrelian embassy rejects reports of divers on survey ships",
        "The Ostrelian embassy on Monday denied that any divers were aboard the two survey ships off "
        'Caldry. "There are no divers on those ships. The reports are false," a spokesman said. The '
        "embassy said the crews were scientists mapping the seabed and that the ships would leave on "
        "Friday.",
    ),
    "strike": (
        "Caldry ferry crews strike over pay, ships stay in port",
        "Ferry crews in Caldry walked off the job late on Sunday in a dispute over pay, and two ships "
        "stayed anchored in the harbour. About 60 crew members joined the strike, their union said. The "
        "ferry company said talks would resume on Wednesday and that passengers would get refunds.",
    ),
    "budget": (
        "Caldry council passes budget with new harbour fees",
        "The Caldry town council approved its budget late on Sunday after a long debate. The plan raises "
        "harbour fees for ships that anchor in the bay and sets aside money for two new classrooms. "
        "About 60 residents attended the meeting, which ran past midnight.",
    ),
}


def test_check_keeps_other_stories_of_the_same_town_out_of_agree_and_disagree(editor_client, outlet):
    """An editor checks a claim about one story: the strike and the budget stories of the same town,
    which share its name and several of the claim's words ("late on Sunday", "About 60", "two ships
    anchored"), are under neither Agree nor Disagree and not on the page; the report that states the
    claim is shown and not as disagreeing, the denial is not under Agree."""
    from sources.services import article_store

    for key, (title, body) in CALDRY.items():
        article_store(body=body, outlet=outlet, url=f"https://news.example/caldry-{key}", title=title)
    response = editor_client.get(reverse("claims:claim-check"), {"claim": CALDRY_CLAIM})
    assert response.status_code == 200
    result = response.context["result"]
    assert result.checked == 4 and result.unrelated == 2
    shown = group_titles(response, "agree") + group_titles(response, "disagree")
    assert CALDRY["strike"][0] not in shown and CALDRY["budget"][0] not in shown
    assert CALDRY["states"][0] in group_titles(response, "agree") + group_titles(response, "discuss")
    assert CALDRY["denies"][0] not in group_titles(response, "agree")
    page = response.content.decode()
    assert CALDRY["states"][0] in page and CALDRY["denies"][0] in page
    assert CALDRY["strike"][0] not in page and CALDRY["budget"][0] not in page
