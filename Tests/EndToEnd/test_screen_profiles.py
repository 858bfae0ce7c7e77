"""`:profile NAME` at 80x24, as an operator who only reads the screen's help would do it: two profiles of the
aliyun CLI's config over one simulator, each with its own default region (and the second signing in through STS
AssumeRole), a profile whose key the service refuses, and a name that is no profile."""

from __future__ import annotations

import json
import re

import fleet as fleets
from conftest import AK, CREDS, SECRET, utf8_locale
from tmuxscreen import Screen

ROLE = "acs:ram::1234567890123456:role/fleet-ops"
FIRST = [f"i-firsthz{n:02d}" for n in range(1, 4)]
SECOND = [f"i-secondsh{n:02d}" for n in range(1, 6)]


def two_accounts() -> fleets.Fleet:
    f = fleets.Fleet()
    for iid in FIRST:
        f.add(iid, region=fleets.HANGZHOU, tags={"env": "prod"})
    for iid in SECOND:
        f.add(iid, region=fleets.SHANGHAI, tags={"env": "prod"})
    return f


def write_profiles(home):
    config = home / ".aliyun" / "config.json"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"current": "first", "profiles": [
        {"name": "first", "mode": "AK", "access_key_id": AK, "access_key_secret": SECRET, "region_id": "cn-hangzhou"},
        {"name": "second", "mode": "RamRoleArn", "access_key_id": AK, "access_key_secret": SECRET,
         "ram_role_arn": ROLE, "ram_session_name": "e2e", "region_id": "cn-shanghai"},
        {"name": "broken", "mode": "AK", "access_key_id": "e2e-ak-unknown", "access_key_secret": "Not-The-Secret",
         "region_id": "cn-hangzhou"},
    ]}))
    config.chmod(0o600)


COMMAND_HELP = re.compile(r":\s+command line \(Tab completes\):[^│]*(?:│\s*│[^│]*)*?:profile")


def help_range(text: str) -> str | None:
    """The lines help shows ("18-34" of "18-34 of 130")."""
    m = re.search(r"(\d+-\d+) of \d+", text)
    return m.group(1) if m else None


def command(s: Screen, text: str, *keys: str) -> None:
    s.keys(":")
    s.wait(lambda v: v.lines[-1].startswith(":"), "the command line")
    s.type(text)
    if keys:
        s.keys(*keys)


def test_switch_to_a_second_profile_and_list_it(operator, e2e_sims):
    sim = e2e_sims("--seed", "7", fleet=two_accounts())
    write_profiles(operator.home)
    locale = utf8_locale()
    env = operator.env(extra={"ECSFLEET_STS_ENDPOINT": sim.url, "LANG": locale, "LC_ALL": locale},
                       unset=("COLUMNS", "LINES", *CREDS))
    s = Screen(operator.root, "profiles", [str(operator.binary), "--profile", "first", "--endpoint", sim.url],
               env, 80, 24)
    try:
        endpoint = sim.url.removeprefix("http://")
        s.wait(lambda v: sorted(v.ids()) == FIRST and f"profile first (AK) @ {endpoint}" in v.lines[0]
               and "cn-hangzhou" in v.lines[0] and v.hints(), "the first profile's instances", timeout=30)

        # What help shows is enough: the command line and its :profile.
        s.keys("?")
        s.wait(lambda v: "Help: keys" in v.text, "help")
        # (The `:` row wraps at 80 columns: :profile may be on one of its continuation lines.)
        for _ in range(10):  # paging through help as the operator would
            if COMMAND_HELP.search(s.last.text):
                break
            shown = help_range(s.last.text)
            s.keys("PgDn")
            s.wait(lambda v: help_range(v.text) not in (None, shown), "the next page of help")
        assert COMMAND_HELP.search(s.last.text), s.last.text
        s.keys("Escape")
        s.wait(lambda v: v.hints(), "the list again")

        s.keys("Space")
        s.wait(lambda v: v.lines[1].startswith("1 marked"), "one instance marked")

        command(s, "profile nosuch", "Enter")
        s.wait(lambda v: "No profile nosuch; profiles: first, second, broken." in v.lines[1], "an unknown profile")

        command(s, "profile broken", "Enter")
        s.wait(lambda v: "Still on first: profile broken cannot be used" in v.lines[1], "a key the service refuses",
               timeout=20)
        assert sorted(s.last.ids()) == FIRST and "profile first (AK)" in s.last.lines[0]

        command(s, "profile sec", "Tab")
        s.wait(lambda v: v.lines[-1].startswith(":profile second"), "Tab completes the profile")
        s.keys("Enter")
        s.wait(lambda v: sorted(v.ids()) == SECOND and "profile second (RamRoleArn" in v.lines[0]
               and f"@ {endpoint}" in v.lines[0] and "cn-shanghai" in v.lines[0] and v.lines[1].startswith("0 marked"),
               "the second profile's instances, its region and sign-in in the header, no marks", timeout=30)

        s.keys("q")
        s.wait(lambda v: "EXIT=0" in v.text, "q exits 0", exits=True)
    finally:
        s.close()
    log = (operator.state / "ecsfleet" / "ecsfleet.log")
    if log.exists():
        assert SECRET not in log.read_text(errors="replace")
