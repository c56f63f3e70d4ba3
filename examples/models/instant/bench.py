#!/usr/bin/env python3
"""Measures a model server's requests/s over keep-alive connections (standard library only).

    python3 bench.py [--url http://127.0.0.1:PORT/] [--requests 5000] [--connections 4] [--image FILE]
                     [--seconds 30] [--start-instant]

With --start-instant it starts instant/server.py on a free port itself and stops it afterwards.
Each connection runs in its own process (so the client is not held back by one GIL), posts the same
multipart body over one HTTP/1.1 connection, and checks every answer is 200. Bounded in requests and time.
Only loopback URLs are accepted.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
# A 1x1 PNG, used when no --image is given.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def multipart(field: str, filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = "winnowbench7d1f0c"
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
        f"Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def worker(args) -> tuple[int, int, list[float]]:
    host, port, path, body, content_type, count, deadline = args
    connection = http.client.HTTPConnection(host, port, timeout=30)
    ok = failed = 0
    latencies = []
    headers = {"Content-Type": content_type, "Content-Length": str(len(body))}
    for _ in range(count):
        if time.time() > deadline:
            break
        started = time.perf_counter()
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status == 200:
            ok += 1
        else:
            failed += 1
    connection.close()
    return ok, failed, latencies


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"bench: {url} did not become healthy in {seconds} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=None)
    parser.add_argument("--requests", type=int, default=5000, help="total requests (default 5000)")
    parser.add_argument("--connections", type=int, default=4, help="keep-alive connections (default 4)")
    parser.add_argument("--seconds", type=float, default=30, help="stop after this long (default 30)")
    parser.add_argument("--image", type=Path, default=None)
    parser.add_argument("--field", default="images")
    parser.add_argument("--start-instant", action="store_true")
    args = parser.parse_args()

    server = None
    url = args.url
    if args.start_instant:
        port = free_port()
        server = subprocess.Popen([sys.executable, str(HERE / "server.py")], env={**os.environ, "PORT": str(port)})
        url = f"http://127.0.0.1:{port}/"
        wait_healthy(f"http://127.0.0.1:{port}/health")
    if not url:
        parser.error("give --url or --start-instant")
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("only loopback URLs are benchmarked")
    data = args.image.read_bytes() if args.image else TINY_PNG
    body, content_type = multipart(args.field, args.image.name if args.image else "tiny.png", data)
    per_connection = max(1, args.requests // args.connections)
    deadline = time.time() + args.seconds
    jobs = [(parts.hostname, parts.port or 80, parts.path or "/", body, content_type, per_connection, deadline)
            for _ in range(args.connections)]
    try:
        with multiprocessing.Pool(args.connections) as pool:
            started = time.perf_counter()
            results = pool.map(worker, jobs)
            elapsed = time.perf_counter() - started
    finally:
        if server:
            server.terminate()
            server.wait(10)
    ok = sum(r[0] for r in results)
    failed = sum(r[1] for r in results)
    latencies = sorted(x for r in results for x in r[2])
    p50 = latencies[len(latencies) // 2] * 1000 if latencies else 0
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0
    print(f"{ok + failed} requests ({failed} not 200) over {args.connections} keep-alive connections in "
          f"{elapsed:.2f} s: {(ok + failed) / elapsed:.0f} requests/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
