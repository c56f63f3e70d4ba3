#!/usr/bin/env python3
"""End-to-end test of the web console in headless Chromium (Selenium).

Starts `winnow serve` on a fresh data folder, registers the instant model from the console, deploys a
batch service with hard-example filtering, opens its Data Collection tab, syncs its data to a new
dataset, waits for "Dataset import complete", opens the filtering dataset's To be confirmed tab and
confirms a hard example; checks that the grid's server-rendered thumbnails load and that detection
thumbnails carry their boxes in their pixels. Saves a screenshot of every step to SCREENSHOTS (default tests/browser/screenshots).

Usage: e2e.py WINNOW_BINARY
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

REPOSITORY = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOTS", REPOSITORY / "tests/browser/screenshots"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/openapi.json", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"winnow serve did not answer at {url}")


# Counts the pixels of a thumbnail in the amber the server draws machine boxes in (255, 176, 0).
AMBER_PIXELS = """
const img = arguments[0];
const canvas = document.createElement("canvas");
canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
const context = canvas.getContext("2d");
context.drawImage(img, 0, 0);
const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
let count = 0;
for (let i = 0; i < data.length; i += 4) {
  if (data[i] > 235 && data[i + 1] > 140 && data[i + 1] < 210 && data[i + 2] < 70) { count++; }
}
return count;
"""

# Whether the first `n` thumbnails of the grid have loaded as real images.
THUMBNAILS_LOADED = """
const images = Array.from(document.querySelectorAll(".sample .thumb img")).slice(0, arguments[0]);
return images.length > 0 && images.every(function (img) { return img.complete && img.naturalWidth > 0; });
"""


def main() -> int:
    binary = Path(sys.argv[1]).resolve()
    work = Path(tempfile.mkdtemp(prefix="winnow-browser-"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(binary), "sample-data", str(work / "demo")], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(binary), "serve", "--port", str(port), "--data-dir", str(work / "data")],
                              stdout=open(work / "serve.log", "w"), stderr=subprocess.STDOUT)
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    driver = None
    try:
        wait_for_server(url)
        driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
        wait = WebDriverWait(driver, 60)

        def shot(name: str) -> None:
            driver.save_screenshot(str(SHOTS / f"{name}.png"))

        def fill(name: str, value: str) -> None:
            field = driver.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)

        # Register the instant model (a Python standard-library model server).
        driver.get(url + "/models")
        fill("spec", str(REPOSITORY / "examples/models/instant/spec.json"))
        driver.find_element(By.CSS_SELECTOR, "form[action='/models'] button").click()
        wait.until(conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "instant-classifier"))
        shot("01-models")

        # Deploy with hard-example filtering on, into a new dataset.
        driver.get(url + "/services/new")
        fill("name", "demo")
        fill("input", str(work / "demo/images/classification"))
        fill("output", str(work / "out"))
        driver.find_element(By.NAME, "hard_examples").click()
        fill("new_dataset", "demo-hard")
        shot("02-deploy")
        driver.find_element(By.CSS_SELECTOR, "form[action='/services'] button.primary").click()
        wait.until(conditions.text_to_be_present_in_element((By.ID, "status"), "finished"))
        shot("03-service")
        driver.get(url + "/services")
        shot("04-services")

        # Data Collection tab: sync to a new dataset, wait for "Dataset import complete".
        driver.get(url + "/services/demo?tab=collection")
        form = driver.find_element(By.CSS_SELECTOR, "form[action='/services/demo/sync']")
        Select(form.find_element(By.NAME, "dataset")).select_by_value("__new__")
        form.find_element(By.NAME, "new_dataset").send_keys("demo-all")
        form.find_element(By.CSS_SELECTOR, "button.primary").click()
        wait.until(lambda d: d.page_source.count("Dataset import complete") >= 2)
        shot("05-data-collection")
        driver.execute_script("document.getElementById('tasks').scrollIntoView()")
        shot("05b-tasks")

        # The hard examples wait in the filtering dataset's To be confirmed tab.
        link = driver.find_element(By.CSS_SELECTOR, "#tasks a[href*='demo-hard']")
        link.click()
        wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, ".tabs a.active")))
        assert "To be confirmed" in driver.find_element(By.CSS_SELECTOR, ".tabs a.active").text
        # The server-rendered thumbnails load (JPEGs with naturalWidth > 0, not the broken-image placeholder).
        wait.until(lambda d: d.execute_script(THUMBNAILS_LOADED, 4))
        assert not driver.find_elements(By.CSS_SELECTOR, ".thumb.broken"), "a thumbnail failed to load"
        shot("06-to-be-confirmed")
        cards = driver.find_elements(By.CSS_SELECTOR, ".sample .thumb")
        assert cards, "no hard example in the To be confirmed tab"
        cards[0].click()
        wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "table.reasons")))
        shot("07-sample")
        driver.find_element(By.CSS_SELECTOR, "form[action$='/confirm'] button.primary").click()
        wait.until(conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Confirmed"))
        driver.get(url + "/datasets/demo-hard?tab=labeled")
        assert driver.find_elements(By.CSS_SELECTOR, ".sample"), "the confirmed sample is not labeled"
        shot("08-labeled")
        driver.get(url + "/datasets/demo-all")
        shot("09-dataset-all")

        # A detector: boxes drawn over thumbnails, a hard example confirmed with one box deleted.
        driver.get(url + "/models")
        fill("spec", str(REPOSITORY / "examples/models/instant/spec-detection.yaml"))
        driver.find_element(By.CSS_SELECTOR, "form[action='/models'] button").click()
        wait.until(conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "instant-detector"))
        driver.get(url + "/services/new")
        fill("name", "faces")
        Select(driver.find_element(By.NAME, "model")).select_by_value("instant-detector")
        fill("input", str(work / "demo/images/detection"))
        fill("output", str(work / "out-faces"))
        driver.find_element(By.NAME, "hard_examples").click()
        fill("new_dataset", "faces-hard")
        driver.find_element(By.CSS_SELECTOR, "form[action='/services'] button.primary").click()
        wait.until(conditions.text_to_be_present_in_element((By.ID, "status"), "finished"))
        driver.get(url + "/services/faces?tab=collection")
        wait.until(lambda d: "Dataset import complete" in d.page_source or d.refresh())
        driver.get(url + "/datasets/faces-hard?tab=to_be_confirmed")
        wait.until(lambda d: d.execute_script(THUMBNAILS_LOADED, 8))
        shot("10-detection-grid")
        # The boxes are drawn into the thumbnails' pixels by the server.
        thumbnails = driver.find_elements(By.CSS_SELECTOR, ".sample .thumb img")
        with_boxes = [img for img in thumbnails if driver.execute_script(AMBER_PIXELS, img) > 20]
        assert with_boxes, "no boxes drawn into the detection thumbnails"
        with_boxes[0].find_element(By.XPATH, "ancestor::a[contains(@class, 'thumb')]").click()
        wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, "ul.boxes")))
        shot("11-detection-sample")
        keep = driver.find_elements(By.CSS_SELECTOR, "input[name=keep]")
        if len(keep) > 1:
            keep[-1].click()
        driver.find_element(By.CSS_SELECTOR, "form[action$='/confirm'] button.primary").click()
        wait.until(conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Confirmed"))
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        shot("12-next-sample-reasons")
        print("browser-e2e: 1 passed, 0 failed")
        return 0
    except Exception:
        if driver is not None:
            driver.save_screenshot(str(SHOTS / "failure.png"))
        print((work / "serve.log").read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
