"""Tests of ``olparse.evaluate``: each metric moves when, and only when, its element is damaged.

A small hand-made truth (two articles, a box, a quote, a caption, contents, hyphen lists) is
turned into its perfect output by ``perfect_output``; each test damages one thing and checks
which scores drop. One test scores a committed fixture's truth the same way.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from olparse.evaluate import OVERALL_KEYS, count_word, evaluate, f1, main, normalize, words

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

P1 = "Kommunen har brug for en grundlæggende ny plan for de ældre, og det er ikke kun lederne der skal med."
P2 = "Vi har set at det er svært for medarbejderne at finde tid til AI-data i en travl hverdag på kontoret."
P3 = "Hos Børne- og Ungeforvaltningen har de nyuddannede selv været med til at prioritere arbejdet i år."
P4 = "Det lange seje træk med at forbedre arbejdet sammen med borgerne og deres pårørende tager tid nok."
Q1 = "Efter et år er fraværet faldet markant, og flere søger nu stillingerne i afdelingen igen."


def make_truth() -> dict:
    return {
        "name": "tiny",
        "toc": [{"page": 3, "section": "TEMA", "title": "Ledelse på tværs", "article": "a01"},
                {"page": 5, "section": "DEBAT", "title": "Tid til det lange træk", "article": "a02"}],
        "articles": [
            {"id": "a01", "section": "TEMA", "kicker": "Interview:", "title": "Ledelse på tværs",
             "standfirst": "En kort indledning om ledelse.", "byline": "AF ÅSE HOLM, JOURNALIST",
             "credits": ["FOTO: PER DAHL"],
             "body": [{"type": "paragraph", "text": P1}, {"type": "heading", "text": "Et fælles sprog"},
                      {"type": "paragraph", "text": P2}],
             "fact_boxes": [{"title": "Om projektet", "paragraphs": ["Involver tillidsfolkene fra start.",
                                                                     "Mål på få ting og del resultaterne."]}],
             "pull_quotes": [{"text": "Det er svært for medarbejderne at finde tid", "attribution": ""}],
             "captions": ["Åse Holm vil forenkle ledelsesinformationen."],
             "end_mark": True, "pages": [3, 4], "pdf_pages": [2, 3]},
            {"id": "a02", "section": "DEBAT", "kicker": "", "title": "Tid til det lange træk",
             "standfirst": "", "byline": "AF JENS SKOV", "credits": [],
             "body": [{"type": "paragraph", "text": P3}, {"type": "paragraph", "text": P4},
                      {"type": "paragraph", "text": Q1}],
             "fact_boxes": [], "pull_quotes": [], "captions": [], "end_mark": False,
             "pages": [5, 5], "pdf_pages": [4, 4]},
        ],
        "hyphenated_at_line_end": [{"article": "a01", "line_end": "grundlæg-", "word": "grundlæggende"},
                                   {"article": "front_matter", "line_end": "Redak-", "word": "Redaktionen"}],
        "hard_hyphen_at_line_end": [{"article": "a01", "line_end": "AI-", "word": "AI-data"}],
        "suspended_hyphen_at_line_end": [{"article": "a02", "line_end": "Børne-", "word": "Børne-"}],
    }


def perfect_output(truth: dict) -> dict:
    """The output a perfect parser would give for ``truth`` (only the fields evaluate reads)."""
    arts = []
    for a in truth["articles"]:
        page = a["pdf_pages"][0] + 1
        placed = lambda texts: [{"text": t, "page": page, "bbox": [0, 0, 1, 1]} for t in texts]  # noqa: E731
        arts.append({
            "id": a["id"], "section": a["section"], "kicker": a["kicker"], "title": a["title"],
            "standfirst": a["standfirst"], "byline": a["byline"], "credits": placed(a["credits"]),
            "pages": {"pdf": [p + 1 for p in a["pdf_pages"]], "printed": list(a["pages"])},
            "body": [dict(b) for b in a["body"]],
            "fact_boxes": [dict(b) for b in a["fact_boxes"]],
            "pull_quotes": [dict(q) for q in a["pull_quotes"]],
            "captions": placed(a["captions"]), "end_mark": a["end_mark"],
        })
    toc = [{"printed_page": e["page"], "section": e["section"], "title": e["title"],
            "article_id": e["article"]} for e in truth.get("toc", [])]
    return {"articles": arts, "toc": toc}


@pytest.fixture
def truth() -> dict:
    return make_truth()


@pytest.fixture
def output(truth) -> dict:
    return perfect_output(truth)


def scores(output: dict, truth: dict) -> dict:
    return evaluate(output, truth).scores


# ---------------------------------------------------------------------------- perfect
def test_perfect_output_scores_one_everywhere(output, truth):
    result = evaluate(output, truth)
    assert result.overall == 1.0
    assert all(v in (None, 1.0) for v in result.scores.values()), result.scores
    assert result.scores["pull_quote_f1"] == 1.0 and result.scores["suspended_hyphens_kept"] == 1.0
    assert [r.output_id for r in result.articles] == ["a01", "a02"] and result.extra == ()
    assert result.counts == {"articles_truth": 2, "articles_output": 2}


def test_committed_fixture_truth_scores_one():
    truth = json.loads((FIXTURES / "gen-items.truth.json").read_text(encoding="utf-8"))
    result = evaluate(perfect_output(truth), truth)
    assert result.overall == 1.0
    assert all(v in (None, 1.0) for v in result.scores.values()), result.scores


def test_ids_do_not_matter_articles_are_matched_by_content(output, truth):
    output["articles"].reverse()
    for k, a in enumerate(output["articles"]):
        a["id"] = f"a{k + 7:02d}"
    for e in output["toc"]:
        e["article_id"] = {"a01": "a08", "a02": "a07"}[e["article_id"]]
    assert evaluate(output, truth).overall == 1.0


def test_empty_output_scores_zero(truth):
    s = scores({"articles": [], "toc": []}, truth)
    assert s["article_recall"] == 0.0 and s["article_precision"] == 0.0
    assert s["body_similarity"] == 0.0 and s["toc_linked"] == 0.0 and s["soft_hyphens_joined"] == 0.0


# ---------------------------------------------------------------------------- articles
def test_missing_article_lowers_recall_not_precision(output, truth):
    del output["articles"][1]
    result = evaluate(output, truth)
    assert result.scores["article_recall"] == 0.5
    assert result.scores["article_precision"] == 1.0
    assert result.scores["body_similarity"] == 0.5
    assert result.scores["toc_linked"] == 0.5
    assert result.articles[1].output_id is None


def test_extra_article_lowers_precision_and_counts_its_items(output, truth):
    output["articles"].append({"id": "a03", "title": "Annonce", "body": [{"type": "paragraph", "text": "Køb nu!"}],
                               "fact_boxes": [{"title": "Tilbud", "paragraphs": ["Kun i dag."]}]})
    result = evaluate(output, truth)
    assert result.scores["article_precision"] == round(2 / 3, 4)
    assert result.extra == ("a03",)
    assert result.scores["fact_box_f1"] == f1(1, 1, 2)


def test_changed_title_and_byline(output, truth):
    output["articles"][0]["title"] = "Ledelse på tværs af alt"
    output["articles"][1]["byline"] = "AF JENS SKOV Interview:"
    s = scores(output, truth)
    assert s["title_exact"] == 0.5 and s["byline_exact"] == 0.5
    assert s["article_recall"] == 1.0


def test_kicker_only_in_output_counts_against_it(output, truth):
    output["articles"][1]["kicker"] = "Debat:"
    assert scores(output, truth)["kicker_exact"] == 0.5  # a01 right, a02 has one it should not


def test_wrong_start_page(output, truth):
    output["articles"][1]["pages"]["printed"] = [6, 6]
    assert scores(output, truth)["start_page_exact"] == 0.5


# ---------------------------------------------------------------------------- paragraphs
def test_split_paragraph_is_not_intact_and_lowers_f1(output, truth):
    body = output["articles"][1]["body"]
    head, tail = P3[:50], P3[50:]
    body[0:1] = [{"type": "paragraph", "text": head}, {"type": "paragraph", "text": tail}]
    s = scores(output, truth)
    assert s["paragraphs_intact"] < 1.0
    assert s["paragraph_f1"] < 1.0
    assert s["body_similarity"] > 0.99  # only a line break more


def test_merged_paragraphs_stay_intact_but_lower_f1(output, truth):
    body = output["articles"][1]["body"]
    body[0:2] = [{"type": "paragraph", "text": P3 + " " + P4}]
    s = scores(output, truth)
    assert s["paragraphs_intact"] == 1.0
    assert s["paragraph_f1"] < 1.0


def test_swapped_paragraphs_lower_order(output, truth):
    body = output["articles"][1]["body"]
    body[0], body[1] = body[1], body[0]
    s = scores(output, truth)
    assert s["paragraph_order"] < 1.0
    assert s["paragraph_f1"] == 1.0  # the same paragraphs, only in another order


def test_repeated_words_do_not_fool_the_order_score(truth):
    truth["articles"][1]["body"][2]["text"] = P4[:60] + " og så videre til ende, sådan er det bare med det."
    assert evaluate(perfect_output(truth), truth).scores["paragraph_order"] == 1.0


# ---------------------------------------------------------------------------- hyphens
def test_unjoined_soft_hyphen(output, truth):
    body = output["articles"][0]["body"]
    body[0]["text"] = body[0]["text"].replace("grundlæggende", "grundlæg- gende")
    s = scores(output, truth)
    assert s["soft_hyphens_joined"] == 0.0  # front_matter entries are not scored
    assert s["hard_hyphens_kept"] == 1.0


def test_dropped_hard_hyphen_and_joined_suspended_hyphen(output, truth):
    output["articles"][0]["body"][2]["text"] = P2.replace("AI-data", "AIdata")
    output["articles"][1]["body"][0]["text"] = P3.replace("Børne- og", "Børneog")
    s = scores(output, truth)
    assert s["hard_hyphens_kept"] == 0.0
    assert s["suspended_hyphens_kept"] == 0.0


def test_hyphen_words_are_counted_in_their_own_article(output, truth):
    # "grundlæggende" moved to the other article: the text is there, but not where it belongs.
    a01, a02 = output["articles"]
    a01["body"][0]["text"] = P1.replace("grundlæggende ", "")
    a02["body"][0]["text"] = P3 + " grundlæggende"
    assert scores(output, truth)["soft_hyphens_joined"] == 0.0


# ---------------------------------------------------------------------------- items and contents
def test_lost_box_and_retitled_box(output, truth):
    box = output["articles"][0]["fact_boxes"][0]
    box["title"] = ""
    box["paragraphs"] = ["Om projektet", *box["paragraphs"]]
    s = scores(output, truth)
    assert s["fact_box_f1"] == 1.0  # same words: found
    assert s["fact_box_exact"] == 0.0  # but the title is not where it belongs
    output["articles"][0]["fact_boxes"] = []
    assert scores(output, truth)["fact_box_f1"] == 0.0


def test_lost_quote_and_caption(output, truth):
    output["articles"][0]["pull_quotes"] = []
    output["articles"][0]["captions"] = []
    s = scores(output, truth)
    assert s["pull_quote_f1"] == 0.0 and s["caption_f1"] == 0.0


def test_metrics_without_items_do_not_apply(output, truth):
    for t, o in zip(truth["articles"], output["articles"]):
        t["pull_quotes"], o["pull_quotes"] = [], []
    s = scores(output, truth)
    assert s["pull_quote_f1"] is None
    assert "pull_quote_f1" in OVERALL_KEYS and evaluate(output, truth).overall == 1.0


def test_toc_linked_to_the_wrong_article(output, truth):
    output["toc"][0]["article_id"] = "a02"
    assert scores(output, truth)["toc_linked"] == 0.5
    output["toc"][0]["printed_page"] = 4
    output["toc"][0]["article_id"] = "a01"
    assert scores(output, truth)["toc_linked"] == 0.5  # on the wrong page: not found


def test_toc_title_may_be_shortened(output, truth):
    output["toc"][1]["title"] = "Tid til det lange"
    assert scores(output, truth)["toc_linked"] == 1.0


# ---------------------------------------------------------------------------- helpers
def test_normalize_spells_out_what_print_hides():
    assert normalize("ﬁne  ﬂag\u00a0pro\u00adblem\n") == "fine flag problem"
    assert words("AI-data, Børne- og unge") == ["AI-data", "Børne", "og", "unge"]


def test_count_word_respects_word_edges():
    assert count_word("data", "AI-data og data, database") == 1
    assert count_word("Børne-", "Børne- og Ungeforvaltningen, Børneliv") == 1
    assert count_word("grundlæggende", "GRUNDLÆGGENDE") == 1


def test_f1_edge_cases():
    assert f1(0, 0, 0) is None and f1(0, 2, 0) == 0.0 and f1(2, 2, 2) == 1.0 and f1(1, 2, 1) == round(2 / 3, 4)


def test_command_line(tmp_path, truth, output, capsys):
    (tmp_path / "out.json").write_text(json.dumps(output), encoding="utf-8")
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    assert main([str(tmp_path / "out.json"), str(tmp_path / "truth.json"), "--json", "--detail"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"] == 1.0 and data["articles"][0]["output_id"] == "a01"
    assert main([str(tmp_path / "out.json"), str(tmp_path / "truth.json"), "--detail"]) == 0
    text = capsys.readouterr().out
    assert "overall" in text and "a02 -> a02" in text


def test_evaluate_does_not_change_its_inputs(output, truth):
    before = copy.deepcopy((output, truth))
    evaluate(output, truth)
    assert (output, truth) == before
