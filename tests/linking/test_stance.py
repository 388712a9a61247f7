"""Tests for the stance model: agree / disagree / discuss / unrelated between a claim and an article."""

from __future__ import annotations

import gzip
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from claims.linking.stance import LABELS, StanceModel
from claims.linking.stance import text as tx
from claims.linking.stance.boosting import BoostedTrees
from claims.linking.stance.features import FeatureBuilder, feature_names
from claims.linking.stance.metrics import fnc_score, report
from claims.linking.stance.model import DEFAULT_DIR, decide, unboosted
from claims.linking.stance.tfidf import TfidfIndex
from devtools.training.stance import (
    STAGE2,
    blanked_sides,
    fit_stages,
    load_corpus,
    topic_split,
    without_cue_words,
)

REPO = Path(__file__).resolve().parents[2]

QUAKE_CLAIM = "A magnitude 7.1 earthquake struck off the coast of northern Chile on Tuesday"
QUAKE_ARTICLE = (
    "A powerful magnitude 7.1 earthquake struck off the coast of northern Chile on Tuesday morning, "
    "the US Geological Survey said. The quake hit about 60 kilometres west of the port city of Iquique "
    "at a depth of 20 kilometres. Chile's emergency office said residents of coastal towns were moved to "
    "higher ground as a precaution. Officials said power was cut in parts of Iquique after the earthquake."
)
FOOTBALL_ARTICLE = (
    "The club confirmed on Friday that it has signed the striker on a four-year contract. The 24-year-old "
    "scored 19 goals in the league last season and will wear the number nine shirt. The manager said he "
    "had followed the player for two years and was delighted to finally bring him to the stadium."
)
MERGER_CLAIM = "Carmaker Voltra is buying battery start-up Nexcell for $4 billion"
MERGER_DENIAL = (
    "Voltra has denied reports that it is buying the battery start-up Nexcell. A Voltra spokesman said the "
    'story was false and that no talks had taken place. "This rumour is completely untrue," he said. '
    "The claim that Voltra would pay $4 billion for Nexcell spread on social media on Monday, but both "
    "companies dismissed it as fake and said there was no deal."
)


@pytest.fixture(scope="module")
def model() -> StanceModel:
    """The shipped model, loaded once."""
    return StanceModel.load()


def test_unrelated_pair_is_unrelated(model: StanceModel) -> None:
    """A claim about an earthquake is unrelated to an article about a football transfer."""
    assert model.predict(QUAKE_CLAIM, FOOTBALL_ARTICLE) == "unrelated"


def test_same_story_is_related(model: StanceModel) -> None:
    """An article that reports what the claim says is related, and not a disagreement."""
    label = model.predict(QUAKE_CLAIM, QUAKE_ARTICLE)
    assert label in {"agree", "discuss"}
    assert model.predict_proba(QUAKE_CLAIM, QUAKE_ARTICLE)["unrelated"] < 0.5


def test_denial_leans_to_disagree(model: StanceModel) -> None:
    """An article in which the company denies the claimed deal is related and leans to disagree."""
    proba = model.predict_proba(MERGER_CLAIM, MERGER_DENIAL)
    assert proba["unrelated"] < 0.5
    assert proba["disagree"] > proba["agree"]


def test_predict_many_equals_repeated_predict(model: StanceModel) -> None:
    """Batch prediction (grouped by article) gives the same labels as one pair at a time."""
    pairs = [
        (QUAKE_CLAIM, QUAKE_ARTICLE),
        (MERGER_CLAIM, QUAKE_ARTICLE),
        (QUAKE_CLAIM, FOOTBALL_ARTICLE),
        (MERGER_CLAIM, MERGER_DENIAL),
        (QUAKE_CLAIM, MERGER_DENIAL),
        (MERGER_CLAIM, FOOTBALL_ARTICLE),
    ]
    assert model.predict_many(pairs) == [model.predict(c, a) for c, a in pairs]
    batch = model.proba_matrix(pairs)
    single = np.array([list(model.predict_proba(c, a).values()) for c, a in pairs])
    assert np.allclose(batch, single)


def test_probabilities_sum_to_one(model: StanceModel) -> None:
    """predict_proba names every label once, each in [0, 1], and they sum to 1."""
    for claim, article in [(QUAKE_CLAIM, QUAKE_ARTICLE), (MERGER_CLAIM, MERGER_DENIAL), ("", "")]:
        proba = model.predict_proba(claim, article)
        assert tuple(proba) == LABELS
        assert all(0.0 <= p <= 1.0 for p in proba.values())
        assert math.isclose(sum(proba.values()), 1.0, abs_tol=1e-9)
    assert model.predict_many([]) == []


