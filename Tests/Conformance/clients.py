"""The two official SDKs, pointed at a simulator, behind one small calling convention.

`api.call(action, {ApiName: value, ...})` returns the response body as a dict with the API's field names, or
raises `ApiError(code, status, ...)`. Parameters use the API's names (`InstanceId` as a list for the batch
calls, `Tag` as a list of `{"Key", "Value"}`), so one test body drives both SDKs through their real code paths:
V3 builds its request model with `from_map` and calls `<action>_with_options`; V1 uses the generated
request class's setters (falling back to `add_query_param`).
"""

from __future__ import annotations

import importlib
import json
import re

from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_ecs20140526.client import Client as EcsClient
from alibabacloud_tea_openapi import models as openapi_models
from alibabacloud_tea_openapi.client import Client as OpenApiClient
from darabonba.exceptions import ResponseException
from darabonba.runtime import RuntimeOptions

from aliyunsdkcore.acs_exception.exceptions import ServerException as V1ServerException
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import CommonRequest

DEFAULT_AK = "sandbox"
DEFAULT_SECRET = "sandbox-secret"


class ApiError(Exception):
    """An error answer from the simulator, as an SDK surfaced it."""

    def __init__(self, sdk: str, code, status, message, request_id, data=None, exc=None):
        super().__init__(f"[{sdk}] HTTP {status} {code}: {message} (RequestId {request_id})")
        self.sdk, self.code, self.status, self.message = sdk, code, status, message
        self.request_id, self.data, self.exc = request_id, data, exc


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class V3Api:
    """alibabacloud-ecs20140526 on alibabacloud-tea-openapi (ACS3-HMAC-SHA256)."""

    name = "v3"

    def __init__(self, netloc: str, ak=DEFAULT_AK, secret=DEFAULT_SECRET, token=None, region="cn-hangzhou",
                 signature_algorithm=None):
        self.region = region
        self.config = openapi_models.Config(
            access_key_id=ak,
            access_key_secret=secret,
            security_token=token,
            endpoint=netloc,
            protocol="http",
            region_id=region,
            read_timeout=20000,
            connect_timeout=5000,
            signature_algorithm=signature_algorithm,
        )
        if signature_algorithm == "v2":
            self.name = "v3rpc"
        self.client = EcsClient(self.config)
        self.last_headers: dict = {}
        self.last_status: int | None = None

    def call(self, action: str, params: dict | None = None) -> dict:
        params = dict(params or {})
        request = getattr(ecs_models, f"{action}Request")()
        if hasattr(request, "region_id") and "RegionId" not in params:
            params["RegionId"] = self.region
        request.from_map(params)
        method = getattr(self.client, f"{snake(action)}_with_options")
        try:
            response = method(request, RuntimeOptions())
        except ResponseException as e:
            raise _v3_error(e) from None
        self.last_headers = dict(response.headers or {})
        self.last_status = response.status_code
        return response.body.to_map()

    def call_generic(self, action: str, query: dict, version: str = "2014-05-26") -> dict:
        """Any action/version through the tea-openapi generic path (used for unknown Action/Version)."""
        client = OpenApiClient(self.config)
        params = openapi_models.Params(
            action=action, version=version, protocol="HTTP", pathname="/", method="POST",
            auth_type="AK", style="RPC", req_body_type="formData", body_type="json",
        )
        req = openapi_models.OpenApiRequest(query={k: str(v) for k, v in query.items()})
        try:
            return client.call_api(params, req, RuntimeOptions())["body"]
        except ResponseException as e:
            raise _v3_error(e) from None


def _v3_error(e) -> ApiError:
    data = getattr(e, "data", None) or {}
    return ApiError("v3", getattr(e, "code", None), getattr(e, "status_code", None), getattr(e, "message", None),
                    getattr(e, "request_id", None) or data.get("RequestId"), data, e)


class V1Api:
    """aliyun-python-sdk-ecs on aliyun-python-sdk-core (HMAC-SHA1)."""

    name = "v1"

    def __init__(self, netloc: str, ak=DEFAULT_AK, secret=DEFAULT_SECRET, token=None, region="cn-hangzhou",
                 auto_retry=False):
        self.netloc = netloc
        if token:
            self.client = AcsClient(region_id=region, credential=StsTokenCredential(ak, secret, token),
                                    auto_retry=auto_retry, timeout=20, connect_timeout=5)
        else:
            self.client = AcsClient(ak, secret, region, auto_retry=auto_retry, timeout=20, connect_timeout=5)
        self.region = region
        self.last_headers: dict = {}
        self.last_status: int | None = None

    def request(self, action: str, params: dict | None = None):
        module = importlib.import_module(f"aliyunsdkecs.request.v20140526.{action}Request")
        req = getattr(module, f"{action}Request")()
        for key, value in (params or {}).items():
            if key == "InstanceId" and isinstance(value, (list, tuple)):
                req.set_InstanceIds(list(value))
            elif key == "Tag":
                req.set_Tags(value)
            elif hasattr(req, f"set_{key}"):
                getattr(req, f"set_{key}")(value)
            else:
                req.add_query_param(key, value)
        self.point(req)
        return req

    def point(self, req):
        """Send to the simulator: no endpoint resolution, plain http."""
        req.set_endpoint(self.netloc)
        req.set_protocol_type("http")
        return req

    def send(self, req, fmt: str = "JSON"):
        """What do_action_with_exception does (it forces JSON), keeping status and headers."""
        req.set_accept_format(fmt)
        status, headers, body, exc = self.client._implementation_of_do_action(req)
        self.last_status, self.last_headers = status, {k.lower(): v for k, v in (headers or {}).items()}
        if exc is not None:
            if isinstance(exc, V1ServerException):
                raise ApiError("v1", exc.get_error_code(), exc.get_http_status(), exc.get_error_msg(),
                               exc.get_request_id(), None, exc) from None
            raise exc
        return body

    def call(self, action: str, params: dict | None = None) -> dict:
        return json.loads(self.send(self.request(action, params)).decode("utf-8"))

    def call_generic(self, action: str, query: dict, version: str = "2014-05-26") -> dict:
        req = CommonRequest(domain=self.netloc, version=version, action_name=action, product="Ecs")
        req.set_method("POST")
        req.set_protocol_type("http")
        for k, v in query.items():
            req.add_query_param(k, v)
        try:
            body = self.client.do_action_with_exception(req)
        except V1ServerException as exc:
            raise ApiError("v1", exc.get_error_code(), exc.get_http_status(), exc.get_error_msg(),
                           exc.get_request_id(), None, exc) from None
        return json.loads(body)


def make_api(kind: str, netloc: str, **kw):
    """v3: the current SDK as shipped (ACS3-HMAC-SHA256). v3rpc: the same SDK configured with
    signature_algorithm="v2", which sends Action/Version/Format=json and an HMAC-SHA1 signature in the query.
    v1: the older SDK."""
    if kind == "v3rpc":
        return V3Api(netloc, signature_algorithm="v2", **kw)
    return {"v3": V3Api, "v1": V1Api}[kind](netloc, **kw)

