"""repair-text: reading dumps, rebuilding paragraphs, and the whole round trip.

The dumps here are made up for the tests; ``wrap`` typesets them at any width with Danish
hyphenation (pyphen) so the round trip can be checked as a property.
"""

from __future__ import annotations

import io
import json
import sys

import pytest
import regex
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from olparse.cli import cli
from olparse.errors import InputError
from olparse.repair import (RepairResult, marks_wraps, normalize_dump, read_dump, repair_dump,
                            typical_lengths)

PARAGRAPHS = [
    "Kommunen vil styrke det tværgående samarbejde mellem forvaltningerne, og derfor har "
    "byrådet afsat penge til en ny indsats. Den skal gøre det lettere for borgerne at finde "
    "vej i systemet.",
    "Direktøren for Børne- og Ungeforvaltningen fortæller, at AI-værktøjerne allerede bruges "
    "i sagsbehandlingen. Medarbejderne oplever en betydelig aflastning i hverdagen, men de "
    "efterspørger grundlæggende undervisning i teknologien.",
    "– Vi skal huske, at teknologien ikke træffer afgørelserne. Det gør mennesker, siger hun.",
    "Projektet i Høje-Taastrup Kommune løber over tre år og evalueres af forskere fra "
    "universitetet, som følger ledelsesopgaven tæt i organisationen.",
]


def wrap(paragraphs: list[str], width: int, blank_between: bool = True) -> str:
    """Typeset paragraphs greedily at ``width`` characters, hyphenating like a typesetter."""
    pyphen = pytest.importorskip("pyphen")
    dic = pyphen.Pyphen(lang="da_DK")
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(wrap_paragraph(paragraph, width, dic))
        if blank_between:
            out.append("")
    return "\n".join(out)


def wrap_paragraph(paragraph: str, width: int, dic) -> list[str]:
    """Greedy line filling; a word that does not fit is split at its last fitting break."""
    lines, line = [], ""
    for word in paragraph.split():
        while True:
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= width:
                line = candidate
                break
            head, tail = split_to_fit(word, width - len(line) - (1 if line else 0), dic)
            if head:
                lines.append(f"{line} {head}" if line else head)
                line, word = "", tail
            else:
                lines.append(line)
                line = ""
    lines.append(line)
    return lines


def split_to_fit(word: str, room: int, dic) -> tuple[str, str]:
    """The longest ``head-``/``tail`` split of ``word`` that fits in ``room`` characters."""
    if "-" in word.strip("-"):  # a hyphenated word breaks at its own hyphen only
        cut = word.find("-") + 1
        return (word[:cut], word[cut:]) if 0 < cut <= room else ("", word)
    core = word.rstrip(".,:;!?")
    if core.endswith("-"):  # a suspended first part ("Haupt-") is not hyphenated again
        return "", word
    for head, tail in dic.iterate(core):
        if len(head) + 1 <= room and len(head) >= 2 and len(tail) >= 2:
            return head + "-", tail + word[len(core):]
    return "", word


# --------------------------------------------------------------------------- read_dump


class TestReadDump:
    def test_utf8(self, tmp_path):
        path = tmp_path / "d.txt"
        path.write_text("Ærlig snak om løn\n", encoding="utf-8")
        assert read_dump(str(path)) == "Ærlig snak om løn\n"

    def test_utf8_with_bom(self, tmp_path):
        path = tmp_path / "d.txt"
        path.write_bytes("\ufeffÆrlig".encode("utf-8"))
        assert read_dump(str(path)) == "Ærlig"

    def test_cp1252_fallback(self, tmp_path):
        path = tmp_path / "d.txt"
        path.write_bytes("Ærlig snak – om løn".encode("cp1252"))
        assert read_dump(str(path)) == "Ærlig snak – om løn"

    @pytest.mark.parametrize("content,message", [
        (b"", "empty"), (b"  \n\n ", "empty"), (b"tekst\x00\x01", "binary"),
        ("Løn".encode("utf-16"), "UTF-16"),
        (b"\x81\x8d\x8f\x90", "not decodable")])
    def test_bad_content(self, tmp_path, content, message):
        path = tmp_path / "d.txt"
        path.write_bytes(content)
        with pytest.raises(InputError, match=message):
            read_dump(str(path))

    def test_missing_file(self, tmp_path):
        with pytest.raises(InputError, match="no such file"):
            read_dump(str(tmp_path / "nope.txt"))

    def test_folder(self, tmp_path):
        with pytest.raises(InputError, match="folder"):
            read_dump(str(tmp_path))

    def test_unreadable_file(self, tmp_path, monkeypatch):
        path = tmp_path / "d.txt"
        path.write_text("tekst", encoding="utf-8")

        def refuse(self):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(type(path), "read_bytes", refuse)
        with pytest.raises(InputError, match="cannot be read .Permission denied"):
            read_dump(str(path))

    def test_stdin(self, monkeypatch):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Løn-\nsnak".encode())))
        assert read_dump("-") == "Løn-\nsnak"

    def test_input_error_is_an_oserror(self, tmp_path):
        with pytest.raises(OSError):
            read_dump(str(tmp_path / "nope.txt"))


