"""Tests of ``olparse check``: the field-level comparison, its tolerances and the command.

The comparison tests start from a real output (the committed ``gen-2col`` fixture, parsed once)
and damage a copy of it the way a regression would; the command tests run ``olparse check``
through click's runner on a small generated issue (fast to parse), including the issue's
acceptance test: a deliberately corrupted expectation fails the check with a readable diff.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from olparse import parse
from olparse.check import (
    EXPECTED_SUFFIX, IGNORABLE, Tolerance, align, char_diff, compare, dumps_diffable, find_pairs,
)
from olparse.cli import cli
from olparse.errors import ExitCode, OptionsError
from olparse.testing import Features, generate, random_spec

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PDF = FIXTURES / "gen-2col.pdf"


@pytest.fixture(scope="module")
def parsed() -> dict:
    return parse(PDF).to_dict()


@pytest.fixture
def expected(parsed) -> dict:
    return copy.deepcopy(parsed)


@pytest.fixture
def actual(parsed) -> dict:
    return copy.deepcopy(parsed)


def lines(expected: dict, actual: dict, **tolerance) -> list[str]:
    return [d.line() for d in compare(expected, actual, Tolerance(**tolerance)).failures]


def body_index(article: dict, min_chars: int = 200) -> int:
    """A long paragraph of ``article`` (for text edits that need room)."""
    return next(k for k, p in enumerate(article["body"]) if p["type"] == "paragraph" and len(p["text"]) >= min_chars)


# ---------------------------------------------------------------------------- compare
def test_identical_outputs_pass(expected, actual):
    result = compare(expected, actual)
    assert result.ok and result.status == "ok" and result.differences == []


def test_changed_title(expected, actual):
    actual["articles"][1]["title"] = "En ny titel"
    old = expected["articles"][1]["title"]
    assert lines(expected, actual) == [f'a02 title: "{old}" -> "En ny titel"']


def test_missing_and_new_article(expected, actual):
    gone = actual["articles"].pop(3)
    assert lines(expected, actual)[0].startswith(f'a04 missing: "{gone["title"]}"')
    extra = copy.deepcopy(expected)
    del extra["articles"][3]
    result = compare(extra, expected)
    assert [d.kind for d in result.failures][:1] == ["extra"]
    assert result.failures[0].line().startswith("new article a04:")


def test_renumbered_articles_are_paired_by_content(expected, actual):
    """An article dropped at the front renumbers the rest: say so, but do not diff their text."""
    del actual["articles"][0]
    for k, a in enumerate(actual["articles"]):
        a["id"] = f"a{k + 1:02d}"
    found = lines(expected, actual, ignore=frozenset({"toc", "hyphenation"}))
    assert found[0].startswith("a01 missing:")
    assert found[1:] == ["a02 is now a01", "a03 is now a02", "a04 is now a03"]


def test_paragraph_similarity_tolerance(expected, actual):
    art = actual["articles"][1]
    k = body_index(art)
    art["body"][k]["text"] = art["body"][k]["text"].replace("e", "é", 1)
    strict = lines(expected, actual)
    assert len(strict) == 1 and strict[0].startswith(f"a02 paragraph {k + 1} similarity 0.99")
    assert "[-" in strict[0] and "{+" in strict[0]  # the word diff
    loose = compare(expected, actual, Tolerance(min_similarity=0.98))
    assert loose.ok and len(loose.tolerated) == 1


def test_split_and_merged_paragraphs(expected, actual):
    art = actual["articles"][2]
    k = body_index(art)
    text = art["body"][k]["text"]
    cut = text.index(". ") + 1
    art["body"][k:k + 1] = [dict(art["body"][k], text=text[:cut]), dict(art["body"][k], text=text[cut + 1:])]
    no_boxes = frozenset({"bbox"})
    assert lines(expected, actual, ignore=no_boxes) == [f"a03 paragraph {k + 1} split in 2 (new {k + 1}-{k + 2})"]
    assert lines(actual, expected, ignore=no_boxes) == [f"a03 paragraphs {k + 1}-{k + 2} merged into one (new {k + 1})"]


def test_lost_and_new_paragraph(expected, actual):
    body = actual["articles"][0]["body"]
    lost = body.pop(2)
    found = lines(expected, actual)
    assert found == [f'a01 {lost["type"]} 3 lost: {json.dumps(lost["text"][:59] + "…", ensure_ascii=False)}']
    assert lines(actual, expected)[0].startswith(f"a01 new {lost['type']} 3")


def test_heading_became_paragraph(expected, actual):
    body = actual["articles"][1]["body"]
    k = next(i for i, p in enumerate(body) if p["type"] == "heading")
    body[k]["type"] = "paragraph"
    assert lines(expected, actual) == [f"a02 heading {k + 1} is now a paragraph"]


def test_box_and_quote_lost(expected, actual):
    art = actual["articles"][2]
    box = art["fact_boxes"].pop(0)
    art["pull_quotes"] = []
    found = lines(expected, actual)
    assert any(x.startswith("a03 fact box 1 lost:") and box["paragraphs"][0][:20] in x for x in found)
    assert any(x.startswith("a03 pull-quote 1 lost:") for x in found)


def test_box_title_and_paragraphs_changed(expected, actual):
    box = actual["articles"][3]["fact_boxes"][1]
    old_title = box["title"]
    box["title"] = ""
    box["paragraphs"] = box["paragraphs"][:1] + [" ".join(box["paragraphs"][1:])]
    found = lines(expected, actual)
    assert found == [f'a04 fact box 2 title: "{old_title}" -> ""', "a04 fact box 2 paragraphs: 3 -> 2"]


def test_toc_link_changed(expected, actual):
    actual["toc"][2]["article_id"] = "a02"
    assert lines(expected, actual) == ["toc entry p.6 now links a02 (was a03)"]


def test_toc_score_within_tolerance(expected, actual):
    actual["toc"][0]["score"] = round(actual["toc"][0]["score"] - 0.03, 3)
    assert compare(expected, actual).ok
    actual["toc"][0]["score"] -= 0.1
    assert lines(expected, actual)[0].startswith("toc entry p.3 score:")
    assert compare(expected, actual, Tolerance(ignore=frozenset({"toc.score"}))).ok


def test_bbox_tolerance(expected, actual):
    actual["articles"][0]["body"][0]["bbox"][0] += 0.3
    result = compare(expected, actual)
    assert result.ok and len(result.tolerated) == 1
    actual["articles"][0]["body"][0]["bbox"][0] += 2
    assert lines(expected, actual)[0].startswith("a01 paragraph 1 bbox moved 2.3 pt:")
    assert compare(expected, actual, Tolerance(ignore=frozenset({"bbox"}))).ok


def test_sha256_is_compared_unless_ignored(expected, actual):
    actual["source"]["sha256"] = "0" * 64
    assert lines(expected, actual)[0].startswith("source sha256:")
    assert compare(expected, actual, Tolerance(ignore=frozenset({"source.sha256"}))).ok


def test_warning_order_does_not_matter(expected, actual):
    warnings = [{"code": "backend", "message": "page 3 read with pdfplumber", "page": 3},
                {"code": "no_text_layer", "message": "no text", "page": 5}]
    expected["warnings"], actual["warnings"] = warnings, warnings[::-1]
    assert compare(expected, actual).ok
    actual["warnings"] = warnings[:1]
    assert lines(expected, actual) == ['warning no_text_layer p.5 gone: "no text"']


def test_hyphenation_decision_changed(expected, actual):
    h = actual["hyphenation"][0]
    old = dict(h)
    h.update(action="keep", result=old["left"] + old["right"])
    found = lines(expected, actual)
    assert len(found) == 1 and found[0].startswith(f'hyphenation {old["article"]} "{old["left"]}|{old["right"]}":')
    assert f'{old["action"]} "{old["result"]}" -> keep' in found[0]


def test_furniture_lost(expected, actual):
    gone = actual["furniture"].pop(0)
    text = json.dumps(gone["text"], ensure_ascii=False)
    assert lines(expected, actual) == [f'furniture p.{gone["page"]} {gone["type"]} lost: {text}']


def test_issue_and_source_fields(expected, actual):
    actual["issue"]["year"] = 2023
    actual["source"]["backend"] = "pdfplumber"
    assert lines(expected, actual) == ['source backend: "pymupdf" -> "pdfplumber"', "issue year: 2024 -> 2023"]


def test_ignore_whole_sections_and_article_fields(expected, actual):
    actual["hyphenation"] = []
    actual["articles"][0]["captions"] = []
    assert not compare(expected, actual).ok
    assert compare(expected, actual, Tolerance(ignore=frozenset({"hyphenation", "article.captions"}))).ok


def test_differences_are_grouped_by_article_in_order(expected, actual):
    actual["toc"][0]["article_id"] = None
    actual["articles"][3]["byline"] = "AF NOGEN"
    actual["articles"][0]["title"] = "Ny"
    groups = [d.group for d in compare(expected, actual).failures]
    assert groups == ["a01", "a04", "toc"]


def test_unknown_ignore_name_is_an_options_error():
    with pytest.raises(OptionsError, match="cannot ignore article.colour"):
        Tolerance(ignore=frozenset({"article.colour"}))
    with pytest.raises(OptionsError):
        Tolerance(min_similarity=1.5)
    assert "source.sha256" in IGNORABLE and "article.body" in IGNORABLE


# ---------------------------------------------------------------------------- helpers
def test_align_finds_splits_merges_and_gaps():
    old = ["alpha beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda mu", "nu xi omicron pi"]
    new = ["alpha beta", "gamma delta", "epsilon zeta eta theta iota kappa lambda mu", "rho sigma tau upsilon"]
    steps = [(a, b) for a, b, _ in align(old, new)]
    assert steps == [((0,), (0, 1)), ((1, 2), (2,)), ((3,), ()), ((), (3,))]  # lost before new


def test_char_diff_is_a_short_word_diff():
    assert char_diff("Det er grundlæg-gende for os alle at tale sammen.",
                     "Det er grundlæggende for os alle at tale sammen.") == \
        "Det er [-grundlæg-gende-]{+grundlæggende+} for os alle at…"
    long_old = " ".join(f"w{i}" for i in range(60))
    long_new = long_old.replace("w5 ", "x5 ").replace("w25 ", "").replace("w45", "w45 y")
    diff = char_diff(long_old, long_new)
    assert "[-w5-]{+x5+}" in diff and "[-w25-]" in diff and "{+y+}" in diff and diff.startswith("…w1 ")


def test_dumps_diffable_is_json_with_one_paragraph_per_line(parsed):
    text = dumps_diffable(parsed)
    assert json.loads(text) == parsed
    first = parsed["articles"][0]["body"][0]["text"]
    assert sum(1 for line in text.splitlines() if first in line) == 1  # a paragraph sits on one line
    assert len(text.splitlines()) > 100  # but not the whole document on one line


# ---------------------------------------------------------------------------- the command
def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args, "-q"], catch_exceptions=False)


#: A small issue (3 articles on 6 pages, contents, boxes, quotes) that parses in a fraction of a second.
SMALL = random_spec(7, n_articles=3, briefs=0, books=0, front_pages=True, max_article_pages=2, columns=3,
                    fonts="base14", features=Features())


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory) -> Path:
    return generate(SMALL).write(tmp_path_factory.mktemp("small"))


@pytest.fixture(scope="module")
def small(small_pdf) -> dict:
    data = parse(small_pdf).to_dict()
    data["source"]["file"] = "issue.pdf"
    return data


@pytest.fixture
def workdir(tmp_path, small_pdf) -> Path:
    shutil.copy(small_pdf, tmp_path / "issue.pdf")
    return tmp_path


def test_command_creates_then_passes(workdir):
    pdf, exp = workdir / "issue.pdf", workdir / "issue.expected.json"
    missing = run(str(pdf), str(exp))
    assert missing.exit_code == ExitCode.CHECK_FAILED and "no expected file" in missing.output
    created = run(str(pdf), str(exp), "--update")
    assert created.exit_code == 0 and "created" in created.output
    assert json.loads(exp.read_text(encoding="utf-8"))["source"]["file"] == "issue.pdf"
    again = run(str(pdf), str(exp))
    assert again.exit_code == 0 and again.output.strip() == f"{pdf}: ok"


def test_command_catches_a_corrupted_expectation(workdir, small):
    """The acceptance test of issue 3: a deliberately corrupted expectation fails the check."""
    exp = workdir / "issue.expected.json"
    data = copy.deepcopy(small)
    data["articles"][1]["title"] = "Forkert titel"
    k = body_index(data["articles"][2])
    data["articles"][2]["body"][k]["text"] += " Tilføjet sætning."
    del data["articles"][2]["pull_quotes"][0]
    data["toc"][1]["article_id"] = "a03"
    exp.write_text(dumps_diffable(data), encoding="utf-8")
    result = run(str(workdir / "issue.pdf"), str(exp))
    assert result.exit_code == ExitCode.CHECK_FAILED
    out = result.output.splitlines()
    assert out[0] == f"{workdir / 'issue.pdf'}: FAILED, 4 differences (expected: {exp})"
    assert out[1] == f'  a02 title: "Forkert titel" -> "{small["articles"][1]["title"]}"'
    assert out[2].startswith(f"  a03 paragraph {k + 1} similarity 0.9") and out[2].endswith("[-Tilføjet sætning.-]")
    assert out[3].startswith("  a03 new pull-quote 1:")
    assert out[4] == "  toc entry p.4 now links a02 (was a03)"


def test_command_update_rewrites_and_says_what_changed(workdir, small):
    exp = workdir / "issue.expected.json"
    data = copy.deepcopy(small)
    data["articles"][0]["title"] = "Gammel titel"
    exp.write_text(json.dumps(data), encoding="utf-8")
    result = run(str(workdir / "issue.pdf"), str(exp), "--update")
    assert result.exit_code == 0
    assert "updated" in result.output and "a01 title:" in result.output
    assert run(str(workdir / "issue.pdf"), str(exp)).exit_code == 0
    assert "unchanged" in run(str(workdir / "issue.pdf"), str(exp), "--update").output


def test_command_json_report_and_tolerance(workdir, small):
    exp = workdir / "issue.expected.json"
    data = copy.deepcopy(small)
    k = body_index(data["articles"][0])
    data["articles"][0]["body"][k]["text"] = data["articles"][0]["body"][k]["text"][:-1] + "!"
    exp.write_text(dumps_diffable(data), encoding="utf-8")
    strict = run(str(workdir / "issue.pdf"), str(exp), "--format", "json")
    report = json.loads(strict.output)
    assert strict.exit_code == 1 and report["ok"] is False
    diff = report["files"][0]["differences"][0]
    assert diff["kind"] == "similarity" and diff["similarity"] > 0.99 and diff["tolerated"] is False
    loose = run(str(workdir / "issue.pdf"), str(exp), "--min-similarity", "0.99", "-v")
    assert loose.exit_code == 0 and "within tolerance" in loose.output


def test_command_folder_mode(workdir):
    shutil.copy(workdir / "issue.pdf", workdir / "other.pdf")
    assert run(str(workdir), "--update").exit_code == 0
    assert sorted(p.name for p in workdir.glob("*" + EXPECTED_SUFFIX)) == ["issue.expected.json", "other.expected.json"]
    ok = run(str(workdir))
    assert ok.exit_code == 0 and ok.output.splitlines()[-1] == "all 2 files ok"
    (workdir / "gone.expected.json").write_text("{}", encoding="utf-8")
    (workdir / "other.expected.json").write_text(
        (workdir / "other.expected.json").read_text(encoding="utf-8").replace('"kind": "leader"', '"kind": "feature"'),
        encoding="utf-8")
    bad = run(str(workdir))
    assert bad.exit_code == 1
    assert 'a01 kind: "feature" -> "leader"' in bad.output and "without its PDF" in bad.output
    assert bad.output.splitlines()[-1] == "2 of 3 files failed"
    assert find_pairs(workdir)[1] == [workdir / "gone.expected.json"]


def test_command_compares_two_json_files_without_parsing(tmp_path, small):
    (tmp_path / "a.json").write_text(json.dumps(small), encoding="utf-8")
    changed = copy.deepcopy(small)
    changed["issue"]["number"] = "02/2024"
    (tmp_path / "b.json").write_text(json.dumps(changed), encoding="utf-8")
    assert run(str(tmp_path / "a.json"), str(tmp_path / "a.json")).exit_code == 0
    result = run(str(tmp_path / "b.json"), str(tmp_path / "a.json"))
    assert result.exit_code == 1 and 'issue number: "01/2024" -> "02/2024"' in result.output


def test_command_bad_input_exit_codes(workdir, tmp_path):
    pdf = str(workdir / "issue.pdf")
    broken = workdir / "broken.expected.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run(pdf, str(broken))
    assert result.exit_code == ExitCode.INPUT_FILE and "not JSON" in result.output
    broken.write_text('{"articles": []}', encoding="utf-8")
    assert run(pdf, str(broken)).exit_code == ExitCode.INPUT_FILE
    assert run(pdf).exit_code == ExitCode.BAD_ARGS  # a PDF without its expectation
    assert run(str(workdir), str(broken)).exit_code == ExitCode.BAD_ARGS  # a folder and a file
    assert run(pdf, str(broken), "--ignore", "nonsense").exit_code == ExitCode.BAD_ARGS
    (tmp_path / "empty").mkdir()
    assert run(str(tmp_path / "empty")).exit_code == ExitCode.INPUT_FILE
    (workdir / "fake.pdf").write_bytes(b"not a pdf at all")
    assert run(str(workdir / "fake.pdf"), str(workdir / "fake.expected.json")).exit_code == ExitCode.NOT_A_PDF
