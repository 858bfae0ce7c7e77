"""Fleet files for ecs-sim, for every Python suite: one builder and the fleets the suites run on.

A fleet file is a DescribeInstances response body, `{"Instances": {"Instance": [...]}}`, with the API's exact
field names. Every test knows by ID what each instance is, so results are deterministic:

- `standard_fleet`, `big_fleet`: the SDK conformance suite (Tests/Conformance).
- `cli_fleet`, `review_fleet`: the command-line end-to-end tests (Tests/EndToEnd/test_cli_*.py).
- `screen_fleet`: the interactive screen's end-to-end tests (Tests/EndToEnd/test_screen_*.py).
"""

from __future__ import annotations

import json
from pathlib import Path

HANGZHOU = "cn-hangzhou"
SHANGHAI = "cn-shanghai"
HZ_H = "cn-hangzhou-h"
HZ_I = "cn-hangzhou-i"
SH_B = "cn-shanghai-b"
VPC_A = "vpc-hzaaa"
VPC_B = "vpc-hzbbb"
VPC_SH = "vpc-shaaa"

FUTURE = "2099-12-31T16:00Z"
PAST = "2020-01-01T00:00:05Z"
PAST_NO_SECONDS = "2021-06-30T16:00Z"  # the API's other time format (minutes only)


def eligible_for_economical(inst: dict) -> bool:
    """Economical mode: VPC, pay-as-you-go (or spot), no local disks (docs/ECS-SEMANTICS.md#lifecycle)."""
    return (
        inst["InstanceNetworkType"] == "vpc"
        and inst["InstanceChargeType"] == "PostPaid"
        and inst["LocalStorageAmount"] == 0
    )


def instance(
    iid: str,
    *,
    name: str | None = None,
    status: str = "Running",
    region: str = HANGZHOU,
    zone: str | None = None,
    charge: str = "PostPaid",
    network: str = "vpc",
    vpc: str | None = None,
    local_disks: int = 0,
    locks: tuple[str, ...] = (),
    expired: str | None = None,
    hibernation: bool = False,
    tags: dict[str, str] | None = None,
    stopped_mode: str | None = None,
    description: str | None = None,
    seq: int = 1,
) -> dict:
    """One instance in the API's shape. Running instances carry no StoppedMode (the simulator derives it)."""
    zone = zone or (HZ_H if region == HANGZHOU else SH_B)
    if vpc is None and network == "vpc":
        vpc = VPC_A if region == HANGZHOU else VPC_SH
    ip = f"172.16.{seq // 250}.{seq % 250 + 2}"
    inst = {
        "InstanceId": iid,
        "InstanceName": name if name is not None else iid,
        "Description": description or f"test instance {iid}",
        "HostName": iid,
        "Status": status,
        "InstanceType": "ecs.g7.large",
        "InstanceTypeFamily": "ecs.g7",
        "Cpu": 2,
        "Memory": 8192,
        "OSName": "Alibaba Cloud Linux 3.2104 LTS 64位",
        "OSType": "linux",
        "RegionId": region,
        "ZoneId": zone,
        "InstanceChargeType": charge,
        "SpotStrategy": "NoSpot",
        "InstanceNetworkType": network,
        "LocalStorageAmount": local_disks,
        "LocalStorageCapacity": 1788 * local_disks,
        "CreationTime": "2024-01-02T03:04Z",
        "StartTime": "2024-01-02T03:05:06Z",
        "ExpiredTime": expired or ("2099-12-31T15:59Z" if charge == "PostPaid" else FUTURE),
        "DeletionProtection": False,
        "OperationLocks": {"LockReason": [{"LockReason": r, "LockMsg": f"locked: {r}"} for r in locks]},
        "VpcAttributes": {
            "VpcId": vpc or "",
            "VSwitchId": f"vsw-{zone.replace('-', '')}" if vpc else "",
            "PrivateIpAddress": {"IpAddress": [ip] if vpc else []},
            "NatIpAddress": "",
        },
        "PublicIpAddress": {"IpAddress": []},
        "InnerIpAddress": {"IpAddress": [] if vpc else [f"10.1.{seq // 250}.{seq % 250 + 2}"]},
        "EipAddress": {"AllocationId": "", "IpAddress": "", "Bandwidth": 0},
        "Tags": {"Tag": [{"TagKey": k, "TagValue": v} for k, v in (tags or {}).items()]},
        "SecurityGroupIds": {"SecurityGroupId": ["sg-conformance"]},
        "HibernationOptions": {"Configured": hibernation},
        # A field the product does not know: the simulator must keep it when replaying the file.
        "XConformanceExtra": {"Kept": "yes"},
    }
    if status != "Running":
        inst["StoppedMode"] = stopped_mode or (
            ("KeepCharging" if eligible_for_economical(inst) else "Not-applicable") if status == "Stopped" else ""
        )
    if stopped_mode is not None:
        inst["StoppedMode"] = stopped_mode
    return inst