# --------------------------------------------------------------------------- paragraphs


def paragraphs_of(dump: str) -> list[str]:
    """The repaired paragraphs of ``dump``."""
    return repair_dump(dump).text.splitlines()


class TestParagraphs:
    def test_hyphen_across_a_blank_line(self):
        dump = "Vi vil styrke det tværgående samarbej-\n\nde i hele kommunen.\n"
        assert paragraphs_of(dump) == ["Vi vil styrke det tværgående samarbejde i hele kommunen."]

    def test_blank_line_inside_a_sentence_continues(self):
        dump = ("Borgerne skal kunne finde vej i systemet,\nog derfor skal medarbejderne have\n"
                "\nbedre tid til de svære sager i hverdagen.\n")
        assert len(paragraphs_of(dump)) == 1

    def test_full_line_without_punctuation_continues_after_a_blank(self):
        dump = ("Spørgsmålet om hvor skævt vores datagrundlag\nbliver behandlet i praksis er "
                "præcis det som\nvi ser nærmere på i forvaltningen lige nu og\n\n"
                "AI-data er nemlig også en del af det.\n")
        assert len(paragraphs_of(dump)) == 1

    def test_blank_line_after_a_sentence_ends_the_paragraph(self):
        dump = ("Planen blev vedtaget i maj af et enigt byråd\nog gælder fra næste år.\n\n"
                "Den omfatter alle skoler i kommunen og\nalle fritidstilbud.\n")
        assert len(paragraphs_of(dump)) == 2

    def test_short_line_with_a_full_stop_ends_the_paragraph(self):
        dump = ("Planen blev vedtaget i maj af et enigt byråd,\nog den gælder fra næste år for\n"
                "alle skoler.\nDen omfatter også alle fritidstilbud i\nkommunen, siger direktøren.\n")
        assert paragraphs_of(dump) == [
            "Planen blev vedtaget i maj af et enigt byråd, og den gælder fra næste år for alle skoler.",
            "Den omfatter også alle fritidstilbud i kommunen, siger direktøren."]

    def test_full_line_ending_a_sentence_continues(self):
        dump = ("Planen blev vedtaget i maj af et enigt byråd.\nDen gælder fra næste år for alle\n"
                "skoler i kommunen.\n")
        assert len(paragraphs_of(dump)) == 1

    def test_heading_is_its_own_paragraph(self):
        dump = ("Tag snakken i tide\nMange ledere venter for længe med samtalen\nom de sidste år "
                "på arbejdsmarkedet.\n")
        assert paragraphs_of(dump)[0] == "Tag snakken i tide"

    def test_dialogue_turns(self):
        dump = ("Det sagde hun, da vi mødte hende i sidste uge.\n– Vi skal huske borgerne, "
                "siger hun.\n")
        assert len(paragraphs_of(dump)) == 2

    def test_dash_at_a_line_start_inside_a_sentence(self):
        dump = "Vi taler om det levede lederliv i kommunen\n– forhold, som ellers er skjulte.\n"
        assert paragraphs_of(dump) == [
            "Vi taler om det levede lederliv i kommunen – forhold, som ellers er skjulte."]

    def test_toc_entries_and_bullets(self):
        dump = ("INDHOLD\n3\t Lederen: Vi skal stadig \n\nselv træffe beslutningerne\n"
                "4\t Poesi om ledelse\n•\tFørste punkt på listen\n•\tAndet punkt\n")
        assert paragraphs_of(dump) == [
            "INDHOLD", "3\t Lederen: Vi skal stadig selv træffe beslutningerne",
            "4\t Poesi om ledelse", "•\tFørste punkt på listen", "•\tAndet punkt"]

    def test_numbered_items_start_paragraphs(self):
        dump = ("Tre gode råd til den nye leder i kommunen\n1. Lyt til medarbejderne\n"
                "2. Skab ro om opgaverne\n")
        assert paragraphs_of(dump) == ["Tre gode råd til den nye leder i kommunen",
                                       "1. Lyt til medarbejderne", "2. Skab ro om opgaverne"]

    def test_interrupted_hyphen_is_recorded(self):
        dump = ("Der ligger en stor opgave i at vurde-\n\nMellemrubrik om noget andet\n\n"
                "Teksten fortsætter her.\n")
        result = repair_dump(dump)
        assert result.text.splitlines()[0].endswith("vurde-")
        assert result.decisions[-1].rule == "paragraph_interrupted"

    def test_bare_page_number_does_not_cut_a_paragraph(self):
        dump = "Vi vil styrke det tværgående samar-\n12\nbejde i hele kommunen.\n"
        assert paragraphs_of(dump) == ["Vi vil styrke det tværgående samarbejde i hele kommunen.",
                                       "12"]

    def test_line_without_wrap_space_ends_when_the_dump_marks_wraps(self):
        body = "Dette er en linje fra brødteksten som ombrydes \n" * 25
        dump = body + "Sådan holder du den gode samtale med din leder\nDen nemmeste vej er at spørge.\n"
        assert marks_wraps(dump.split("\n"))
        assert paragraphs_of(dump)[-1] == "Den nemmeste vej er at spørge."

    def test_split_without_hyphen_on_strong_evidence(self):
        dump = "Han arbejder på et Universitetshospital.\n\nHun var på Syddansk Universitets\nhospital i går.\n"
        assert paragraphs_of(dump)[-1] == "Hun var på Syddansk Universitetshospital i går."

    def test_double_spaces_and_no_break_spaces(self):
        assert paragraphs_of("Vi  har\u00a0en plan.\n") == ["Vi har en plan."]


