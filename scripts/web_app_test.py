#!/usr/bin/env python3
"""End-to-end browser test and accessibility check of `maturity serve`.

Drives headless Chromium through Selenium against a running server: creates an assessment
through the details form, answers every relevant question of every dimension (the page's script
saves each answer as it changes), checks the answers survive a reload, opens the results, checks
the downloaded report against `maturity score` of the downloaded response, runs axe-core on every
kind of page, watches the browser console for errors, submits one form with JavaScript off, and
writes two screenshots for the documentation.

Run by scripts/check-web-app, which starts the server:
    python3 scripts/web_app_test.py --base-url http://127.0.0.1:PORT --maturity .build/debug/maturity
Exits 0 when every step passed and axe found no serious or critical violation.
"""

import argparse
import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

try:
    from axe_selenium_python import Axe
except ImportError:  # checked in main() so that the message is clear
    Axe = None


def axe_script():
    """The newest axe-core at hand. axe-selenium-python below 3.0 (the newest for Python < 3.12)
    bundles axe-core 3.1 from 2018, whose obsolete radiogroup/checkboxgroup rules flag any
    fieldset that holds more than one group; axe-playwright-python ships a current axe-core 4.x,
    used here through axe-selenium-python's Axe class (its package imports nothing)."""
    if os.environ.get("AXE_SCRIPT"):
        return os.environ["AXE_SCRIPT"]
    candidates = []
    for package in ("axe_playwright_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for path in (os.path.join(folder, "axe.min.js"), os.path.join(folder, "node_modules", "axe-core", "axe.min.js")):
                if os.path.exists(path):
                    candidates.append(path)
    for path in candidates:
        with open(path, encoding="utf8") as f:
            head = f.read(200)
        match = re.search(r"axe v(\d+)\.", head)
        if match and int(match.group(1)) >= 4:
            return path
    return candidates[0] if candidates else None


BLOCKING_IMPACTS = ("serious", "critical")
DIMENSION_PATH = "/dimensions/"


def is_replaced_page_error(error):
    """ChromeDriver reports a node of a page being torn down either as a stale element or as an
    inspector error ("does not belong to the document"), depending on when it is asked: both mean
    the navigation happened."""
    text = str(error)
    return "does not belong to the document" in text or "stale element" in text.lower()


def page_is_gone(old_html):
    """True once the page that `old_html` belonged to has been replaced."""
    try:
        old_html.is_enabled()
        return False
    except WebDriverException as error:
        if is_replaced_page_error(error):
            return True
        raise


class StepFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise StepFailed(message)


class WebAppTest:
    def __init__(self, args):
        self.args = args
        self.base = args.base_url.rstrip("/")
        self.steps = []  # (name, ok, detail)
        self.axe_results = []  # (page label, url, [violations])
        self.console_errors = []  # (page label, message)
        self.console_notes = set()
        self.axe_version = "?"
        self.axe_incomplete = []  # (page label, [results axe could not decide: to review by hand])
        self.assessment_id = None
        self.dimension_urls = []
        self.answers = {}  # dimension url -> {question id: (kind, value)}
        self.notes = {}  # dimension url -> {"unsure": qid, "comment": (qid, text)}
        self.work = tempfile.mkdtemp(prefix="web-app-test-")
        self.driver = self.new_driver(javascript=True)
        self.wait = WebDriverWait(self.driver, 10)

    # ---------------------------------------------------------------- browser

    def new_driver(self, javascript, width=1280, height=900):
        options = webdriver.ChromeOptions()
        options.binary_location = self.args.browser
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars", "--lang=en-US",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps",
                     "--disable-features=Translate,OptimizationHints,MediaRouter"):
            options.add_argument(flag)
        prefs = {"intl.accept_languages": "en-US,en"}
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(self.args.chromedriver))
        # The window size includes the browser's frame: make the page itself width x height.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(60)
        return driver

    def url(self, path):
        return self.base + path

    def path(self):
        current = self.driver.current_url
        return current[len(self.base):] if current.startswith(self.base) else current

    def get(self, path):
        self.driver.get(self.url(path))
        self.wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.install_fetch_counter()
        self.check_fits()

    def check_fits(self, driver=None):
        """Fails when the page is wider than the window (a phone user would have to scroll sideways)."""
        driver = driver or self.driver
        page, window = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        check(page <= window, f"{driver.current_url} is {page} px wide in a window of {window} px")

    def navigate_by(self, element, driver=None):
        """Clicks a link or submit button and waits until the next page has loaded."""
        driver = driver or self.driver
        old = driver.find_element(By.TAG_NAME, "html")
        try:
            element.click()
        except WebDriverException as error:
            # ChromeDriver may report the clicked node gone when the navigation it starts wins
            # the race with the click's own bookkeeping: the click did happen.
            if not is_replaced_page_error(error):
                raise
        WebDriverWait(driver, 15).until(lambda d: page_is_gone(old))
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        if driver is self.driver:
            self.install_fetch_counter()
        self.check_fits(driver)

    def install_fetch_counter(self):
        """Counts the page's fetches still in flight, so the test can wait for autosaves (and the
        skip-logic reply applied) before it looks at the page again. Counted until the reply's body
        has been read and one more task has run, by when the page's own handler has run."""
        self.driver.execute_script("""
            if (window.__pendingSaves !== undefined) return;
            window.__pendingSaves = 0; window.__savesDone = 0;
            var original = window.fetch;
            if (!original) return;
            window.fetch = function () {
              window.__pendingSaves++;
              var done = function () { setTimeout(function () { window.__pendingSaves--; window.__savesDone++; }, 30); };
              return original.apply(this, arguments).then(function (response) {
                response.clone().text().then(done, done);
                return response;
              }, function (error) { done(); throw error; });
            };
        """)

    def wait_for_saves(self, at_least=None, timeout=10):
        def settled(driver):
            state = driver.execute_script("return [window.__pendingSaves || 0, window.__savesDone || 0]")
            return state[0] == 0 and (at_least is None or state[1] >= at_least)
        WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(settled)

    def saves_done(self):
        return self.driver.execute_script("return window.__savesDone || 0")

    def collect_console(self, label, expected_status=None, driver=None):
        """Keeps the page's SEVERE console messages, less the failed load of the page itself when
        its status (a 404 page, a 422 form with errors) is the one expected, and the browser's
        own request for /favicon.ico (kept as a note: the app serves none)."""
        for entry in (driver or self.driver).get_log("browser"):
            if entry.get("level") != "SEVERE":
                continue
            message = entry.get("message", "")
            if expected_status and f"status of {expected_status}" in message:
                continue
            if "/favicon.ico" in message and "Failed to load resource" in message:
                self.console_notes.add(message.split(" - ", 1)[-1] + " (/favicon.ico)")
                continue
            self.console_errors.append((label, message))

    def run_axe(self, label):
        axe = Axe(self.driver, script_url=self.args.axe_script)
        axe.inject()
        results = axe.run()
        self.axe_version = (results.get("testEngine") or {}).get("version", "?")
        violations = results.get("violations", [])
        self.axe_results.append((label, self.path(), violations))
        self.axe_incomplete.append((label, results.get("incomplete", [])))
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        print(f"    axe {label}: {len(violations)} violation(s), {len(blocking)} serious/critical")
        return violations

    def screenshot(self, name, scroll_to=None):
        if not self.args.screenshots:
            return
        os.makedirs(self.args.screenshots, exist_ok=True)
        if scroll_to is None:
            self.driver.execute_script("window.scrollTo(0, 0)")
        else:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -16)", scroll_to)
        time.sleep(0.2)
        path = os.path.join(self.args.screenshots, name)
        check(self.driver.save_screenshot(path), f"could not write {path}")
        print(f"    screenshot {path}")

    # ---------------------------------------------------------------- steps

    def step(self, name, function, *args):
        started = time.time()
        try:
            detail = function(*args) or ""
            self.steps.append((name, True, detail))
            print(f"PASS {name} ({time.time() - started:.1f}s){': ' + detail if detail else ''}", flush=True)
            return True
        except Exception as error:  # noqa: BLE001 - every failure is reported the same way
            text = f"{type(error).__name__}: {error}".strip()
            self.steps.append((name, False, text))
            print(f"FAIL {name}: {text}", flush=True)
            if not isinstance(error, StepFailed):
                traceback.print_exc()
            try:
                path = os.path.join(self.work, f"failure-{len(self.steps)}.png")
                self.driver.save_screenshot(path)
                print(f"    page {self.driver.current_url}, screenshot {path}")
            except Exception:  # noqa: BLE001
                pass
            return False

    def home(self):
        self.get("/")
        check(self.driver.title, "the home page has no title")
        # Before any assessment: no links to an assessment's pages, no database path.
        dead = [a.get_attribute("href") for a in self.driver.find_elements(By.TAG_NAME, "a")
                if "/assessments//" in (a.get_attribute("href") or "")]
        check(not dead, f"the home page links to {dead}")
        check(".sqlite" not in self.driver.find_element(By.TAG_NAME, "body").text, "the home page shows the database path")
        self.collect_console("home")
        self.run_axe("home")
        link = self.driver.find_element(By.LINK_TEXT, "New assessment")
        self.navigate_by(link)
        check(self.path() == "/assessments/new", f"'New assessment' led to {self.path()}")

    def create_assessment(self):
        self.collect_console("new assessment")
        self.run_axe("new assessment")
        # A first submit without the required name is refused with an error list.
        self.driver.execute_script("document.getElementById('field-name').removeAttribute('required')")
        self.driver.find_element(By.ID, "field-country").send_keys("PTX")  # maxlength keeps "PT"
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "form.details button[type=submit]"))
        check(self.driver.find_elements(By.CSS_SELECTOR, ".errors[role=alert]"), "no error list for a missing name")
        check(self.driver.find_element(By.ID, "field-name").get_attribute("aria-invalid") == "true",
              "the missing name is not marked aria-invalid")
        self.collect_console("new assessment (errors)", expected_status=422)
        self.run_axe("new assessment with errors")
        fields = {
            "field-name": "Vila Exemplo (browser test)",
            "field-authorityID": "PT-TEST-0001",
            "field-population": "12500",
            "field-respondentName": "Ana Teste",
            "field-respondentRole": "Digital officer",
        }
        for field_id, value in fields.items():
            element = self.driver.find_element(By.ID, field_id)
            element.clear()
            element.send_keys(value)
        country = self.driver.find_element(By.ID, "field-country")
        country.clear()
        country.send_keys("PT")
        kind = self.driver.find_element(By.ID, "field-type")
        options = [o for o in kind.find_elements(By.TAG_NAME, "option") if o.get_attribute("value")]
        check(options, "the authority type list is empty")
        options[0].click()
        # The date field is type=date: set it the way a date picker does.
        self.driver.execute_script(
            "var f = document.getElementById('field-date'); f.value = '2026-03-15';"
            "f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));")
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "form.details button[type=submit]"))
        path = self.path()
        parts = path.strip("/").split("/")
        check(len(parts) == 4 and parts[0] == "assessments" and DIMENSION_PATH in path,
              f"unexpected page after the details: {path}")
        self.assessment_id = parts[1]
        self.dimension_urls = [
            a.get_attribute("href")[len(self.base):]
            for a in self.driver.find_elements(By.CSS_SELECTOR, "nav.assessment a")
            if DIMENSION_PATH in (a.get_attribute("href") or "")
        ]
        check(len(self.dimension_urls) >= 2, f"found {len(self.dimension_urls)} dimensions in the navigation")
        check(path == self.dimension_urls[0], f"the details led to {path}, not the first dimension")
        return f"assessment {self.assessment_id}, {len(self.dimension_urls)} dimensions"

    # ------------------------------------------------------------ answering

    def visible_questions(self):
        return [f for f in self.driver.find_elements(By.CSS_SELECTOR, "fieldset.question")
                if f.get_attribute("hidden") is None and f.is_displayed()]

    def live_error(self, fieldset):
        errors = fieldset.find_elements(By.CSS_SELECTOR, ".error.live")
        return errors[0].text.strip() if errors else ""

    def answer(self, fieldset, choice="first"):
        """Answers one question the way a person would; returns (kind, value)."""
        qid = fieldset.get_attribute("data-question")
        name = f"q.{qid}"
        radios = [r for r in fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
                  if r.get_attribute("name") == name and r.get_attribute("value")]
        if radios:
            radio = radios[0] if choice == "first" else radios[-1]
            before = self.saves_done()
            radio.click()
            self.wait_for_saves(at_least=before + 1)
            return ("radio", radio.get_attribute("value"))
        boxes = [b for b in fieldset.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
                 if b.get_attribute("name") == name]
        if boxes:
            before = self.saves_done()
            boxes[0].click()
            self.wait_for_saves(at_least=before + 1)
            return ("multi", boxes[0].get_attribute("value"))
        areas = [t for t in fieldset.find_elements(By.TAG_NAME, "textarea") if t.get_attribute("name") == name]
        if areas:
            text = f"Browser test answer for {qid}."
            before = self.saves_done()
            areas[0].clear()
            areas[0].send_keys(text)
            areas[0].send_keys(Keys.TAB)  # the change event saves at once
            self.wait_for_saves(at_least=before + 1)
            return ("text", text)
        inputs = [i for i in fieldset.find_elements(By.CSS_SELECTOR, "input:not([type=hidden])")
                  if i.get_attribute("name") == name]
        check(inputs, f"question {qid} has no input named {name}")
        for number in ("12", "1", "0"):
            before = self.saves_done()
            inputs[0].clear()
            inputs[0].send_keys(number)
            inputs[0].send_keys(Keys.TAB)
            self.wait_for_saves(at_least=before + 1)
            time.sleep(0.75)  # let the debounced save of the typing go too
            self.wait_for_saves()
            if not self.live_error(fieldset):
                return ("number", number)
        raise StepFailed(f"question {qid} refused 12, 1 and 0: {self.live_error(fieldset)}")

    def fill_dimension(self, index, screenshot=False, try_reveal=False):
        path = self.dimension_urls[index]
        if self.path() != path:
            self.get(path)
        self.install_fetch_counter()
        check(self.driver.find_elements(By.CSS_SELECTOR, "form[data-autosave]"), f"{path} has no autosave form")
        self.collect_console(f"dimension {index + 1}")
        if index == 0:
            self.run_axe(f"dimension {index + 1} (empty)")
        answered = {}
        notes = {}
        hidden_at_start = len(self.driver.find_elements(By.CSS_SELECTOR, "fieldset.question[hidden]"))
        revealed = 0

        def add_notes():
            # Tick "unsure" on the first question and write a comment on the second.
            first, second = (self.driver.find_element(By.ID, f"question-{qid}") for qid in list(answered)[:2])
            unsure = first.find_element(By.CSS_SELECTOR, "input[type=checkbox][name^='u.']")
            before = self.saves_done()
            unsure.click()
            self.wait_for_saves(at_least=before + 1)
            notes["unsure"] = first.get_attribute("data-question")
            second.find_element(By.TAG_NAME, "summary").click()
            comment = second.find_element(By.CSS_SELECTOR, "textarea[name^='c.']")
            text = "Checked with the IT department in March."
            before = self.saves_done()
            comment.send_keys(text)
            comment.send_keys(Keys.TAB)
            self.wait_for_saves(at_least=before + 1)
            notes["comment"] = (second.get_attribute("data-question"), text)
            if screenshot:  # a page partly filled in, with the saved status and the progress
                self.driver.execute_script("document.activeElement && document.activeElement.blur()")
                self.screenshot("web-fill.png")

        def answer_all_visible():
            while True:
                pending = [f for f in self.visible_questions() if f.get_attribute("data-question") not in answered]
                if not pending:
                    return
                fieldset = pending[0]
                qid = fieldset.get_attribute("data-question")
                answered[qid] = self.answer(fieldset)
                error = self.live_error(fieldset)
                check(not error, f"question {qid}: the app refused the answer: {error}")
                if index == 0 and len(answered) == 2 and not notes:
                    add_notes()

        answer_all_visible()
        reveal_note = ""
        if try_reveal and hidden_at_start:
            # Skip logic: find a radio question whose last option reveals hidden questions.
            for qid, (kind, value) in list(answered.items()):
                if kind != "radio":
                    continue
                fieldset = self.driver.find_element(By.ID, f"question-{qid}")
                hidden = len(self.driver.find_elements(By.CSS_SELECTOR, "fieldset.question[hidden]"))
                last = self.answer(fieldset, choice="last")
                now_hidden = len(self.driver.find_elements(By.CSS_SELECTOR, "fieldset.question[hidden]"))
                if now_hidden < hidden:
                    answered[qid] = last
                    revealed = hidden - now_hidden
                    before = len(answered)
                    answer_all_visible()
                    reveal_note = f"; answering {qid}={last[1]} revealed {revealed} question(s), {len(answered) - before} answered"
                    break
                answered[qid] = self.answer(fieldset, choice="first")
            check(revealed, "no answer revealed any of the hidden questions (skip logic not applied live)")
        check(answered, f"{path} shows no question")
        time.sleep(0.75)  # any debounced save still to go
        self.wait_for_saves()
        states = [f.find_element(By.CSS_SELECTOR, "[data-save-status]").get_attribute("data-state")
                  for f in self.visible_questions()]
        check("saved" in states and "error" not in states, f"the questions' save states are {states}")
        badge = self.driver.find_element(By.CSS_SELECTOR, f"[data-progress='{path.rsplit('/', 1)[1]}']")
        progress = badge.text
        check(progress == f"{len(answered)}/{len(answered)}" and "complete" in badge.get_attribute("class"),
              f"the progress badge shows {progress!r} ({badge.get_attribute('class')}) after {len(answered)} answers")
        self.answers[path] = answered
        self.notes[path] = notes
        self.collect_console(f"dimension {index + 1} (filled)")
        self.run_axe(f"dimension {index + 1}")
        return f"{path}: {len(answered)} answered, progress {progress}, {hidden_at_start} hidden at first{reveal_note}"

    def submit_dimension(self, index):
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "button[name=go][value=next]"))
        if index + 1 < len(self.dimension_urls):
            target = self.dimension_urls[index + 1]
        else:
            target = f"/assessments/{self.assessment_id}/results"
        check(self.path() == target, f"'Save and continue' led to {self.path()}, not {target}")

    def verify_answers(self, path):
        wrong = []
        for qid, (kind, value) in self.answers[path].items():
            name = f"q.{qid}"
            if kind in ("radio", "multi"):
                boxes = [b for b in self.driver.find_elements(By.CSS_SELECTOR, f"#question-{qid} input[value='{value}']")
                         if b.get_attribute("name") == name]
                if not boxes or not boxes[0].is_selected():
                    wrong.append(f"{qid}: {value} not checked")
            else:
                field = self.driver.find_element(By.ID, f"q-{qid}")
                if field.get_property("value") != value:
                    wrong.append(f"{qid}: {field.get_property('value')!r} instead of {value!r}")
        notes = self.notes.get(path, {})
        if "unsure" in notes and not self.driver.find_element(By.ID, f"u-{notes['unsure']}").is_selected():
            wrong.append(f"{notes['unsure']}: 'unsure' not ticked")
        if "comment" in notes:
            qid, text = notes["comment"]
            comment = self.driver.find_element(By.ID, f"c-{qid}")
            if comment.get_property("value") != text:
                wrong.append(f"{qid}: comment {comment.get_property('value')!r}")
            if self.driver.find_element(By.CSS_SELECTOR, f"#question-{qid} details").get_attribute("open") is None:
                wrong.append(f"{qid}: the comment's <details> is closed")
        check(not wrong, f"{path} after reload: " + "; ".join(wrong))
        return len(self.answers[path])

    def persistence(self):
        # Dimension 2 was only autosaved (not submitted): reload it.
        second = self.dimension_urls[1]
        self.driver.refresh()
        self.wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.install_fetch_counter()
        check(self.path() == second, f"reload landed on {self.path()}")
        count2 = self.verify_answers(second)
        # Dimension 1 was autosaved and submitted: go back to it through the navigation.
        first = self.dimension_urls[0]
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, f"nav.assessment a[href='{first}']"))
        check(self.path() == first, f"the navigation led to {self.path()}")
        count1 = self.verify_answers(first)
        progress = self.driver.find_element(By.CSS_SELECTOR, f"[data-progress='{first.rsplit('/', 1)[1]}']")
        check("complete" in (progress.get_attribute("class") or ""), f"dimension 1 progress not complete: {progress.text}")
        self.get(second)
        return f"{count1} + {count2} answers still there after reload"

    def fill_all(self):
        for index in range(len(self.dimension_urls)):
            ok = self.step(f"fill dimension {index + 1} ({self.dimension_urls[index].rsplit('/', 1)[1]})",
                           self.fill_dimension, index, index == 0, index == 0)
            if not ok:
                return False
            if index == 1:
                if not self.step("answers persist after reload (autosaved and submitted)", self.persistence):
                    return False
            if not self.step(f"submit dimension {index + 1}", self.submit_dimension, index):
                return False
        return True

    # -------------------------------------------------------------- results

    def results(self):
        check(self.path() == f"/assessments/{self.assessment_id}/results", f"on {self.path()}")
        figures = self.driver.find_elements(By.CSS_SELECTOR, ".report .headline .figure .value")
        check(figures, "the results page shows no headline figure")
        overall = figures[0].text.strip()
        check(any(c.isdigit() for c in overall), f"the overall score figure is {overall!r}")
        self.overall_figure = overall
        self.collect_console("results")
        self.run_axe("results")
        for file in ("report.json", "response.yaml"):
            links = self.driver.find_elements(By.CSS_SELECTOR, f".downloads a[href*='/download/{file}']")
            check(links, f"no download link for {file}")
        return f"overall score figure {overall}"

    def compare(self):
        """The one peer set the server was started with is compared with at once (the
        authority's own band, or every band when its own has too few); the results open with a
        plain sentence linked to the plan. Then a filter under "More options" is chosen, as a user
        would, and the comparison is kept by the links to the plan, the downloads and the language
        switch. No peer is named."""
        text = self.driver.find_element(By.TAG_NAME, "main").text
        check(re.search(r"Compared with (\d+) peer authorities", text), "peers are not compared by default")
        summary = self.driver.find_element(By.CSS_SELECTOR, "p.summary")
        check(re.search(r"scores [\d.]+ out of 100", summary.text) and "Next step" in summary.text,
              f"the results open with {summary.text!r}")
        check("similar authorities compared" in summary.text, f"the summary does not place the authority: {summary.text!r}")
        self.driver.find_element(By.CSS_SELECTOR, "details.more summary").click()
        Select(self.driver.find_element(By.ID, "f-type")).select_by_value("municipality")
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
        check("type=municipality" in self.driver.current_url, f"the filter is not in {self.driver.current_url}")
        text = self.driver.find_element(By.TAG_NAME, "main").text
        match = re.search(r"Compared with (\d+) peer authorities", text)
        check(match, "the report does not say it compares with peers")
        check("Synthetic municipality" not in text, "a peer is named on the page")
        kept = {
            "plan (navigation)": self.driver.find_element(By.CSS_SELECTOR, "nav.assessment a[href*='/plan']"),
            "plan (summary)": self.driver.find_element(By.CSS_SELECTOR, "p.summary a"),
            "report download": self.driver.find_element(By.CSS_SELECTOR, ".downloads a[href*='report.html']"),
            "language switch": self.driver.find_element(By.CSS_SELECTOR, "ul.languages a[hreflang='fr']"),
        }
        for label, link in kept.items():
            href = link.get_attribute("href") or ""
            check("municipality" in href and "peers" in href, f"the {label} link drops the comparison: {href}")
        self.screenshot("web-results.png")
        self.collect_console("results with peers")
        self.run_axe("results with peers")
        steps = self.plan_with_peers(kept["plan (summary)"].get_attribute("href"))
        return f"compared with {match.group(1)} peers; the plan from the summary link has {steps} steps"

    def plan_with_peers(self, href):
        """The plan the results' sentence links to keeps the comparison and gives the mayor a
        next step: never an empty plan, never a gap with a sign that contradicts the results."""
        self.driver.get(href)
        check("municipality" in self.driver.current_url, f"the plan dropped the comparison: {self.driver.current_url}")
        steps = self.driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=steps] .dimension h3")
        check(steps, "the plan compared with peers has no step")
        text = self.driver.find_element(By.TAG_NAME, "main").text
        check(not re.search(r"\+[\d.,]+ points below", text), "the plan says a positive gap is below target")
        self.driver.back()
        check(self.path().startswith(f"/assessments/{self.assessment_id}/results?"), f"back on {self.path()}")
        return len(steps)

    def download(self, path):
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.url(path), headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=30) as response:
            check(response.status == 200, f"{path}: HTTP {response.status}")
            disposition = response.headers.get("Content-Disposition", "")
            check("attachment" in disposition, f"{path}: Content-Disposition is {disposition!r}")
            return response.read()

    def downloads(self):
        base = f"/assessments/{self.assessment_id}/download/"
        report = json.loads(self.download(base + "report.json"))
        yaml_text = self.download(base + "response.yaml")
        response_path = os.path.join(self.work, "downloaded.response.yaml")
        with open(response_path, "wb") as f:
            f.write(yaml_text)
        scored = subprocess.run([self.args.maturity, "score", response_path, "--format", "json"],
                                capture_output=True, text=True, timeout=60, cwd=self.args.project)
        check(scored.returncode == 0, f"maturity score failed ({scored.returncode}): {scored.stderr.strip()}")
        card = json.loads(scored.stdout)
        report_score = overall_score(report)
        card_score = card["overall"]["score"]
        check(report_score is not None, f"no scorecard.overall.score in report.json (keys {sorted(report)})")
        check(isinstance(card_score, (int, float)), f"maturity score gives overall score {card_score!r}")
        check(math.isclose(report_score, card_score, rel_tol=0, abs_tol=1e-9),
              f"report.json overall {report_score} != maturity score {card_score}")
        # The dimensions too.
        ours = {d["id"]: d for d in report["scorecard"]["dimensions"]}
        for dimension in card["dimensions"]:
            mine = ours.get(dimension["id"], {})
            for key in ("score", "coverage", "unsure"):
                a, b = mine.get(key), dimension.get(key)
                same = a == b or (isinstance(a, (int, float)) and isinstance(b, (int, float))
                                  and math.isclose(a, b, rel_tol=0, abs_tol=1e-9))
                check(same, f"dimension {dimension['id']} {key}: report.json {a!r}, maturity score {b!r}")
        # The response keeps the "unsure" tick and the comment given on the page.
        text = yaml_text.decode("utf-8")
        for notes in self.notes.values():
            if "unsure" in notes:
                entry = yaml_entry(text, notes["unsure"])
                check("unsure: true" in entry, f"the response does not mark {notes['unsure']} unsure: {entry!r}")
            if "comment" in notes:
                qid, comment = notes["comment"]
                entry = yaml_entry(text, qid)
                check(comment in entry, f"the response lacks the comment on {qid}: {entry!r}")
        shown = self.overall_figure.replace(",", ".")
        check(f"{card_score:.1f}" in shown or f"{card_score:.0f}" in shown,
              f"the page shows {self.overall_figure!r} for an overall score of {card_score}")
        answered = sum(len(a) for a in self.answers.values())
        return f"overall {card_score:.6f} in report.json and `maturity score` of the response ({answered} answers filled)"

    # --------------------------------------------------------- other pages

    def other_pages(self):
        pages = [
            ("details", f"/assessments/{self.assessment_id}/details", False),
            ("plan", f"/assessments/{self.assessment_id}/plan", False),
            ("history", f"/assessments/{self.assessment_id}/history", False),
            ("delete confirmation", f"/assessments/{self.assessment_id}/delete", False),
            ("home with assessments", "/", False),
            ("error (404)", "/nope", True),
        ]
        for label, path, is_error in pages:
            self.get(path)
            if is_error:
                check(self.driver.find_elements(By.CSS_SELECTOR, ".errors[role=alert]"), "the 404 page shows no error")
            else:
                check(self.driver.find_elements(By.TAG_NAME, "h1"), f"{path} has no heading")
            self.collect_console(label, expected_status=404 if is_error else None)
            self.run_axe(label)
        return f"{len(pages)} pages"

    def french(self):
        self.get(f"/assessments/{self.assessment_id}/results")
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "ul.languages a[hreflang='fr']"))
        check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr", "the page is not in French")
        check(self.path() == f"/assessments/{self.assessment_id}/results", f"the language switch led to {self.path()}")
        self.collect_console("results (fr)")
        self.run_axe("results (fr)")
        self.get(self.dimension_urls[0])
        check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr", "French not kept")
        self.collect_console("dimension 1 (fr)")
        self.run_axe("dimension 1 (fr)")
        # On a page of questions the switch is a button of the form: it saves, then switches.
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "ul.languages button[lang='en']"))
        check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the page is not back in English")
        return "results and dimension 1 in French"

    def without_javascript(self):
        """Submits the last dimension's form in a browser with JavaScript off."""
        driver = self.new_driver(javascript=False)
        try:
            path = self.dimension_urls[-1]
            driver.get(self.url(path))
            check(not driver.find_elements(By.CSS_SELECTOR, "[data-save-status][data-state]"), "the script ran")
            fieldset = [f for f in driver.find_elements(By.CSS_SELECTOR, "fieldset.question")
                        if f.get_attribute("hidden") is None][0]
            qid = fieldset.get_attribute("data-question")
            fieldset.find_element(By.TAG_NAME, "summary").click()
            evidence = driver.find_element(By.ID, f"e-{qid}")
            evidence.clear()
            evidence.send_keys("https://example.org/evidence-no-js")
            self.navigate_by(driver.find_element(By.CSS_SELECTOR, "button[name=go][value=stay]"), driver=driver)
            check(driver.current_url == self.url(path), f"'Save' led to {driver.current_url}")
            check(driver.find_element(By.ID, f"e-{qid}").get_property("value") == "https://example.org/evidence-no-js",
                  "the evidence was not saved")
            kept = self.answers[path]
            for other, (kind, value) in kept.items():
                if kind in ("radio", "multi"):
                    box = driver.find_element(By.CSS_SELECTOR, f"#question-{other} input[value='{value}']")
                    check(box.is_selected(), f"{other} lost its answer in the no-JavaScript submit")
            self.collect_console("dimension without JavaScript", driver=driver)
            return f"evidence of {qid} saved by a plain form submit; {len(kept)} answers kept"
        finally:
            driver.quit()

    def saving_with_javascript(self):
        """Item 1: a note on a question without an answer is kept. Item 6: text typed just before
        leaving the page is sent as the page goes; a failed save says "Not saved" next to the
        question, with a retry that saves; a proxy's 502 is sent again by itself."""
        path = self.dimension_urls[-1]
        self.get(path)
        fieldset = self.visible_questions()[0]
        qid = fieldset.get_attribute("data-question")
        blank = fieldset.find_elements(By.ID, f"q-{qid}--blank")
        check(blank, f"{qid} has no 'no answer yet' option")
        before = self.saves_done()
        blank[0].click()
        self.wait_for_saves(at_least=before + 1)
        if fieldset.find_element(By.TAG_NAME, "details").get_attribute("open") is None:
            fieldset.find_element(By.TAG_NAME, "summary").click()
        comment = fieldset.find_element(By.ID, f"c-{qid}")
        comment.clear()
        comment.send_keys("Typed just before leaving")
        # Leave at once, within the pause after typing: the edit must still arrive.
        self.navigate_by(self.driver.find_element(By.CSS_SELECTOR, "nav.assessment a[href$='/history']"))
        self.get(path)
        kept = self.driver.find_element(By.ID, f"c-{qid}").get_property("value")
        check(kept == "Typed just before leaving", f"the comment typed before leaving is {kept!r}")
        check(not self.driver.find_element(By.ID, f"q-{qid}--blank").get_attribute("checked") is None,
              f"{qid} should be unanswered")
        # A proxy's 502 once (a server instance killed behind nginx): sent again, saved, unseen.
        self.driver.execute_script("""
            window.__realFetch = window.fetch;
            window.fetch = function () {
              window.fetch = window.__realFetch;
              return Promise.resolve(new Response("<html>502 Bad Gateway</html>", {status: 502}));
            };""")
        fieldset = self.driver.find_element(By.ID, f"question-{qid}")
        radios = [r for r in fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]") if r.get_attribute("value")]
        before = self.saves_done()
        radios[-1].click()
        self.wait_for_saves(at_least=before + 1)
        status = fieldset.find_element(By.CSS_SELECTOR, "[data-save-status]")
        WebDriverWait(self.driver, 5).until(lambda d: status.get_attribute("data-state") is not None)
        check(status.get_attribute("data-state") == "saved",
              f"a save answered 502 once is sent again; the status says {status.text!r}")
        # A save that fails, again when sent again.
        self.driver.execute_script("""
            window.__realFetch = window.fetch;
            window.fetch = function () { return Promise.reject(new TypeError('offline')); };""")
        fieldset = self.driver.find_element(By.ID, f"question-{qid}")
        radios = [r for r in fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]") if r.get_attribute("value")]
        retried = radios[0].get_attribute("value")
        radios[0].click()
        status = fieldset.find_element(By.CSS_SELECTOR, "[data-save-status]")
        WebDriverWait(self.driver, 5).until(lambda d: status.get_attribute("data-state") == "error")
        check("Not saved" in status.text, f"a failed save says {status.text!r}")
        self.driver.execute_script("window.fetch = window.__realFetch;")
        before = self.saves_done()
        status.find_element(By.TAG_NAME, "button").click()
        self.wait_for_saves(at_least=before + 1)
        check(status.get_attribute("data-state") == "saved" and "Saved" in status.text,
              f"after retry the status says {status.text!r}")
        self.collect_console("saving with JavaScript")
        self.run_axe("dimension with a failed save")
        self.get(path)
        check(self.driver.find_element(By.CSS_SELECTOR, f"#question-{qid} input[value='{retried}']").is_selected(),
              "the retried answer was not saved")
        return f"{qid}: note without answer kept, edit sent on leaving, 502 sent again, failed save retried"

    def follow_ups_without_javascript(self):
        """Item 6 without JavaScript: the page says "Save" saves; an answer that brings follow-up
        questions keeps the user on the page with them shown; the language switch saves first."""
        driver = self.new_driver(javascript=False)
        try:
            path = self.dimension_urls[0]
            driver.get(self.url(path))
            intro = driver.find_element(By.CSS_SELECTOR, "[data-intro]").text
            check("Save" in intro, f"without JavaScript the page says {intro!r}")
            def radios_of(qid):
                return [r for r in driver.find_elements(By.CSS_SELECTOR, f"#question-{qid} input[type=radio]")
                        if r.get_attribute("value")]

            def hidden_now():
                return [f.get_attribute("data-question") for f in driver.find_elements(By.CSS_SELECTOR, "fieldset.question[hidden]")]

            # Find an answer that brings follow-up questions: each choice question in turn is set to
            # its first option and saved, then to its last and "Save and continue" is pressed.
            candidates = [f.get_attribute("data-question") for f in driver.find_elements(By.CSS_SELECTOR, "fieldset.question:not([hidden])")]
            shown, notice = [], ""
            for qid in candidates:
                if len(radios_of(qid)) < 2:
                    continue
                radios_of(qid)[0].click()
                self.navigate_by(driver.find_element(By.CSS_SELECTOR, "button[name=go][value=stay]"), driver=driver)
                hidden = hidden_now()
                radios_of(qid)[-1].click()
                self.navigate_by(driver.find_element(By.CSS_SELECTOR, "button[name=go][value=next]"), driver=driver)
                if "appeared=" in driver.current_url:
                    check(driver.current_url.split("?")[0] == self.url(path), f"'Save and continue' left for {driver.current_url}")
                    notice = driver.find_element(By.CSS_SELECTOR, "p.notice").text
                    shown = [q for q in hidden if q not in hidden_now()]
                    break
                driver.get(self.url(path))
            check(shown, f"no answer brought follow-up questions to the page without JavaScript ({notice!r})")
            # An unsaved edit survives the language switch.
            fieldset = driver.find_element(By.ID, f"question-{shown[0]}")
            if fieldset.find_element(By.TAG_NAME, "details").get_attribute("open") is None:
                fieldset.find_element(By.TAG_NAME, "summary").click()
            evidence = driver.find_element(By.ID, f"e-{shown[0]}")
            evidence.clear()
            evidence.send_keys("https://example.org/kept-through-the-language-switch")
            self.navigate_by(driver.find_element(By.CSS_SELECTOR, "ul.languages button[lang='fr']"), driver=driver)
            check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr", "the page is not in French")
            value = driver.find_element(By.ID, f"e-{shown[0]}").get_property("value")
            check(value == "https://example.org/kept-through-the-language-switch", f"the evidence after the switch is {value!r}")
            self.navigate_by(driver.find_element(By.CSS_SELECTOR, "ul.languages button[lang='en']"), driver=driver)
            self.collect_console("follow-ups without JavaScript", driver=driver)
            return f"{len(shown)} follow-up question(s) shown; evidence kept through the language switch"
        finally:
            driver.quit()

    def phone_pages(self):
        """Every kind of page on a phone (390 x 844): none wider than the screen, axe clean, and
        no chart or table text under 12 px."""
        driver = self.new_driver(javascript=True, width=390, height=844)
        original = self.driver
        self.driver = driver
        try:
            pages = [("home (phone)", "/"), ("details (phone)", f"/assessments/{self.assessment_id}/details")]
            pages += [(f"dimension {i + 1} (phone)", url) for i, url in enumerate(self.dimension_urls)]
            pages += [(f"{name} (phone)", f"/assessments/{self.assessment_id}/{name}") for name in ("results", "plan", "history")]
            smallest = []
            for label, path in pages:
                self.get(path)  # checks the width
                self.run_axe(label)
                self.collect_console(label)
                small = driver.execute_script("""
                    var out = [];
                    document.querySelectorAll('main svg text, main td, main th, main p, main li, main label').forEach(function (e) {
                      if (!e.textContent.trim() || !e.getClientRects().length) return;
                      var size = parseFloat(getComputedStyle(e).fontSize) * (e.ownerSVGElement ? e.ownerSVGElement.getScreenCTM().a : 1);
                      if (size < 11.5) out.push(e.tagName + ' ' + e.textContent.trim().slice(0, 30) + ' ' + size.toFixed(1));
                    });
                    return out;""")
                smallest += [f"{label}: {item}" for item in small]
            check(not smallest, f"{len(smallest)} texts under 12 px: {smallest[:5]}")
            if self.args.screenshots:
                for name in ("results", "plan"):
                    self.get(f"/assessments/{self.assessment_id}/{name}")
                    self.screenshot(f"web-{name}-phone.png")
            return f"{len(pages)} pages fit 390 px"
        finally:
            self.driver = original
            driver.quit()

    # ---------------------------------------------------------------- main

    def run(self):
        try:
            ok = self.step("home page and 'New assessment' link", self.home)
            ok = ok and self.step("create an assessment through the details form", self.create_assessment)
            ok = ok and self.fill_all()
            ok = ok and self.step("results page shows the overall score", self.results)
            ok = ok and self.step("compare with the configured peer set", self.compare)
            if ok:
                self.step("downloaded report.json matches `maturity score` of the downloaded response", self.downloads)
                self.step("details, plan, history, delete confirmation, home, 404 pages", self.other_pages)
                self.step("French pages", self.french)
                self.step("a form submit with JavaScript off", self.without_javascript)
                self.step("saving with JavaScript: a note alone, leaving the page, a failed save", self.saving_with_javascript)
                self.step("follow-up questions and the language switch with JavaScript off", self.follow_ups_without_javascript)
                self.step("every page on a phone (390 x 844)", self.phone_pages)
        finally:
            self.driver.quit()
        self.step("no JavaScript errors in the browser console", self.no_console_errors)
        self.step("axe: no serious or critical violation", self.no_blocking_axe_violations)
        return self.summary()

    def no_console_errors(self):
        for label, message in self.console_errors:
            print(f"    console [{label}] {message}")
        for note in sorted(self.console_notes):
            print(f"    note: {note}")
        check(not self.console_errors, f"{len(self.console_errors)} SEVERE console message(s)")
        return ""

    def no_blocking_axe_violations(self):
        check(self.axe_results, "axe ran on no page")
        blocking = 0
        for label, path, violations in self.axe_results:
            for v in violations:
                severe = v.get("impact") in BLOCKING_IMPACTS
                blocking += severe
                targets = [" ".join(t if isinstance(t, str) else ">>".join(t) for t in node.get("target", []))
                           for node in v.get("nodes", [])]
                print(f"    {'BLOCKING' if severe else 'note'} [{label} {path}] {v['id']} ({v.get('impact')}): "
                      f"{v.get('help')} — {len(targets)} node(s): {', '.join(targets[:6])}{' …' if len(targets) > 6 else ''}")
        review = {}
        for label, incomplete in self.axe_incomplete:
            for item in incomplete:
                entry = review.setdefault(item["id"], {"pages": [], "nodes": {}})
                entry["pages"].append(label)
                for node in item.get("nodes", []):
                    target = " ".join(t if isinstance(t, str) else ">>".join(t) for t in node.get("target", []))
                    reason = next((c.get("message") for c in node.get("any", []) + node.get("all", []) if c.get("message")), "")
                    entry["nodes"].setdefault(target, reason)
        for rule, entry in sorted(review.items()):
            nodes = "; ".join(f"{t} ({r})" for t, r in list(entry["nodes"].items())[:4])
            print(f"    to review by hand (axe could not decide): {rule} on {', '.join(entry['pages'])}: {nodes}")
        check(blocking == 0, f"{blocking} serious/critical violation(s)")
        return f"{len(self.axe_results)} pages checked with axe-core {self.axe_version}"

    def summary(self):
        print("\nSummary")
        for name, ok, detail in self.steps:
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        print("  axe violations per page (total / serious+critical):")
        for label, path, violations in self.axe_results:
            blocking = sum(v.get("impact") in BLOCKING_IMPACTS for v in violations)
            ids = ", ".join(f"{v['id']}:{v.get('impact')}" for v in violations) or "-"
            print(f"    {label:32} {len(violations):2} / {blocking:2}  {ids}")
        passed = sum(ok for _, ok, _ in self.steps)
        failed = len(self.steps) - passed
        print(f"web-app: {passed} passed, {failed} failed")
        return failed == 0