class Fleet:
    """Collects instances and writes a fleet file."""

    def __init__(self) -> None:
        self.instances: list[dict] = []

    def add(self, iid: str, **kw) -> "Fleet":
        kw.setdefault("seq", len(self.instances) + 1)
        self.instances.append(instance(iid, **kw))
        return self

    def by_id(self, iid: str) -> dict:
        return next(i for i in self.instances if i["InstanceId"] == iid)

    def ids(self, *, region: str | None = None, status: str | None = None) -> list[str]:
        return [
            i["InstanceId"]
            for i in self.instances
            if (region is None or i["RegionId"] == region) and (status is None or i["Status"] == status)
        ]

    def body(self) -> dict:
        return {"RequestId": "fleet-file", "TotalCount": len(self.instances), "Instances": {"Instance": self.instances}}

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(self.body(), ensure_ascii=False, indent=1), encoding="utf-8")
        return path


def standard_fleet() -> Fleet:
    """The fleet most tests use. IDs say what an instance is; every ID is well-formed (i- + [a-z0-9])."""
    f = Fleet()
    # cn-hangzhou, Running, eligible for economical mode (VPC, PostPaid, no local disk)
    f.add("i-run1", name="web-01", tags={"env": "prod", "team": "web"})
    f.add("i-run2", name="web-02", tags={"env": "dev", "team": "web"})
    f.add("i-run3", name="db-01", zone=HZ_I, vpc=VPC_B, tags={"env": "prod", "team": "db"})
    f.add("i-run4", name="Web-03", zone=HZ_I, tags={"owner": ""})
    f.add("i-run5", name="batch-01")
    f.add("i-run6", name="batch-02")
    # Running, not eligible
    f.add("i-classic1", name="legacy-classic", network="classic", zone=HZ_I)
    f.add("i-prepaid1", name="reserved-01", charge="PrePaid")
    f.add("i-localdisk1", name="bigdata-01", local_disks=2)
    # Running, hibernation configured
    f.add("i-hib1", name="hibernate-01", hibernation=True)
    # CJK name and tags
    f.add("i-cjk1", name="生产-网站-01", tags={"环境": "生产", "env": "prod"})
    # stopped / transitional (the simulator keeps fleet-loaded Pending/Starting/Stopping stuck)
    f.add("i-stopped1", name="stopped-01", status="Stopped")
    f.add("i-stopped2", name="stopped-02", status="Stopped")
    f.add("i-stopped3", name="stopped-03", status="Stopped", zone=HZ_I)
    f.add("i-stoppedclassic1", name="stopped-classic", status="Stopped", network="classic")
    f.add("i-stopping1", name="stuck-stopping", status="Stopping", stopped_mode="KeepCharging")
    f.add("i-starting1", name="stuck-starting", status="Starting")
    f.add("i-pending1", name="new-pending", status="Pending")
    # locks and expiry
    f.add("i-seclock1", name="locked-security", locks=("security",))
    f.add("i-finlock1", name="locked-financial", locks=("financial",))
    f.add("i-expired1", name="prepaid-expired", charge="PrePaid", expired=PAST)
    f.add("i-expired2", name="prepaid-expired-b", charge="PrePaid", expired=PAST_NO_SECONDS)
    f.add("i-dhfin1", name="locked-dhfin", locks=("dedicatedhostfinancial",))
    f.add("i-refunded1", name="locked-refunded", locks=("refunded",))
    f.add("i-recycling1", name="locked-recycling", locks=("recycling",))
    f.add("i-secfin1", name="locked-both", locks=("financial", "security"))
    f.add("i-stoppedsec1", name="stopped-security", status="Stopped", locks=("security",))
    f.add("i-stoppedfin1", name="stopped-financial", status="Stopped", locks=("financial",))
    f.add("i-stoppedexp1", name="stopped-expired", status="Stopped", charge="PrePaid", expired=PAST)
    f.add("i-pendingfin1", name="pending-financial", status="Pending", locks=("financial",))
    # cn-shanghai
    f.add("i-sh1", name="web-sh-01", region=SHANGHAI, tags={"env": "prod"})
    f.add("i-sh2", name="web-sh-02", region=SHANGHAI)
    f.add("i-shstopped1", name="stopped-sh-01", region=SHANGHAI, status="Stopped")
    return f


def big_fleet(count: int = 125) -> Fleet:
    """Many identical Running instances in cn-hangzhou (for paging), plus two in cn-shanghai."""
    f = Fleet()
    for n in range(count):
        f.add(f"i-pg{n:04d}", name=f"page-{n:04d}", zone=HZ_H if n % 2 else HZ_I, tags={"idx": str(n % 5)})
    f.add("i-pgsh1", region=SHANGHAI)
    f.add("i-pgsh2", region=SHANGHAI)
    return f


# ------------------------------------------------------------------ the command-line end-to-end fleets

