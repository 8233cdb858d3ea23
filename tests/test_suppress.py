"""Inline suppressions: scopes (disable/enable, ignore-next), formats, required codes and reasons, LNT findings."""
from __future__ import annotations

from pathlib import Path

import pytest

FALSE = "Potassium is a vitamin that keeps muscles relaxed."
OTHER = "Magnesium is a vitamin found in nuts and seeds."
REPEAT = "Stretch the the calf gently."


def check(run_cli, tmp_path: Path, name: str, text: str, *extra: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_cli("check", str(path), "--format", "json", "--isolated", *extra)


def found(run) -> list[tuple[int, str]]:
    return sorted((f["line"], f["code"]) for f in run.json["findings"])


def test_ignore_next_covers_the_next_block_across_a_blank_line(run_cli, tmp_path):
    text = f'<!-- healthlint: ignore-next FAC250 reason="quoted leaflet" -->\n\n{FALSE}\n\n{OTHER}\n'
    assert found(check(run_cli, tmp_path, "a.md", text)) == [(5, "FAC250")]


def test_ignore_next_only_silences_the_named_code(run_cli, tmp_path):
    text = f'<!-- healthlint: ignore-next FAC250 reason="quote" -->\n{FALSE} {REPEAT}\n'
    assert found(check(run_cli, tmp_path, "a.md", text)) == [(2, "QLT013")]


def test_ignore_next_covers_one_list_item(run_cli, tmp_path):
    text = f'- first\n<!-- healthlint: ignore-next FAC250 reason="x" -->\n- {FALSE}\n- {OTHER}\n'
    assert found(check(run_cli, tmp_path, "a.md", text)) == [(4, "FAC250")]


def test_rule_id_works_as_well_as_code(run_cli, tmp_path):
    text = f'<!-- healthlint: ignore-next mineral-called-vitamin reason="x" -->\n{FALSE}\n'
    assert found(check(run_cli, tmp_path, "a.md", text)) == []


def test_disable_until_enable(run_cli, tmp_path):
    text = (f'{FALSE}\n\n<!-- healthlint: disable FAC250,QLT013 reason="archive section" -->\n\n{OTHER}\n\n'
            f'{REPEAT}\n\n<!-- healthlint: enable FAC250 -->\n\nZinc is a vitamin.\n\nSo rest the the leg.\n')
    # FAC250 is back after enable; QLT013 stays off to the end of the file.
    assert found(check(run_cli, tmp_path, "a.md", text)) == [(1, "FAC250"), (11, "FAC250")]


def test_html_comments_work_in_html(run_cli, tmp_path):
    text = (f'<html><body><p>{FALSE}</p>\n<!-- healthlint: ignore-next FAC250 reason="x" -->\n'
            f'<p>{OTHER}</p>\n</body></html>\n')
    assert found(check(run_cli, tmp_path, "a.html", text)) == [(1, "FAC250")]


def test_plain_text_directive_on_a_line_of_its_own(run_cli, tmp_path):
    text = f'Intro line.\n\nhealthlint: ignore-next FAC250 reason="x"\n{FALSE}\n\n{OTHER}\n'
    run = check(run_cli, tmp_path, "a.txt", text)
    assert found(run) == [(6, "FAC250")]


def test_plain_text_directive_line_is_not_linted_as_prose(run_cli, tmp_path):
    text = 'healthlint: disable QLT013 reason="the the is quoted here"\nStretch the the calf.\n'
    run = check(run_cli, tmp_path, "a.txt", text)
    assert found(run) == []


def test_unused_suppression_is_reported(run_cli, tmp_path):
    text = '<!-- healthlint: ignore-next FAC250 reason="stale" -->\nStretch the calf gently.\n'
    run = check(run_cli, tmp_path, "a.md", text)
    assert found(run) == [(1, "LNT001")]
    assert run.code == 1


def test_unused_suppression_of_a_rule_that_did_not_run_is_not_reported(run_cli, tmp_path):
    text = f'<!-- healthlint: ignore-next FAC250 reason="x" -->\n{FALSE}\n{REPEAT}\n'
    run = check(run_cli, tmp_path, "a.md", text, "--select", "QLT,LNT")
    assert found(run) == [(3, "QLT013")]


@pytest.mark.parametrize("directive", [
    "<!-- healthlint: disable -->",
    '<!-- healthlint: disable reason="everything" -->',
    "<!-- healthlint: ignore-next -->",
    "<!-- healthlint: silence FAC250 -->",
])
def test_blanket_or_malformed_directive_is_an_error(run_cli, tmp_path, directive):
    run = check(run_cli, tmp_path, "a.md", f"{directive}\n{FALSE}\n")
    assert found(run) == [(1, "FAC250"), (1, "LNT002")] or found(run) == [(1, "LNT002"), (2, "FAC250")]
    assert (2, "FAC250") in found(run)  # nothing was suppressed


def test_unknown_code_is_reported(run_cli, tmp_path):
    run = check(run_cli, tmp_path, "a.md", f'<!-- healthlint: ignore-next FAC999 reason="x" -->\n{FALSE}\n')
    assert (1, "LNT002") in found(run) and (2, "FAC250") in found(run)
    assert any("FAC999" in f["message"] for f in run.json["findings"])


def test_reason_required_by_configuration(run_cli, tmp_path, monkeypatch):
    (tmp_path / ".healthlint.yaml").write_text("require-suppression-reason: true\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"<!-- healthlint: ignore-next FAC250 -->\n{FALSE}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_cli("check", "a.md", "--format", "json")
    assert found(run) == [(1, "LNT003")]
    run = run_cli("check", "a.md", "--format", "json", "--isolated")
    assert found(run) == []  # without the configuration a reason is optional


def test_show_suppressed_lists_what_and_why(run_cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f'<!-- healthlint: ignore-next FAC250 reason="quoting the 1990 leaflet" -->\n{FALSE}\n',
                    encoding="utf-8")
    run = run_cli("check", str(path), "--isolated", "--no-color", "--show-suppressed")
    assert run.code == 0
    assert "FAC250" in run.out and "quoting the 1990 leaflet" in run.out and "line 1" in run.out


def test_linter_codes_can_be_ignored(run_cli, tmp_path):
    text = '<!-- healthlint: ignore-next FAC250 reason="stale" -->\nStretch the calf gently.\n'
    assert found(check(run_cli, tmp_path, "a.md", text, "--ignore", "LNT001")) == []


def test_suppressed_findings_are_not_fixed(run_cli, tmp_path):
    path = tmp_path / "a.md"
    text = '<!-- healthlint: ignore-next DRG406 reason="quoting a misspelled label" -->\nIbuprophen eases pain.\n'
    path.write_text(text, encoding="utf-8")
    run_cli("check", str(path), "--isolated", "--fix")
    assert path.read_text(encoding="utf-8") == text