def yaml_entry(text, key):
    """The text of `key`'s entry in a response file: its line and the more indented ones after it."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip().startswith(key + ":"):
            indent = len(line) - len(line.lstrip())
            entry = [line.strip()]
            for following in lines[index + 1:]:
                if following.strip() and len(following) - len(following.lstrip()) <= indent:
                    break
                entry.append(following.strip())
            return " ".join(entry)
    return ""


def overall_score(report):
    """The overall score in report.json: the report's `scorecard` is the `maturity score` JSON."""
    score = ((report.get("scorecard") or {}).get("overall") or {}).get("score")
    return score if isinstance(score, (int, float)) and not isinstance(score, bool) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--maturity", required=True, help="the maturity binary, for `maturity score`")
    parser.add_argument("--project", default=os.getcwd(), help="folder to run `maturity score` in")
    parser.add_argument("--screenshots", default="docs/images", help="folder for the screenshots ('' for none)")
    parser.add_argument("--browser", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    args = parser.parse_args()
    args.axe_script = axe_script()
    if Axe is None or not args.axe_script:
        print("axe-selenium-python is missing: pip install axe-selenium-python", file=sys.stderr)
        return 2
    print(f"axe-core script: {args.axe_script}")
    started = time.time()
    test = WebAppTest(args)
    ok = test.run()
    if ok:
        shutil.rmtree(test.work, ignore_errors=True)
    else:
        print(f"failure screenshots and downloads kept in {test.work}")
    print(f"({time.time() - started:.0f}s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
