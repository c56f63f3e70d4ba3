"""A small HTTP/1.1 inference server for Winnow's example models (standard library only).

It implements the transport half of docs/model-contract.md so that each example only has to say how
it loads its model and what it answers for one image:

    from common.multipart_server import RequestError, run

    def load():                      # optional, runs in a background thread; /health is 503 until it returns
        return build_my_model()

    def predict(model, upload):      # upload.data is the image's bytes, upload.filename its name
        return {"predicted_label": "cat", "scores": [["cat", "0.97"]]}

    run(predict, load=load, name="my-model")

What it does:
  * listens on 127.0.0.1 (or $HOST) and the port in $PORT (default 8080; 0 picks a free one and prints it);
  * HTTP/1.1 with keep-alive, a Content-Length on every answer, TCP_NODELAY, one write per answer;
  * POST {request path} (default "/") with multipart/form-data, parsed with the `email` package; the image
    is the part named "images" (or $MODEL_FIELD_NAME); chunked request bodies and "Expect: 100-continue"
    are understood;
  * GET {health path} (default "/health") answers 200 {"status": "ready"} once load() has returned and
    503 {"status": "loading"} before; if load() raises, the server exits with status 1 and the traceback
    on stderr;
  * errors are JSON in the ModelArts shape {"error_code": ..., "error_msg": ...}: 400 for a request the
    model cannot handle, 404/405 for a wrong path or method, 413 for a body over $MODEL_MAX_BODY_MB
    (default 64), 503 while loading, 500 when predict() fails unexpectedly;
  * SIGTERM or SIGINT stops accepting connections, lets requests in progress finish (up to 10 s) and
    exits 0.

Environment: PORT, HOST, MODEL_REQUEST_PATH, MODEL_FIELD_NAME, MODEL_HEALTH_PATH, MODEL_MAX_BODY_MB,
MODEL_LOG_REQUESTS=1 (log every request to stderr; errors are always logged).
"""

from __future__ import annotations

import base64
import binascii
import email.message
import email.parser
import email.policy
import email.utils
import io
import json
import os
import signal
import socketserver
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

__all__ = ["RequestError", "Upload", "parse_multipart", "decode_image", "run", "json_bytes"]


class RequestError(Exception):
    """Raised by predict() (or the transport) to answer with an HTTP error and a ModelArts error body."""

    def __init__(self, status: int, error_code: str, error_msg: str):
        super().__init__(f"{status} {error_code}: {error_msg}")
        self.status = status
        self.error_code = error_code
        self.error_msg = error_msg


@dataclass
class Upload:
    field: str
    filename: Optional[str]
    content_type: Optional[str]
    data: bytes


# The `email` package parses the Content-Type parameters and each part's headers (quoting, RFC 2231
# filenames); the body is split on the boundary with bytes.find, which is linear and fast. Feeding the whole
# body to email.parser.BytesParser costs ~0.2 ms for a tiny upload and ~70 ms per MB; this costs ~0.05 ms
# and scales with memcpy. compat32 because the newer policies' header parser is several times slower.
_HEADER_PARSER = email.parser.HeaderParser(policy=email.policy.compat32)


def _text(value) -> str:
    """A header parameter as text, RFC 2231 (filename*=UTF-8''...) values decoded."""
    return str(email.utils.collapse_rfc2231_value(value))


def _bad(message: str) -> RequestError:
    return RequestError(400, "BAD_MULTIPART", message)


def parse_multipart(content_type: str, body: bytes) -> list[Upload]:
    """Splits a multipart/form-data body (RFC 7578, CRLF line ends) into its named parts.

    Raises RequestError(400) when the request is not multipart/form-data or is malformed.
    """
    header = email.message.Message()
    header["Content-Type"] = content_type or "text/plain"
    if not content_type or header.get_content_type() != "multipart/form-data":
        raise RequestError(400, "BAD_CONTENT_TYPE",
                           f"expected multipart/form-data, got {content_type or 'no Content-Type'!r}")
    boundary = header.get_boundary()
    if not boundary:
        raise _bad("the Content-Type has no boundary")
    dash = b"--" + boundary.encode("latin-1")
    delimiter = b"\r\n" + dash
    if body.startswith(dash):
        position = 0
    else:
        position = body.find(delimiter)
        if position < 0:
            raise _bad("the body does not contain the boundary")
        position += 2
    uploads = []
    while True:
        position += len(dash)
        if body.startswith(b"--", position):
            return uploads  # the close delimiter
        line_end = body.find(b"\r\n", position)
        if line_end < 0 or body[position:line_end].strip(b" \t"):
            raise _bad("malformed boundary line")
        start = line_end + 2
        end = body.find(delimiter, start)
        if end < 0:
            raise _bad("a part is not followed by a boundary (truncated body?)")
        if body.startswith(b"\r\n", start):
            head, data = b"", body[start + 2:end]
        else:
            head_end = body.find(b"\r\n\r\n", start, end)
            if head_end < 0:
                raise _bad("a part's headers do not end with an empty line")
            head, data = body[start:head_end], body[head_end + 4:end]
        position = end + 2
        # Part headers as UTF-8 text: RFC 7578 lets clients send file names as raw UTF-8.
        part = _HEADER_PARSER.parsestr(head.decode("utf-8", "replace") + "\r\n\r\n")
        params = dict(part.get_params(header="content-disposition") or ())
        name, filename = params.get("name"), params.get("filename")
        if name is None:
            continue
        encoding = (part.get("content-transfer-encoding") or "").strip().lower()
        if encoding == "base64":
            try:
                data = base64.b64decode(data, validate=False)
            except (ValueError, binascii.Error) as error:
                raise _bad(f"invalid base64 in part {name!r}") from error
        uploads.append(Upload(
            field=_text(name),
            filename=None if filename is None else _text(filename),
            content_type=part.get_content_type() if part.get("content-type") else None,
            data=data,
        ))


