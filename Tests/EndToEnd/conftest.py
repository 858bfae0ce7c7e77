"""Fixtures of the end-to-end suite: an operator's machine per module (HOME and XDG directories of its own,
credentials in ALIBABA_CLOUD_*) and simulators that know those credentials. Tests that need none of this (a
self-contained module reading $ECSFLEET_BIN_DIR itself) are unaffected: nothing here is autouse."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

import fleet as fleets
from commands import Operator
from simulator import SimFactory
from tmuxscreen import Screen

AK = "e2e-ak-0001"
SECRET = "e2e-Secret-7Qx9z-DoNotLeak"
REGION = "cn-hangzhou"
# Stops and starts that finish within a test, and slow ones (3 s) that a test can catch half-way.
QUICK = ("--stop-delay", "0.3-0.6", "--start-delay", "0.3-0.6")
SLOW = ("--stop-delay", "3-3", "--start-delay", "3-3")
CREDS = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")


@pytest.fixture(scope="module")
def operator(binaries, tmp_path_factory) -> Operator:
    """The module's operator: its own home, state and config directories; no endpoint yet (see `at`)."""
    return Operator(binaries.ecsfleet, tmp_path_factory.mktemp("operator"), AK, SECRET, region=REGION)


@pytest.fixture(scope="module")
def e2e_sims(binaries, tmp_path_factory):
    """Starts simulators that accept the suite's credentials; each must exit 0 on SIGTERM at the module's end."""
    env = dict(os.environ, ECS_SIM_LOG_LEVEL="warning")
    factory = SimFactory(str(binaries.ecs_sim), tmp_path_factory.mktemp("sims"), env=env)

    def start(*args, fleet=None, delays=QUICK):
        return factory("--access-key-id", AK, "--access-key-secret", SECRET, *args, *delays, fleet=fleet,
                       delays=False)

    yield start
    bad = factory.close()
    if bad:
        pytest.fail("\n".join(bad), pytrace=False)


@pytest.fixture(scope="module")
def cli_sim(e2e_sims):
    """The command-line fleet (fleet.cli_fleet) with quick transitions, for one module."""
    return e2e_sims("--seed", "7", fleet=fleets.cli_fleet())


@pytest.fixture(scope="module")
def ops(operator, cli_sim) -> Operator:
    """The module's operator pointed at its command-line fleet."""
    return operator.at(cli_sim.url)


@pytest.fixture(scope="module")
def review(operator, e2e_sims):
    """The module's operator pointed at the review fleet (fleet.review_fleet): long and hostile names, stuck
    instances, instances that cannot stop in economical mode."""
    return operator.at(e2e_sims("--seed", "7", fleet=fleets.review_fleet()).url)


@pytest.fixture(scope="module")
def slow_sim(e2e_sims):
    """The command-line fleet with slow transitions (3 s), so that a stop can be caught between send and end."""
    return e2e_sims("--seed", "11", fleet=fleets.cli_fleet(), delays=SLOW)


@pytest.fixture(scope="module")
def slow(operator, slow_sim):
    """The module's operator pointed at the slow simulator."""
    return operator.at(slow_sim.url)


def utf8_locale() -> str:
    """A UTF-8 locale (the screen draws CJK and U+FFFD only in one). C.UTF-8 is built into glibc since 2.35;
    older systems may only have en_US.UTF-8."""
    try:
        have = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10).stdout.split()
    except (OSError, subprocess.SubprocessError):
        have = []
    return next((name for name in ("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8") if name in have), "C.UTF-8")


@pytest.fixture(scope="module")
def screens(operator):
    """Starts `ecsfleet ARGS` in tmux screens (see tmuxscreen.Screen) with the module operator's environment (or,
    with sandbox=True, no credentials and a home of its own); closes them all at the module's end."""
    if not shutil.which("tmux"):
        pytest.fail("tmux is not installed: the screen tests drive ecsfleet inside tmux", pytrace=False)
    opened = []
    locale = utf8_locale()

    def open_screen(name, *args, cols=120, rows=40, sandbox=False):
        env = operator.env(unset=("COLUMNS", "LINES"))
        env.update(LANG=locale, LC_ALL=locale)
        if sandbox:
            home = operator.root / "sandbox" / "home"
            home.mkdir(parents=True, exist_ok=True)
            env.update(HOME=str(home), XDG_STATE_HOME=str(home / ".local" / "state"),
                       XDG_CONFIG_HOME=str(home / ".config"))
            for name_ in CREDS:
                env.pop(name_, None)
        screen = Screen(operator.root, name, [str(operator.binary), *args], env, cols, rows)
        opened.append(screen)
        return screen

    yield open_screen
    for screen in opened:
        screen.close()



@pytest.fixture(scope="module")
def screen_sim(e2e_sims):
    """The screen's fleet (fleet.screen_fleet), stops taking 0.5-1 s."""
    return e2e_sims("--seed", "7", fleet=fleets.screen_fleet(), delays=("--stop-delay", "0.5-1", "--start-delay", "0.5-1"))
