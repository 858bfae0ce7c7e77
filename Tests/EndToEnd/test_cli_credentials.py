"""End-to-end tests of the credential chain: every way of signing in, against a separately started ecs-sim that
plays STS and the metadata service on its own port.

Self-contained: the binaries come from $ECSFLEET_BIN_DIR (for example `swift build --show-bin-path`). The tests
skip, saying why, when that is unset or when this ecs-sim has no STS side yet (`--instance-role` missing from its
--help). Run: ECSFLEET_BIN_DIR=$(swift build --show-bin-path) python3 -m pytest Tests/EndToEnd/test_credentials.py

The simulator runs as in issue 10's acceptance: `--access-key-sts-only` (the account's own key may call STS only,
so an ECS call that succeeds proves a role was assumed), `--credential-ttl 10` and stops of 25-30 s, so every
`stop --wait` outlives two credential lifetimes.
"""

import json
import os
import select
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest

AK = "e2e-cred-ak-0001"
SECRET = "e2e-Cred-Secret-9Zq-DoNotLeak"
ACCOUNT = "1234567890123456"
ROLE = f"acs:ram::{ACCOUNT}:role/fleet-ops"
OIDC_PROVIDER = f"acs:ram::{ACCOUNT}:oidc-provider/ci"
OIDC_TOKEN = "eyJ-e2e-oidc-token-DoNotLeak"
INSTANCE_ROLE = "fleet-instance"
REGION = "cn-hangzhou"
SECRETS = [SECRET, OIDC_TOKEN]


def bin_dir() -> Path | None:
    d = os.environ.get("ECSFLEET_BIN_DIR")
    return Path(d) if d else None


def sim_has_sts_side() -> tuple[bool, str]:
    d = bin_dir()
    if d is None:
        return False, "set ECSFLEET_BIN_DIR to the directory holding ecsfleet and ecs-sim"
    sim = d / "ecs-sim"
    if not os.access(sim, os.X_OK) or not os.access(d / "ecsfleet", os.X_OK):
        return False, f"no ecsfleet/ecs-sim binaries in {d}"
    out = subprocess.run([str(sim), "--help"], capture_output=True, text=True, timeout=30).stdout
    if "--instance-role" not in out:
        return False, "this ecs-sim has no STS or metadata service yet (no --instance-role in its --help)"
    return True, ""


_READY, _WHY = sim_has_sts_side()
pytestmark = pytest.mark.skipif(not _READY, reason=_WHY)


def instance(iid: str, seq: int) -> dict:
    return {
        "InstanceId": iid, "InstanceName": iid.replace("i-", "cred-"), "Status": "Running", "InstanceType": "ecs.g7.large",
        "RegionId": REGION, "ZoneId": REGION + "-h", "InstanceChargeType": "PostPaid", "InstanceNetworkType": "vpc",
        "CreationTime": "2024-01-02T03:04Z", "ExpiredTime": "2099-12-31T15:59Z",
        "OperationLocks": {"LockReason": []},
        "VpcAttributes": {"VpcId": "vpc-cred", "VSwitchId": "vsw-cred", "PrivateIpAddress": {"IpAddress": [f"172.16.9.{seq}"]}},
    }


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    """ecs-sim with 40 running instances, roles, an instance role, an OIDC provider and 10-second credentials."""
    tmp = tmp_path_factory.mktemp("credsim")
    fleet = tmp / "fleet.json"
    fleet.write_text(json.dumps({"Instances": {"Instance": [instance(f"i-cred{n:03d}", n) for n in range(1, 41)]}}))
    args = [str(bin_dir() / "ecs-sim"), "--port", "0", "--fleet", str(fleet), "--access-key-id", AK, "--access-key-secret", SECRET,
            "--access-key-sts-only", "--role", ROLE, "--instance-role", INSTANCE_ROLE, "--oidc-provider", OIDC_PROVIDER,
            "--credential-ttl", "10", "--stop-delay", "25-30", "--start-delay", "1-2"]
    log = open(tmp / "sim.err", "wb")
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log)
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    url = proc.stdout.readline().decode().strip() if ready else ""
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        pytest.fail(f"ecs-sim did not start: {(tmp / 'sim.err').read_text()[-2000:]}")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