def test_package_imports_and_predicts_without_torch_or_django() -> None:
    """The stance package works with torch unavailable, and pulls in neither torch nor Django."""
    code = (
        "import importlib.abc, sys\n"
        "class NoTorch(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] == 'torch':\n"
        "            raise ImportError('torch is not installed here')\n"
        "sys.meta_path.insert(0, NoTorch())\n"
        "from claims.linking.stance import StanceModel\n"
        "print(StanceModel.load().predict('Rain is expected in Paris', 'Paris will see rain today.'))\n"
        "assert 'torch' not in sys.modules\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in LABELS


def test_shipped_model_is_small_and_documented() -> None:
    """The shipped model stays under 20 MB and records its training and validation figures."""
    size = sum(p.stat().st_size for p in DEFAULT_DIR.iterdir())
    assert size < 20 * 1024 * 1024
    info = json.loads((DEFAULT_DIR / "training.json").read_text(encoding="utf-8"))
    assert info["n_features"] == len(feature_names(info.get("extras", ())))
    assert {"fnc_score_pct", "accuracy", "macro_f1", "confusion"} <= set(info["validation"])


def test_stance_stage_trees_are_randomised_for_new_topics(tmp_path: Path) -> None:
    """The agree / disagree / discuss stage draws its split thresholds at random and each tree from half
    the columns (settings chosen on the story-disjoint splits); the relatedness stage keeps exact splits.
    The settings are written into LightGBM's model text, and the shipped model was trained with them."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 6))
    labels = np.array(["unrelated", "agree", "discuss", "disagree"])[
        (x[:, 0] > 0) * (1 + (x[:, 1] > 0) + (x[:, 2] > 1.2))
    ]
    related, stance = fit_stages(x, list(labels), seed=0, disagree_boost=1.8)
    text = stance.booster.model_to_string()
    assert "[extra_trees: 1]" in text and "[feature_fraction: 0.5]" in text
    assert "[extra_trees: 0]" in related.booster.model_to_string()
    info = json.loads((DEFAULT_DIR / "training.json").read_text(encoding="utf-8"))
    assert {k: info["stage2"][k] for k in STAGE2} == STAGE2
    shipped = gzip.decompress((DEFAULT_DIR / "stance.txt.gz").read_bytes()).decode()
    assert "[extra_trees: 1]" in shipped and "[feature_fraction: 0.5]" in shipped


@pytest.mark.parametrize("n_classes", [2, 3])
def test_saved_trees_give_the_same_probabilities(n_classes: int, tmp_path: Path) -> None:
    """Trees written as LightGBM's text model and read back predict exactly as before, missing values
    included, and the file holds no pickle (a gzip of LightGBM's plain text format)."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int) + (n_classes == 3) * (x[:, 3] > 1)
    x[rng.random(x.shape) < 0.05] = np.nan
    trees = BoostedTrees.fit(x, y, {"num_leaves": 7, "learning_rate": 0.1}, rounds=20)
    proba = trees.proba(x)
    assert proba.shape == (400, n_classes) and np.allclose(proba.sum(axis=1), 1.0)
    assert (proba.argmax(axis=1) == y).mean() > 0.8  # it learnt something
    trees.write(tmp_path / "m.txt.gz")
    assert gzip.decompress((tmp_path / "m.txt.gz").read_bytes()).startswith(b"tree\nversion=")
    assert np.array_equal(BoostedTrees.read(tmp_path / "m.txt.gz").proba(x), proba)


def test_tfidf_rows_are_scikit_learns_for_known_words() -> None:
    """Over fitted words the rows are TfidfVectorizer's (sublinear tf, smoothed idf, l2); an unseen word
    gets a hashed column of its own instead of vanishing."""
    docs = [["rain", "paris", "rain"], ["paris", "sun"], ["rain", "storm"], ["storm", "paris"]]
    index = TfidfIndex.fit(docs, min_df=2)
    reference = TfidfVectorizer(analyzer=lambda d: d, min_df=2, sublinear_tf=True).fit(docs)
    assert index.terms == reference.get_feature_names_out().tolist()
    seen = [["rain", "paris", "rain"], ["storm", "paris"], ["rain"]]  # no word outside the vocabulary
    rows = index.transform(seen)
    assert rows.shape[1] > len(index.terms)
    assert np.allclose(rows[:, : len(index.terms)].toarray(), reference.transform(seen).toarray())
    row = index.transform([["rain", "zorblax"]])
    assert row.nnz == 2 and row.indices.max() >= len(index.terms)
    assert index.weight("zorblax") == max(index.weight(t) for t in index.terms)


def test_fnc_score_and_report() -> None:
    """FNC score gives 0.25 for the right relatedness and 1.0 for the exact related label."""
    gold = ["agree", "unrelated", "discuss", "disagree"]
    pred = ["agree", "unrelated", "agree", "unrelated"]
    # best = 1 + 0.25 + 1 + 1; got = 1 + 0.25 + 0.25 + 0
    assert fnc_score(gold, pred) == pytest.approx(100 * 1.5 / 3.25)
    figures = report(gold, pred)
    assert figures["accuracy"] == 0.5
    assert figures["confusion"][LABELS.index("discuss")][LABELS.index("agree")] == 1


def test_tokens_and_sentences() -> None:
    """Contractions give "not", word forms share a stem, and sentences split before capitals."""
    assert tx.tokens("They didn't deny it") == ["they", "did", "not", "deny", "it"]
    assert tx.stem("claims") == tx.stem("claimed") == "claim"
    split = tx.sentences("He left. She stayed!\nThen rain. 3 died.")
    assert split == ["He left.", "She stayed!", "Then rain.", "3 died."]


def test_words_outside_the_vocabulary_still_match() -> None:
    """A claim and a body sharing only unseen words are similar: new topics are not invisible."""
    index = TfidfIndex.fit([["common", "word"], ["common", "other"]], min_df=2)
    builder = FeatureBuilder(index)
    names = feature_names()
    claim = "Zorblax volcano erupts"
    row = builder.matrix([(claim, "The Zorblax volcano erupted overnight. Lava flowed.")])[0]
    other = builder.matrix([(claim, "Markets closed higher on Friday. Shares rose.")])[0]
    assert row[names.index("cos_body")] > 0.5
    assert other[names.index("cos_body")] == 0.0


def test_focus_features_read_the_sentences_about_the_claim() -> None:
    """Refutation in the sentence closest to the claim and antonym clashes are seen; filler is not."""
    index = TfidfIndex.fit([["singer", "dead"], ["singer", "concert"]], min_df=1)
    builder = FeatureBuilder(index)
    names = feature_names()
    claim = "Pop singer Lana Vey is dead after crash"
    denial = (
        "Ticket sales opened on Monday for the autumn tour. "
        "Reports that pop singer Lana Vey is dead after a crash are a hoax, and she is alive and well."
    )
    report_ = "Pop singer Lana Vey is dead after a crash, police said. The autumn tour was cancelled."
    row, other = builder.matrix([(claim, denial), (claim, report_)])
    assert row[names.index("top1_any_refute")] == 1.0
    assert row[names.index("antonyms_top3")] >= 1.0
    assert other[names.index("top1_any_refute")] == 0.0
    assert other[names.index("antonyms_top3")] == 0.0


def test_topic_split_holds_out_whole_stories(corpus_dir: Path) -> None:
    """Validation bodies never occur in training, nor do the headlines of held-out related pairs."""
    _, pairs = load_corpus(corpus_dir / "fnc1-train")
    train, val = topic_split(pairs, seed=0)
    train_bodies = {pairs[i][1] for i in train}
    train_claims = {pairs[i][0] for i in train}
    assert not train_bodies & {pairs[i][1] for i in val}
    assert not train_claims & {pairs[i][0] for i in val if pairs[i][2] != "unrelated"}
    assert 0.1 < len(val) / len(pairs) < 0.35


def _story(place: str, thing: str) -> tuple[str, str, str]:
    """Our own text: a headline, a report stating it and a report doubting it, for one invented story."""
    claim = f"A {thing} was found on the shore at {place} on Sunday"
    agree = (
        f"A {thing} was found on the shore at {place} on Sunday, rangers confirmed. Walkers reported "
        f"the {thing} early in the morning and officials said it would be moved on Monday."
    )
    discuss = (
        f"Social media users claim a {thing} was found at {place}, but rangers said they could not yet "
        f"confirm the reports. It is unclear where the pictures of the {thing} were taken."
    )
    return claim, agree, discuss


def test_check_eval_reads_held_out_headlines_against_held_out_bodies(tmp_path: Path) -> None:
    """The Check-a-claim measure asks only held-out stories' headlines (not the training headlines paired
    with held-out bodies as unrelated), against held-out bodies found by their words; every body of
    these stories is annotated against its headline, so nothing shown is left without a gold label."""
    from devtools.training.check_eval import evaluate
    from devtools.training.stance import story_of

    stories = [
        _story(p, t)
        for p, t in [
            ("Lornby", "whale"),
            ("Askel", "seal"),
            ("Dunmere", "shark"),
            ("Tolvik", "walrus"),
            ("Brennan", "dolphin"),
        ]
    ]
    articles, pairs = {}, []
    for i, (claim, agree, discuss) in enumerate(stories):
        articles[f"{i}a"], articles[f"{i}d"] = {"text": agree}, {"text": discuss}
        pairs += [(claim, f"{i}a", "agree"), (claim, f"{i}d", "discuss")]
        pairs.append((claim, f"{(i + 1) % len(stories)}a", "unrelated"))
    (tmp_path / "gold.json").write_text(
        json.dumps(
            {
                "articles": articles,
                "stance_pairs": [{"claim": c, "article": a, "label": lab} for c, a, lab in pairs],
            }
        )
    )
    texts, loaded = load_corpus(tmp_path)
    _, val = topic_split(loaded, seed=0)
    story = story_of(loaded)
    held = {story["b:" + loaded[i][1]] for i in val}
    figures = evaluate(texts, loaded, 0, StanceModel.load())
    assert figures["claims"] == len({c for c, _, _ in loaded if story["h:" + c] in held})
    assert 0 < figures["claims"] < len(stories)
    assert figures["bodies"] == len({loaded[i][1] for i in val})
    tallied = sum(sum(g.values()) for g in figures["groups"].values())
    assert 0 < tallied <= figures["pairs_checked"]
    assert all(g.get("unknown", 0) == 0 for g in figures["groups"].values())
    assert figures["agree_precision"] is None or 0.0 <= figures["agree_precision"] <= 1.0


def test_doubt_and_contrast_near_the_claims_words_are_read() -> None:
    """An article casting doubt on the claim without denying it ("exaggerated", "but ... questionable")
    is seen in its sentences about the claim by the "against" block; a plain report of it is not."""
    index = TfidfIndex.fit([["ferry", "harbour"], ["ferry", "storm"]], min_df=1)
    builder = FeatureBuilder(index, extras=("against",))
    names = feature_names(("against",))
    assert names[: len(feature_names())] == feature_names()
    claim = "A ferry sank in Tolvik harbour during the storm"
    doubting = (
        "The weather office issued a warning for the coast on Friday. "
        "Early accounts that a ferry sank in Tolvik harbour during the storm were exaggerated, "
        "but the harbour master called the pictures questionable."
    )
    plain = "A ferry sank in Tolvik harbour during the storm on Friday. Divers reached the wreck at noon."
    row, other = builder.matrix([(claim, doubting), (claim, plain)])
    for name in (
        "top3_shared_near_doubt",
        "top3_shared_near_contrast",
        "relevant_doubt_frac",
        "stated_doubt",
    ):
        assert row[names.index(name)] > 0.0, name
        assert other[names.index(name)] == 0.0, name


def test_negation_and_numbers_are_aligned_with_the_claim() -> None:
    """A stating sentence that negates the claim's words, or gives other figures for them, is marked;
    one that restates the claim, figures and all, is not; a claim negated like its article is aligned."""
    index = TfidfIndex.fit([["council", "budget"], ["council", "vote"]], min_df=1)
    builder = FeatureBuilder(index, extras=("against",))
    names = feature_names(("against",))
    claim = "The council approved a budget of 40 million for the bridge"
    negated = "The council has not approved a budget for the bridge, its clerk said. A vote follows in May."
    other_figure = "The council approved a budget of 55 million for the bridge. Work starts in May."
    same = "The council approved a budget of 40 million for the bridge. Work starts in May."
    neg_claim = "The council did not approve a budget for the bridge"
    rows = builder.matrix([(claim, negated), (claim, other_figure), (claim, same), (neg_claim, negated)])
    misaligned, clash = names.index("stated_neg_misaligned"), names.index("stated_number_clash")
    assert rows[0][misaligned] == 1.0 and rows[0][names.index("top3_neg_misaligned")] >= 1.0
    assert rows[1][clash] == 1.0 and rows[1][misaligned] == 0.0
    assert rows[2][clash] == 0.0 and rows[2][misaligned] == 0.0
    assert rows[3][misaligned] == 0.0


class _TopicEncoder:
    """A stand-in sentence encoder: one axis per topic word list, so paraphrases without shared words
    land together; counts what it is asked to encode."""

    TOPICS = (("ferry", "boat", "vessel", "sank", "capsized", "went down"), ("bridge", "council", "vote"))

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls += texts
        out = np.full((len(texts), len(self.TOPICS) + 1), 0.05)
        for n, text in enumerate(texts):
            low = text.lower()
            for k, words in enumerate(self.TOPICS):
                out[n, k] += sum(low.count(w) for w in words)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_encoder_block_reads_the_sentence_the_encoder_finds_closest() -> None:
    """The encoder block finds the paraphrase TF-IDF cannot see (no shared word but the name), reads that
    sentence's denial, and encodes each claim and body sentence once however many pairs ask."""
    index = TfidfIndex.fit([["ferry", "harbour"], ["council", "vote"]], min_df=1)
    fake = _TopicEncoder()
    builder = FeatureBuilder(index, extras=("encoder",), encode=fake)
    names = feature_names(("encoder",))
    claim = "A ferry sank off Tolvik on Sunday"
    body = (
        "Tolvik council met on Sunday to vote on the bridge. "
        "The coastguard denied that any vessel capsized or went down near the port. "
        "The council vote on the bridge was postponed."
    )
    row = builder.matrix([(claim, body)])[0]
    assert row[names.index("enc_best_is_tfidf_best")] == 0.0  # TF-IDF prefers the council sentence
    assert row[names.index("enc_best_refute")] == 1.0
    assert row[names.index("enc_max")] > row[names.index("enc_lead")]
    again = builder.matrix([(claim, body), ("The council vote on the bridge was postponed", body)])
    assert np.array_equal(again[0], row, equal_nan=True)
    assert sorted(fake.calls) == sorted({*fake.calls})  # nothing encoded twice
    with pytest.raises(ValueError):
        FeatureBuilder(index, extras=("encoder",))
    with pytest.raises(ValueError):
        feature_names(("nonsense",))


def test_training_encoder_cache_encodes_each_text_once(tmp_path: Path) -> None:
    """The training CLI's encoder cache asks the encoder only about texts it has not seen, in this run
    or (through its file) an earlier one, and gives back the same rows in the order asked."""
    from devtools.training.stance import CachedEncoder

    fake = _TopicEncoder()

    def encode(texts: list[str]) -> np.ndarray:  # 384 columns, as the real encoder's rows
        return np.pad(fake(texts), ((0, 0), (0, 384 - len(_TopicEncoder.TOPICS) - 1)))

    cache = CachedEncoder(encode, tmp_path / "vectors.npz")
    first = cache(["The ferry sank", "The council vote", "The ferry sank"])
    assert fake.calls == ["The ferry sank", "The council vote"]
    assert np.array_equal(first[0], first[2]) and not np.array_equal(first[0], first[1])
    again = CachedEncoder(encode, tmp_path / "vectors.npz")(["The council vote", "A boat capsized"])
    assert fake.calls == ["The ferry sank", "The council vote", "A boat capsized"]
    assert np.allclose(again[0], first[1])


def test_claim_doubt_block_reads_the_claims_own_doubting_words() -> None:
    """A claim calling a story a hoax, against an article telling it straight, is marked on the claim's
    side only; against an article that calls it a hoax too, the body repeats the claim's word; a plain
    claim against a debunking article is marked on the body's side only."""
    index = TfidfIndex.fit([["dolphin", "canal"], ["dolphin", "video"]], min_df=1)
    extras = ("claim_doubt",)
    builder = FeatureBuilder(index, extras=extras)
    names = feature_names(extras)
    assert names[: len(feature_names())] == feature_names()
    hoax_claim = "The video of a dolphin swimming in the Brenmoor canal was a hoax"
    plain_claim = "A dolphin was filmed swimming in the Brenmoor canal"
    straight = (
        "A dolphin was filmed swimming in the Brenmoor canal on Sunday. "
        "Residents gathered on the bridges to watch it. The video has been shared thousands of times."
    )
    debunking = (
        "The video of a dolphin swimming in the Brenmoor canal is a hoax, the city's aquarium said. "
        "The clip was filmed at a marine park years ago and edited, a spokeswoman said."
    )
    rows = builder.matrix([(hoax_claim, straight), (hoax_claim, debunking), (plain_claim, debunking)])
    col = {name: names.index(name) for name in names[len(feature_names()) :]}
    claim_only, both, body_only = rows
    assert claim_only[col["claim_doubting"]] == 1.0
    assert claim_only[col["claim_doubting_in_body"]] == 0.0
    assert claim_only[col["claim_doubting_top3_not"]] == 1.0
    assert claim_only[col["claim_doubting_body_not"]] == 1.0
    assert claim_only[col["top3_doubting"]] == 0.0
    assert both[col["claim_doubting_in_body"]] == 1.0 and both[col["claim_doubting_in_top3"]] == 1.0
    assert both[col["claim_doubting_top3_not"]] == 0.0 and both[col["top3_doubting_claim_not"]] == 0.0
    assert body_only[col["claim_doubting"]] == 0.0
    assert math.isnan(body_only[col["claim_doubting_in_body"]])
    assert body_only[col["top3_doubting_claim_not"]] == 1.0
    assert body_only[col["covering_doubting_frac"]] > 0.0
    assert body_only[col["doubting_share_max"]] > 0.0
    assert claim_only[col["covering_doubting_frac"]] == 0.0


def test_claim_doubt_skips_doubting_words_that_name_a_thing_in_the_claim() -> None:
    """A doubting adjective before the thing it describes ("phoney invoices", "false records") is part
    of what the claim tells, not a doubt of the story; before the story's own noun ("fake photo"), at
    the end ("... was a hoax") or as a verb ("denied") it doubts the story."""
    from claims.linking.stance.features import doubting_words

    def doubts(text: str) -> bool:
        return bool(doubting_words(tx.tokens(text)))

    assert not doubts("Regulator fines the Kessing bank over false records of its loans")
    assert not doubts("Senator wants to stop bogus lawsuits against farmers in Arlow county")
    assert not doubts("Police arrest two fake inspectors who visited pensioners in Dunmore")
    assert doubts("The photo of a wolf in the Dunmore mall was fake")
    assert doubts("Fake photo shows a wolf in the Dunmore mall")
    assert doubts("Report of the Kessing bank takeover is false")
    assert doubts("Kessing bank denied a takeover by its rival")
    assert doubts("Wolf in the Dunmore mall: hoax or real?")
    index = TfidfIndex.fit([["kessing", "bank"], ["bank", "record"]], min_df=1)
    extras = ("claim_doubt",)
    builder = FeatureBuilder(index, extras=extras)
    names = feature_names(extras)
    body = "The Kessing bank was fined on Friday. The regulator said its records of loans were incomplete."
    rows = builder.matrix(
        [
            ("Regulator fines the Kessing bank over false records of its loans", body),
            ("The fine of the Kessing bank over its records is false", body),
        ]
    )
    at = names.index("claim_doubting")
    assert [r[at] for r in rows] == [0.0, 1.0]


def test_claim_doubt_block_reads_hedges_scare_quotes_and_negated_sentences() -> None:
    """A claim that hedges or puts its words in quote marks is marked, an apostrophe is not; the
    sentences covering the claim that negate it are counted, and the lead's negation of its words."""
    index = TfidfIndex.fit([["mayor", "resign"], ["mayor", "council"]], min_df=1)
    extras = ("claim_doubt",)
    builder = FeatureBuilder(index, extras=extras)
    names = feature_names(extras)
    body = (
        "The mayor of Ostrava did not resign on Monday, the council said. "
        "The mayor told reporters she would stay in office until the election."
    )
    claims = (
        "Ostrava's mayor resigns after council vote",
        "Ostrava mayor 'resigns' after council vote",
        "Ostrava mayor reportedly resigns after council vote",
        "Did the Ostrava mayor resign?",
    )
    rows = builder.matrix([(c, body) for c in claims])
    quoted, hedged = names.index("claim_quoted"), names.index("claim_hedged")
    assert [r[quoted] for r in rows] == [0.0, 1.0, 0.0, 0.0]
    assert [r[hedged] for r in rows] == [0.0, 0.0, 1.0, 1.0]
    plain = rows[0]
    assert plain[names.index("covering_negation_frac")] > 0.0
    assert plain[names.index("lead_shared_near_doubting")] > 0.0
    assert plain[names.index("covering_sentences")] >= 1.0


def test_unboosted_divides_the_disagree_boost_out_and_keeps_p_related() -> None:
    """A model trained with disagree's weight x2 gives the linker disagree / 2, the three stances
    rescaled to the same P(related); a boost of 1 changes nothing."""
    rows = np.array([[0.30, 0.40, 0.28, 0.02], [0.10, 0.10, 0.20, 0.60], [0.0, 0.0, 0.0, 1.0]])
    assert unboosted(rows, 1.0) is rows
    out = unboosted(rows, 2.0)
    assert np.allclose(out.sum(axis=1), 1.0) and np.array_equal(out[:, 3], rows[:, 3])
    assert out[0, 1] / out[0, 0] == pytest.approx(0.40 / 2 / 0.30)
    assert out[0, 2] / out[0, 0] == pytest.approx(0.28 / 0.30)
    assert decide(rows[:1]) == ["disagree"] and decide(out[:1]) == ["agree"]
    assert decide(out[1:]) == ["unrelated", "unrelated"]


def test_link_labels_read_the_shipped_model_without_its_boost(model: StanceModel) -> None:
    """The linker's labels are the model's probabilities with the boost recorded in the model divided
    out; FNC-1's labels (predict_many) keep it."""
    info = json.loads((DEFAULT_DIR / "training.json").read_text(encoding="utf-8"))
    assert model.disagree_boost == info.get("disagree_boost", 1.0)
    pairs = [(MERGER_CLAIM, MERGER_DENIAL), (QUAKE_CLAIM, QUAKE_ARTICLE), (QUAKE_CLAIM, FOOTBALL_ARTICLE)]
    probs = model.proba_matrix(pairs)
    assert model.link_labels(pairs) == decide(unboosted(probs, model.disagree_boost))
    assert model.predict_many(pairs) == decide(probs)


def test_saved_model_keeps_its_blocks_and_boost(tmp_path: Path) -> None:
    """A model saved with optional blocks and a disagree boost reads back with both, and a fresh copy
    (the one Check a claim builds per request) reads the same columns and gives the same rows."""
    docs = [tx.content(tx.tokens(t)) for t in (QUAKE_ARTICLE, MERGER_DENIAL, FOOTBALL_ARTICLE)]
    index = TfidfIndex.fit(docs + docs, min_df=1)
    extras = ("against", "claim_doubt")
    builder = FeatureBuilder(index, extras=extras)
    pairs = [
        (c, a) for c in (QUAKE_CLAIM, MERGER_CLAIM) for a in (QUAKE_ARTICLE, MERGER_DENIAL, FOOTBALL_ARTICLE)
    ]
    x = np.vstack([builder.matrix(pairs)] * 10)
    y = np.tile([1, 0, 0, 0, 1, 0], 10)
    trees1 = BoostedTrees.fit(x, y, {"num_leaves": 3, "min_data_in_leaf": 2}, rounds=5)
    trees2 = BoostedTrees.fit(x, np.tile([0, 2, 2, 2, 1, 2], 10), {"num_leaves": 3, "min_data_in_leaf": 2}, 5)
    StanceModel(index, trees1, trees2, extras, disagree_boost=1.8).save(tmp_path)
    loaded = StanceModel.load(tmp_path)
    assert loaded.extras == extras and loaded.disagree_boost == 1.8
    fresh = loaded.fresh()
    assert fresh.extras == extras and fresh.disagree_boost == 1.8 and fresh.features is not loaded.features
    assert np.array_equal(fresh.proba_matrix(pairs), loaded.proba_matrix(pairs))


def test_training_without_cue_words_never_reads_them() -> None:
    """--no-cue-words blanks exactly the one-column-per-cue-word counts, so trees fitted on the result
    split on the cue groups and never on a single word."""
    names = feature_names(("against", "claim_doubt"))
    builder = FeatureBuilder(
        TfidfIndex.fit([tx.content(tx.tokens(MERGER_DENIAL))] * 2, min_df=1),
        extras=("against", "claim_doubt"),
    )
    pairs = [(MERGER_CLAIM, MERGER_DENIAL), (QUAKE_CLAIM, QUAKE_ARTICLE), (MERGER_CLAIM, FOOTBALL_ARTICLE)]
    x = np.vstack([builder.matrix(pairs)] * 20)
    words = [i for i, n in enumerate(names) if n.startswith(("claim_w_", "body_w_"))]
    assert words and x[:, words].any()
    blank = without_cue_words(x, names)
    assert not blank[:, words].any()
    others = [i for i in range(len(names)) if i not in set(words)]
    assert np.array_equal(blank[:, others], x[:, others], equal_nan=True)
    trees = BoostedTrees.fit(
        blank, np.tile([0, 1, 0], 20), {"num_leaves": 3, "min_data_in_leaf": 2}, rounds=5
    )
    used = set(np.flatnonzero(trees.booster.feature_importance("split")))
    assert used and not used & set(words)


def test_training_without_body_cue_words_keeps_the_claims() -> None:
    """--no-body-cue-words blanks only the body's one-column-per-cue-word counts (which word of a group
    a story's bodies happen to use); the claim's own cue words and every group column stay readable."""
    assert blanked_sides() == () and blanked_sides(cue_words=False) == ("claim", "body")
    assert blanked_sides(body_cue_words=False) == ("body",)
    names = feature_names(("against", "claim_doubt"))
    builder = FeatureBuilder(
        TfidfIndex.fit([tx.content(tx.tokens(MERGER_DENIAL))] * 2, min_df=1),
        extras=("against", "claim_doubt"),
    )
    pairs = [
        ("Voltra denies it is buying Nexcell, calling the report false", MERGER_DENIAL),
        (QUAKE_CLAIM, QUAKE_ARTICLE),
        (MERGER_CLAIM, FOOTBALL_ARTICLE),
    ]
    x = np.vstack([builder.matrix(pairs)] * 20)
    body_words = [i for i, n in enumerate(names) if n.startswith("body_w_")]
    claim_words = [i for i, n in enumerate(names) if n.startswith("claim_w_")]
    assert x[:, body_words].any() and x[:, claim_words].any()
    blank = without_cue_words(x, names, blanked_sides(body_cue_words=False))
    assert not blank[:, body_words].any()
    kept = [i for i in range(len(names)) if i not in set(body_words)]
    assert np.array_equal(blank[:, kept], x[:, kept], equal_nan=True)
    trees = BoostedTrees.fit(blank, np.tile([1, 0, 0], 20), {"num_leaves": 3, "min_data_in_leaf": 2}, 5)
    assert not set(np.flatnonzero(trees.booster.feature_importance("split"))) & set(body_words)


WOLF_ARTICLE = (
    "A wolf wandered into the Dunmore shopping centre on Saturday, sending shoppers running for the exits. "
    "Video of the wolf walking past a shoe shop has been watched a million times. Wildlife officers caught "
    "the animal with a tranquilliser dart and released it in the hills."
)
SQUID_ARTICLE = (
    "A giant squid washed up on Kellan beach on Tuesday morning. Walkers photographed the animal, which was "
    "nearly eight metres long, before marine biologists from the local museum took it away for study."
)


def test_a_headline_calling_the_story_a_hoax_disagrees_with_a_straight_report(model: StanceModel) -> None:
    """A headline that itself calls the story a hoax or fake, against an article telling the story
    straight, is related and leans to disagree (the claim's own doubting words against the body's)."""
    for claim, article in [
        ("Viral video of a wolf in the Dunmore shopping centre was a hoax", WOLF_ARTICLE),
        ("Photo of a giant squid on Kellan beach is fake", SQUID_ARTICLE),
    ]:
        proba = model.predict_proba(claim, article)
        assert proba["unrelated"] < 0.5, claim
        assert proba["disagree"] > max(proba["agree"], proba["discuss"]), claim


def _transfer_rows(pairs: list[tuple[str, str]]) -> tuple[np.ndarray, dict[str, int]]:
    index = TfidfIndex.fit([["lighthouse", "keeper"], ["ferry", "harbour"]], min_df=1)
    extras = ("transfer",)
    names = feature_names(extras)
    assert names[: len(feature_names())] == feature_names()
    return FeatureBuilder(index, extras=extras).matrix(pairs), {n: names.index(n) for n in names}


def test_transfer_block_reads_how_the_carrying_sentences_put_the_claim() -> None:
    """The sentence carrying the claim's words asserts them plainly, hedges them, attributes them or
    negates them right before: each is read there, not anywhere in the body."""
    claim = "The Tollby lighthouse keeper rescued three sailors from the storm"
    plain = "The Tollby lighthouse keeper rescued three sailors from the storm on Friday. Boats stayed home."
    hedged = (
        "The Tollby lighthouse keeper reportedly rescued three sailors from the storm. The harbour is calm."
    )
    told = "The Tollby lighthouse keeper rescued three sailors from the storm, a coastguard officer told us."
    negated = "The Tollby lighthouse keeper never rescued three sailors from the storm. Boats stayed home."
    far = (
        "Nobody was hurt at the fair and some rides may reopen. "
        "The Tollby lighthouse keeper rescued three sailors from the storm."
    )
    rows, col = _transfer_rows(
        [(claim, plain), (claim, hedged), (claim, told), (claim, negated), (claim, far)]
    )
    r_plain, r_hedged, r_told, r_negated, r_far = rows
    assert r_plain[col["carrying_plain_frac"]] == 1.0 and r_plain[col["carrying_hedged_frac"]] == 0.0
    assert r_hedged[col["carrying_hedged_frac"]] == 1.0 and r_hedged[col["carrying_hedge_near"]] > 0
    assert r_hedged[col["carrying_plain_frac"]] == 0.0
    assert r_told[col["carrying_reported_frac"]] == 1.0 and r_told[col["carrying_plain_frac"]] == 0.0
    assert r_negated[col["best_tight_neg"]] == 1.0 and r_plain[col["best_tight_neg"]] == 0.0
    # Hedges and negations in a sentence that does not carry the claim are not read.
    assert r_far[col["carrying_plain_frac"]] == 1.0 and r_far[col["best_tight_neg"]] == 0.0


def test_transfer_block_finds_or_contradicts_the_claims_names_and_figures() -> None:
    """A figure with its noun found in the body, or the same noun given another figure with the claim's
    nowhere; the claim's names found in the body and its best sentence; a claim that reports or asks."""
    claim = "Ferry with 35 passengers sinks off Quellport, coastguard says"
    same = "A ferry with 35 passengers sank off Quellport on Monday. All were rescued."
    other = "A ferry sank off Quellport on Monday. The 40 passengers on board were rescued."
    elsewhere = "A ferry sank near a northern island on Monday; all 35 passengers were rescued."
    rows, col = _transfer_rows([(claim, same), (claim, other), (claim, elsewhere)])
    r_same, r_other, r_elsewhere = rows
    assert r_same[col["claim_figures_found"]] == 1.0 and r_same[col["claim_figures_contradicted"]] == 0.0
    assert r_other[col["claim_figures_found"]] == 0.0 and r_other[col["claim_figures_contradicted"]] == 1.0
    assert r_elsewhere[col["claim_figures_found"]] == 1.0
    assert r_same[col["claim_names_in_body"]] == 1.0 and r_same[col["claim_names_in_best"]] == 1.0
    assert r_elsewhere[col["claim_names_in_body"]] == 0.0
    assert all(r[col["claim_reported"]] == 1.0 for r in rows)
    plain_rows, _ = _transfer_rows([("Ferry sinks off Quellport", same)])
    assert plain_rows[0][col["claim_reported"]] == 0.0
    assert math.isnan(plain_rows[0][col["claim_figures_found"]])


def test_transfer_block_adds_what_a_second_sentence_carries() -> None:
    """A claim told over two sentences: the second-best sentence adds to the best one's share."""
    claim = "Harbour master closes Brindle port after ferry fire"
    split = "The harbour master closed Brindle port on Tuesday. A ferry fire broke out overnight."
    whole = "The harbour master closed Brindle port after a ferry fire. Crowds watched."
    rows, col = _transfer_rows([(claim, split), (claim, whole)])
    assert rows[0][col["best_two_gain"]] > 0.2
    assert rows[1][col["best_two_gain"]] == 0.0
