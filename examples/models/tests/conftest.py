"""Helpers for the example model servers' tests: start a server as Winnow would, post multipart requests,
and check answers against docs/model-contract.md."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parent.parent
REPO = MODELS.parent.parent
SHARED = Path(os.environ.get("WINNOW_SHARED_DIR") or REPO.parent / "shared")
FIXTURES = SHARED / "fixtures"


def shared_fixture(relative: str) -> Path:
    """A file under ../shared/fixtures, or a skip with a message when shared/ is absent."""
    path = FIXTURES / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared fixtures are not beside this checkout)")
    return path


# --- images made without third-party packages -----------------------------------------------------------

def make_png(width: int, height: int, seed: int = 0, channels: int = 1) -> bytes:
    """An 8-bit gray (channels=1) or RGB (channels=3) PNG with a seeded pattern, standard library only."""
    color_type = {1: 0, 3: 2}[channels]
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            for c in range(channels):
                row.append((x * 7 + y * 13 + seed * 31 + c * 50 + (x * y) % (seed + 3)) & 0xFF)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))


# --- HTTP ---------------------------------------------------------------------------------------------------

class Response:
    def __init__(self, status: int, headers: dict, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        assert self.headers.get("content-type", "").startswith("application/json"), self.headers
        return json.loads(self.body)

    def __repr__(self):
        return f"<Response {self.status} {self.body[:300]!r}>"


def multipart(fields: list[tuple[str, str | None, bytes]]) -> tuple[bytes, str]:
    boundary = "----winnowtest" + uuid.uuid4().hex
    body = bytearray()
    for name, filename, data in fields:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        body += b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


class Server:
    """A model server process started the way Winnow starts one: cwd = its folder, PORT in the environment."""

    def __init__(self, folder: Path, env: dict | None = None, startup_timeout: float = 180):
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.stderr = tempfile.TemporaryFile()
        environment = {**os.environ, **(env or {}), "PORT": str(self.port)}
        self.process = subprocess.Popen([sys.executable, "server.py"], cwd=folder, env=environment,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.stderr)
        self.wait_ready(startup_timeout)

    def stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.folder.name} exited with {self.process.returncode}:\n{self.stderr_text()}")
            try:
                if self.get("/health").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise AssertionError(f"{self.folder.name} was not healthy after {timeout} s:\n{self.stderr_text()}")

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                connection: http.client.HTTPConnection | None = None) -> Response:
        own = connection is None
        connection = connection or self.connection()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
        finally:
            if own:
                connection.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_image(self, data: bytes, filename: str = "image.png", field: str = "images", path: str = "/",
                   connection: http.client.HTTPConnection | None = None) -> Response:
        body, content_type = multipart([(field, filename, data)])
        return self.request("POST", path, body, {"Content-Type": content_type}, connection)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


def serve(name: str, **env):
    """Starts examples/models/NAME/server.py, yields it, stops it with SIGTERM and requires exit status 0."""
    server = Server(MODELS / name, {k: str(v) for k, v in env.items()})
    try:
        yield server
    finally:
        code = server.stop()
    assert code == 0, f"{name} exited {code} on SIGTERM:\n{server.stderr_text()}"


@pytest.fixture
def start_server():
    """start_server(folder_name, **env) -> Server, for a server with its own settings in one test."""
    generators = []

    def start(name: str, **env) -> Server:
        generator = serve(name, **env)
        generators.append(generator)
        return next(generator)

    yield start
    for generator in generators:
        next(generator, None)


# --- the contract -------------------------------------------------------------------------------------------

def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_classification(answer: dict, *, embedding_max: int | None = None) -> None:
    """The ModelArts classification answer of docs/model-contract.md."""
    assert set(answer) <= {"predicted_label", "scores", "embedding"}, answer.keys()
    assert isinstance(answer["predicted_label"], str) and answer["predicted_label"]
    scores = answer["scores"]
    assert isinstance(scores, list) and scores
    values = []
    for pair in scores:
        assert isinstance(pair, list) and len(pair) == 2, pair
        label, score = pair
        assert isinstance(label, str) and label
        assert isinstance(score, str) or is_number(score), pair
        value = float(score)
        assert 0.0 <= value <= 1.0, pair
        values.append(value)
    assert values == sorted(values, reverse=True), "scores must be sorted descending"
    assert len({label for label, _ in scores}) == len(scores), "labels repeat"
    assert answer["predicted_label"] == scores[0][0]
    if "embedding" in answer:
        embedding = answer["embedding"]
        assert isinstance(embedding, list) and embedding and all(is_number(v) for v in embedding)
        if embedding_max is not None:
            assert len(embedding) <= embedding_max


def check_detection(answer: dict, width: int, height: int) -> None:
    """The ModelArts detection answer: parallel lists, boxes [ymin, xmin, ymax, xmax] inside the image."""
    assert set(answer) <= {"detection_classes", "detection_boxes", "detection_scores", "embedding"}, answer.keys()
    classes, boxes, scores = answer["detection_classes"], answer["detection_boxes"], answer["detection_scores"]
    assert isinstance(classes, list) and isinstance(boxes, list) and isinstance(scores, list)
    assert len(classes) == len(boxes) == len(scores)
    for label, box, score in zip(classes, boxes, scores):
        assert isinstance(label, str) and label
        assert isinstance(box, list) and len(box) == 4 and all(is_number(v) for v in box), box
        ymin, xmin, ymax, xmax = box
        assert 0 <= ymin <= ymax <= height and 0 <= xmin <= xmax <= width, (box, width, height)
        assert is_number(score) and 0.0 <= score <= 1.0


def check_error(response: Response, status: int = 400, code: str | None = None) -> dict:
    assert response.status == status, response
    body = response.json()
    assert set(body) == {"error_code", "error_msg"}, body
    assert isinstance(body["error_code"], str) and body["error_code"]
    assert isinstance(body["error_msg"], str) and body["error_msg"]
    if code:
        assert body["error_code"] == code, body
    assert int(response.headers["content-length"]) == len(response.body)
    return body
