"""The shared server's multipart/form-data parser (examples/models/common/multipart_server.py)."""

from __future__ import annotations

import base64
import random
import sys

import pytest

from conftest import MODELS, multipart

sys.path.insert(0, str(MODELS))
from common.multipart_server import RequestError, parse_multipart  # noqa: E402


def test_round_trips_awkward_bytes():
    rng = random.Random(7)
    pieces = [b"\r", b"\n", b"\r\n", b"-", b"--", b"\r\n--", b"\r\n\r\n", b"x", b"\x00", b"\xff"]
    for _ in range(500):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        body, content_type = multipart([("images", "a.png", data)])
        [upload] = parse_multipart(content_type, body)
        assert upload.data == data and upload.field == "images" and upload.filename == "a.png"
    data = bytes(rng.randrange(256) for _ in range(300_000))
    body, content_type = multipart([("images", "big.jpg", data)])
    assert parse_multipart(content_type, body)[0].data == data


def test_several_fields_preamble_epilogue_quoted_boundary():
    body = (b"preamble\r\n--a b\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\nhello\r\n"
            b"--a b\r\nContent-Disposition: form-data; name=\"images\"; filename=\"x.png\"\r\n"
            b"Content-Type: image/png\r\n\r\nDATA\r\n--a b--\r\nepilogue")
    meta, image = parse_multipart('multipart/form-data; boundary="a b"', body)
    assert (meta.field, meta.filename, meta.data) == ("meta", None, b"hello")
    assert (image.field, image.filename, image.content_type, image.data) == ("images", "x.png", "image/png", b"DATA")


def test_file_names_in_utf8_and_rfc2231():
    raw = ("--b\r\nContent-Disposition: form-data; name=\"images\"; filename=\"café-图.png\"\r\n\r\n"
           "D\r\n--b--\r\n").encode()
    assert parse_multipart("multipart/form-data; boundary=b", raw)[0].filename == "café-图.png"
    encoded = (b"--b\r\nContent-Disposition: form-data; name=\"images\"; filename*=UTF-8''%C3%A9t%C3%A9.png\r\n\r\n"
               b"D\r\n--b--\r\n")
    assert parse_multipart("multipart/form-data; boundary=b", encoded)[0].filename == "été.png"


def test_base64_part_and_part_without_headers():
    body = (b"--b\r\nContent-Disposition: form-data; name=\"images\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.b64encode(b"\x00\x01binary") + b"\r\n--b\r\n\r\nanonymous\r\n--b--")
    [upload] = parse_multipart("multipart/form-data; boundary=b", body)  # the nameless part is skipped
    assert upload.data == b"\x00\x01binary"


@pytest.mark.parametrize("content_type, body, code", [
    ("", b"x", "BAD_CONTENT_TYPE"),
    ("image/png", b"x", "BAD_CONTENT_TYPE"),
    ("application/x-www-form-urlencoded", b"images=x", "BAD_CONTENT_TYPE"),
    ("multipart/form-data", b"--b\r\n", "BAD_MULTIPART"),
    ("multipart/form-data; boundary=b", b"", "BAD_MULTIPART"),
    ("multipart/form-data; boundary=b", b"garbage", "BAD_MULTIPART"),
    ("multipart/form-data; boundary=b", b"--b\r\nContent-Disposition: form-data; name=images\r\n\r\ntruncated",
     "BAD_MULTIPART"),
    ("multipart/form-data; boundary=b", b"--b\r\nContent-Disposition: form-data; name=images\r\nno end\r\n--b--",
     "BAD_MULTIPART"),
    ("multipart/form-data; boundary=b", b"--bogus\r\n\r\nx\r\n--b--", "BAD_MULTIPART"),
])
def test_malformed_requests_are_400(content_type, body, code):
    with pytest.raises(RequestError) as raised:
        parse_multipart(content_type, body)
    assert raised.value.status == 400 and raised.value.error_code == code


def test_no_parts_is_an_empty_list():
    assert parse_multipart("multipart/form-data; boundary=b", b"--b--\r\n") == []