class Free:
    """The instances not used yet, three at a time."""

    def __init__(self):
        self.next = 1

    def take(self, n: int = 3) -> list[str]:
        ids = [f"i-cred{k:03d}" for k in range(self.next, self.next + n)]
        self.next += n
        return ids


FREE = Free()


@pytest.fixture
def home(tmp_path):
    h = tmp_path / "home"
    (h / ".aliyun").mkdir(parents=True)
    return h


def run(sim_url: str, home: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """ecsfleet with nothing of the real user's environment; STS and metadata at the simulator."""
    e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "XDG_STATE_HOME": str(home / "state"),
         "ECSFLEET_STS_ENDPOINT": sim_url, "ECSFLEET_METADATA_ENDPOINT": sim_url, "COLUMNS": "200", "CI": "true"}
    e.update(env or {})
    return subprocess.run([str(bin_dir() / "ecsfleet"), "--endpoint", sim_url, "--region", REGION, *args],
                          capture_output=True, text=True, env=e, stdin=subprocess.DEVNULL, timeout=timeout)


def write_config(home: Path, current: str, *profiles: dict) -> Path:
    path = home / ".aliyun" / "config.json"
    path.write_text(json.dumps({"current": current, "profiles": list(profiles)}))
    path.chmod(0o600)
    return path


def no_secrets(home: Path, *results: subprocess.CompletedProcess):
    texts = [r.stdout + r.stderr for r in results]
    for p in (home / "state").rglob("*"):
        if p.is_file():
            texts.append(p.read_text(errors="replace"))
    for t in texts:
        for s in SECRETS:
            assert s not in t, "a secret appeared in output, log or journal"
        assert "SecurityToken" not in t