class TestResult:
    def test_one_paragraph_per_line_with_final_newline(self):
        result = repair_dump("Første afsnit.\n\nAndet afsnit.")
        assert isinstance(result, RepairResult)
        assert result.text == "Første afsnit.\nAndet afsnit.\n"

    def test_empty(self):
        assert repair_dump("\n\n  \n").text == ""

    def test_decisions_are_recorded(self):
        result = repair_dump("Det er helt grundlæg-\ngende for Børne-\nog Ungeområdet.\n")
        assert [(d.result, d.action) for d in result.decisions] == [
            ("grundlæggende", "join"), ("Børne- og", "suspended")]

    def test_normalize_keeps_line_end_soft_hyphens_only(self):
        assert normalize_dump("grund\u00adlæg\u00ad\r\ngende\ufeff") == "grundlæg\u00ad\ngende"

    def test_soft_hyphen_at_line_end_joins(self):
        assert paragraphs_of("et nyt IT\u00ad\nsystem\n") == ["et nyt ITsystem"]

    def test_typical_length_follows_the_neighbourhood(self):
        lines = ["x" * 30] * 20 + [""] + ["y" * 70] * 20
        typical = typical_lengths(lines)
        assert typical[0] == 30 and typical[-1] == 70


class TestCli:
    def test_repair_text_writes_text_and_audit(self, tmp_path):
        source = tmp_path / "dump.txt"
        source.write_text("Det er grundlæg-\ngende for AI-\njunglen.\n", encoding="utf-8")
        out, audit = tmp_path / "out.txt", tmp_path / "audit.json"
        result = CliRunner().invoke(cli, ["repair-text", str(source), "-o", str(out),
                                          "--audit", str(audit)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8") == "Det er grundlæggende for AI-junglen.\n"
        assert [d["rule"] for d in json.loads(audit.read_text(encoding="utf-8"))] == [
            "default_join", "acronym_first_part"]

    def test_missing_file_exits_with_the_input_code(self, tmp_path):
        result = CliRunner().invoke(cli, ["repair-text", str(tmp_path / "nope.txt")])
        assert result.exit_code == 3
        assert "no such file" in result.output


# --------------------------------------------------------------------------- properties

SQUEEZE = regex.compile(r"[\s\-\u2010\u2011\u00ad]")


@pytest.mark.parametrize("width", range(28, 81))
def test_round_trip_at_any_column_width(width):
    dump = wrap(PARAGRAPHS, width)
    assert repair_dump(dump).text == "\n".join(PARAGRAPHS) + "\n"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcæøå ABCÆ.,-–\u00ad\n\t", max_size=300))
def test_repair_changes_only_hyphens_and_whitespace(dump):
    text = repair_dump(dump).text
    assert SQUEEZE.sub("", text) == SQUEEZE.sub("", dump)
    assert text == "" or (text.endswith("\n") and "\n\n" not in text)


OTHER_LANGUAGES = {
    "de_DE": "Die Zusammenarbeit zwischen den Verwaltungen wird durch die neue Strategie "
             "gestärkt. Die Software-Entwicklung und die Haupt- und Nebenaufgaben der "
             "Mitarbeiterinnen werden gemeinsam geplant, sagt die Geschäftsführerin.",
    "en_US": "The administration strengthens the collaboration between departments with a "
             "well-known approach. Employees experience considerable relief in their everyday "
             "work, and the organisation expects measurable improvements from a well-known "
             "method that is also well-known abroad.",
    "sv": "Kommunen förstärker samarbetet mellan förvaltningarna, och barn- och "
          "ungdomsnämnden följer arbetet noggrant. Medarbetarna upplever en betydande "
          "avlastning i vardagen.",
    "fr": "La collaboration entre les administrations est renforcée par une nouvelle "
          "stratégie. Les collaboratrices et les collaborateurs constatent une amélioration "
          "considérable, peut-être durable, de leur quotidien professionnel.",
}


@pytest.mark.parametrize("lang", sorted(OTHER_LANGUAGES))
@pytest.mark.parametrize("width", range(26, 71))
def test_other_languages_round_trip(lang, width):
    pyphen = pytest.importorskip("pyphen")
    text = OTHER_LANGUAGES[lang]
    dump = "\n".join(wrap_paragraph(text, width, pyphen.Pyphen(lang=lang)))
    assert repair_dump(dump).text == text + "\n"
