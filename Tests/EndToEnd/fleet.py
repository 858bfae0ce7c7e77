#!/usr/bin/env python3
"""Writes the fleet file of the end-to-end suite (Tests/EndToEnd/cli.sh) to the path given (with a second
argument `review`, the suite's second fleet: see review_fleet).

A DescribeInstances response body, {"Instances": {"Instance": [...]}}, all in cn-hangzhou (one in cn-shanghai):

  i-e2erun01..06   Running, VPC, PostPaid, no local disks (eligible for economical mode)
  i-e2estop01      Stopped
  i-e2esec01       Running, security lock
  i-e2efin01       Running, financial lock
  i-e2eclassic01   Running, classic network (not eligible: stops in standard mode, Not-applicable)
  i-e2ecjk01       Running, CJK name
  i-e2eesc01       Running, a name full of terminal escape sequences
  i-e2ebulk001..105  Running, eligible (for the split into calls of 100)
  i-e2esh01        Running in cn-shanghai
"""

import json
import sys

CJK_NAME = "生产-网关-数据库"
ESC_NAME = "\u001b[31mred\u001b[0m\u001b]0;pwned\u0007\u001b[2Jx"


def instance(iid, name=None, status="Running", region="cn-hangzhou", network="vpc", charge="PostPaid",
             locks=(), seq=1, stopped_mode=None):
    inst = {
        "InstanceId": iid,
        "InstanceName": name if name is not None else iid.replace("i-", "web-"),
        "Description": "end-to-end instance",
        "HostName": iid,
        "Status": status,
        "InstanceType": "ecs.g7.large",
        "InstanceTypeFamily": "ecs.g7",
        "Cpu": 2,
        "Memory": 8192,
        "OSName": "Alibaba Cloud Linux 3.2104 LTS 64位",
        "OSType": "linux",
        "RegionId": region,
        "ZoneId": region + "-h",
        "InstanceChargeType": charge,
        "SpotStrategy": "NoSpot",
        "InstanceNetworkType": network,
        "LocalStorageAmount": 0,
        "LocalStorageCapacity": 0,
        "CreationTime": "2024-01-02T03:04Z",
        "StartTime": "2024-01-02T03:05Z",
        "ExpiredTime": "2099-12-31T15:59Z",
        "DeletionProtection": False,
        "OperationLocks": {"LockReason": [{"LockReason": r, "LockMsg": f"locked: {r}"} for r in locks]},
        "PublicIpAddress": {"IpAddress": []},
        "InnerIpAddress": {"IpAddress": []},
        "EipAddress": {"AllocationId": "", "IpAddress": "", "Bandwidth": 0},
        "Tags": {"Tag": [{"TagKey": "env", "TagValue": "e2e"}]},
        "SecurityGroupIds": {"SecurityGroupId": ["sg-e2e0001"]},
        "HibernationOptions": {"Configured": False},
    }
    if network == "vpc":
        inst["VpcAttributes"] = {"VpcId": "vpc-e2e01", "VSwitchId": "vsw-e2e01",
                                 "PrivateIpAddress": {"IpAddress": [f"172.16.{seq // 250}.{seq % 250 + 2}"]}}
    else:
        inst["InnerIpAddress"] = {"IpAddress": [f"10.0.{seq // 250}.{seq % 250 + 2}"]}
    if stopped_mode:
        inst["StoppedMode"] = stopped_mode
    return inst


def fleet():
    items = [instance(f"i-e2erun0{n}", seq=n) for n in range(1, 7)]
    items += [
        instance("i-e2estop01", status="Stopped", seq=10, stopped_mode="KeepCharging"),
        instance("i-e2esec01", locks=("security",), seq=11),
        instance("i-e2efin01", locks=("financial",), seq=12),
        instance("i-e2eclassic01", network="classic", seq=13),
        instance("i-e2ecjk01", name=CJK_NAME, seq=14),
        instance("i-e2eesc01", name=ESC_NAME, seq=15),
    ]
    items += [instance(f"i-e2ebulk{n:03d}", name=f"bulk-{n:03d}", seq=100 + n) for n in range(1, 106)]
    items.append(instance("i-e2esh01", region="cn-shanghai", seq=300))
    return items


LONG_NAME = "web-frontend-" + "-".join(f"segment{n:02d}" for n in range(1, 13)) + "-ok"  # 135 characters
LONG_CJK_NAME = "生产环境" * 20 + "尾"  # 162 display columns
C1_BIDI_NAME = "c1\u009b31mred\u202egnp.exe\u2066x\u2069\u2028y"


def review_fleet():
    """The second fleet of cli.sh (its own ecs-sim): names that are too long or carry C1 and bidi controls,
    instances stuck in Pending, Starting and Stopping, a stopped one with a financial lock, and instances that
    cannot use economical mode (subscription, local disks)."""
    items = [
        instance("i-rvlong01", name=LONG_NAME, seq=1),
        instance("i-rvlongcjk01", name=LONG_CJK_NAME, seq=2),
        instance("i-rvc1bidi01", name=C1_BIDI_NAME, seq=3),
        instance("i-rvrun01", seq=4),
        instance("i-rvpend01", status="Pending", seq=5),
        instance("i-rvstarting01", status="Starting", seq=6),
        instance("i-rvstopping01", status="Stopping", seq=7),
        instance("i-rvstopped01", status="Stopped", seq=8, stopped_mode="KeepCharging"),
        instance("i-rvstopfin01", status="Stopped", locks=("financial",), seq=9, stopped_mode="KeepCharging"),
        instance("i-rvsub01", charge="PrePaid", seq=10),
        instance("i-rvdisk01", seq=11),
    ]
    items[-1]["LocalStorageAmount"] = 2
    items[-1]["LocalStorageCapacity"] = 1788
    assert len(LONG_NAME) == 135, len(LONG_NAME)
    return items


if __name__ == "__main__":
    items = review_fleet() if len(sys.argv) > 2 and sys.argv[2] == "review" else fleet()
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump({"RequestId": "e2e-fleet", "Instances": {"Instance": items}}, f, ensure_ascii=False, indent=1)
