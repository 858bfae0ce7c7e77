#!/usr/bin/env python3
"""`ecsfleet list --output json`, written with the official Python SDK: what an operator would otherwise run.

    python scripts/sdk_list.py --endpoint http://127.0.0.1:PORT [--region cn-hangzhou] > instances.json

Pages DescribeInstances with alibabacloud-ecs20140526 (V3 signing) as its documentation shows, MaxResults=100 in a
NextToken loop, and prints every instance as a JSON array with the API's field names (`to_map()`), indented, as
`ecsfleet list --output json` does. scripts/bench.sh times this whole process against the whole `ecsfleet list`
process; scripts/sdk_list_bench.py times the paging loop alone inside a warm process.

Exits 1 if a call fails, 2 on bad usage or when the SDK is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import urlparse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="ecs-sim URL, http://127.0.0.1:PORT")
    parser.add_argument("--region", default="cn-hangzhou")
    parser.add_argument("--access-key-id", default="sandbox")
    parser.add_argument("--access-key-secret", default="sandbox-secret")
    args = parser.parse_args()
    url = urlparse(args.endpoint if "://" in args.endpoint else "http://" + args.endpoint)
    if not url.netloc:
        parser.error(f"--endpoint: no host in {args.endpoint!r}")
    try:
        from alibabacloud_ecs20140526 import models as ecs_models
        from alibabacloud_ecs20140526.client import Client
        from alibabacloud_tea_openapi.models import Config
    except ImportError as e:
        print(f"sdk_list: the official SDK is not installed ({e}); pip install alibabacloud-ecs20140526", file=sys.stderr)
        return 2

    client = Client(Config(access_key_id=args.access_key_id, access_key_secret=args.access_key_secret,
                           endpoint=url.netloc, protocol=url.scheme or "http", region_id=args.region))
    instances: list[dict] = []
    token = None
    try:
        while True:
            request = ecs_models.DescribeInstancesRequest(region_id=args.region, max_results=100, next_token=token)
            body = client.describe_instances(request).body
            if body.instances and body.instances.instance:
                instances.extend(i.to_map() for i in body.instances.instance)
            token = body.next_token
            if not token:
                break
    except Exception as e:  # the SDK raises its own exception types
        print(f"sdk_list: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    # One write of the whole text: json.dump() to a stream writes piece by piece and is several times slower.
    sys.stdout.write(json.dumps(instances, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
