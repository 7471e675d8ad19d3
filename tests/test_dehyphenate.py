"""Line-end dehyphenation: one test per rule, on made-up text, plus hypothesis properties.

Every sentence here is written for these tests (Danish unless a test says otherwise).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from olparse.dehyphenate import (HyphenDecision, Lexicon, decide_break, ends_in_word_hyphen,
                                 join_lines, looks_like_acronym, multiword_first_parts)

DANISH = """Vores forvaltning har brug for en ny plan, og det er ikke kun
lederne, der skal være med. Vi har set, at det er svært for
medarbejderne at finde tid til det i en travl hverdag på kontoret.
Kommunen arbejder med AI-data og IT-chefen taler om ChatGPT i dag.
ChatGPT er ikke det eneste værktøj. Sydkorea og Danmark er med.
"""
EMPTY = Lexicon.from_texts([])


def danish(*extra: str) -> Lexicon:
    """A Danish document lexicon with some extra lines."""
    return Lexicon.from_texts([DANISH, *extra])


def decide(left: str, right: str, lexicon: Lexicon | None = None, signal: str = ""):
    """decide_break with the default Danish lexicon."""
    return decide_break(left, right, lexicon or danish(), signal)


# --------------------------------------------------------------------------- the lexicon


class TestLexicon:
    def test_counts_are_case_insensitive(self):
        lexicon = Lexicon.from_texts(["Kommunen og kommunen og KOMMUNEN"])
        assert lexicon.count("kommunen") == 3
        assert lexicon.count("Kommunen") == 3

    def test_fragments_at_a_hyphen_break_are_not_counted(self):
        lexicon = Lexicon.from_texts(["det er grundlæg-\ngende for os"])
        assert lexicon.count("grundlæg") == 0
        assert lexicon.count("gende") == 0
        assert lexicon.count("det") == 1 and lexicon.count("os") == 1

    def test_fragments_across_a_blank_line_are_not_counted(self):
        lexicon = Lexicon.from_texts(["vi arbej-\n\nder videre"])
        assert lexicon.count("der") == 0

    def test_hyphenated_forms_and_their_runs(self):
        lexicon = Lexicon.from_texts(["en lang to-do-liste og AI-data"])
        assert lexicon.count_hyphenated("AI", "data") == 1
        assert lexicon.count_hyphenated("to-do", "liste") == 1
        assert lexicon.count_hyphenated("do", "liste") == 1
        assert lexicon.count_joined("data") == 1  # as a part of AI-data

    def test_prefix_search_finds_related_forms(self):
        lexicon = Lexicon.from_texts(["organisationen og organisationerne og orden"])
        assert lexicon.count_prefixed("organisation") == 2
        assert lexicon.count_prefixed("xyz") == 0

    def test_acronyms_are_capitals_among_lowercase_words(self):
        lexicon = Lexicon.from_texts(["vi bruger GDPR hver dag\nOVERSKRIFT I VERSALER"])
        assert lexicon.is_acronym("GDPR")
        assert not lexicon.is_acronym("OVERSKRIFT")

    def test_language_guess(self):
        assert danish().language == "da"
        assert Lexicon.from_texts(["Wir und die anderen sind nicht da, und das ist gut"]).language == "de"
        assert Lexicon.from_texts(["Nous et les autres, et le reste pour la suite"]).language == "fr"
        assert EMPTY.language == ""

    def test_soft_hyphen_inside_a_word_is_ignored(self):
        lexicon = Lexicon.from_texts(["en grund\u00adlæggende idé", "ny grund\u00adlov i ar\u00ad\nbejdet"])
        assert lexicon.count("grundlæggende") == 1 and lexicon.count("grundlov") == 1
        assert lexicon.count("arbejdet") == 0 and lexicon.count("bejdet") == 0


# --------------------------------------------------------------------------- join


class TestJoin:
    def test_default_join(self):
        d = decide("det er helt grundlæg-", "gende for os")
        assert (d.action, d.result, d.rule) == ("join", "grundlæggende", "default_join")
        assert d.left == "grundlæg-" and d.right == "gende"

    def test_joined_form_in_the_lexicon(self):
        d = decide("Vi taler med medar-", "bejderne i dag", danish())
        assert (d.action, d.rule) == ("join", "lexicon_joined")

    def test_soft_hyphen_glyph_joins_even_an_acronym_shape(self):
        d = decide("et nyt IT\u00ad", "system", danish())
        assert (d.action, d.result, d.rule) == ("join", "ITsystem", "soft_hyphen")

    def test_soft_signal_joins(self):
        d = decide("det er Høje-", "Taastrup", signal="soft")
        assert (d.action, d.rule) == ("join", "soft_hyphen")

    def test_uppercase_continuation_of_a_name(self):
        d = decide("brugen af Chat-", "GPT, da den kom", EMPTY)
        assert (d.action, d.result, d.rule) == ("join", "ChatGPT", "capitals_continue_name")

    def test_all_caps_text_joins(self):
        d = decide("LEDELSE ER IKKE LET I DAG, OG LEDEL-", "SE ER SVÆRT")
        assert (d.action, d.result) == ("join", "LEDELSE")

    def test_capitalised_word_split_by_typesetting(self):
        assert decide("fortæller Frederik Nor-", "dentoft, chef").action == "join"

    def test_hyphenated_left_whose_last_piece_joins(self):
        lexicon = danish("vores strategi er klar")
        d = decide("en ny AI-strate-", "gi for kommunen", lexicon)
        assert (d.action, d.result) == ("join", "AI-strategi")

    def test_acronym_split_inside_by_typesetting(self):
        lexicon = danish("reglerne i GDPR gælder")
        d = decide("overholde GD-", "PR-reglerne til punkt", EMPTY)
        assert (d.action, d.result) == ("join", "GDPR-reglerne")
        assert decide("overholde GD-", "PR-reglerne", lexicon).rule == "lexicon_joined"

    def test_leading_hyphen_word_broken_again(self):
        lexicon = danish("alle funktionerne virker")
        d = decide("jobindholdet og -funk-", "tionerne vil", lexicon)
        assert (d.action, d.result) == ("join", "-funktionerne")

    def test_danish_et_is_a_word_ending_not_a_conjunction(self):
        d = decide("et godt arbejdsmiljø-", "et, siger han")
        assert (d.action, d.result) == ("join", "arbejdsmiljøet")

    def test_short_til_is_a_word_ending(self):
        assert decide("og ind-", "til videre").action == "join"


# --------------------------------------------------------------------------- keep


class TestKeep:
    def test_two_letters_before_a_word_with_its_own_hyphen(self):
        """``to-``/``do-listen``: broken at its own hyphen, not two letters in; ``Syd-``/
        ``korea-aftalen`` (a syllable break three letters in) still joins."""
        d = decide("skal til gøre to-", "do-listen. Kan skal", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "to-do-listen", "short_head_of_hyphenated_word")
        assert decide("vi ser at Syd-", "korea-aftalen er", EMPTY).result == "Sydkorea-aftalen"

    def test_two_letters_at_a_sentence_start_before_a_word_with_its_own_hyphen(self):
        """``To-``/``do-listen``: the sentence's capital changes nothing; ``GD-``/``PR-reglerne``
        (two capitals: an acronym split) still joins."""
        lexicon = Lexicon.from_texts(["en lang to-do-liste her"])
        d = decide("det var godt. To-", "do-listen kan vente", lexicon)
        assert (d.action, d.result) == ("keep", "To-do-listen")
        assert decide("borgerne i Hø-", "je-Taastrup siger", lexicon).result == "Høje-Taastrup"
        assert decide("efter de nye GD-", "PR-reglerne", EMPTY).result == "GDPR-reglerne"

    def test_a_two_letter_head_joins_where_the_document_prints_the_word_whole(self):
        """``Hø-``/``je-Taastrup``: ``Høje-Taastrup`` is printed whole elsewhere."""
        lexicon = Lexicon.from_texts(["vi bor i Høje-Taastrup og i Høje-Taastrup kommune"])
        assert decide("borgerne i Hø-", "je-Taastrup siger", lexicon).result == "Høje-Taastrup"

    def test_acronym_first_part(self):
        d = decide("Find vej i AI-", "junglen som leder", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "AI-junglen", "acronym_first_part")
        assert decide("og så IT-", "chefen", EMPTY).action == "keep"

    def test_acronym_with_inner_capital(self):
        assert decide("hele ChatGPT-", "brugen", EMPTY).action == "keep"

    def test_known_acronym_in_all_caps_text(self):
        lexicon = danish("vi følger GDPR nøje")
        d = decide("OM GDPR-", "SAGER I DAG", lexicon)
        assert d.action == "keep"

    def test_hyphenated_form_in_the_lexicon(self):
        lexicon = danish("et sundt outcome-data er godt")
        d = decide("vi måler outcome-", "data hver", lexicon)
        assert (d.action, d.rule) == ("keep", "lexicon_hyphenated")

    def test_place_name_compound(self):
        d = decide("i Høje-", "Taastrup Kommune", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "Høje-Taastrup", "capitalised_continuation")

    def test_lowercase_prefix_before_a_name(self):
        assert decide("en anti-", "Trump bevægelse", EMPTY).action == "keep"
        assert decide("alle ikke-", "EU borgere", EMPTY).action == "keep"

    def test_digits(self):
        d = decide("en 3-", "årig plan", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "3-årig", "digits")
        assert decide("efter COVID-", "19 kom", EMPTY).action == "keep"

    def test_a_digit_inside_either_piece(self):
        english = Lexicon.from_texts(["The index and the ranking of it are in the report."])
        d = decide_break("beats a strong Lucene-", "BM25 baseline", english)
        assert (d.action, d.result, d.rule) == ("keep", "Lucene-BM25", "digits")
        assert decide("en ny MP3-", "afspiller", EMPTY).action == "keep"

    def test_english_second_part_printed_after_a_hyphen_elsewhere(self):
        english = Lexicon.from_texts(["It is the low-dimensional case that the model and the data share."])
        d = decide_break("a vector in a high-", "dimensional space", english)
        assert (d.action, d.result, d.rule) == ("keep", "high-dimensional", "lexicon_hyphen_suffix")

    def test_second_part_evidence_needs_a_word_before_the_hyphen(self):
        english = Lexicon.from_texts(["It is the AI-dimensional and d-dimensional case of the data."])
        assert decide_break("a vector in a high-", "dimensional space", english).rule != "lexicon_hyphen_suffix"

    def test_english_open_compound_of_two_dictionary_words(self):
        english = Lexicon.from_texts(["It is the case that we are in the room with the data and the plan."])
        for left, right, result in (("the so-", "called plan", "so-called"),
                                    ("a well-", "considered plan", "well-considered"),
                                    ("in the short-", "term plan", "short-term"),
                                    ("it is self-", "evident that", "self-evident")):
            d = decide_break(left, right, english)
            assert (d.action, d.result, d.rule) == ("keep", result, "open_compound")

    def test_english_closed_compound_the_dictionary_knows_joins(self):
        english = Lexicon.from_texts(["It is the case that we are in the room with the data and the plan."])
        for left, right, result in (("a note-", "worthy plan", "noteworthy"), ("any stock-", "holder of it", "stockholder"),
                                    ("and what-", "ever it is", "whatever"), ("it was up-", "dated in", "updated")):
            assert decide_break(left, right, english).result == result

    def test_english_open_compound_needs_more_than_a_prefix_or_a_suffix(self):
        english = Lexicon.from_texts(["It is the case that we are in the room with the data and the plan."])
        assert decide_break("the sub-", "specialties of", english).result == "subspecialties"  # a bound prefix
        assert decide_break("the salvation-", "ism of", english).result == "salvationism"  # a suffix
        assert decide_break("the well-", "Known plan", english).rule != "open_compound"  # a capital decides first

    def test_english_open_compound_yields_to_a_closed_form_in_the_document(self):
        english = Lexicon.from_texts(["It is the case that we are in the room with the selfpublished data and the plan."])
        assert decide_break("in the self-", "publishing of", english).result == "selfpublishing"

    def test_open_compound_rule_is_english_only(self):
        danish = Lexicon.from_texts(["Det er ikke en sag som vi har med at gøre, og det er for os der har den."])
        assert decide_break("en short-", "term plan", danish).result == "shortterm"

    def test_second_part_evidence_yields_to_a_related_closed_form(self):
        english = Lexicon.from_texts(["The low-dimensional case and the highdimensionality of it."])
        assert decide_break("a vector in a high-", "dimensional space", english).action == "join"

    def test_second_part_evidence_is_not_used_in_danish(self):
        lexicon = danish("et nyt it-system og et ekstra-system er på vej")
        assert decide("et nyt drifts-", "system til", lexicon).action == "join"

    def test_single_letter_part(self):
        assert decide("send en e-", "mail til", EMPTY).action == "keep"

    def test_first_part_with_a_hyphen(self):
        d = decide("det står på din to-do-", "liste i dag", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "to-do-liste", "first_part_has_hyphen")

    def test_first_part_with_a_hyphen_printed_elsewhere(self):
        lexicon = danish("skriv din e-mail her")
        assert decide("din nye e-mail-", "adresse", lexicon).result == "e-mail-adresse"
        assert decide("en ny pop-up-", "butik", EMPTY).result == "pop-up-butik"

    def test_typesetting_break_after_a_hyphenated_first_part(self):
        english = Lexicon.from_texts(["The court and the witness are in the room."])
        assert decide_break("the cross-ex-", "amination of", english).result == "cross-examination"

    def test_markup_glued_to_the_left_word(self):
        assert decide("et ⟨cite⟩Argu-", "ment", EMPTY).result == "Argument"

    def test_multiword_first_part(self):
        d = decide("et politisk nedsat ad hoc-", "udvalg om data", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "hoc-udvalg", "multiword_first_part")
        assert "open source" in multiword_first_parts()

    def test_hyphen_prefix_seen_with_a_related_word(self):
        lexicon = danish("en policy-entreprenørskab tilgang")
        d = decide("politikere og policy-", "entreprenører ser", lexicon)
        assert (d.action, d.rule) == ("keep", "lexicon_hyphen_prefix")

    def test_quoted_first_part(self):
        d = decide("i et ’value for money’-", "perspektiv", EMPTY)
        assert (d.action, d.result, d.rule) == ("keep", "money’-perspektiv", "quoted_first_part")

    def test_known_acronym_before_a_capitalised_compound(self):
        lexicon = danish("vi taler om EU hver dag")
        assert decide("en ny EU-", "USA-aftale", lexicon).action == "keep"

    def test_hard_signal_keeps(self):
        d = decide("et nyt støtte-", "system", signal="hard")
        assert (d.action, d.rule) == ("keep", "hard_hyphen")

    def test_english_compound_seen_elsewhere(self):
        lexicon = Lexicon.from_texts(["It is a well-known fact that the team and the plan work."])
        d = decide_break("this is a well-", "known result", lexicon)
        assert (d.action, d.result) == ("keep", "well-known")

    def test_german_compound_with_a_capitalised_noun(self):
        lexicon = Lexicon.from_texts(["Die Software und die Daten sind nicht neu."])
        assert decide_break("die Software-", "Entwicklung ist", lexicon).action == "keep"
        assert decide_break("die Zusammen-", "arbeit ist", lexicon).action == "join"

    def test_french_bound_words(self):
        lexicon = Lexicon.from_texts(["Nous et les autres, et le reste pour la suite du projet."])
        assert decide_break("c'est peut-", "être vrai", lexicon).result == "peut-être"
        assert decide_break("a-t-il dit-", "elle", lexicon).action == "keep"


# --------------------------------------------------------------------------- suspended


class TestSuspended:
    def test_og(self):
        d = decide("i Center for Børne-", "og Ungerådgivning", EMPTY)
        assert (d.action, d.result, d.rule) == ("suspended", "Børne- og", "conjunction_follows")

    def test_eller_after_an_acronym(self):
        d = decide("i hele GDPR-", "eller journalsystemet", EMPTY)
        assert (d.action, d.result) == ("suspended", "GDPR- eller")

    def test_after_a_comma_list(self):
        d = decide("på social-, sundheds-", "og beskæftigelsesområdet", EMPTY)
        assert d.result == "sundheds- og"

    def test_ampersand(self):
        assert decide("Børne-", "& Ungeområdet", EMPTY).action == "suspended"

    def test_til_in_danish(self):
        assert decide("fra børne-", "til voksenområdet").action == "suspended"
        assert decide("fra 0-", "til 6-årige").action == "suspended"

    def test_other_languages(self):
        german = Lexicon.from_texts(["Wir und die anderen sind nicht da, und das ist gut"])
        assert decide_break("alle Haupt-", "und Nebensätze", german).action == "suspended"
        swedish = Lexicon.from_texts(["Det är inte så att vi och de har det"])
        assert decide_break("inom barn-", "och ungdomsvården", swedish).action == "suspended"
        french = Lexicon.from_texts(["Nous et les autres, et le reste pour la suite"])
        assert decide_break("la micro-", "et macroéconomie", french).action == "suspended"
        english = Lexicon.from_texts(["The plan and the team are in the house"])
        assert decide_break("for 5-", "to 10-year-olds", english).action == "suspended"
        assert decide_break("a pota-", "to salad", english).action == "join"


# --------------------------------------------------------------------------- no hyphen, dashes


class TestNoHyphen:
    def test_plain_line_end_needs_no_decision(self):
        assert decide("vi har en plan ", "for det") is None

    def test_en_dash_at_line_end_keeps_the_space(self):
        d = decide("store fordele ved AI –", "det skylder vi")
        assert (d.action, d.result, d.rule) == ("space", "– det", "dash_not_hyphen")

    @pytest.mark.parametrize("left", ["se listen på side 12", "som han sagde: «", "punkterne •", "(", "slut."])
    def test_a_line_ending_in_no_letter_hyphen_or_dash_needs_no_decision(self, left):
        """Nothing joins after a digit, an opening quote or a bullet; such a break was once
        recorded as a dash with an empty left side."""
        assert decide(left, "det næste ord") is None

    def test_spaced_hyphen_is_a_dash(self):
        d = decide("kompetence -", "udvikling", EMPTY)
        assert (d.action, d.rule) == ("space", "spaced_dash")

    def test_leading_hyphen_on_the_next_line_is_untouched(self):
        assert decide("både jobindholdet og", "-funktionerne skifter") is None

    def test_split_without_hyphen_joins_on_strong_evidence(self):
        d = decide("et besøg i Syd", "korea i maj")
        assert (d.action, d.result) == ("join_unhyphenated", "Sydkorea")

    def test_split_with_capitals_needs_the_exact_form(self):
        d = decide("værktøjer som Chat", "GPT, Bing")
        assert d.result == "ChatGPT"

    def test_common_standalone_first_half_does_not_join(self):
        lexicon = danish("medarbejdere og medarbejdere", "med dem og med os og med alle")
        assert decide("vi taler med", "arbejdere", lexicon) is None

    def test_trailing_space_or_space_signal_does_not_join(self):
        assert decide("et besøg i Syd ", "korea i maj") is None
        assert decide("et besøg i Syd", "korea i maj", signal="space") is None

    def test_pair_printed_apart_does_not_join(self):
        lexicon = danish("vi kører syd korea rundt", "sydkorea")
        assert decide("vi kører syd", "korea", lexicon) is None

    def test_empty_right_line(self):
        assert decide("grundlæg-", "   ") is None


# --------------------------------------------------------------------------- paragraphs


class TestJoinLines:
    def test_paragraph(self):
        lines = ["Det er helt grundlæg-", "gende, at Børne-", "og Ungeområdet og AI-",
                 "junglen hænger sammen –", "også i Høje-", "Taastrup."]
        text, decisions = join_lines(lines, EMPTY)
        assert text == ("Det er helt grundlæggende, at Børne- og Ungeområdet og AI-junglen "
                        "hænger sammen – også i Høje-Taastrup.")
        assert [d.action for d in decisions] == ["join", "suspended", "keep", "space", "keep"]

    def test_signals_are_per_break(self):
        text, decisions = join_lines(["et Høje-", "Taastrup"], EMPTY, signals=["soft"])
        assert text == "et HøjeTaastrup"
        assert decisions[0].rule == "soft_hyphen"

    def test_blank_lines_are_ignored(self):
        text, _ = join_lines(["vi arbej-", "", "  ", "der videre"], EMPTY)
        assert text == "vi arbejder videre"

    def test_empty(self):
        assert join_lines([], EMPTY) == ("", [])

    def test_decision_to_dict(self):
        d = HyphenDecision("AI-", "junglen", "AI-junglen", "keep", "acronym_first_part")
        assert d.to_dict() == {"left": "AI-", "right": "junglen", "result": "AI-junglen",
                               "action": "keep", "rule": "acronym_first_part"}


def test_word_shapes():
    assert looks_like_acronym("AI") and looks_like_acronym("SoMe") and looks_like_acronym("iPhone")
    assert not looks_like_acronym("Chat") and not looks_like_acronym("chat")
    assert ends_in_word_hyphen("grundlæg- ") and not ends_in_word_hyphen("AI –")
    assert not ends_in_word_hyphen("kompetence -")


def test_examples_in_the_docs_run():
    """The Python examples in docs/dehyphenation.md are executed, so they stay true."""
    doc = Path(__file__).resolve().parents[1] / "docs" / "dehyphenation.md"
    if not doc.exists():
        pytest.skip("docs/dehyphenation.md is not in this checkout")
    blocks = regex.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), regex.S)
    assert blocks
    for block in blocks:
        exec(compile(block, str(doc), "exec"), {})


# --------------------------------------------------------------------------- properties

HYPHENS_AND_SPACE = regex.compile(r"[\s\-\u2010\u2011\u00ad]")
WORDS = st.text(alphabet="abcdeløæøåAIGTØ-\u00ad–", min_size=1, max_size=9)
LINES = st.lists(st.lists(WORDS, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=8)
SIGNALS = st.sampled_from(["", "soft", "hard", "space"])


def squeeze(text: str) -> str:
    """The text without hyphens and whitespace: what dehyphenation may not change."""
    return HYPHENS_AND_SPACE.sub("", text)


@settings(max_examples=300, deadline=None)
@given(LINES, st.lists(st.text(alphabet="abcløæ -AI\n", max_size=40), max_size=3),
       st.lists(SIGNALS, max_size=8))
def test_only_hyphens_and_line_breaks_change(lines, vocabulary, signals):
    lexicon = Lexicon.from_texts(vocabulary + ["\n".join(lines)])
    text, decisions = join_lines(lines, lexicon, signals)
    plain = " ".join(line.strip() for line in lines if line.strip())
    assert squeeze(text) == squeeze(plain)
    removed = sum({"join": 2, "keep": 1, "join_unhyphenated": 1}.get(d.action, 0)
                  for d in decisions)
    assert len(plain) - len(text) == removed
    if not any(d.action in ("join", "keep", "join_unhyphenated") for d in decisions):
        assert text == plain


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30), SIGNALS)
def test_decide_break_takes_any_text(left, right, signal):
    decision = decide_break(left, right, danish(), signal)
    if decision is not None:
        assert decision.action in {"join", "keep", "suspended", "join_unhyphenated", "space"}


def reference_lexicon(texts: list[str]) -> dict:
    """The lexicon's counts by the plain token-by-token definition (``Lexicon`` counts in bulk)."""
    from collections import Counter

    from olparse.dehyphenate import HYPHEN_SPLIT, SOFT_HYPHEN, WORD, looks_like_acronym
    c = {k: Counter() for k in ("words", "exact", "interior", "parts", "hyphen_forms", "bigrams", "acronyms")}
    for text in texts:
        continues = False
        for line in text.splitlines():
            if not line.strip():
                continue
            broken = ends_in_word_hyphen(line)
            clean = line.rstrip()
            clean = clean[:-1].replace(SOFT_HYPHEN, "") + clean[-1:].replace(SOFT_HYPHEN, "-")
            matches = list(WORD.finditer(clean))
            mixed = any(ch.islower() for ch in clean)
            for i, m in enumerate(matches):
                if (i == 0 and continues) or (i == len(matches) - 1 and broken):
                    continue
                token, low = m.group(), m.group().lower()
                c["words"][low] += 1
                c["exact"][token] += 1
                if 0 < i < len(matches) - 1:
                    c["interior"][low] += 1
                if mixed and token.isupper() and looks_like_acronym(token):
                    c["acronyms"][low] += 1
                parts = HYPHEN_SPLIT.split(low)
                if len(parts) > 1:
                    c["parts"].update(parts)
                    for a in range(len(parts)):
                        for b in range(a + 2, len(parts) + 1):
                            c["hyphen_forms"]["-".join(parts[a:b])] += 1
                if i + 1 < len(matches) and not clean[m.end():matches[i + 1].start()].strip():
                    c["bigrams"][(low, matches[i + 1].group().lower())] += 1
            continues = broken
    return c


