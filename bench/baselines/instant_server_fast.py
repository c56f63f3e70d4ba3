#!/usr/bin/env python3
"""A faster instant model server, for bench/services only: a real HTTP/1.1 server over TCP that answers
the model contract's classification request at once, cheaply enough that Winnow, not the server, is
what a benchmark on 2 cores measures.

examples/models/instant/server.py (the reference) parses every request with the `email` package in a
threaded server and spends about 1.5 ms of CPU per request, more than the 1 ms Winnow is allowed. This
one keeps what matters to Winnow and drops the rest:
  * HTTP/1.1 keep-alive over asyncio, several worker processes sharing one listening socket ($WORKERS,
    default 2), a Content-Length on every answer;
  * POST (any path) with a Content-Length body answers 200 with a valid classification result (five
    labels with scores as strings, "predicted_label" first), picked by the SHA-256 of the body, so
    different images get different answers; GET /health answers 200 {"status": "ready"};
  * it does not parse the multipart body (the image bytes are hashed with the framing around them),
    and refuses chunked request bodies with 411.

Environment: PORT (required), HOST (default 127.0.0.1), WORKERS (default 2). Prints "listening" on
stdout once ready. SIGTERM or SIGINT stops every worker.
"""
import asyncio
import hashlib
import json
import os
import signal
import socket
import sys

LABELS = ["cat", "dog", "bird", "fish", "horse"]


def make_answers():
    answers = []
    for seed in range(256):
        weights = [((seed * 2654435761 + i * 40503) % 1000 + 50) ** 3 for i in range(len(LABELS))]
        total = sum(weights)
        ranked = sorted(zip(LABELS, (w / total for w in weights)), key=lambda pair: -pair[1])
        body = json.dumps({"predicted_label": ranked[0][0], "scores": [[label, f"{p:.4f}"] for label, p in ranked]}).encode()
        answers.append(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    return answers


ANSWERS = make_answers()
HEALTH_BODY = b'{"status": "ready"}'
HEALTH = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(HEALTH_BODY), HEALTH_BODY)
LENGTH_REQUIRED = b"HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class Connection(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = bytearray()
        transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end]).lower()
            if b"transfer-encoding: chunked" in head:
                self.transport.write(LENGTH_REQUIRED)
                self.transport.close()
                return
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = head.find(b"\r\n", at + 2)
                length = int(head[at + 17:stop if stop >= 0 else len(head)])
            total = end + 4 + length
            if len(self.buffer) < total:
                return
            if head.startswith(b"get "):
                self.transport.write(HEALTH)
            else:
                digest = hashlib.sha256(self.buffer[end + 4:total]).digest()
                self.transport.write(ANSWERS[digest[0]])
            del self.buffer[:total]


def serve(sock):
    async def main():
        server = await asyncio.get_running_loop().create_server(Connection, sock=sock, backlog=256)
        async with server:
            await server.serve_forever()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))
    asyncio.run(main())


def main():
    port = int(os.environ["PORT"])
    workers = max(1, int(os.environ.get("WORKERS", "2")))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((os.environ.get("HOST") or "127.0.0.1", port))
    sock.listen(256)
    sock.setblocking(False)
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            serve(sock)
            os._exit(0)
        children.append(pid)

    def stop(*_):
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    signal.signal(signal.SIGINT, lambda *_: (stop(), sys.exit(0)))
    print("listening", flush=True)
    for pid in children:
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
