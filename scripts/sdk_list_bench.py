#!/usr/bin/env python3
"""Times the official Python SDK listing one region of an ecs-sim, for comparison with `ecsfleet list`.

    python scripts/sdk_list_bench.py --endpoint http://127.0.0.1:PORT [--region cn-hangzhou] [--runs 3]

Uses alibabacloud-ecs20140526 (V3 signing, ACS3-HMAC-SHA256) as its documentation shows:
`Client(Config(access_key_id, access_key_secret, endpoint="127.0.0.1:PORT", protocol="http"))`, then
DescribeInstances with MaxResults=100 in a NextToken loop until the last page. One client for all runs (its
connection pool is reused), sequential, as a script would do it.

Prints one line per run, the median, and last one JSON line: {"bench": "python-sdk", "median_s": ..., ...}.
Exits 1 if a run fails or lists nothing, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from urllib.parse import urlparse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="ecs-sim URL, http://127.0.0.1:PORT")
    parser.add_argument("--region", default="cn-hangzhou")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--access-key-id", default="sandbox")
    parser.add_argument("--access-key-secret", default="sandbox-secret")
    parser.add_argument("--json-only", action="store_true", help="print only the JSON line")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")

    url = urlparse(args.endpoint if "://" in args.endpoint else "http://" + args.endpoint)
    if not url.netloc:
        parser.error(f"--endpoint: no host in {args.endpoint!r}")

    try:
        from alibabacloud_ecs20140526 import models as ecs_models
        from alibabacloud_ecs20140526.client import Client
        from alibabacloud_tea_openapi.models import Config
    except ImportError as e:
        print(f"sdk_list_bench: the official SDK is not installed ({e}); pip install alibabacloud-ecs20140526",
              file=sys.stderr)
        return 2

    client = Client(Config(access_key_id=args.access_key_id, access_key_secret=args.access_key_secret,
                           endpoint=url.netloc, protocol=url.scheme or "http", region_id=args.region))

    def list_region() -> tuple[int, int]:
        count, pages, token = 0, 0, None
        while True:
            request = ecs_models.DescribeInstancesRequest(region_id=args.region, max_results=100, next_token=token)
            body = client.describe_instances(request).body
            pages += 1
            count += len(body.instances.instance) if body.instances and body.instances.instance else 0
            token = body.next_token
            if not token:
                return count, pages

    times: list[float] = []
    count = pages = 0
    for run in range(1, args.runs + 1):
        started = time.perf_counter()
        try:
            count, pages = list_region()
        except Exception as e:  # the SDK raises its own exception types; report and fail
            print(f"sdk_list_bench: run {run} failed: {type(e).__name__}: {e}", file=sys.stderr)
            print(json.dumps({"bench": "python-sdk", "region": args.region, "error": f"{type(e).__name__}: {e}"}))
            return 1
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        if not args.json_only:
            print(f"run {run}: {count} instances in {pages} pages, {elapsed:.3f} s", flush=True)

    median = statistics.median(times)
    if not args.json_only:
        print(f"official Python SDK (alibabacloud-ecs20140526, V3), {args.region}: median {median:.3f} s "
              f"over {args.runs} runs ({count} instances)")
    print(json.dumps({"bench": "python-sdk", "region": args.region, "instances": count, "pages": pages,
                      "runs_s": [round(t, 3) for t in times], "median_s": round(median, 3)}))
    return 0 if count > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