lexicon_words = st.sampled_from(["AI", "GDPR", "ChatGPT", "to-do-liste", "Høje-Taastrup", "ledelse", "grund-",
                                 "læggende", "og", "Børne-", "3-årig", "\u00adsoft", "EU", "–", ",", "It's"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.lists(lexicon_words, max_size=7).map(" ".join), max_size=5).map("\n".join),
                max_size=4))
def test_lexicon_counts_match_the_token_by_token_definition(texts):
    lexicon = Lexicon.from_texts(texts)
    for name, counts in reference_lexicon(texts).items():
        assert getattr(lexicon, name) == counts, name


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.lists(st.lists(lexicon_words, max_size=6).map(" ".join), max_size=4).map("\n".join),
                         max_size=3), max_size=4))
def test_a_lexicon_merged_from_pages_equals_one_counted_at_once(pages):
    """Page workers count their pages; the document's lexicon is the sum."""
    whole = Lexicon.from_texts(text for page in pages for text in page)
    merged = Lexicon.merged(Lexicon.counted(page) for page in pages)
    for name in Lexicon.COUNTERS:
        assert getattr(merged, name) == getattr(whole, name), name
    assert merged.language == whole.language and merged._sorted == whole._sorted


@pytest.mark.parametrize("left, right, result, rule", [
    ("åbent mandag-", "fredag kl. 9-16", "mandag-fredag", "calendar_range"),
    ("öppet lördag-", "söndag", "lördag-söndag", "calendar_range"),
    ("fra januar-", "marts 2024", "januar-marts", "calendar_range"),
    ("du lundi-", "vendredi", "lundi-vendredi", "calendar_range"),
    ("hver mandag-", "morgen", "mandagmorgen", "default_join"),  # a day and a word: a compound
])
def test_two_names_of_days_or_months_make_a_range(left, right, result, rule):
    decision = decide_break(left, right, Lexicon.counted([]))
    assert (decision.result, decision.rule) == (result, rule)


