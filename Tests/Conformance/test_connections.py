"""Connection handling on a raw socket: an HTTP/1.0 request without keep-alive gets its answer and then the
connection is closed at once (not left open until the idle timeout); keep-alive connections stay usable."""

from __future__ import annotations

import socket
import time

import pytest

import fleet as fleets

CLOSE_WITHIN = 5.0  # seconds; the idle timeout it must not wait for is 120


@pytest.fixture(scope="module")
def csim(start_module_sim):
    return start_module_sim(fleet=fleets.standard_fleet())


def read_until_closed(s: socket.socket, limit: float) -> tuple[bytes, bool]:
    """Everything the server sends until it closes (True) or `limit` seconds pass (False)."""
    s.settimeout(0.25)
    data, deadline = b"", time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            return data, True
        data += chunk
    return data, False


@pytest.mark.parametrize("request_line,extra", [
    ("GET /?Action=DescribeRegions HTTP/1.0", ""),
    ("POST / HTTP/1.0", "Content-Length: 0\r\n"),
    ("GET /latest/meta-data/ HTTP/1.0", ""),
    ("GET / HTTP/1.1", "Connection: close\r\n"),
])
def test_closes_after_answer_without_keep_alive(csim, request_line, extra):
    with socket.create_connection((csim.host, csim.port), timeout=5) as s:
        s.sendall(f"{request_line}\r\nHost: {csim.netloc}\r\n{extra}\r\n".encode())
        data, closed = read_until_closed(s, CLOSE_WITHIN)
    assert data.startswith(b"HTTP/1."), data[:200]
    assert closed, f"connection still open {CLOSE_WITHIN}s after the answer: {data[:200]!r}"


def read_response(s: socket.socket) -> bytes:
    """One whole response (head and Content-Length body)."""
    s.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        assert chunk, f"closed before a whole head: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
    while len(body) < length:
        chunk = s.recv(65536)
        assert chunk, "closed before the whole body"
        body += chunk
    return head


def test_http10_keep_alive_and_http11_stay_usable(csim):
    for first in ("GET / HTTP/1.0\r\nConnection: keep-alive", "GET / HTTP/1.1"):
        with socket.create_connection((csim.host, csim.port), timeout=5) as s:
            for _ in range(2):
                s.sendall(f"{first}\r\nHost: {csim.netloc}\r\n\r\n".encode())
                assert read_response(s).startswith(b"HTTP/1."), first
