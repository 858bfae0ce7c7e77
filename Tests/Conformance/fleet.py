"""Fleet files for ecs-sim: a small builder and the standard deterministic fleet.

A fleet file is a DescribeInstances response body, `{"Instances": {"Instance": [...]}}`, with the API's exact
field names. Every case in the suite knows by ID what each instance is, so results are deterministic.
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
        "Description": f"conformance instance {iid}",
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