CJK_NAME = "生产-网关-数据库"
ESC_NAME = "\u001b[31mred\u001b[0m\u001b]0;pwned\u0007\u001b[2Jx"
LONG_NAME = "web-frontend-" + "-".join(f"segment{n:02d}" for n in range(1, 13)) + "-ok"  # 135 characters
LONG_CJK_NAME = "生产环境" * 20 + "尾"  # 162 display columns
C1_BIDI_NAME = "c1\u009b31mred\u202egnp.exe\u2066x\u2069\u2028y"


def cli_fleet() -> Fleet:
    """All in cn-hangzhou but one:

    i-e2erun01..06      Running, VPC, PostPaid, no local disks (eligible for economical mode)
    i-e2estop01         Stopped
    i-e2esec01          Running, security lock
    i-e2efin01          Running, financial lock
    i-e2eclassic01      Running, classic network (stops in standard mode: Not-applicable)
    i-e2ecjk01          Running, CJK name
    i-e2eesc01          Running, a name full of terminal escape sequences
    i-e2ebulk001..105   Running, eligible (for the split into calls of 100)
    i-e2esh01           Running in cn-shanghai
    """
    f = Fleet()
    tags = {"env": "e2e"}
    for n in range(1, 7):
        f.add(f"i-e2erun0{n}", name=f"web-e2erun0{n}", tags=tags, seq=n)
    f.add("i-e2estop01", name="web-e2estop01", status="Stopped", stopped_mode="KeepCharging", tags=tags, seq=10)
    f.add("i-e2esec01", name="web-e2esec01", locks=("security",), tags=tags, seq=11)
    f.add("i-e2efin01", name="web-e2efin01", locks=("financial",), tags=tags, seq=12)
    f.add("i-e2eclassic01", name="web-e2eclassic01", network="classic", tags=tags, seq=13)
    f.add("i-e2ecjk01", name=CJK_NAME, tags=tags, seq=14)
    f.add("i-e2eesc01", name=ESC_NAME, tags=tags, seq=15)
    for n in range(1, 106):
        f.add(f"i-e2ebulk{n:03d}", name=f"bulk-{n:03d}", tags=tags, seq=100 + n)
    f.add("i-e2esh01", name="web-e2esh01", region=SHANGHAI, tags=tags, seq=300)
    return f


def review_fleet() -> Fleet:
    """Names that are too long or carry C1 and bidi controls, instances stuck in Pending, Starting and Stopping,
    a stopped one with a financial lock, and instances that cannot use economical mode (subscription, local
    disks)."""
    assert len(LONG_NAME) == 135, len(LONG_NAME)
    f = Fleet()
    f.add("i-rvlong01", name=LONG_NAME)
    f.add("i-rvlongcjk01", name=LONG_CJK_NAME)
    f.add("i-rvc1bidi01", name=C1_BIDI_NAME)
    f.add("i-rvrun01", name="web-rvrun01")
    f.add("i-rvpend01", name="web-rvpend01", status="Pending")
    f.add("i-rvstarting01", name="web-rvstarting01", status="Starting")
    f.add("i-rvstopping01", name="web-rvstopping01", status="Stopping", stopped_mode="KeepCharging")
    f.add("i-rvstopped01", name="web-rvstopped01", status="Stopped", stopped_mode="KeepCharging")
    f.add("i-rvstopfin01", name="web-rvstopfin01", status="Stopped", locks=("financial",), stopped_mode="KeepCharging")
    f.add("i-rvsub01", name="web-rvsub01", charge="PrePaid")
    f.add("i-rvdisk01", name="web-rvdisk01", local_disks=2)
    return f


# ------------------------------------------------------------------ the interactive screen's fleet

SCREEN_ESC_NAME = "\u001b]2;pwned\u0007\u001b[31mred\u001b[0m\u0007x"


def screen_fleet() -> Fleet:
    """All in cn-hangzhou, tagged env and team:

    i-tuia01          Running, prod, PrePaid (not eligible for StopCharging), sorts first
    i-tuia02..a16     Running, prod, PostPaid, no local disks (eligible for economical mode)
    i-tuidev01..03    Running, dev
    i-tuistop01       Stopped, prod
    i-tuisec01        Running, prod, security lock
    i-tuicjk01        Running, prod, CJK name
    i-tuiesc01        Running, prod, a name with terminal escape sequences (OSC title, red SGR, BEL)
    """
    f = Fleet()

    def add(iid, *, env="prod", **kw):
        f.add(iid, name=kw.pop("name", iid.replace("i-tui", "web-")), tags={"env": env, "team": "e2e"}, **kw)

    add("i-tuia01", charge="PrePaid", seq=1)
    for n in range(2, 17):
        add(f"i-tuia{n:02d}", seq=n)
    for n in range(1, 4):
        add(f"i-tuidev{n:02d}", env="dev", seq=20 + n)
    add("i-tuistop01", status="Stopped", seq=30)
    add("i-tuisec01", locks=("security",), seq=31)
    add("i-tuicjk01", name=CJK_NAME, seq=32)
    add("i-tuiesc01", name=SCREEN_ESC_NAME, seq=33)
    return f