def list_and_stop(sim_url: str, home: Path, source: str, env: dict | None = None):
    """`list` and a `stop --wait` of three instances to Stopped, exit 0, naming the credentials' source."""
    listed = run(sim_url, home, "--verbose", "list", "--output", "json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert f"credentials from {source}" in listed.stderr
    ids = FREE.take()
    args = ["stop", "--yes", "--wait", "--output", "json"]
    for i in ids:
        args += ["--instance-id", i]
    stopped = run(sim_url, home, *args, env=env)
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    for i in ids:
        assert i in stopped.stdout
    no_secrets(home, listed, stopped)


def test_the_account_key_alone_may_not_call_ecs(sim, home):
    write_config(home, "ak", {"name": "ak", "mode": "AK", "access_key_id": AK, "access_key_secret": SECRET})
    r = run(sim, home, "list")
    assert r.returncode == 2
    assert "Forbidden.RAM" in r.stderr
    no_secrets(home, r)


def test_ram_role_arn_profile(sim, home):
    write_config(home, "ops", {"name": "ops", "mode": "RamRoleArn", "access_key_id": AK, "access_key_secret": SECRET,
                               "ram_role_arn": ROLE, "ram_session_name": "e2e"})
    list_and_stop(sim, home, "profile ops (RamRoleArn → acs:ram::…:role/fleet-ops)")


def test_chainable_ram_role_arn_on_an_ak_profile(sim, home):
    write_config(home, "chain",
                 {"name": "base", "mode": "AK", "access_key_id": AK, "access_key_secret": SECRET},
                 {"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "base", "ram_role_arn": ROLE})
    list_and_stop(sim, home, "profile chain (ChainableRamRoleArn → acs:ram::…:role/fleet-ops)")


def test_ecs_ram_role_profile(sim, home):
    write_config(home, "box", {"name": "box", "mode": "EcsRamRole", "ram_role_name": INSTANCE_ROLE})
    list_and_stop(sim, home, f"profile box (EcsRamRole → instance role {INSTANCE_ROLE})")


def test_instance_role_from_the_default_chain(sim, home):
    list_and_stop(sim, home, f"instance role {INSTANCE_ROLE}")


def test_oidc_from_the_environment(sim, home, tmp_path):
    token = tmp_path / "token"
    token.write_text(OIDC_TOKEN)
    env = {"ALIBABA_CLOUD_OIDC_TOKEN_FILE": str(token), "ALIBABA_CLOUD_ROLE_ARN": ROLE, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": OIDC_PROVIDER}
    list_and_stop(sim, home, "OIDC from the environment → acs:ram::…:role/fleet-ops", env=env)


def test_credentials_uri(sim, home):
    env = {"ALIBABA_CLOUD_CREDENTIALS_URI": f"{sim}/latest/meta-data/ram/security-credentials/{INSTANCE_ROLE}",
           "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"}
    list_and_stop(sim, home, "credentials URI", env=env)


def test_external_profile(sim, home, tmp_path):
    script = tmp_path / "creds.py"
    script.write_text(
        "import json, sys, urllib.request\n"
        f"a = json.load(urllib.request.urlopen({sim + '/latest/meta-data/ram/security-credentials/' + INSTANCE_ROLE!r}))\n"
        "print(json.dumps({'mode': 'StsToken', 'access_key_id': a['AccessKeyId'], 'access_key_secret': a['AccessKeySecret'],\n"
        "                  'sts_token': a['SecurityToken'], 'expiration': a['Expiration']}))\n")
    write_config(home, "ext", {"name": "ext", "mode": "External", "process_command": f"python3 {script}"})
    list_and_stop(sim, home, "profile ext (External)")


def test_credentials_ini_ram_role_arn(sim, home):
    ini = home / ".alibabacloud" / "credentials.ini"
    ini.parent.mkdir()
    ini.write_text(f"[default]\ntype = ram_role_arn\naccess_key_id = {AK}\naccess_key_secret = {SECRET}\nrole_arn = {ROLE}\n")
    ini.chmod(0o600)
    list_and_stop(sim, home, "credentials file [default] (ram_role_arn → acs:ram::…:role/fleet-ops)",
                  env={"ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"})


def test_nothing_found_lists_every_step(sim, home):
    r = run(sim, home, "list", env={"ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"})
    assert r.returncode == 2
    for step in ("environment:", "OIDC (environment):", "aliyun CLI profile:", "credentials file:", "instance RAM role:", "credentials URI:"):
        assert step in r.stderr
    assert "Traceback" not in r.stderr and "Fatal error" not in r.stderr


def test_no_metadata_service_costs_about_a_second(sim, home):
    # A loopback listener that never answers: like an address nothing routes to, the probe waits about a second.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    try:
        t0 = time.monotonic()
        r = run(sim, home, "list", env={"ECSFLEET_METADATA_ENDPOINT": f"http://127.0.0.1:{silent.getsockname()[1]}"})
        elapsed = time.monotonic() - t0
    finally:
        silent.close()
    assert r.returncode == 2
    assert "instance RAM role: no metadata service" in r.stderr
    assert elapsed < 5


def test_bad_profiles_exit_2_naming_profile_and_field(sim, home):
    write_config(home, "loop",
                 {"name": "loop", "mode": "ChainableRamRoleArn", "source_profile": "loop2", "ram_role_arn": ROLE},
                 {"name": "loop2", "mode": "ChainableRamRoleArn", "source_profile": "loop", "ram_role_arn": ROLE},
                 {"name": "norole", "mode": "RamRoleArn", "access_key_id": AK, "access_key_secret": SECRET},
                 {"name": "ghost", "mode": "RamRoleArn", "access_key_id": AK, "access_key_secret": SECRET,
                  "ram_role_arn": f"acs:ram::{ACCOUNT}:role/not-declared"},
                 {"name": "magic", "mode": "Magic"})
    cases = {"loop": "loops", "norole": "ram_role_arn", "ghost": "EntityNotExist.Role", "magic": "'Magic'"}
    for profile, expected in cases.items():
        r = run(sim, home, "--profile", profile, "list")
        assert r.returncode == 2, (profile, r.stderr)
        assert profile in r.stderr and expected in r.stderr, (profile, r.stderr)
        assert "Traceback" not in r.stderr and "Fatal error" not in r.stderr
        no_secrets(home, r)
    (home / ".aliyun" / "config.json").write_text("{not json")
    r = run(sim, home, "list")
    assert r.returncode == 2 and "not valid JSON" in r.stderr


def test_a_profile_file_readable_by_others_is_warned_about(sim, home):
    path = write_config(home, "ops", {"name": "ops", "mode": "RamRoleArn", "access_key_id": AK, "access_key_secret": SECRET,
                                      "ram_role_arn": ROLE})
    path.chmod(0o644)
    r = run(sim, home, "list")
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if "is open to other users" in line]
    assert len(warnings) == 1 and "chmod 600" in warnings[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o644, "ecsfleet warns, it does not change the file"
