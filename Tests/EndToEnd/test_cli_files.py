"""Files that are not what they should be: instance-ID files (comments only, UTF-16, Latin-1, missing, a
directory, unreadable), a journal that cannot be written, bad ecs-sim arguments and fleet files; and the sandbox,
which needs no file and no credentials at all."""

from __future__ import annotations

import os
import subprocess

import pytest

CREDS = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("files")
    (d / "comments_ids.txt").write_bytes(b"# nothing here\n\n   # still nothing\n")
    (d / "utf16_ids.txt").write_bytes(b"\xff\xfei\x00-\x00a\x00b\x00c\x00\n\x00")
    (d / "latin1_ids.txt").write_bytes(b"i-abc\xe9def\n")
    (d / "ids_dir").mkdir()
    (d / "noread_ids.txt").write_bytes(b"i-e2erun01\n")
    (d / "noread_ids.txt").chmod(0)
    (d / "state_is_a_file").write_bytes(b"x")
    return d


IDS_FILES = [("comments_ids.txt", "{path} holds no instance IDs", "a file of comments only"),
             ("utf16_ids.txt", "{path} is not UTF-8 text", "a UTF-16 file"),
             ("latin1_ids.txt", "{path} is not UTF-8 text", "a Latin-1 file"),
             ("no-such-file", "no such file", "a missing file"),
             ("ids_dir", "{path} is a directory", "a directory"),
             ("noread_ids.txt", "permission denied", "an unreadable file")]


@pytest.mark.parametrize("name,message,what", IDS_FILES, ids=[w for _, _, w in IDS_FILES])
def test_ids_from_a_bad_file_says_what_is_wrong(slow, files, name, message, what):
    if name == "noread_ids.txt" and os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = files / name
    r = slow.run("status", "--ids-from", str(path))
    assert r.rc == 2 and message.format(path=path) in r.err and r.err_lines() == 1, r


def test_a_journal_that_cannot_be_written_stops_before_sending(slow, files):
    """Exit 2, names the path, why and XDG_STATE_HOME; nothing sent."""
    state = files / "state_is_a_file" / "state"
    r = slow.run("stop", "--instance-id", "i-e2erun02", "--yes", env={"XDG_STATE_HOME": str(state)})
    assert r.rc == 2 and "XDG_STATE_HOME" in r.err and f"{state}/ecsfleet/journal.jsonl" in r.err, r
    assert "is a file, not a directory" in r.err and "NSCocoaErrorDomain" not in r.err and "error 512" not in r.err, r
    assert slow.status_of("i-e2erun02") == "Running"


def sim_fails(binaries, *args):
    p = subprocess.run([str(binaries.ecs_sim), *args], stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 2 and not p.stdout and err.count("\n") == 1, (p.returncode, p.stdout, err)
    return err


def test_ecs_sim_on_a_port_in_use(binaries, slow_sim):
    assert f"port {slow_sim.port} is in use" in sim_fails(binaries, "--port", str(slow_sim.port), "--generate", "5")


@pytest.mark.parametrize("count", ["-5", "0"])
def test_ecs_sim_generate_needs_a_positive_count(binaries, count):
    assert "--generate must be a number of instances from 1" in sim_fails(binaries, "--generate", count)


@pytest.mark.parametrize("body", ["[]\n", '{"Instances": {"Instance": []}, "TotalCount": 0}\n'],
                         ids=["an empty array", "a DescribeInstances body without instances"])
def test_ecs_sim_fleet_without_instances(binaries, tmp_path, body):
    path = tmp_path / "empty_fleet.json"
    path.write_text(body)
    assert f"{path} holds no instances" in sim_fails(binaries, "--fleet", str(path))


def test_sandbox_list_works_with_no_credentials(slow):
    r = slow.raw("--sandbox", "list", "--output", "json", unset=CREDS)
    assert r.rc == 0 and len(r.json()) > 0, r


def test_sandbox_list_table_has_no_escape_byte(slow):
    r = slow.raw("--sandbox", "list", unset=CREDS)
    assert r.rc == 0 and "instances" in r.out and "\x1b" not in r.out, r
