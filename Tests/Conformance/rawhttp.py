"""Raw HTTP to ecs-sim, with a small signer for both signature versions (docs/ECS-SEMANTICS.md#signatures).

Used where an SDK cannot express the request: skewed clocks, reused nonces, missing headers, gaps in
`InstanceId.N`, garbage. The signer is checked against Tests/ECSAPITests/Fixtures/signature-vectors.json in test_signing.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import http.client
import json
import socket
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

VERSION = "2014-05-26"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def enc(s: str) -> str:
    """RFC 3986 percent-encoding of UTF-8 bytes: A-Z a-z 0-9 - _ . ~ stay."""
    return quote(str(s), safe="-_.~", encoding="utf-8")


def canonical_query(params: dict) -> str:
    return "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted((str(k), str(v)) for k, v in params.items()))


# ---------------------------------------------------------------- V3 (ACS3-HMAC-SHA256)


def v3_canonical_request(method: str, path: str, query: dict, headers: dict, signed: list[str], body: bytes) -> str:
    low = {k.lower(): str(v).strip() for k, v in headers.items()}
    canon_headers = "".join(f"{h}:{low[h]}\n" for h in signed)
    return "\n".join(
        [method, path, canonical_query(query), canon_headers, ";".join(signed), hashlib.sha256(body).hexdigest()]
    )


def v3_signature(secret: str, canonical_request: str) -> tuple[str, str]:
    sts = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()
    return sts, hmac.new(secret.encode("utf-8"), sts.encode("utf-8"), hashlib.sha256).hexdigest()


# ---------------------------------------------------------------- V1 (HMAC-SHA1)


def v1_string_to_sign(method: str, params: dict) -> str:
    return f"{method}&{enc('/')}&{enc(canonical_query(params))}"


def v1_signature(secret: str, string_to_sign: str) -> str:
    digest = hmac.new((secret + "&").encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def utc_stamp(skew_seconds: float = 0) -> str:
    t = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=skew_seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- transport


@dataclass
class Reply:
    status: int
    headers: dict  # lower-case names
    body: bytes
    string_to_sign: str = ""
    sent_query: dict = field(default_factory=dict)

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def code(self):
        try:
            return self.json().get("Code")
        except Exception:
            return None

    def __repr__(self) -> str:
        return f"Reply({self.status}, {self.headers.get('content-type')!r}, {self.body[:400]!r})"


class Raw:
    """Talks to one simulator with http.client (fresh connection per request, bounded timeouts)."""

    def __init__(self, host: str, port: int, ak: str = "sandbox", secret: str = "sandbox-secret", token: str | None = None):
        self.host, self.port = host, port
        self.ak, self.secret, self.token = ak, secret, token

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    def send(self, method: str, target: str, headers: dict | None = None, body: bytes = b"", timeout: float = 20) -> Reply:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            hdrs = dict(headers or {})
            for k, v in hdrs.items():
                conn.putheader(k, v)
            if body or method in ("POST", "PUT"):
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body if body else None)
            resp = conn.getresponse()
            data = resp.read()
            return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
        finally:
            conn.close()

    def send_bytes(self, raw_request: bytes, timeout: float = 20) -> bytes:
        """Sends raw bytes on a socket and returns everything read until the server closes or goes quiet."""
        with socket.create_connection((self.host, self.port), timeout=timeout) as s:
            s.sendall(raw_request)
            chunks = []
            try:
                while True:
                    b = s.recv(65536)
                    if not b:
                        break
                    chunks.append(b)
                    if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                        break
            except socket.timeout:
                pass
            return b"".join(chunks)

    # -------------------------------------------------------- signed requests

    def v3(
        self,
        action: str,
        params: dict | None = None,
        *,
        ak: str | None = None,
        secret: str | None = None,
        token: str | None = None,
        version: str = VERSION,
        date: str | None = None,
        nonce: str | None = None,
        drop: tuple[str, ...] = (),
        unsigned: tuple[str, ...] = (),
        extra: dict | None = None,
        authorization: str | None = None,
        body: bytes = b"",
        content_sha256: str | None = None,
        query_string: str | None = None,
    ) -> Reply:
        """A V3-signed POST. `drop` removes headers after signing; `unsigned` leaves them out of SignedHeaders."""
        params = {k: _wire(v) for k, v in (params or {}).items()}
        token = token if token is not None else self.token
        headers = {
            "host": self.netloc,
            "x-acs-action": action,
            "x-acs-version": version,
            "x-acs-date": date or utc_stamp(),
            "x-acs-signature-nonce": nonce or uuid.uuid4().hex,
            "x-acs-content-sha256": content_sha256 or hashlib.sha256(body).hexdigest(),
            "accept": "application/json",
        }
        if token:
            headers["x-acs-accesskey-id"] = ak or self.ak
            headers["x-acs-security-token"] = token
        headers.update(extra or {})
        signed = sorted(h for h in headers if h not in unsigned)
        creq = v3_canonical_request("POST", "/", params, headers, signed, body)
        _, sig = v3_signature(secret or self.secret, creq)
        headers["Authorization"] = authorization or (
            f"ACS3-HMAC-SHA256 Credential={ak or self.ak},SignedHeaders={';'.join(signed)},Signature={sig}"
        )
        for h in drop:
            headers.pop(h, None)
        qs = query_string if query_string is not None else urlencode(params)
        reply = self.send("POST", "/?" + qs if qs else "/", headers, body)
        reply.sent_query = params
        return reply

    def v1_params(
        self,
        action: str,
        params: dict | None = None,
        *,
        ak: str | None = None,
        token: str | None = None,
        version: str = VERSION,
        fmt: str | None = "JSON",
        timestamp: str | None = None,
        nonce: str | None = None,
        region: str | None = "cn-hangzhou",
    ) -> dict:
        p = {
            "Action": action,
            "Version": version,
            "AccessKeyId": ak or self.ak,
            "SignatureMethod": "HMAC-SHA1",
            "SignatureVersion": "1.0",
            "SignatureNonce": nonce or uuid.uuid4().hex,
            "SignatureType": "",
            "Timestamp": timestamp or utc_stamp(),
        }
        if fmt is not None:
            p["Format"] = fmt
        if region is not None:
            p["RegionId"] = region
        tok = token if token is not None else self.token
        if tok:
            p["SecurityToken"] = tok
        p.update({k: _wire(v) for k, v in (params or {}).items()})
        return p

    def v1(
        self,
        action: str,
        params: dict | None = None,
        *,
        secret: str | None = None,
        sign: bool = True,
        form: dict | None = None,
        method: str = "POST",
        **kw,
    ) -> Reply:
        """A V1-signed request: everything in the query, or `form` params in a form body (both signed)."""
        p = self.v1_params(action, params, **kw)
        form = {k: _wire(v) for k, v in (form or {}).items()}
        sts = v1_string_to_sign(method, {**p, **form})
        if sign:
            p["Signature"] = v1_signature(secret or self.secret, sts)
        headers = {"Host": self.netloc, "Accept": "*/*"}
        body = b""
        if form:
            body = urlencode(form).encode("utf-8")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        qs = "&".join(f"{enc(k)}={enc(v)}" for k, v in p.items())
        reply = self.send(method, "/?" + qs, headers, body)
        reply.string_to_sign = sts
        reply.sent_query = p
        return reply


def _wire(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _complete(buf: bytes) -> bool:
    head, _, rest = buf.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return len(rest) >= int(value.strip())
            except ValueError:
                return False
    return False
