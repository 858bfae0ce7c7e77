"""Command-line conventions an operator of the aliyun and AWS CLIs expects: a version, and a suggestion for a
mistyped subcommand."""

from __future__ import annotations

import json
import re

import pytest


def test_version_prints_one_line_and_exits_0(operator):
    r = operator.raw("--version")
    assert r.rc == 0 and re.fullmatch(r"\d+\.\d+\.\d+\n", r.out), r


def test_version_is_in_the_help(operator):
    version = operator.raw("--version").out.strip()
    r = operator.raw("--help")
    assert r.rc == 0 and f"ecsfleet {version}" in r.out, r


@pytest.mark.parametrize("typed,meant", [("lsit", "list"), ("stp", "stop"), ("strat", "start"), ("jornal", "journal")])
def test_a_mistyped_subcommand_gets_a_suggestion(operator, typed, meant):
    r = operator.raw("--sandbox", typed, "--dry-run")
    assert r.rc == 2 and f"'{typed}' is not a command. Did you mean '{meant}'?" in r.err and not r.traced(), r


def test_a_word_far_from_every_subcommand_gets_no_guess(operator):
    r = operator.raw("frobnicate")
    assert r.rc == 2 and "Did you mean" not in r.err, r


def test_profile_completion_lists_the_cli_config_profiles(operator):
    config = operator.home / ".aliyun" / "config.json"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('{"current": "ops", "profiles": [{"name": "ops", "mode": "AK"}, {"name": "dev", "mode": "AK"}]}')
    try:
        r = operator.raw("---completion", "--", "--profile", "1", "0")
        assert r.rc == 0 and r.out.split() == ["ops", "dev"], r
    finally:
        config.unlink()


def test_theme_completion_lists_built_ins_and_the_users_themes(operator):
    themes = operator.config / "ecsfleet" / "themes"
    themes.mkdir(parents=True, exist_ok=True)
    (themes / "night.toml").write_text("")
    r = operator.raw("---completion", "--", "--theme", "1", "0")
    assert r.rc == 0 and r.out.split()[0] == "default" and "night" in r.out.split(), r


def test_region_completion_lists_the_vendors_regions(operator):
    r = operator.raw("--generate-completion-script", "bash")
    assert r.rc == 0 and "cn-hangzhou" in r.out and "ap-southeast-1" in r.out, r


def test_the_man_page_source_covers_every_subcommand_and_option(operator):
    """`swift package plugin generate-manual` writes the man page from this dump; a subcommand or option missing
    from it, or without its help text, would be missing from the man page."""
    r = operator.raw("--experimental-dump-help")
    assert r.rc == 0, r
    root = json.loads(r.out)["command"]
    subcommands = {c["commandName"]: c for c in root["subcommands"]}
    assert {"list", "stop", "start", "status", "journal"} <= set(subcommands), subcommands.keys()
    for name in ("list", "stop", "start", "status", "journal"):
        command = subcommands[name]
        assert command.get("abstract"), name
        for argument in command.get("arguments", []):
            if argument.get("shouldDisplay", True) and argument["kind"] != "positional":
                assert argument.get("abstract"), (name, argument["valueName"])