def decode_image(data: bytes):
    """Opens image bytes with Pillow (imported lazily) or raises RequestError(400, "INVALID_IMAGE")."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
        return image
    except UnidentifiedImageError as error:
        raise RequestError(400, "INVALID_IMAGE", "the upload is not an image this model can read") from error
    except Image.DecompressionBombError as error:
        raise RequestError(400, "IMAGE_TOO_LARGE", str(error)) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise RequestError(400, "INVALID_IMAGE", f"the image is corrupt or truncated: {error}") from error


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class _App:
    def __init__(self, name, predict, request_path, field_name, health_path, max_body, log_requests):
        self.name = name
        self.predict = predict
        self.request_path = request_path
        self.field_name = field_name
        self.health_path = health_path
        self.max_body = max_body
        self.log_requests = log_requests
        self.model: Any = None
        self.ready = threading.Event()
        self.active = 0
        self.active_lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "winnow-example-model/1"
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024  # buffered: status, headers and body leave in one write (flushed per request)
    timeout = 300  # seconds an idle keep-alive connection is kept

    @property
    def app(self) -> _App:
        return self.server.app  # type: ignore[attr-defined]

    # --- plumbing -------------------------------------------------------------------------------------

    def log_request(self, code="-", size="-"):
        if self.app.log_requests:
            super().log_request(code, size)

    def log_message(self, format, *args):
        sys.stderr.write(f"{self.app.name}: {self.address_string()} {format % args}\n")

    def handle_expect_100(self):
        self.send_response_only(100)
        self.end_headers()
        self.wfile.flush()
        return True

    def send_json(self, status: int, value: Any):
        body = json_bytes(value)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error_json(self, error: RequestError):
        if error.status >= 500 or self.app.log_requests:
            self.log_message("%d %s: %s", error.status, error.error_code, error.error_msg)
        self.send_json(error.status, {"error_code": error.error_code, "error_msg": error.error_msg})

    def send_error(self, code, message=None, explain=None):
        # Errors raised by http.server itself (malformed request line, headers too long, unknown method).
        self.close_connection = True
        text = message or self.responses.get(code, ("error",))[0]
        self.log_message("%d %s", code, text)
        body = json_bytes({"error_code": f"HTTP_{code}", "error_msg": text})
        self.send_response(code, message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    def read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise RequestError(411, "LENGTH_REQUIRED", "the request has neither Content-Length nor chunked encoding")
        try:
            size = int(length)
            if size < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            raise RequestError(400, "BAD_REQUEST", f"invalid Content-Length {length!r}") from None
        if size > self.app.max_body:
            self.close_connection = True  # the body is not read, so the connection cannot be reused
            raise RequestError(413, "REQUEST_TOO_LARGE", f"the body has {size} bytes, the limit is {self.app.max_body}")
        data = self.rfile.read(size)
        if len(data) != size:
            self.close_connection = True
            raise RequestError(400, "BAD_REQUEST", "the connection closed before the whole body arrived")
        return data

    def _read_chunked(self) -> bytes:
        chunks, total = [], 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                self.close_connection = True
                raise RequestError(400, "BAD_REQUEST", "malformed chunked body") from None
            if size == 0:
                while self.rfile.readline(8192).strip():  # trailers
                    pass
                return b"".join(chunks)
            total += size
            if total > self.app.max_body:
                self.close_connection = True
                raise RequestError(413, "REQUEST_TOO_LARGE", f"the body exceeds {self.app.max_body} bytes")
            chunks.append(self.rfile.read(size))
            self.rfile.readline(8)  # the CRLF after each chunk

    # --- routes ---------------------------------------------------------------------------------------

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == self.app.health_path:
            if self.app.ready.is_set():
                self.send_json(200, {"status": "ready", "model": self.app.name})
            else:
                self.send_json(503, {"status": "loading", "model": self.app.name})
        elif path == self.app.request_path:
            self.send_error_json(RequestError(405, "METHOD_NOT_ALLOWED", f"use POST {self.app.request_path}"))
        else:
            self.send_error_json(RequestError(404, "NOT_FOUND", f"no route for GET {path}"))

    do_HEAD = do_GET

    def do_POST(self):
        app = self.app
        with app.active_lock:
            app.active += 1
        try:
            try:
                body = self.read_body()
                path = urlsplit(self.path).path
                if path != app.request_path:
                    raise RequestError(404, "NOT_FOUND", f"no route for POST {path}; predictions are at {app.request_path}")
                if not app.ready.is_set():
                    raise RequestError(503, "MODEL_LOADING", "the model is still loading; retry later")
                uploads = parse_multipart(self.headers.get("Content-Type", ""), body)
                upload = next((u for u in uploads if u.field == app.field_name), None)
                if upload is None:
                    fields = ", ".join(repr(u.field) for u in uploads) or "none"
                    raise RequestError(400, "MISSING_FIELD",
                                       f"no form field {app.field_name!r} in the request (fields: {fields})")
                if not upload.data:
                    raise RequestError(400, "EMPTY_FILE", f"the form field {app.field_name!r} is empty")
                try:
                    answer = app.predict(app.model, upload)
                except RequestError:
                    raise
                except Exception as error:
                    traceback.print_exc(file=sys.stderr)
                    raise RequestError(500, "INTERNAL_ERROR", f"{type(error).__name__}: {error}") from error
                self.send_json(200, answer)
            except RequestError as error:
                self.send_error_json(error)
        finally:
            with app.active_lock:
                app.active -= 1

    def do_PUT(self):
        self._not_allowed()

    do_DELETE = do_PATCH = do_PUT

    def _not_allowed(self):
        try:
            self.read_body()
        except RequestError:
            self.close_connection = True
        self.send_error_json(RequestError(405, "METHOD_NOT_ALLOWED", f"{self.command} is not supported"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def server_bind(self):
        # HTTPServer.server_bind looks up the host's FQDN, which can stall without DNS; it is not needed.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = host, port


def _env_path(name: str, default: str) -> str:
    value = os.environ.get(name) or default
    return value if value.startswith("/") else "/" + value


def run(
    predict: Callable[[Any, Upload], dict],
    *,
    name: str,
    load: Optional[Callable[[], Any]] = None,
    request_path: Optional[str] = None,
    field_name: Optional[str] = None,
    health_path: Optional[str] = None,
) -> None:
    """Serves until SIGTERM/SIGINT, then exits the process (0, or 1 when load() failed)."""
    app = _App(
        name=name,
        predict=predict,
        request_path=request_path or _env_path("MODEL_REQUEST_PATH", "/"),
        field_name=field_name or os.environ.get("MODEL_FIELD_NAME") or "images",
        health_path=health_path or _env_path("MODEL_HEALTH_PATH", "/health"),
        max_body=int(float(os.environ.get("MODEL_MAX_BODY_MB", "64")) * 1024 * 1024),
        log_requests=os.environ.get("MODEL_LOG_REQUESTS", "") not in ("", "0", "false", "no"),
    )
    host = os.environ.get("HOST") or "127.0.0.1"
    try:
        port = int(os.environ.get("PORT") or "8080")
        server = _Server((host, port), _Handler)
    except (ValueError, OSError) as error:
        print(f"{name}: cannot listen on {host}:{os.environ.get('PORT')}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    server.app = app  # type: ignore[attr-defined]
    exit_code = [0]

    def stop(code: int = 0) -> None:
        exit_code[0] = exit_code[0] or code
        threading.Thread(target=server.shutdown, daemon=True).start()

    def on_signal(signum, _frame):
        print(f"{name}: {signal.Signals(signum).name}, stopping", file=sys.stderr, flush=True)
        stop(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    def load_model():
        started = time.monotonic()
        try:
            app.model = load() if load else None
        except BaseException:
            print(f"{name}: loading the model failed:", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
            stop(1)
            return
        app.ready.set()
        print(f"{name}: ready in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)

    print(f"{name}: listening on http://{host}:{server.server_port} (POST {app.request_path} field "
          f"{app.field_name!r}, GET {app.health_path})", file=sys.stderr, flush=True)
    threading.Thread(target=load_model, name="load-model", daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.25)
    finally:
        deadline = time.monotonic() + 10
        while app.active and time.monotonic() < deadline:
            time.sleep(0.02)
        server.server_close()
    sys.stdout.flush()
    sys.stderr.flush()
    # Daemon threads may still hold idle keep-alive connections; leave without waiting for them.
    os._exit(exit_code[0])
