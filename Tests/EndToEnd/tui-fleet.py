#!/usr/bin/env python3
"""Writes the fleet file of the terminal-screen end-to-end suite (Tests/EndToEnd/tui.sh) to the path given.

A DescribeInstances response body, {"Instances": {"Instance": [...]}}, all in cn-hangzhou:

  i-tuia01          Running, prod, VPC, PrePaid (not eligible for StopCharging), sorts first
  i-tuia02..a16     Running, prod, VPC, PostPaid, no local disks (eligible for economical mode)
  i-tuidev01..03    Running, dev
  i-tuistop01       Stopped, prod
  i-tuisec01        Running, prod, security lock
  i-tuicjk01        Running, prod, CJK name
  i-tuiesc01        Running, prod, a name with terminal escape sequences (OSC title, red SGR, BEL)
"""

import json
import sys

CJK_NAME = "生产-网关-数据库"
ESC_NAME = "\u001b]2;pwned\u0007\u001b[31mred\u001b[0m\u0007x"


def instance(iid, name=None, status="Running", env="prod", charge="PostPaid", locks=(), seq=1):
    return {
        "InstanceId": iid,
        "InstanceName": name if name is not None else iid.replace("i-tui", "web-"),
        "Description": "tui end-to-end instance",
        "HostName": iid,
        "Status": status,
        "InstanceType": "ecs.g7.large",
        "InstanceTypeFamily": "ecs.g7",
        "Cpu": 2,
        "Memory": 8192,
        "OSName": "Alibaba Cloud Linux 3.2104 LTS 64 bit",
        "OSType": "linux",
        "RegionId": "cn-hangzhou",
        "ZoneId": "cn-hangzhou-h",
        "InstanceChargeType": charge,
        "SpotStrategy": "NoSpot",
        "InstanceNetworkType": "vpc",
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
        "Tags": {"Tag": [{"TagKey": "env", "TagValue": env}, {"TagKey": "team", "TagValue": "e2e"}]},
        "SecurityGroupIds": {"SecurityGroupId": ["sg-tui0001"]},
        "VpcAttributes": {"VpcId": "vpc-tui01", "VSwitchId": "vsw-tui01",
                          "PrivateIpAddress": {"IpAddress": [f"172.16.0.{seq + 2}"]}},
        "HibernationOptions": {"Configured": False},
    }


def fleet():
    items = [instance("i-tuia01", charge="PrePaid", seq=1)]
    items += [instance(f"i-tuia{n:02d}", seq=n) for n in range(2, 17)]
    items += [instance(f"i-tuidev{n:02d}", env="dev", seq=20 + n) for n in range(1, 4)]
    items += [
        instance("i-tuistop01", status="Stopped", seq=30),
        instance("i-tuisec01", locks=("security",), seq=31),
        instance("i-tuicjk01", name=CJK_NAME, seq=32),
        instance("i-tuiesc01", name=ESC_NAME, seq=33),
    ]
    return items


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump({"RequestId": "tui-fleet", "Instances": {"Instance": fleet()}}, f, ensure_ascii=False, indent=1)