@pytest.mark.parametrize("left, right, result, rule", [
    ("til bl.a. Power-", "Point-oplæg eller", "PowerPoint-oplæg", "known_name"),
    ("del det på Linked-", "In og Facebook", "LinkedIn", "known_name"),
    ("log på med Mit-", "ID hver dag", "MitID", "known_name"),
    ("ved Høje-", "Taastrup", "Høje-Taastrup", "capitalised_continuation"),  # no name: two words
    ("et Power-", "Punkt", "Power-Punkt", "capitalised_continuation"),
])
def test_a_name_with_an_inner_capital_broken_at_it_is_joined(left, right, result, rule):
    decision = decide_break(left, right, Lexicon.counted([]))
    assert (decision.result, decision.rule) == (result, rule)


def test_the_document_overrules_the_list_of_names():
    """A document that prints ``Power-Point`` with its hyphen keeps it."""
    lexicon = Lexicon.counted(["Vi viser et Power-Point hver dag og et Power-Point til."])
    assert decide_break("et Power-", "Point", lexicon).result == "Power-Point"


@given(st.text(alphabet="ab-æ. \t", max_size=40), st.text(alphabet="ab-æ. ", max_size=20))
def test_a_break_is_read_from_the_last_chunk_and_the_words_before_it(left, right):
    """``read_break`` cuts the left line's last whitespace-separated chunk and keeps the line
    before it for ``words_before``: the same words as splitting the whole line."""
    from olparse.dehyphenate import WORD, read_break
    brk = read_break(left, right)
    words = left.rstrip().split()
    assert WORD.findall(brk.head) == WORD.findall(" ".join(words[:-1]))
    assert brk.right_chunk == (right.split() or [""])[0]
