"""Runs the ecsfleet commands the way an operator would, in an environment of the test's own: HOME and the XDG
directories in a temporary folder (nothing of the real user's is read), credentials in ALIBABA_CLOUD_*,
CI=true, stdin closed unless given."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

# Variables of the real user's that would change what ecsfleet does.
FOREIGN = ("ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_SECURITY_TOKEN",
           "ALIBABA_CLOUD_SAFETY_POLICY_ENABLED", "ALIBABA_CLOUD_SAFETY_POLICY_RULES", "ALIBABA_CLOUD_ACCESS_KEY_ID",
           "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "NO_COLOR", "TMUX", "TMUX_PANE", "COLUMNS", "LINES",
           "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")
TRACE = re.compile(r"fatal error|stack trace|backtrace|0x[0-9a-f]{8,}|Illegal instruction|Segmentation|Current stack",
                   re.I)
# A C0 control but newline, DEL, a C1 control (UTF-8 C2 80-9F) or a bidi control, as raw bytes.
RAW_CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


@dataclass
class Run:
    """One finished command: exit status, output, wall time."""

    argv: list[str]
    rc: int
    out_bytes: bytes
    err_bytes: bytes
    ms: int

    @property
    def out(self) -> str:
        return self.out_bytes.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.err_bytes.decode("utf-8", "replace")

    def json(self):
        """stdout parsed strictly (a raw control character is an error)."""
        return json.loads(self.out_bytes.decode("utf-8"))

    def by_id(self, key: str = "InstanceId") -> dict:
        return {i[key]: i for i in self.json()}

    def traced(self) -> bool:
        """Whether stdout or stderr shows a crash or a stack trace."""
        return bool(TRACE.search(self.out) or TRACE.search(self.err))

    def err_lines(self) -> int:
        return self.err.count("\n")

    def __repr__(self) -> str:
        return (f"ecsfleet {' '.join(self.argv)}\nexit {self.rc} after {self.ms} ms\n--- stdout\n{self.out[:3000]}\n"
                f"--- stderr\n{self.err[:3000]}")


def raw_controls(data: bytes) -> bytes | None:
    """The first raw control byte sequence in DATA, or None."""
    m = RAW_CONTROL.search(data)
    return m.group() if m else None


@dataclass
class Operator:
    """An operator's machine: a home of its own, credentials, and the ecsfleet binary. `run` adds --endpoint and
    --region before the subcommand; `raw` passes exactly the arguments given."""

    binary: Path
    root: Path
    access_key_id: str
    access_key_secret: str
    endpoint: str | None = None
    region: str = "cn-hangzhou"
    runs: list[Run] = field(default_factory=list)

    def __post_init__(self):
        self.home = self.root / "home"
        self.state = self.root / "state"
        self.config = self.root / "config"
        for d in (self.home, self.state, self.config):
            d.mkdir(parents=True, exist_ok=True)

    @property
    def journal(self) -> Path:
        return self.state / "ecsfleet" / "journal.jsonl"

    def env(self, extra: dict[str, str] | None = None, unset: tuple[str, ...] = ()) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in FOREIGN}
        env.update(HOME=str(self.home), XDG_STATE_HOME=str(self.state), XDG_CONFIG_HOME=str(self.config),
                   CI="true", COLUMNS="200", ALIBABA_CLOUD_ACCESS_KEY_ID=self.access_key_id,
                   ALIBABA_CLOUD_ACCESS_KEY_SECRET=self.access_key_secret, NO_PROXY="127.0.0.1,localhost",
                   # The credential chain's instance-role step asks the metadata service: a closed loopback port
                   # here, so no test ever reaches for 100.100.100.200.
                   ECSFLEET_METADATA_ENDPOINT="http://127.0.0.1:9")
        env.update(extra or {})
        for name in unset:
            env.pop(name, None)
        return env

    def at(self, endpoint: str) -> "Operator":
        """The same machine (home, journal), pointed at another simulator."""
        other = Operator(self.binary, self.root, self.access_key_id, self.access_key_secret, endpoint, self.region,
                         self.runs)
        return other

    def run(self, *args: str, **kw) -> Run:
        assert self.endpoint, "run needs an endpoint: use raw"
        return self.raw("--endpoint", self.endpoint, "--region", self.region, *args, **kw)

    def raw(self, *args: str, env: dict[str, str] | None = None, unset: tuple[str, ...] = (),
            stdin: bytes | None = None, timeout: float = 120) -> Run:
        argv = [str(self.binary), *args]
        t0 = time.monotonic()
        p = subprocess.run(argv, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                           capture_output=True, env=self.env(env, unset), timeout=timeout)
        run = Run(list(args), p.returncode, p.stdout, p.stderr, int((time.monotonic() - t0) * 1000))
        self.runs.append(run)
        return run

    # ------------------------------------------------ reading the journal

    def records(self) -> list[dict]:
        if not self.journal.exists():
            return []
        return [json.loads(line) for line in self.journal.read_text(encoding="utf-8").splitlines() if line.strip()]

    def sends(self) -> int:
        return sum(1 for r in self.records() if r["Event"] == "send")

    def last_operation(self) -> str:
        return [r for r in self.records() if r["Event"] == "begin"][-1]["Operation"]

    def status_of(self, iid: str) -> str | None:
        r = self.run("status", "--instance-id", iid, "--output", "json", timeout=60)
        try:
            return r.json()[0]["Status"]
        except (ValueError, IndexError, KeyError):
            return None

    # ------------------------------------------------ interrupts and prompts

    def interrupted(self, sig: signal.Signals, *args: str, env: dict[str, str] | None = None,
                    unset: tuple[str, ...] = ()) -> Run:
        """Starts ecsfleet ARGS (exactly these), waits until the journal has a new send record (the call went
        out), sends SIG, and waits for it to end."""
        before = self.sends()
        t0 = time.monotonic()
        p = subprocess.Popen([str(self.binary), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env(env, unset))
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and p.poll() is None and self.sends() <= before:
            time.sleep(0.05)
        time.sleep(0.2)
        if p.poll() is None:
            p.send_signal(sig)
        out, err = p.communicate(timeout=120)
        run = Run(list(args), p.returncode if p.returncode >= 0 else 128 - p.returncode, out, err,
                  int((time.monotonic() - t0) * 1000))
        self.runs.append(run)
        return run

    def answer_prompt(self, answer: str | signal.Signals, *args: str, timeout: float = 60) -> Run:
        """Runs `ecsfleet --endpoint --region ARGS` on a new pseudo-terminal (its controlling terminal and stdin),
        waits for "Type yes", then types ANSWER or sends the signal given. stdout is what the terminal showed."""
        argv = [str(self.binary), "--endpoint", self.endpoint, "--region", self.region, *args]
        env = self.env()
        err_path = self.root / f"prompt-{len(self.runs)}.err"
        t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # the child: only system calls until exec
            try:
                err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(err, 2)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        seen, sent, deadline = b"", False, time.monotonic() + timeout
        while True:
            if not sent and b"Type yes" in seen:
                if isinstance(answer, signal.Signals):
                    time.sleep(0.3)
                    os.kill(pid, answer)
                else:
                    os.write(fd, answer.encode() + b"\n")
                sent = True
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                seen += data
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                break
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        run = Run(list(args), os.waitstatus_to_exitcode(status), seen, err_path.read_bytes(),
                  int((time.monotonic() - t0) * 1000))
        self.runs.append(run)
        return run
