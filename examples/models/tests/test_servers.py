"""The example model servers against docs/model-contract.md, each started as Winnow starts one (PORT set).

Run from the repository root:  examples/models/setup.sh && examples/models/.venv/bin/python -m pytest examples/models/tests
The instant server's tests need only the standard library; the classifier's and detector's skip with a
message when their packages or Fashion-MNIST are missing. FASHION_TRAIN_SIZE (default here 2000) keeps
the classifier's training short; its model is cached in a temporary folder, so every run trains once.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import (
    MODELS, check_classification, check_detection, check_error, make_png, multipart, serve, shared_fixture,
)

FASHION_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                 "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
FASHION_DATA = Path(os.environ.get("FASHION_DATA_DIR", "/usr/share/datasets/fashion-mnist"))
ASTRONAUT_FACE = [67.0, 177.0, 162.0, 272.0]  # what the Haar cascade finds in astronaut.jpg (ymin, xmin, ymax, xmax)
SPEC_KEYS = {"name", "version", "type", "url", "command", "request_path", "field_name", "health_path",
             "max_concurrent_requests", "timeout_seconds", "startup_timeout_seconds"}


def need(module: str):
    return pytest.importorskip(module, reason=f"{module} is not installed: run examples/models/setup.sh "
                                              f"and use examples/models/.venv/bin/python")


def pillow_image(kind: str, width: int = 64, height: int = 48) -> bytes:
    """An image in some format, made with Pillow, to check that servers read more than PNG."""
    import io

    from PIL import Image

    image = Image.new("RGB", (width, height))
    image.putdata([((x * 5) % 256, (y * 7) % 256, ((x + y) * 3) % 256) for y in range(height) for x in range(width)])
    out = io.BytesIO()
    if kind == "jpeg":
        image.save(out, "JPEG", quality=90)
    elif kind == "rgba-png":
        image.convert("RGBA").save(out, "PNG")
    elif kind == "gif":
        image.convert("P").save(out, "GIF")
    elif kind == "bmp":
        image.save(out, "BMP")
    elif kind == "webp":
        image.save(out, "WEBP")
    else:
        raise ValueError(kind)
    return out.getvalue()


def assert_common_errors(server, valid_image: bytes) -> None:
    """The transport rules every server shares: missing or empty field, not multipart, wrong path/method."""
    check_error(server.post_image(valid_image, field="image"), 400, "MISSING_FIELD")
    body, content_type = multipart([("meta", None, b"hello")])
    check_error(server.request("POST", "/", body, {"Content-Type": content_type}), 400, "MISSING_FIELD")
    check_error(server.post_image(b"", filename="empty.png"), 400, "EMPTY_FILE")
    check_error(server.request("POST", "/", valid_image, {"Content-Type": "image/png"}), 400, "BAD_CONTENT_TYPE")
    check_error(server.request("POST", "/", b"no boundary here",
                               {"Content-Type": "multipart/form-data; boundary=abc"}), 400, "BAD_MULTIPART")
    check_error(server.post_image(valid_image, path="/predict"), 404, "NOT_FOUND")
    check_error(server.get("/"), 405)
    check_error(server.get("/nothing"), 404)
    health = server.get("/health")
    assert health.status == 200 and health.json()["status"] == "ready"


# --- instant ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def instant():
    yield from serve("instant")


@pytest.fixture(scope="module")
def instant_detector():
    yield from serve("instant", INSTANT_TYPE="object_detection")


def test_instant_classifies_deterministically(instant):
    first = instant.post_image(make_png(28, 28, seed=1))
    assert first.status == 200, first
    check_classification(first.json())
    assert instant.post_image(make_png(28, 28, seed=1)).json() == first.json()
    answers = [instant.post_image(make_png(28, 28, seed=s)).json() for s in range(2, 22)]
    for answer in answers:
        check_classification(answer)
        assert all(isinstance(score, str) for _, score in answer["scores"])
        assert len(answer["embedding"]) == 8
    assert len({a["predicted_label"] for a in answers}) >= 2, "different images should get different labels"
    assert len({a["scores"][0][1] for a in answers}) >= 10


def test_instant_answers_without_looking(instant):
    answer = instant.post_image(b"not an image at all", filename="x.txt")
    assert answer.status == 200
    check_classification(answer.json())
    assert_common_errors(instant, make_png(8, 8))


def test_instant_detects_inside_the_image(instant_detector):
    sizes = [(40, 30), (300, 200), (17, 90)]
    counts = set()
    for seed in range(30):
        width, height = sizes[seed % len(sizes)]
        response = instant_detector.post_image(make_png(width, height, seed=seed))
        assert response.status == 200, response
        answer = response.json()
        check_detection(answer, width, height)
        assert set(answer["detection_classes"]) <= {"face"}
        assert answer["detection_scores"] == sorted(answer["detection_scores"], reverse=True)
        counts.add(len(answer["detection_boxes"]))
    assert len(counts) >= 2, "the number of boxes should vary with the image"
    unknown = instant_detector.post_image(b"\x00\x01 unknown bytes").json()
    assert unknown["detection_boxes"] == [] and unknown["detection_classes"] == []


def test_instant_jpeg_size_is_read(instant_detector):
    need("PIL")
    boxes = []
    for seed in range(12):
        data = pillow_image("jpeg", 120 + seed, 90)
        answer = instant_detector.post_image(data + bytes([seed])).json()
        check_detection(answer, 120 + seed, 90)
        boxes += answer["detection_boxes"]
    assert boxes, "some JPEG should get boxes"


def test_instant_fail_on(start_server):
    server = start_server("instant", FAIL_ON="broken", INSTANT_SCORE_FORMAT="number")
    check_error(server.post_image(make_png(8, 8), filename="a-broken-one.png"), 400, "INSTANT_FAIL_ON")
    error = check_error(server.post_image(make_png(8, 8), filename="broken-é-图.png"), 400, "INSTANT_FAIL_ON")
    assert "broken-é-图.png" in error["error_msg"]
    answer = server.post_image(make_png(8, 8), filename="fine.png").json()
    check_classification(answer)
    assert all(isinstance(score, float) for _, score in answer["scores"])


def test_instant_fail_times_then_succeeds(start_server):
    server = start_server("instant", FAIL_ON="flaky", INSTANT_FAIL_STATUS=503, INSTANT_FAIL_TIMES=2)
    check_error(server.post_image(make_png(8, 8), filename="flaky.png"), 503, "INSTANT_FAIL_ON")
    check_error(server.post_image(make_png(8, 8), filename="flaky.png"), 503, "INSTANT_FAIL_ON")
    assert server.post_image(make_png(8, 8), filename="flaky.png").status == 200


def test_keep_alive_and_content_length(instant):
    connection = instant.connection()
    try:
        first_socket = None
        for seed in range(50):
            response = instant.post_image(make_png(10, 10, seed=seed), connection=connection)
            assert response.status == 200
            assert int(response.headers["content-length"]) == len(response.body)
            assert response.headers.get("connection", "").lower() != "close"
            first_socket = first_socket or connection.sock
            assert connection.sock is first_socket, "the connection was not kept alive"
        # an error answer keeps the connection too
        assert instant.post_image(b"", connection=connection).status == 400
        assert instant.post_image(make_png(4, 4), connection=connection).status == 200
        assert connection.sock is first_socket
    finally:
        connection.close()


def test_chunked_body_and_expect_continue(instant):
    body, content_type = multipart([("images", "c.png", make_png(12, 12))])
    connection = instant.connection()
    try:
        connection.request("POST", "/", body=iter([body[:100], body[100:]]),
                           headers={"Content-Type": content_type}, encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 200, response.read()
        check_classification(json.loads(response.read()))
    finally:
        connection.close()
    with socket.create_connection(("127.0.0.1", instant.port), timeout=10) as raw:
        raw.sendall((f"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
                     f"Content-Length: {len(body)}\r\nExpect: 100-continue\r\n\r\n").encode())
        assert raw.recv(100).startswith(b"HTTP/1.1 100"), "no 100 Continue"
        raw.sendall(body)
        reply = b""
        while b"}" not in reply:
            chunk = raw.recv(4096)
            assert chunk
            reply += chunk
        assert reply.startswith(b"HTTP/1.1 200")


def test_instant_is_fast(instant):
    """A loose bound (CI machines are shared); instant/bench.py measures requests/s properly."""
    body, content_type = multipart([("images", "t.png", make_png(8, 8))])
    connection = instant.connection()
    started = time.monotonic()
    try:
        for _ in range(300):
            connection.request("POST", "/", body=body, headers={"Content-Type": content_type})
            response = connection.getresponse()
            response.read()
            assert response.status == 200
    finally:
        connection.close()
    assert time.monotonic() - started < 30


# --- fashion classifier -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fashion_env(tmp_path_factory):
    need("sklearn")
    need("PIL")
    need("joblib")
    if not (FASHION_DATA / "t10k-images-idx3-ubyte.gz").exists():
        pytest.skip(f"Fashion-MNIST is not in {FASHION_DATA}: apt-get install dataset-fashion-mnist "
                    f"(examples/models/setup.sh does)")
    return {"FASHION_TRAIN_SIZE": os.environ.get("FASHION_TRAIN_SIZE", "2000"),
            "WINNOW_MODEL_CACHE": str(tmp_path_factory.mktemp("model-cache"))}


@pytest.fixture(scope="module")
def fashion(fashion_env):
    yield from serve("fashion-classifier", **fashion_env)


@pytest.fixture(scope="module")
def demo_input(fashion_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-input")
    subprocess.run([sys.executable, str(MODELS / "fashion-classifier" / "make_demo_input.py"), str(out),
                    "--count", "40", "--seed", "3"], check=True, capture_output=True)
    return out


def test_fashion_classifies_test_images(fashion, demo_input):
    truth = [json.loads(line) for line in (demo_input / "ground-truth.jsonl").read_text().splitlines()]
    assert len(truth) == 40 and sorted(p.name for p in demo_input.glob("*.png")) == [t["source"] for t in truth]
    correct = clean = 0
    for row in truth:
        response = fashion.post_image((demo_input / row["source"]).read_bytes(), filename=row["source"])
        assert response.status == 200, response
        answer = response.json()
        check_classification(answer, embedding_max=64)
        assert len(answer["scores"]) == 5
        assert all(isinstance(score, str) for _, score in answer["scores"])
        assert {label for label, _ in answer["scores"]} <= set(FASHION_NAMES)
        assert len(answer["embedding"]) == 64
        assert row["label"] in FASHION_NAMES
        if row["alteration"] is None:
            clean += 1
            correct += answer["predicted_label"] == row["label"]
    assert clean == 36
    assert correct / clean >= 0.6, f"only {correct}/{clean} clean test images right"


def test_fashion_accepts_any_size_and_format(fashion):
    for kind in ("jpeg", "rgba-png", "gif", "bmp", "webp"):
        response = fashion.post_image(pillow_image(kind, 90, 70), filename=f"x.{kind}")
        assert response.status == 200, (kind, response)
        check_classification(response.json(), embedding_max=64)
    check_classification(fashion.post_image(make_png(28, 28, seed=5)).json())
    check_classification(fashion.post_image(make_png(300, 200, seed=5, channels=3)).json())


def test_fashion_real_fixture_images(fashion):
    folder = shared_fixture("digits-classification/batch-input")
    truth = [json.loads(line) for line in (folder.parent / "ground-truth.jsonl").read_text().splitlines()]
    intact = [row for row in truth if not row.get("corrupt")][:5]
    corrupt = [row for row in truth if row.get("corrupt")]
    for row in intact:
        response = fashion.post_image((folder.parent / row["source"]).read_bytes(), filename=row["source"])
        assert response.status == 200, response
        check_classification(response.json(), embedding_max=64)
    assert corrupt, "the fixture should have corrupt images"
    for row in corrupt:
        check_error(fashion.post_image((folder.parent / row["source"]).read_bytes()), 400, "INVALID_IMAGE")
    astronaut = shared_fixture("faces-detection/batch-input/astronaut.jpg").read_bytes()
    check_classification(fashion.post_image(astronaut, filename="astronaut.jpg").json())


def test_fashion_rejects_what_it_cannot_read(fashion):
    check_error(fashion.post_image(b"garbage, not an image", filename="g.png"), 400, "INVALID_IMAGE")
    png = make_png(28, 28, seed=9)
    check_error(fashion.post_image(png[: len(png) // 2], filename="half.png"), 400, "INVALID_IMAGE")
    assert_common_errors(fashion, png)


def test_fashion_model_is_cached(fashion, fashion_env):
    result = subprocess.run([sys.executable, "server.py", "--train"], cwd=MODELS / "fashion-classifier",
                            env={**os.environ, **fashion_env}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "loaded" in result.stderr and "training" not in result.stderr, result.stderr
    summary = json.loads(result.stdout)
    assert summary["train_size"] == int(fashion_env["FASHION_TRAIN_SIZE"])
    assert 0.6 < summary["test_accuracy"] < 0.99
    assert list(Path(fashion_env["WINNOW_MODEL_CACHE"]).glob("fashion-mlp-*.joblib"))


def test_fashion_train_manifest(fashion_env, tmp_path):
    subprocess.run([sys.executable, str(MODELS / "fashion-classifier" / "make_train_manifest.py"), str(tmp_path),
                    "--count", "25"], check=True, capture_output=True, env={**os.environ, **fashion_env})
    lines = [json.loads(line) for line in (tmp_path / "train.manifest").read_text().splitlines()]
    assert len(lines) == 25
    assert lines[0]["source"] == "./train/tr-00001.png"
    for line in lines:
        assert set(line) == {"source", "usage", "annotation"} and line["usage"] == "TRAIN"
        assert (tmp_path / line["source"]).is_file()
        [annotation] = line["annotation"]
        assert annotation == {"type": "modelarts/image_classification", "name": annotation["name"],
                              "annotated-by": "human"}
        assert annotation["name"] in FASHION_NAMES
    assert len({line["annotation"][0]["name"] for line in lines}) >= 5


def test_fashion_demo_input_alterations(demo_input):
    truth = [json.loads(line) for line in (demo_input / "ground-truth.jsonl").read_text().splitlines()]
    altered = [row["alteration"] for row in truth if row["alteration"]]
    assert len(altered) == 4 and len(set(altered)) == 4, altered  # 10% of 40, each a different kind
    assert set(altered) <= {"dark", "blurred", "rotated", "inverted", "noisy"}
    assert truth[0]["source"] == "fm-00001.png"


# --- face detector ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def faces():
    need("cv2")
    need("PIL")
    yield from serve("face-detector")


def test_faces_finds_the_astronaut(faces):
    data = shared_fixture("faces-detection/batch-input/astronaut.jpg").read_bytes()
    response = faces.post_image(data, filename="astronaut.jpg")
    assert response.status == 200, response
    answer = response.json()
    check_detection(answer, 512, 512)
    assert answer["detection_classes"] and set(answer["detection_classes"]) == {"face"}
    best = answer["detection_boxes"][0]
    assert all(abs(a - b) <= 8 for a, b in zip(best, ASTRONAUT_FACE)), best
    assert answer["detection_scores"][0] > 0.8
    assert all(isinstance(v, float) for v in best)


def test_faces_real_photos(faces):
    folder = shared_fixture("faces-detection/batch-input")
    photos = {json.loads(line)["source"].split("/")[-1]: json.loads(line)
              for line in (folder.parent / "photos.jsonl").read_text().splitlines()}
    for name in ("zidane.jpg", "coffee.jpg", "bus.jpg"):
        answer = faces.post_image((folder / name).read_bytes(), filename=name).json()
        check_detection(answer, photos[name]["width"], photos[name]["height"])
        assert answer["detection_scores"] == sorted(answer["detection_scores"], reverse=True)
    assert len(faces.post_image((folder / "zidane.jpg").read_bytes()).json()["detection_boxes"]) >= 1


def test_faces_generated_images(faces):
    for kind in ("jpeg", "rgba-png", "gif", "bmp"):
        answer = faces.post_image(pillow_image(kind, 200, 150), filename=f"x.{kind}").json()
        check_detection(answer, 200, 150)
    tiny = faces.post_image(make_png(10, 10)).json()  # smaller than the smallest face
    assert tiny == {"detection_classes": [], "detection_boxes": [], "detection_scores": []}


def test_faces_large_image_is_scaled_back(faces):
    need("PIL")
    import io

    from PIL import Image

    face = Image.open(shared_fixture("faces-detection/batch-input/astronaut.jpg"))
    big = face.resize((2048, 2048))
    out = io.BytesIO()
    big.save(out, "JPEG", quality=92)
    answer = faces.post_image(out.getvalue(), filename="big.jpg").json()
    check_detection(answer, 2048, 2048)
    best = answer["detection_boxes"][0]
    assert all(abs(a - 4 * b) <= 32 for a, b in zip(best, ASTRONAUT_FACE)), best


def test_faces_rejects_what_it_cannot_read(faces):
    check_error(faces.post_image(b"\x89PNG\r\n\x1a\n but then nothing", filename="g.png"), 400, "INVALID_IMAGE")
    assert_common_errors(faces, make_png(32, 32))


# --- specs --------------------------------------------------------------------------------------------------

SPECS = sorted(p for p in MODELS.glob("*/spec*") if p.suffix in (".json", ".yaml", ".yml"))


def load_spec(path: Path) -> dict:
    if path.suffix == ".json":
        return json.loads(path.read_text())
    yaml = need("yaml")
    return yaml.safe_load(path.read_text())


@pytest.mark.parametrize("path", SPECS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_spec_files(path):
    spec = load_spec(path)
    assert set(spec) <= SPEC_KEYS, set(spec) - SPEC_KEYS
    assert isinstance(spec["name"], str) and isinstance(spec["version"], str)
    assert spec["type"] in ("image_classification", "object_detection")
    assert ("url" in spec) != ("command" in spec), "exactly one of url and command"
    command = spec["command"]
    assert isinstance(command, (str, list)) and command
    if isinstance(command, list):
        assert all(isinstance(a, str) for a in command)
        assert (path.parent / command[-1]).is_file(), f"{command[-1]} is not beside {path.name}"
    else:
        assert "server.py" in command and (path.parent / "server.py").is_file()
    for key in ("max_concurrent_requests", "timeout_seconds", "startup_timeout_seconds"):
        if key in spec:
            assert isinstance(spec[key], (int, float)) and spec[key] > 0
    for key in ("request_path", "health_path"):
        if key in spec:
            assert spec[key].startswith("/")
    twin = path.with_suffix(".json" if path.suffix != ".json" else ".yaml")
    if twin.exists():
        assert load_spec(twin) == spec, f"{path.name} and {twin.name} disagree"


def test_instant_string_command_runs_through_sh():
    """spec-detection.yaml's command, run as Winnow would: /bin/sh -c in the spec's folder with PORT set."""
    spec = load_spec(MODELS / "instant" / "spec-detection.yaml")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    path = os.environ.get("PATH", "")
    process = subprocess.Popen(["/bin/sh", "-c", spec["command"]], cwd=MODELS / "instant",
                               env={**os.environ, "PORT": str(port), "PATH": f"{Path(sys.executable).parent}:{path}"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                assert time.monotonic() < deadline, "not healthy"
                time.sleep(0.1)
        body, content_type = multipart([("images", "a.png", make_png(50, 40, seed=random.randrange(100)))])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("POST", "/", body=body, headers={"Content-Type": content_type})
        answer = json.loads(connection.getresponse().read())
        check_detection(answer, 50, 40)
    finally:
        process.terminate()  # `exec` in the command: the server itself gets SIGTERM
        assert process.wait(15) == 0
